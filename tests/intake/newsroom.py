"""Raw copy the importer was never tuned on: four editions written for this check, rendered
with newsroom habits the older corpus (`corpus.py`) does not use.

The editions (`tests/fixtures/intake/unseen/<name>/`, articles in the issue format) are
the clean text an import should give back. Each is rendered into four shapes, and every
edition writes them its own way (`HABITS`):

- `columns` — long lines cut at column ends mid-sentence: a blank line after every line or
  none, paragraph starts indented with two U+3000 or not, ASCII commas or not;
- `typeset` — one line per typeset line of 14, 18 or 22 ems, cut wherever the width falls,
  inside numbers, Latin words, URLs and e-mail addresses too (no hyphen); only the marks
  that may not start a line hang on the line before; the paragraph indent kept as U+3000,
  lost, or written as four ASCII spaces;
- `paragraphs` — one paragraph a line;
- `markdown` — `#` 主题 (the 引题 a line above it, or `###` above it), `##` 副题 or a
  `——` line, `##` or `**bold**` 小标题, `---` between articles or not.

The 电头 (`【本报讯】`, `新华社北京9月2日电`, `本报讯(记者 冯清)` with ASCII brackets,
`本报讯（记者邵阳 通讯员魏琳）` without spaces), a headline's phrase gap (U+3000, two
spaces, one space) and the byline's space (U+3000 or ASCII) vary too. The raw files are
committed under `tests/fixtures/intake/unseen/raw/`; `python -m tests.intake.newsroom
--write` makes them again, without arguments prints the figures table.
"""
from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tests.intake import corpus
from tests.intake.corpus import GAP, Source, _Out

UNSEEN = corpus.REPO / "tests" / "fixtures" / "intake" / "unseen"
RAW = UNSEEN / "raw"
SHAPES = ("columns", "typeset", "paragraphs", "markdown")


@dataclass(frozen=True)
class Habits:
    """How one newsroom writes its copy."""

    gap: str                 # a headline's phrase gap as typed
    byline_space: str        # between staff title and name
    dateline: tuple[tuple[str, str], ...] = ()   # replacements in the 电头
    ascii_commas: bool = False
    indent: str = ""         # a paragraph's first-line indent in columns and typeset
    blank_every: bool = True  # columns: a blank line after every line
    column: int = 22         # columns: characters a column line
    measure: int = 18        # typeset: ems a line
    story_blank: bool = True  # typeset, paragraphs: a blank line between stories
    md_kicker: str = "line"  # markdown: the 引题 as a plain `line` or a `###` heading
    md_subhead: str = "##"   # markdown: `##` or `**`
    md_rule: bool = False    # markdown: `---` between articles
    md_byline: str = ""      # markdown: the byline wrapped in this (`*` for italics)


HABITS = {
    "songlin": Habits(gap=GAP, byline_space=GAP, indent=GAP * 2, column=22, measure=14,
                      story_blank=True, md_kicker="line", md_subhead="##", md_rule=True),
    "xiqiao": Habits(gap="  ", byline_space=" ", dateline=(("（", "("), ("）", ")")),
                     ascii_commas=True, indent="", column=20, measure=18, story_blank=True,
                     md_kicker="###", md_subhead="**"),
    "nanhu": Habits(gap=" ", byline_space=" ", dateline=(("记者 ", "记者"), ("通讯员 ", "通讯员")),
                    indent="    ", blank_every=False, column=24, measure=22, story_blank=False,
                    md_kicker="line", md_subhead="##"),
    # written after the importer was fixed on the three above, and measured before any
    # change: the held-out edition
    "donghe": Habits(gap=GAP, byline_space=GAP, dateline=(("（", "( "), ("）", " )")),
                     indent="", blank_every=True, column=18, measure=16, story_blank=False,
                     md_kicker="###", md_subhead="##", md_rule=True, md_byline="*"),
}


def edition(name: str) -> list[Source]:
    return [corpus.read_article(p) for p in sorted((UNSEEN / name).glob("*.md"))]


