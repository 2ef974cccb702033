"""Papers written apart from the importer, each in the shapes its copy arrived in: one table.

Each paper is a folder of articles in the issue format under `tests/fixtures/intake/<paper>/`
(the clean text `layout import` should give back) and the shapes it is rendered into. Each
was written, rendered and measured before any change to the importer made in the piece of work
that wrote it; what was tuned on since is said with its floors in `test_intake_papers.py`.

- 《西岭日报》 `xiling` (12 items: a lead under a two-phrase 引题 with three 小标题, a byline set
  as the 电头, a 新华社 story, a recruitment notice whose items are a numbered list with a URL,
  an e-mail address, `0871-6532 1188` and `9:00`, `Emma Clarke` and `Scratch`, photo news,
  three briefs, numbered 小标题, a 副刊 essay and a poem): `wechat`, a phone's article page
  (U+3000 indents, a blank after every line, the credit in brackets on its own line); `email`,
  wrapped at 76 columns; `pdf-15`, a page set at 15 ems, the indent lost.
- 《临川晚报》 `linchuan` (9 items: a lead with two 小标题, `www.…`, a phone number with a space, a
  story whose second headline line has no dash, photo news, a brief with a URL, a 副刊 essay
  and a poem): the team corpus's six shapes (`corpus.TEAM_SHAPES`) and a page set at 13 ems.
- 《云溪日报》 `yunxi` (10 items: `Lukas Weber`, `19:30`, an e-mail address, a power-cut notice
  whose items are a list): `wechat`, pasted from a WeChat article (a paragraph a line, a blank
  after every line and two between stories, 小标题 in 【】, `▲caption（credit 摄）` on one line,
  a poem's lines together); `word`, a Word document saved as text (CRLF, the indent lost).
- 《枫桥晚报》 `fengqiao` (8 items: two two-phrase 小标题, a time range, a bus-route notice):
  `wechat` that lost its blank lines (小标题 in 【】, `▲ ` captions, the credit in brackets on
  the next line); `word` with two typed U+3000 before every paragraph.
- 《柳塘日报》 `liutang` (9 items: a URL and a phone number with a space, `Kevin Zhang` and
  `Arduino` in a story with no 电头 or byline, a water-cut notice whose items are a list):
  `epaper`, articles copied in turn from a 数字报 web page (the 版次 line above the headline,
  paragraphs indented and parted by blank lines, then `【责任编辑：…】`, `【来源：…】` and the
  links `上一篇：…` / `下一篇：…`); `notes`, a reporter's phone notes (every paragraph indented by
  two U+3000, U+3000 in the byline, no blank line but between a poem's stanzas).

- 《石湖日报》 `shihu` (10 items, held out in session 27: a lead under a two-phrase 引题 with a
  dashed 副题 and three numbered 小标题 `一、…`, `0513-8621 4470` and `8:30`, a 新华社 story, a
  story with its own photo and a photo-news item captioned `图为…`, a gas-cut notice whose items
  are a list, `Wi-Fi`, a URL, an e-mail address and `Daniel Wu` in a story with no 电头 or
  byline, a brief, a 副刊 essay and a poem): `word-soft`, a Word document's text whose writer
  pressed Shift+Enter after a sentence once a line held 20 characters (the soft breaks come
  through as line ends), a blank line between paragraphs, two between stories, 小标题 in 【】,
  CRLF; `wechat-sections`, a 公众号 article copied (a blank after every line, the numbered
  小标题 plain, `图为…。（credit）` on one line, `来源：…` and `编辑：…　审核：…` under each article);
  `pdf-2col` (written after that session's rules, measured before any change made for it), a
  page set in two columns of 13 ems dumped by `pdftotext -layout`: each line holds a line of
  the left column, spaces, and the right column's line beside it, a form feed between pages.

- 《柏桥周报》 `boqiao` (12 items, held out in session 28: a 区 government weekly — a 常务会议
  story with no byline, a 公告 and a 通知 closing on their issuer and date (落款), addressees
  `各…：`, numbered items ending `；`, a 征求意见 with a URL, an e-mail address and a phone number
  with a space; a sports page with `3∶1`, `1:02:37`, `10秒86` and `Kenneth Mwangi`; photo news,
  a story with its photo, a 副刊 essay under `□` and poems under `□` and `文／`): the team
  corpus's shapes `a` (chunked), `b` (PDF lines at 17 ems), `b-ragged` (cut every 15-19) and `c`
  (a paragraph a line); since measured in 西岭's `email` and the corpus's `b-kept` (indents
  kept as U+3000), tuned on.

- 《湄溪晚报》 `meixi` (10 items, held out in session 28 after 柏桥's rules: a sports page — a
  score `92∶85` in a 主题, `14∶2`, `19:30`, a headline ending in a time `10秒52` over a lede
  opening with a date, `0.138秒`, a dash-led 副题 ending `21:00` —, photo news, a URL and an
  e-mail address, a 副刊 essay under `文／`, two poems under `□`, a book review quoting a line):
  `a` (chunked), `pdf-15` (a page at 15 ems), `b-naive` (cut every 17) and `c` (a paragraph a
  line, a blank after every line); since measured at 13 ems (`pdf-13`), tuned on.

- 《青桐日报》 `qingtong` and 《梅岭周报》 `meiling` (10 items each, written in session 29): two-line
  headlines with no dash in both orders — 引题 over 主题 (`寒潮来袭` over `全市供热管网提前5天升温`,
  `梅岭镇` over `高山茶园用上智能灌溉`) and 主题 over 副题 (`城北污水处理厂二期投入运行` over
  `日处理能力提升至8万吨`, `农村互助养老服务点覆盖全县` over `今年以来累计服务老人6.8万人次`) —,
  a 简讯 column whose items have no 电头 (a title, then one paragraph of 60–150 characters, some
  opening on a date or 日前, some not), stories with 小标题 over one short paragraph each, photo
  news, a 副刊 essay under `□` and a poem under `文／`: `a` (chunked), `b` (PDF lines at 17 ems,
  梅岭's indent kept and no blank line between stories), `b-ragged` (cut every 15-19) and `c`.

The web page's and the 公众号's furniture, 【】 around a heading, ▲ before a caption and a credit's brackets are
no part of any story: an import drops them, and the figures count them as lost.

`python -m tests.intake.papers [paper …]` prints the figures; `--show` prints the raw copy.
Do not fit rules to a paper: write a new held-out paper instead.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.intake import corpus, strangers
from tests.intake.corpus import GAP, Source, _Out

PAPERS_DIR = corpus.REPO / "tests" / "fixtures" / "intake"


class _Crlf(_Out):
    """Windows line ends, as a Word document saved as text has them."""

    def text(self) -> str:
        return super().text().replace("\n", "\r\n")


def _nothing(n: int, stories: list[Source]) -> list[str]:
    return []


@dataclass(frozen=True)
class Habits:
    """How a paper's copy arrived when each paragraph is one line."""

    gap: str = GAP                   # a headline's phrase gap as typed
    byline_space: str = " "          # the spaces of a byline as typed
    indent: str = ""                 # before a body paragraph (not a 小标题)
    subhead: str = "{}"              # a 小标题's line
    photo: tuple[str, ...] = ("{caption}", "{credit}")   # a photo's lines
    blank: str = ""                  # "line": a blank after every line; "unit": after the
    #                                  headline group, every paragraph, photo and stanza
    tight_verse: bool = False        # with "line": a stanza's lines together, a blank after it
    between: int = 1                 # blank lines added between stories
    crlf: bool = False
    above: Callable[[int, list[Source]], list[str]] = field(default=_nothing)  # over a headline
    lines: Callable[[str], list[str]] = field(default=lambda text: [text])  # a paragraph's lines
    below: Callable[[int, list[Source]], list[str]] = field(default=_nothing)  # under the text


