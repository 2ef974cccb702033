"""A held-out paper of session 26 in two shapes no other corpus has: written and measured
before any change to the importer made in that session.

《柳塘日报》 (`tests/fixtures/intake/liutang/`, 9 items in the issue format): a lead under a
two-phrase 引题 with a dashed 副题, a byline of reporter and correspondent and two 小标题; a
story with a reporter's 电头, a time, a URL and a phone number with a space; a 新华社 story; a
story with its own photo; photo news; a water-cut notice with no 电头 whose items are a list; a
story with no 电头, byline or 副题 quoting `Kevin Zhang` (Arduino, AI, 95%); a 副刊 essay under
`□` and a poem under `文／`. Two shapes:

- `epaper` — each article copied in turn from a 数字报 web page: the page's dateline and 版次
  line above the headline (`柳塘日报 2026年11月19日 第02版：民生`), a paragraph a line indented
  by two U+3000 with a blank line between paragraphs (the page's `<p>`s), and under the text
  the site's furniture: `【责任编辑：…】`, `【来源：柳塘日报】` and the links `上一篇：…` /
  `下一篇：…` naming the neighbouring articles' 主题; two blank lines between articles;
- `notes` — a reporter's notes typed on a phone: headline lines flush left, every paragraph
  (and a caption) indented by two U+3000, a U+3000 between a byline's title and names, and no
  blank line anywhere but between a poem's stanzas — not between stories either.

The web page's furniture is no part of any story: an import that keeps it in a body gets that
body wrong; one that drops it counts those characters as lost in the figures (like WeChat's
decoration).

`python -m tests.intake.liutang` prints the figures. Do not fit rules to it: write a new
held-out paper instead.
"""
from __future__ import annotations

import sys
from pathlib import Path

from tests.intake import corpus
from tests.intake.corpus import GAP, Source, _Out

LIUTANG = corpus.REPO / "tests" / "fixtures" / "intake" / "liutang"
PAGES = ("01版：要闻", "01版：要闻", "04版：国内", "02版：民生", "02版：民生", "02版：民生",
         "03版：教育", "08版：柳风", "08版：柳风")
EDITORS = ("刘畅", "刘畅", "周岚", "韩雪", "韩雪", "韩雪", "周岚", "宋一苇", "宋一苇")


def edition() -> list[Source]:
    return corpus.paper(LIUTANG)


_lead = corpus.paragraphs_with_dateline


def _heads(s: Source, gap: str) -> list[str]:
    return [x.replace(GAP, gap) for x in (s.kicker, s.title, s.subtitle) if x] + \
        ([s.byline] if s.byline else [])


def _stanzas(out: _Out, s: Source) -> None:
    for k, stanza in enumerate(s.stanzas):
        out.blank() if k else None
        out.add(*stanza)


def render_epaper(stories: list[Source]) -> _Out:
    out = _Out()
    for n, s in enumerate(stories):
        if n:
            out.blank()
            out.blank()
        out.story()
        out.add(f"柳塘日报 2026年11月19日 第{PAGES[n % len(PAGES)]}")
        out.add(*_heads(s, "  "))
        out.blank()
        _stanzas(out, s)
        for kind, text in _lead(s):
            out.add(text if kind == "subhead" else GAP * 2 + text)
            out.blank()
        for caption, credit in s.photos:
            out.add(GAP * 2 + caption, credit)
            out.blank()
        if s.stanzas:
            out.blank()
        out.add(f"【责任编辑：{EDITORS[n % len(EDITORS)]}】", "【来源：柳塘日报】")
        if n:
            out.add("上一篇：" + stories[n - 1].key())
        if n + 1 < len(stories):
            out.add("下一篇：" + stories[n + 1].key())
    return out


def render_notes(stories: list[Source]) -> _Out:
    out = _Out()
    for s in stories:
        out.story()
        out.add(*(h.replace(" ", GAP) if h == s.byline else h for h in _heads(s, GAP)))
        _stanzas(out, s)
        for kind, text in _lead(s):
            out.add(text if kind == "subhead" else GAP * 2 + text)
        for caption, credit in s.photos:
            out.add(GAP * 2 + caption, credit)
    return out


RENDER = {"epaper": render_epaper, "notes": render_notes}
SHAPES = tuple(RENDER)


def figures(shape: str, folder: Path) -> corpus.Figures:
    stories = edition()
    raw = folder.parent / f"liutang-{shape}.txt"
    return corpus.measure_rendered(stories, RENDER[shape](stories), raw, folder)


def main(argv: list[str]) -> None:
    corpus.paper_main(argv, "柳塘", SHAPES, RENDER, edition, figures)


if __name__ == "__main__":
    main(sys.argv[1:])