def edition_names() -> list[str]:
    return sorted(HABITS)


# --- the parts as a newsroom types them ----------------------------------------------------

def _byline(s: Source, h: Habits) -> str:
    return s.byline.replace(" ", h.byline_space, 1) if s.byline else ""


def _dateline(text: str, h: Habits) -> str:
    for old, new in h.dateline:
        text = text.replace(old, new)
    return text


def _body(text: str, h: Habits) -> str:
    return corpus.ascii_commas(text) if h.ascii_commas else text


def _heads(s: Source, h: Habits) -> list[str]:
    lines = [x.replace(GAP, h.gap) for x in (s.kicker, s.title, s.subtitle) if x]
    return lines + ([_byline(s, h)] if s.byline else [])


def _paragraphs(s: Source, h: Habits) -> list[tuple[str, str]]:
    """(kind, text) as typed, the 电头 opening the first paragraph."""
    paras = [(k, t if k != "body" else _body(t, h)) for k, t in s.paragraphs]
    if s.dateline and paras:
        paras[0] = (paras[0][0], _dateline(s.dateline, h) + paras[0][1])
    return paras


def _photos(s: Source, h: Habits) -> list[tuple[str, str]]:
    return [(_body(c, h), credit) for c, credit in s.photos]


def _subhead(text: str, h: Habits) -> str:
    return text.replace(GAP, h.gap)


# --- columns: long lines cut at column ends --------------------------------------------------

def _column_lines(text: str, h: Habits, left: list[int]) -> list[str]:
    """A paragraph set in lines of `h.column` characters, cut into pieces at column ends
    (every `left[0]` lines, then every 7)."""
    pieces, piece, pos, first = [], "", 0, True
    while pos < len(text):
        take = h.column - (2 if first else 0)
        piece += text[pos:pos + take]
        pos, first = pos + take, False
        left[0] -= 1
        if left[0] == 0:
            pieces.append(piece)
            piece, left[0] = "", 7
    pieces.append(piece) if piece else None
    return [h.indent + p if i == 0 else p for i, p in enumerate(pieces)]


def render_columns(stories: list[Source], h: Habits) -> _Out:
    out, left = _Out(blank_after_every_line=h.blank_every), [4]
    for n, s in enumerate(stories):
        if n and not h.blank_every:
            out.blank()
        out.story()
        out.add(*_heads(s, h))
        _stanzas(out, s)
        for kind, text in _paragraphs(s, h):
            out.add(_subhead(text, h)) if kind == "subhead" else \
                out.add(*_column_lines(text, h, left))
        for caption, credit in _photos(s, h):
            out.add(caption, credit)
    return out


def _stanzas(out: _Out, s: Source) -> None:
    for k, stanza in enumerate(s.stanzas):
        if k:
            out.blank()
        out.add(*stanza)


# --- typeset: lines of a page, cut wherever the width falls -----------------------------------

def _em(ch: str) -> float:
    return 0.5 if ord(ch) < 0x2000 else 1.0


def typeset_lines(text: str, measure: int, indent: str) -> list[str]:
    """Break by width; a mark that may not start a line hangs on the line before, an opening
    mark moves down, a space at a break is dropped; numbers, Latin words and URLs are cut
    where the width falls, without a hyphen."""
    lines, line = [], indent
    for ch in text:
        if ch == " " and not line.strip() and lines:
            continue
        if _width(line + ch) > measure and line.strip() and ch not in corpus.NO_LINE_START:
            carry = ""
            while line and line[-1] in corpus.NO_LINE_END:
                line, carry = line[:-1], line[-1] + carry
            lines.append(line.rstrip(" "))
            line = carry
            if ch == " ":
                continue
        line += ch
    return lines + [line] if line.strip() else lines


def _width(text: str) -> float:
    return sum(_em(c) for c in text)


