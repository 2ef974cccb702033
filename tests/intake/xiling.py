"""A third paper's copy, written after every change to the importer and measured as it came.

《西岭日报》 (`tests/fixtures/intake/xiling/`, 12 items in the issue format): a lead with a
two-phrase 引题, a staff byline and three 小标题, a story whose byline is set as its 电头, a
新华社 story, a recruitment notice with no 电头 whose items are a numbered list (with a URL,
an e-mail address, a phone number with a space and a time `9:00`), a story quoting an
English engineer (`Emma Clarke`, `Scratch`, `3D`), photo news, three briefs (one without
电头), a story with numbered 小标题 and no 电头, a 副刊 essay under `□` and a poem under `文／`.

Three shapes, by habits none of the importer's other corpora has:

- `wechat` — pasted from a phone's article page: every paragraph a line indented with two
  U+3000, a blank line after every line, two between stories, 小标题 unindented, the photo
  credit in brackets on its own line (`（本报记者 蒋一帆 摄）`);
- `email` — a correspondent's e-mail wrapped at 76 columns (a Han character two, ASCII one),
  blank lines between paragraphs, three between stories;
- `pdf-15` — lines of a page set at 15 ems with the indent lost, cut where the width falls
  (inside numbers, words and addresses; marks that may not start a line hang), one blank line
  between stories, none inside one.

`python -m tests.intake.xiling` prints the figures; they were first measured before any
change to the importer was made for this copy (README: Bringing copy in).
"""
from __future__ import annotations

import sys
from pathlib import Path

from tests.intake import corpus
from tests.intake.corpus import GAP, Source, _Out

XILING = corpus.REPO / "tests" / "fixtures" / "intake" / "xiling"
SHAPES = ("wechat", "email", "pdf-15")


def edition() -> list[Source]:
    return corpus.paper(XILING)


_lead = corpus.paragraphs_with_dateline
_heads = corpus.head_lines
def render_wechat(stories: list[Source]) -> _Out:
    out = _Out(blank_after_every_line=True)
    for n, s in enumerate(stories):
        if n:
            out.blank()
        out.story()
        out.add(*_heads(s))
        for k, stanza in enumerate(s.stanzas):
            out.blank() if k else None
            out.add(*stanza)
        for kind, text in _lead(s):
            out.add(text if kind == "subhead" else GAP * 2 + text)
        for caption, credit in s.photos:
            out.add(GAP * 2 + caption, f"（{credit}）")
    return out


def _columns(text: str) -> int:
    return sum(1 if ord(c) < 0x2000 else 2 for c in text)


def _wrap(text: str, width: int = 76) -> list[str]:
    """Wrapped as a mail client wraps: at a space where there is one in reach, else where the
    width falls."""
    lines, line = [], ""
    for ch in text:
        if _columns(line + ch) > width:
            cut = line.rfind(" ")
            if cut > len(line) // 2:
                lines.append(line[:cut])
                line = line[cut + 1:]
            else:
                lines.append(line)
                line = ""
        line += ch
    return lines + ([line] if line else [])


def render_email(stories: list[Source]) -> _Out:
    out = _Out()
    for n, s in enumerate(stories):
        if n:
            out.blank(), out.blank(), out.blank()
        out.story()
        out.add(*_heads(s))
        for stanza in s.stanzas:
            out.blank()
            out.add(*stanza)
        for kind, text in _lead(s):
            out.blank()
            out.add(*(_wrap(text) if kind != "subhead" else [text]))
        for caption, credit in s.photos:
            out.blank()
            out.add(*_wrap(caption), credit)
    return out


_HANG = set("，。、；：？！）》”’%")
_DOWN = set("（《“‘")


def _set(text: str, measure: float) -> list[str]:
    """Lines of a column `measure` ems wide, the first line's indent lost."""
    em = lambda t: sum(0.5 if ord(c) < 0x2000 else 1.0 for c in t)  # noqa: E731
    lines, line, room = [], "", measure - 2
    for ch in text:
        if line and em(line + ch) > room and ch not in _HANG:
            down = ""
            while line and line[-1] in _DOWN:
                line, down = line[:-1], line[-1] + down
            lines.append(line.rstrip(" "))
            line, room = down, measure
            if ch == " ":
                continue
        line += ch
    return lines + ([line] if line.strip() else [])


def render_pdf(stories: list[Source], measure: float = 15) -> _Out:
    out = _Out()
    for n, s in enumerate(stories):
        if n:
            out.blank()
        out.story()
        out.add(*(h.replace(GAP, "  ") for h in _heads(s)))
        for k, stanza in enumerate(s.stanzas):
            out.blank() if k else None
            out.add(*stanza)
        for kind, text in _lead(s):
            out.add(text) if kind == "subhead" else out.add(*_set(text, measure))
        for caption, credit in s.photos:
            out.add(*_set(caption, measure + 2), credit)
    return out


RENDER = {"wechat": render_wechat, "email": render_email, "pdf-15": render_pdf}


def figures(shape: str, folder: Path) -> corpus.Figures:
    stories = edition()
    return corpus.measure_rendered(stories, RENDER[shape](stories),
                                   folder.parent / f"xiling-{shape}.txt", folder)


def main(argv: list[str]) -> None:
    corpus.print_shapes("西岭", SHAPES, figures)


if __name__ == "__main__":
    main(sys.argv[1:])