def _stanzas(out: _Out, s: Source, h: Habits) -> None:
    for k, stanza in enumerate(s.stanzas):
        if h.blank == "line" and h.tight_verse:
            out.lines += list(stanza) + [""]
            continue
        if k and h.blank != "unit":
            out.blank()
        out.add(*stanza)
        if h.blank == "unit":
            out.blank()


def render_lines(stories: list[Source], h: Habits) -> _Out:
    """A paragraph a line, written with a paper's habits."""
    out = _Crlf() if h.crlf else _Out(blank_after_every_line=h.blank == "line")
    unit = out.blank if h.blank == "unit" else (lambda: None)
    for n, s in enumerate(stories):
        for _ in range(h.between if n else 0):
            out.blank()
        out.story()
        out.add(*h.above(n, stories))
        out.add(*(x.replace(GAP, h.gap) for x in (s.kicker, s.title, s.subtitle) if x))
        out.add(*([s.byline.replace(" ", h.byline_space)] if s.byline else []))
        unit()
        _stanzas(out, s, h)
        for kind, text in corpus.paragraphs_with_dateline(s):
            out.add(*([h.subhead.format(text)] if kind == "subhead" else h.lines(h.indent + text)))
            unit()
        for caption, credit in s.photos:
            out.add(*(line.format(caption=caption, credit=credit) for line in h.photo))
            unit()
        out.add(*h.below(n, stories))
    return out


