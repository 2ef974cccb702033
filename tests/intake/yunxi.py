"""A held-out paper in two new shapes: written and measured before the changes it checks.

《云溪日报》 (`tests/fixtures/intake/yunxi/`, 10 items in the issue format): a lead with 引题,
dashed 副题, byline and two 小标题; a story with a reporter's 电头; a 新华社 story; a story with
its own photo; photo news; a story quoting a German engineer (`Lukas Weber`, `19:30`, an
e-mail address) under a byline; a power-cut notice with no 电头 whose items are a list; a brief
with a URL; a 副刊 essay under `□` and a poem under `文／`. Rendered in two shapes no other corpus
of the importer has:

- `wechat` — pasted from a WeChat article: a paragraph a line with no indent, a blank line after
  every line and two between stories, 小标题 in 【】, a photo's caption led by ▲ with its credit
  in brackets on the same line (`▲志愿者在…。（本报记者 沈星河 摄）`), a poem's lines together and
  a blank line between its stanzas;
- `word` — a Word document saved as plain text: Windows line ends, a paragraph a line, no blank
  line inside a story and one between stories, the paragraph indent (a paragraph format) lost,
  a caption and its credit on lines of their own.

It was written, rendered and measured before any change to the importer made in the same piece
of work (issue 19, session 25); its first figures are the floors of `test_intake_yunxi.py`. Do
not fit rules to it: write a new held-out paper instead.

`python -m tests.intake.yunxi` prints the figures.
"""
from __future__ import annotations

import sys
from pathlib import Path

from tests.intake import corpus
from tests.intake.corpus import GAP, Source, _Out

YUNXI = corpus.REPO / "tests" / "fixtures" / "intake" / "yunxi"


def edition() -> list[Source]:
    return corpus.paper(YUNXI)


_lead = corpus.paragraphs_with_dateline
def _heads(s: Source) -> list[str]:
    return [x.replace(GAP, " ") for x in corpus.head_lines(s)]


class _WeChat(_Out):
    """A blank line after every line, but a poem's lines kept together (soft line breaks)."""

    def verse(self, lines) -> None:
        self.lines += list(lines) + [""]


def render_wechat(stories: list[Source]) -> _Out:
    out = _WeChat(blank_after_every_line=True)
    for n, s in enumerate(stories):
        if n:
            out.blank()
        out.story()
        out.add(*_heads(s))
        for stanza in s.stanzas:
            out.verse(stanza)
        for kind, text in _lead(s):
            out.add(f"【{text}】" if kind == "subhead" else text)
        for caption, credit in s.photos:
            out.add(f"▲{caption}（{credit}）")
    return out


class _Word(_Out):
    def text(self) -> str:
        return super().text().replace("\n", "\r\n")


def render_word(stories: list[Source]) -> _Out:
    out = _Word()
    for n, s in enumerate(stories):
        if n:
            out.blank()
        out.story()
        out.add(*_heads(s))
        for k, stanza in enumerate(s.stanzas):
            out.blank() if k else None
            out.add(*stanza)
        for _kind, text in _lead(s):
            out.add(text)
        for caption, credit in s.photos:
            out.add(caption, credit)
    return out


RENDER = {"wechat": render_wechat, "word": render_word}
SHAPES = tuple(RENDER)


def figures(shape: str, folder: Path) -> corpus.Figures:
    stories = edition()
    raw = folder.parent / f"yunxi-{shape}.txt"
    return corpus.measure_rendered(stories, RENDER[shape](stories), raw, folder)


def main(argv: list[str]) -> None:
    corpus.paper_main(argv, "云溪", SHAPES, RENDER, edition, figures)


if __name__ == "__main__":
    main(sys.argv[1:])
