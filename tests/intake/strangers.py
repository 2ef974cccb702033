"""Raw copy by another hand: an edition written after the importer was fixed on every other
corpus, rendered by rules written apart from `corpus.py` and `newsroom.py`, and measured
before any change to the importer.

The edition (`tests/fixtures/intake/strangers/<name>/`, articles in the issue format) has
what copy from outside brings: a 副刊 with `□` bylines and a 词 in 上阕 and 下阕, a new poem
under `文／`, photo news with and without a title (captions and `… 摄` credits), stories with
no byline, 副题 or 电头, English names, dates written `2025-08-14`, URLs, e-mail addresses,
phone numbers (`0412-1234567`) and quotes opening a paragraph. Four shapes:

- `columns` — Windows line ends (CRLF), lines of 26 characters cut into columns every six
  lines, a blank line after every line, paragraph starts indented with two U+3000, the
  phrase gap and the byline's space U+3000, a 词's sections as plain lines (`上阕`);
- `pdf` — lines of a typeset page 19 or 21 ems wide cut wherever the width falls (inside
  `31.6%`, `0412-1234567`, URLs and e-mail addresses; only the marks that may not start a
  line hang), the indent lost, no blank line anywhere, not even between stories;
- `paragraphs` — one paragraph a line, a blank line after each, two between stories, ASCII
  commas and brackets;
- `markdown` — `**引题**` in bold above `# 主题`, the 副题 a plain `——` line, the byline in
  `_emphasis_`, `###` 小标题, verse lines ending in two spaces, `## 上阕`, `---` between
  articles.
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from tests.intake import corpus
from tests.intake.corpus import GAP, Source, _Out

STRANGERS = corpus.REPO / "tests" / "fixtures" / "intake" / "strangers"
RAW = STRANGERS / "raw"
SHAPES = ("columns", "pdf-19", "pdf-21", "paragraphs", "markdown")
_SECTION = re.compile(r"^## (.+)$")


def edition(name: str) -> list[Source]:
    return [corpus.read_article(p) for p in sorted((STRANGERS / name).glob("*.md"))]


def edition_names() -> list[str]:
    return sorted(p.name for p in STRANGERS.iterdir() if p.is_dir() and p.name != "raw")


def _verse(s: Source, section) -> list[list[str]]:
    """A poem's stanzas, a section head (`## 上阕`) written by `section`."""
    return [[section(m.group(1)) if (m := _SECTION.match(ln)) else ln for ln in st]
            for st in s.stanzas]


def _lead(s: Source, dateline) -> list[tuple[str, str]]:
    paras = list(s.paragraphs)
    if s.dateline and paras:
        paras[0] = (paras[0][0], dateline(s.dateline) + paras[0][1])
    return paras


# --- columns ------------------------------------------------------------------------------

def render_columns(stories: list[Source]) -> _Out:
    out, left = _Out(blank_after_every_line=True), [6]
    for s in stories:
        out.story()
        out.add(*[x for x in (s.kicker, s.title, s.subtitle) if x])
        if s.byline:
            out.add(s.byline.replace(" ", GAP))
        for k, stanza in enumerate(_verse(s, lambda t: t)):
            out.blank() if k else None
            out.add(*stanza)
        for kind, text in _lead(s, lambda d: d):
            if kind == "subhead":
                out.add(text)
                continue
            piece, lines = GAP * 2, 0
            for i in range(0, len(text), 26):
                piece += text[i:i + 26]
                lines, left[0] = lines + 1, left[0] - 1
                if left[0] == 0:
                    out.add(piece)
                    piece, left[0] = "", 6
            if piece:
                out.add(piece)
        for caption, credit in s.photos:
            out.add(caption, credit.replace(" ", GAP))
    return out


# --- lines of a typeset page ----------------------------------------------------------------

def _em(text: str) -> float:
    return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in text)


def typeset_cut(text: str, measure: float, first: float, hang=corpus.NO_LINE_START,
                down=corpus.NO_LINE_END) -> list[str]:
    """Cut where the width falls (the first line `first` ems short); a mark that may not start
    a line (`hang`) hangs at the end of the one before; an opening quote or bracket (`down`)
    goes down with the next character."""
    lines, line, room = [], "", measure - first
    for ch in text:
        if line and _em(line + ch) > room and ch not in hang:
            carry = ""
            while line and line[-1] in down:
                line, carry = line[:-1], line[-1] + carry
            lines.append(line.rstrip(" "))
            line, room = carry, measure
            if ch == " ":
                continue
        line += ch
    return lines + [line] if line.strip() else lines


def render_pdf(stories: list[Source], measure: float) -> _Out:
    out = _Out()
    for s in stories:
        out.story()
        out.add(*[x.replace(GAP, "  ") for x in (s.kicker, s.title, s.subtitle) if x])
        if s.byline:
            out.add(s.byline)
        for k, stanza in enumerate(_verse(s, lambda t: t)):
            out.blank() if k else None
            out.add(*stanza)
        for kind, text in _lead(s, lambda d: d):
            if kind == "verse":   # a stanza quoted in a story: set line by line (before session
                out.add(*text.split("\n"))   # 29 cut as prose, a line of it cut in two and
                continue                    # the page's line numbers thrown out by its "\n")
            out.add(text) if kind == "subhead" else out.add(*typeset_cut(text, measure, 2))
        for caption, credit in s.photos:
            out.add(*typeset_cut(caption, measure, 0), credit)
    return out


