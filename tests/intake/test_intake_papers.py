"""The papers written apart from the importer (tests/intake/papers.py), each in the shapes its
copy arrived in, and the figures each holds as floors: stories found, headline parts and bodies
exact may only rise; no number, Latin word or address is ever changed, no body line becomes a
小标题, every miss is listed for the editor, and nothing is lost but what is no copy (a web
page's furniture, WeChat's 【】 and ▲, a credit's brackets: `LOST`).

Where a paper stands (the first figures, measured before any change made for it, are in the
comments): 西岭 and 临川 were tuned on in later sessions, 云溪 on its WeChat misses, 柳塘's
epaper on its furniture, 石湖's Word copy on its soft line breaks and its two-column PDF dump;
枫桥, 柳塘's phone notes and 石湖's 公众号 copy have never been tuned on."""
from __future__ import annotations

import pytest

from tests.intake import papers

# (found, headline parts exact, bodies exact) the import gives now, as floors.
FLOORS = {
    # first 11/12 found in each; parts 8, 10, 10; bodies 9, 10, 9 (a name before a date, a
    # credit in brackets, a colon before a list's first item: fixed by general rules)
    ("xiling", "wechat"): (12, 12, 12), ("xiling", "email"): (12, 12, 12),
    ("xiling", "pdf-15"): (12, 12, 12),
    # first: found 8 (md 9), bodies 7 (md 8, pdf-13 6); a short caption under a story is the
    # story's since session 25; its 主题 and 副题 with no dash (`老旧小区加装电梯开工23部` over
    # `今年以来累计惠及居民1100余户`), read as 引题 and 主题 until session 29 (8, 8, 8 in b, c
    # and pdf-13 then), are read since a line opening on a span or sum leans on the 主题 above
    ("linchuan", "a"): (9, 9, 8), ("linchuan", "b"): (9, 9, 9),
    ("linchuan", "b-naive"): (9, 9, 8), ("linchuan", "b-ragged"): (9, 9, 8),
    ("linchuan", "c"): (9, 9, 9), ("linchuan", "md"): (9, 9, 9),
    ("linchuan", "pdf-13"): (9, 9, 9),
    # first: wechat 10, 9, 6 with 2 false 小标题 and 4 misses not listed (【】 kept, a ▲ caption
    # with its credit on its line read as text, a list after a colon kept as verse); word 10, 10, 9
    ("yunxi", "wechat"): (10, 10, 10), ("yunxi", "word"): (10, 10, 10),
    # chunked, added in session 28: first 9, 9, 8 with a false 小标题 (a brief's 主题 over
    # `从12月起，…` read as a 小标题 of the notice before; LEDE now knows 即日起/12月起)
    ("yunxi", "a"): (10, 10, 10),
    # first: wechat 8, 8, 5 with 2 false 小标题 (【】 kept); word 8, 8, 8 — measured after 云溪's
    # fixes were made and before they were, never tuned on
    ("fengqiao", "wechat"): (8, 8, 8), ("fengqiao", "word"): (8, 8, 8),
    # first: epaper 5, 0, 4 (the web page's furniture read as copy; tuned on since), notes 9, 9, 9
    ("liutang", "epaper"): (9, 9, 9), ("liutang", "notes"): (9, 9, 9),
    # written in session 27 and measured before any change to the importer of that session,
    # and again after the session's rules made for the other corpora (unchanged): word-soft
    # 10, 10, 3 with 6 misses not listed — every soft line break after a sentence read as a
    # paragraph end —, wechat-sections 10, 10, 10. word-soft was then tuned on (a sentence's
    # end with text right under it, in copy whose blank lines part paragraphs, is a soft break:
    # `unwrap._soft_break`); wechat-sections is still held out
    ("shihu", "word-soft"): (10, 10, 10), ("shihu", "wechat-sections"): (10, 10, 10),
    # written after the session's rules, measured before any change made for it: a page in two
    # columns as `pdftotext -layout` dumps it, the columns' lines side by side — not read at all
    # (0, 0, 0, with a number changed, a false 小标题 and 2 misses not listed). Tuned on since:
    # columns side by side read one after the other (layout/intake/columns.py), a list's items
    # in typeset lines kept apart
    ("shihu", "pdf-2col"): (10, 10, 10),
    # written in session 28 and measured before any change of that session: a (chunked) 10, 10,
    # 9 with a miss not listed, b (PDF lines at 17) 11, 11, 8 with 2 false 小标题, b-ragged 11,
    # 11, 8 with 1, c 12, 12, 10 — a notice's 落款 read as headlines, its addressees run into
    # the text, a list's items run together, a 主题 two ems short run into the text. Tuned on
    # since by general rules (tests/intake/test_intake_notices.py)
    ("boqiao", "a"): (12, 12, 12), ("boqiao", "b"): (12, 12, 11),
    ("boqiao", "b-ragged"): (11, 11, 10), ("boqiao", "c"): (12, 12, 12),
    # written after 柏桥's rules, measured before any change made for it: a 9, 8, 7 with 2
    # numbers changed, 1 false 小标题, 1 not listed; pdf-15 9, 9, 8, 1 not listed; b-naive 9, 8,
    # 7, 2 numbers changed, 2 not listed; c 9, 8, 7, 2 numbers changed, 1 not listed (a 主题
    # ending in digits run into a lede opening with digits, a dash-led 副题 into the text, a
    # line ending on 升至 taken for a 小标题). Tuned on since (test_intake_notices.py)
    ("meixi", "a"): (10, 10, 10), ("meixi", "pdf-15"): (10, 10, 10),
    ("meixi", "b-naive"): (10, 10, 10), ("meixi", "c"): (10, 10, 10),
    # shapes measured later on both (after the rules above): 柏桥 email 12, 12, 11 with 2
    # numbers changed (a mail wrap at the space of 0372-5561 6688), b-kept 12, 12, 10 with 4
    # false 小标题 (indented items as wide as the measure); 湄溪 pdf-13 9, 9, 7 (a 主题 as wide as
    # a first line that lost its indent run into a lede opening with digits). Tuned on since
    ("boqiao", "email"): (12, 12, 12), ("boqiao", "b-kept"): (12, 12, 12),
    ("meixi", "pdf-13"): (10, 10, 9),
    # written in session 29 for two-line headlines with no dash in both orders and 简讯 columns
    # whose items have no 电头, measured before any change of that session: 青桐 a 7, 7, 7 with a
    # false 小标题, b 8, 8, 8, b-ragged 8, 8, 7, c 8, 8, 8; 梅岭 7, 7, 6 with a false 小标题 in every
    # shape (a 主题 over a shorter 副题 of figures read as 引题 and 主题; a 简讯 item without a
    # date taken for a 小标题 of the item before). Tuned on since (heads.py, segment.py); 青桐's
    # `区图书馆新馆试开放` over `首月接待读者2.3万人次` was read as 引题 and 主题 until a whole
    # statement of news over a line of its figures was the 主题 over its 副题 (heads.DONE_STATEMENT)
    ("qingtong", "a"): (10, 10, 10), ("qingtong", "b"): (10, 10, 10),
    ("qingtong", "b-ragged"): (10, 10, 9), ("qingtong", "c"): (10, 10, 10),
    ("meiling", "a"): (10, 10, 10), ("meiling", "b"): (10, 10, 10),
    ("meiling", "b-ragged"): (10, 10, 10), ("meiling", "c"): (10, 10, 10),
}
# What is no copy and goes: the credits' brackets (xiling, yunxi, fengqiao), 【】 and ▲ (yunxi,
# fengqiao), the web page's furniture (liutang epaper); each removal is listed in the report.
LOST = {("xiling", "wechat"): 2, ("yunxi", "wechat"): 10, ("fengqiao", "wechat"): 10,
        ("liutang", "epaper"): 578, ("shihu", "word-soft"): 10,
        ("shihu", "wechat-sections"): 174}   # 来源：/编辑：…审核： under every article


def test_every_paper_and_shape_has_its_floors():
    assert sorted(FLOORS) == sorted(papers.CASES)


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    cache = {}

    def get(name, shape):
        if (name, shape) not in cache:
            folder = tmp_path_factory.mktemp(f"{name}-{shape}") / "issue"
            cache[name, shape] = papers.figures(name, shape, folder)
        return cache[name, shape]
    return get


@pytest.mark.parametrize(("name", "shape"), papers.CASES)
def test_the_paper_keeps_its_figures_and_damages_nothing(measured, name, shape):
    f = measured(name, shape)
    assert (f.tokens_changed, f.false_subheads, f.unflagged) == (0, 0, 0)
    assert f.chars_lost <= LOST.get((name, shape), 0)
    found, heads, bodies = FLOORS[name, shape]
    assert f.found >= found and f.heads_exact >= heads and f.bodies_exact >= bodies