def render_typeset(stories: list[Source], h: Habits) -> _Out:
    out = _Out()
    for n, s in enumerate(stories):
        if n and h.story_blank:
            out.blank()
        out.story()
        out.add(*_heads(s, h))
        _stanzas(out, s)
        for kind, text in _paragraphs(s, h):
            out.add(_subhead(text, h)) if kind == "subhead" else \
                out.add(*typeset_lines(text, h.measure, h.indent.replace("    ", "  ")))
        for caption, credit in _photos(s, h):
            out.add(*typeset_lines(caption, h.measure, ""), credit)
    return out


# --- one paragraph a line -----------------------------------------------------------------------

def render_paragraphs(stories: list[Source], h: Habits) -> _Out:
    out = _Out()
    for n, s in enumerate(stories):
        if n and h.story_blank:
            out.blank()
        out.story()
        out.add(*_heads(s, h))
        _stanzas(out, s)
        for kind, text in _paragraphs(s, h):
            out.add(_subhead(text, h) if kind == "subhead" else text)
        for caption, credit in _photos(s, h):
            out.add(caption, credit)
    return out


# --- Markdown -------------------------------------------------------------------------------

def _md_heads(s: Source, h: Habits) -> list[str]:
    lines = []
    if s.kicker:
        lines.append(("### " if h.md_kicker == "###" else "") + s.kicker.replace(GAP, h.gap))
    if s.title:   # an untitled photo item is its caption and credit alone
        lines.append("# " + s.title.replace(GAP, h.gap))
    if s.subtitle:
        lines.append("## " + s.subtitle)
    byline = f"{h.md_byline}{_byline(s, h)}{h.md_byline}"
    return lines + ([byline] if s.byline else [])


def _md_subhead(text: str, h: Habits) -> str:
    return f"**{text}**" if h.md_subhead == "**" else f"## {text}"


def render_markdown(stories: list[Source], h: Habits) -> _Out:
    out = _Out()
    for n, s in enumerate(stories):
        if n:
            out.add(*(["", "---", ""] if h.md_rule else [""]))
        out.story()
        for line in _md_heads(s, h):
            out.add(line, "")
        for k, stanza in enumerate(s.stanzas):
            out.add(*(f"{ln}  " for ln in stanza[:-1]), stanza[-1], "")
        for kind, text in _paragraphs(s, h):
            out.add(_md_subhead(text, h) if kind == "subhead" else text, "")
        for caption, credit in _photos(s, h):
            out.add(caption, credit, "")
    return out


RENDER = {"columns": render_columns, "typeset": render_typeset,
          "paragraphs": render_paragraphs, "markdown": render_markdown}


def rendered(name: str, shape: str) -> _Out:
    return RENDER[shape](edition(name), HABITS[name])


def raw_path(name: str, shape: str) -> Path:
    return RAW / f"{name}-{shape}.{'md' if shape == 'markdown' else 'txt'}"


def figures(name: str, shape: str, folder: Path) -> corpus.Figures:
    raw_file = raw_path(name, shape)
    out, plan = corpus.import_raw(raw_file, folder)
    flagged = sorted({d.line for d in plan.decisions} | {n.line for n in plan.notes})
    return corpus.compare(edition(name), raw_file.read_text(encoding="utf-8"), out, flagged,
                          rendered(name, shape).starts)


def main(argv: list[str]) -> None:
    if "--write" in argv:
        RAW.mkdir(parents=True, exist_ok=True)
        for name in edition_names():
            for shape in SHAPES:
                raw_path(name, shape).write_text(rendered(name, shape).text(), encoding="utf-8")
        return
    print(corpus.HEADER)
    for shape in SHAPES:
        rows = []
        for name in edition_names():
            with tempfile.TemporaryDirectory() as tmp:
                rows.append(figures(name, shape, Path(tmp) / "issue"))
            if "-v" in argv:
                print(rows[-1].row(f"{name} · {shape}"))
        print(corpus.Figures.sum(rows).row(shape))


if __name__ == "__main__":
    main(sys.argv[1:])