def render_page(stories: list[Source], measures: tuple[float, ...] = (13, 21, 26, 17)) -> _Out:
    """Lines of a whole page, each story set at its own width (a lead across two columns,
    briefs in one), in turn from `measures`."""
    out = _Out()
    for k, s in enumerate(stories):
        out.story()
        out.lines += render_pdf([s], measures[k % len(measures)]).lines
    return out


# --- a paragraph a line -----------------------------------------------------------------------

def _ascii(text: str) -> str:
    return corpus.ascii_commas(text).replace("（", "(").replace("）", ")")


def render_paragraphs(stories: list[Source]) -> _Out:
    out = _Out(blank_after_every_line=True)
    for n, s in enumerate(stories):
        if n:
            out.blank()
        out.story()
        out.add(*[x for x in (s.kicker, s.title, s.subtitle, s.byline) if x])
        for k, stanza in enumerate(_verse(s, lambda t: t)):
            out.blank() if k else None
            out.add(*stanza)
        for kind, text in _lead(s, corpus.ascii_dateline):
            out.add(text if kind == "subhead" else _ascii(text))
        for caption, credit in s.photos:
            out.add(_ascii(caption), credit)
    return out


# --- Markdown -----------------------------------------------------------------------------------

def render_markdown(stories: list[Source]) -> _Out:
    out = _Out()
    for n, s in enumerate(stories):
        if n:
            out.add("", "---", "")
        out.story()
        if s.kicker:
            out.add(f"**{s.kicker}**", "")
        if s.title:
            out.add(f"# {s.title}", "")
        if s.subtitle:
            out.add(s.subtitle, "")
        if s.byline:
            out.add(f"_{s.byline}_", "")
        for stanza in _verse(s, lambda t: "## " + t):
            if stanza[0].startswith("## "):
                out.add(stanza[0], "")
                continue
            out.add(*(f"{ln}  " for ln in stanza[:-1]), stanza[-1], "")
        for kind, text in _lead(s, lambda d: d):
            out.add(f"### {text}" if kind == "subhead" else text, "")
        for caption, credit in s.photos:
            out.add(caption, credit, "")
    return out


RENDER = {"columns": render_columns, "pdf-19": lambda s: render_pdf(s, 19),
          "pdf-21": lambda s: render_pdf(s, 21), "paragraphs": render_paragraphs,
          "markdown": render_markdown}


def rendered(name: str, shape: str) -> _Out:
    return RENDER[shape](edition(name))


def raw_text(name: str, shape: str) -> str:
    text = rendered(name, shape).text()
    return text.replace("\n", "\r\n") if shape == "columns" else text


def main_figures() -> dict[str, corpus.Figures]:
    """Each shape's figures over every edition."""
    out = {}
    for shape in SHAPES:
        rows = []
        for name in edition_names():
            with tempfile.TemporaryDirectory() as tmp:
                rows.append(figures(name, shape, Path(tmp) / "issue"))
        out[shape] = corpus.Figures.sum(rows)
    return out


def raw_path(name: str, shape: str) -> Path:
    return RAW / f"{name}-{shape}.{'md' if shape == 'markdown' else 'txt'}"


def figures(name: str, shape: str, folder: Path) -> corpus.Figures:
    raw_file = raw_path(name, shape)
    out, plan = corpus.import_raw(raw_file, folder)
    flagged = sorted({d.line for d in plan.decisions} | {n.line for n in plan.notes})
    raw = raw_file.read_bytes().decode("utf-8")
    return corpus.compare(edition(name), raw, out, flagged, rendered(name, shape).starts)


def page_figures() -> corpus.Figures:
    """Every edition of every corpus as lines of a page mixing column widths (`render_page`):
    the importer reads one measure for the whole copy, so this shape is its known gap."""
    from tests.intake import newsroom   # it builds on corpus, as this module does

    editions = [edition(n) for n in edition_names()] + \
        [newsroom.edition(n) for n in newsroom.edition_names()] + \
        [corpus.edition(n) for n in corpus.edition_names() + corpus.team_editions()]
    rows = []
    for stories in editions:
        page = render_page(stories)
        with tempfile.TemporaryDirectory() as tmp:
            raw = Path(tmp) / "page.txt"
            raw.write_text(page.text(), encoding="utf-8")
            out, plan = corpus.import_raw(raw, Path(tmp) / "issue")
        flagged = sorted({d.line for d in plan.decisions} | {n.line for n in plan.notes})
        rows.append(corpus.compare(stories, page.text(), out, flagged, page.starts))
    return corpus.Figures.sum(rows)


def main(argv: list[str]) -> None:
    if "--page" in argv:
        print(corpus.HEADER)
        print(page_figures().row("page of mixed widths"))
        return
    if "--write" in argv:
        RAW.mkdir(parents=True, exist_ok=True)
        for name in edition_names():
            for shape in SHAPES:
                raw_path(name, shape).write_bytes(raw_text(name, shape).encode("utf-8"))
        return
    print(corpus.HEADER)
    for shape, f in main_figures().items():
        print(f.row(shape))


if __name__ == "__main__":
    main(sys.argv[1:])
