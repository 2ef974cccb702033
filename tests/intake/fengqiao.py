"""A second held-out paper of session 25, written before any fix made for 云溪's misses.

《枫桥晚报》 (`tests/fixtures/intake/fengqiao/`, 8 items in the issue format): a lead with 引题,
dashed 副题, byline and two two-phrase 小标题; a story with a reporter's 电头 and a time range; a
新华社 story; a story with its own photo; photo news; a bus-route notice whose items are a list
after a colon; a 副刊 essay under `□` and a poem under `文／`. Two shapes:

- `wechat` — pasted from a WeChat article that lost its blank lines: a paragraph a line, no
  blank line inside a story and one between stories, 小标题 in 【】, a caption led by `▲ ` and
  its credit in brackets on the next line;
- `word` — a Word document saved as text with the indent typed as two U+3000 before every
  paragraph, Windows line ends, a blank line between stories only.

It was written, rendered and measured after 云溪 (tests/intake/yunxi.py) showed the WeChat
habits the importer did not read, and before any change made for them; its first figures are
the floors of `test_intake_fengqiao.py`. Do not fit rules to it.

`python -m tests.intake.fengqiao` prints the figures.
"""
from __future__ import annotations

import sys
from pathlib import Path

from tests.intake import corpus
from tests.intake.corpus import GAP, Source, _Out

FENGQIAO = corpus.REPO / "tests" / "fixtures" / "intake" / "fengqiao"


def edition() -> list[Source]:
    return corpus.paper(FENGQIAO)


_lead = corpus.paragraphs_with_dateline
_heads = corpus.head_lines
def render_wechat(stories: list[Source]) -> _Out:
    out = _Out()
    for n, s in enumerate(stories):
        if n:
            out.blank()
        out.story()
        out.add(*_heads(s))
        for k, stanza in enumerate(s.stanzas):
            out.blank() if k else None
            out.add(*stanza)
        for kind, text in _lead(s):
            out.add(f"【{text}】" if kind == "subhead" else text)
        for caption, credit in s.photos:
            out.add(f"▲ {caption}", f"（{credit}）")
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
        for kind, text in _lead(s):
            out.add(text if kind == "subhead" else GAP * 2 + text)
        for caption, credit in s.photos:
            out.add(GAP * 2 + caption, credit)
    return out


RENDER = {"wechat": render_wechat, "word": render_word}
SHAPES = tuple(RENDER)


def figures(shape: str, folder: Path) -> corpus.Figures:
    stories = edition()
    raw = folder.parent / f"fengqiao-{shape}.txt"
    return corpus.measure_rendered(stories, RENDER[shape](stories), raw, folder)


def main(argv: list[str]) -> None:
    corpus.paper_main(argv, "枫桥", SHAPES, RENDER, edition, figures)


if __name__ == "__main__":
    main(sys.argv[1:])