# --- 西岭: an e-mail wrapped at 76 columns, a page set at 15 ems ---------------------------

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
        out.add(*corpus.head_lines(s))
        for stanza in s.stanzas:
            out.blank()
            out.add(*stanza)
        for kind, text in corpus.paragraphs_with_dateline(s):
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
    return strangers.typeset_cut(text, measure, 2, _HANG, _DOWN)


def render_pdf(stories: list[Source], measure: float = 15) -> _Out:
    """Lines of a page set at `measure` ems, cut where the width falls, the indent lost."""
    out = _Out()
    for n, s in enumerate(stories):
        if n:
            out.blank()
        out.story()
        out.add(*(h.replace(GAP, "  ") for h in corpus.head_lines(s)))
        for k, stanza in enumerate(s.stanzas):
            out.blank() if k else None
            out.add(*stanza)
        for kind, text in corpus.paragraphs_with_dateline(s):
            out.add(text) if kind == "subhead" else out.add(*_set(text, measure))
        for caption, credit in s.photos:
            out.add(*_set(caption, measure + 2), credit)
    return out


def render_two_columns(stories: list[Source], measure: float = 13, rows: int = 40) -> _Out:
    """A page set in two columns at `measure` ems, as `pdftotext -layout` dumps it: each line of
    the dump holds a line of the left column, the spaces to the right column's x, and the line
    of the right column beside it; `rows` lines a column, a form feed before each next page."""
    page = render_pdf(stories, measure)
    starts = {n - 1: k for k, n in enumerate(page.starts)}   # line index -> story
    out, where = _Out(), {}
    for top in range(0, len(page.lines), 2 * rows):
        left = page.lines[top:top + rows]
        right = page.lines[top + rows:top + 2 * rows]
        for i in range(max(len(left), len(right))):
            a = left[i] if i < len(left) else ""
            b = right[i] if i < len(right) else ""
            pad = " " * (round(2 * (measure + 2 - sum(0.5 if ord(c) < 0x2000 else 1 for c in a))))
            line = (a + pad + "    " + b).rstrip() if b else a
            out.lines.append(("\f" if top and not i else "") + line)
            for j in (top + i, top + rows + i):
                if j in starts:
                    where.setdefault(starts[j], len(out.lines))
    out.starts = [where[k] for k in sorted(where)]
    return out


# --- 柳塘: a 数字报 web page's furniture ----------------------------------------------------

_LIUTANG_PAGES = ("01版：要闻", "01版：要闻", "04版：国内", "02版：民生", "02版：民生", "02版：民生",
                  "03版：教育", "08版：柳风", "08版：柳风")
_LIUTANG_EDITORS = ("刘畅", "刘畅", "周岚", "韩雪", "韩雪", "韩雪", "周岚", "宋一苇", "宋一苇")


def _epaper_above(n: int, stories: list[Source]) -> list[str]:
    return [f"柳塘日报 2026年11月19日 第{_LIUTANG_PAGES[n % len(_LIUTANG_PAGES)]}"]


def _epaper_below(n: int, stories: list[Source]) -> list[str]:
    lines = [f"【责任编辑：{_LIUTANG_EDITORS[n % len(_LIUTANG_EDITORS)]}】", "【来源：柳塘日报】"]
    lines += ["上一篇：" + stories[n - 1].key()] if n else []
    return lines + (["下一篇：" + stories[n + 1].key()] if n + 1 < len(stories) else [])


# --- 石湖: soft line breaks after sentences, a 公众号's furniture -----------------------------

_SENTENCE_END = re.compile(r"[。！？][”’）]*")


def _soft_breaks(text: str, at_least: int = 20) -> list[str]:
    """A paragraph whose writer pressed Shift+Enter after a sentence once the line held
    `at_least` characters: the soft breaks come through as line ends."""
    lines, start = [], 0
    for end in (m.end() for m in _SENTENCE_END.finditer(text)):
        if end - start >= at_least and end < len(text):
            lines.append(text[start:end])
            start = end
    return lines + [text[start:]]


_SHIHU_EDITORS = ("编辑：沈佳　审核：陆明", "编辑：唐宁　审核：陆明")


def _wechat_below(n: int, stories: list[Source]) -> list[str]:
    return ["来源：石湖日报", _SHIHU_EDITORS[n % 2]]


# --- the table ------------------------------------------------------------------------------

def _lines(**habits) -> Callable[[list[Source]], _Out]:
    h = Habits(**habits)
    return lambda stories: render_lines(stories, h)


@dataclass(frozen=True)
class Paper:
    label: str
    shapes: dict[str, Callable[[list[Source]], _Out]]


PAPERS = {
    "xiling": Paper("西岭", {
        "wechat": _lines(indent=GAP * 2, photo=(GAP * 2 + "{caption}", "（{credit}）"),
                         blank="line"),
        "email": render_email,
        "pdf-15": render_pdf}),
    "linchuan": Paper("临川", {**corpus.TEAM_SHAPES, "pdf-13": lambda s: render_pdf(s, 13)}),
    "yunxi": Paper("云溪", {
        "wechat": _lines(gap=" ", subhead="【{}】", photo=("▲{caption}（{credit}）",),
                         blank="line", tight_verse=True),
        "word": _lines(gap=" ", crlf=True),
        "a": lambda s: corpus.render_chunked(s, 7)}),
    "fengqiao": Paper("枫桥", {
        "wechat": _lines(subhead="【{}】", photo=("▲ {caption}", "（{credit}）")),
        "word": _lines(indent=GAP * 2, photo=(GAP * 2 + "{caption}", "{credit}"), crlf=True)}),
    "liutang": Paper("柳塘", {
        "epaper": _lines(gap="  ", indent=GAP * 2, photo=(GAP * 2 + "{caption}", "{credit}"),
                         blank="unit", between=2, above=_epaper_above, below=_epaper_below),
        "notes": _lines(byline_space=GAP, indent=GAP * 2,
                        photo=(GAP * 2 + "{caption}", "{credit}"), between=0)}),
    # written and measured before any change of session 27 (tests/intake/papers.py docstring)
    "shihu": Paper("石湖", {
        "word-soft": _lines(subhead="【{}】", photo=("{caption}", "（{credit}）"), blank="unit",
                            lines=_soft_breaks, crlf=True),
        "wechat-sections": _lines(gap=" ", photo=("{caption}（{credit}）",), blank="line",
                                  below=_wechat_below),
        "pdf-2col": render_two_columns}),
    # written and measured before any change of session 28 (tests/intake/papers.py docstring)
    "boqiao": Paper("柏桥", {
        "a": lambda s: corpus.render_chunked(s, 5),
        "b": lambda s: corpus.render_typeset(s, "lost"),
        "b-ragged": lambda s: corpus.render_typeset(s, "ragged"),
        "c": lambda s: corpus.render_paragraphs(s, "stories"),
        "email": render_email,
        "b-kept": lambda s: corpus.render_typeset(s, "kept")}),
    "meixi": Paper("湄溪", {
        "a": lambda s: corpus.render_chunked(s, 6),
        "pdf-15": render_pdf,
        "b-naive": lambda s: corpus.render_typeset(s, "naive"),
        "c": lambda s: corpus.render_paragraphs(s, "every"),
        "pdf-13": lambda s: render_pdf(s, 13)}),
    # written and measured before any change of session 29 (tests/intake/papers.py docstring)
    "qingtong": Paper("青桐", {
        "a": lambda s: corpus.render_chunked(s, 8),
        "b": lambda s: corpus.render_typeset(s, "lost"),
        "b-ragged": lambda s: corpus.render_typeset(s, "ragged"),
        "c": lambda s: corpus.render_paragraphs(s, "stories")}),
    "meiling": Paper("梅岭", {
        "a": lambda s: corpus.render_chunked(s, 9),
        "b": lambda s: corpus.render_typeset(s, "kept", blank_between=False),
        "b-ragged": lambda s: corpus.render_typeset(s, "ragged", blank_between=False),
        "c": lambda s: corpus.render_paragraphs(s, "every")}),
}
CASES = [(name, shape) for name, paper in PAPERS.items() for shape in paper.shapes]


def edition(name: str) -> list[Source]:
    """A paper's stories, read and normalised."""
    return corpus.paper(PAPERS_DIR / name)


def rendered(name: str, shape: str) -> _Out:
    return PAPERS[name].shapes[shape](edition(name))


def figures(name: str, shape: str, folder: Path) -> corpus.Figures:
    """Render `name` in `shape` beside `folder`, import it into `folder` and compare."""
    raw = folder.parent / f"{name}-{shape}.{'md' if shape == 'md' else 'txt'}"
    return corpus.measure_rendered(edition(name), rendered(name, shape), raw, folder)


def main(argv: list[str]) -> None:
    """The figures of the papers named (all without a name), or with `--show` their raw copy."""
    names = [a for a in argv if a in PAPERS] or list(PAPERS)
    for name in names:
        if "--show" in argv:
            for shape in PAPERS[name].shapes:
                print(f"=== {name} · {shape}\n" + rendered(name, shape).text())
            continue
        corpus.print_shapes(PAPERS[name].label, PAPERS[name].shapes,
                            lambda shape, folder, name=name: figures(name, shape, folder))


if __name__ == "__main__":
    main(sys.argv[1:])
