"""A six-page edition written by hand, tried as a user would through `layout build`: two
stories jumping onto page 4, a pinned column and an ad on one page, 简讯 on two pages, a
poem and a verse section, a tinted notice, the 导读 of five inside pages, the 报尾."""
from __future__ import annotations

import collections
import shutil

import pymupdf
import pytest

from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pages.furniture import furniture_rows
from layout.pages.grid import grid_for
from tests.conftest import REPO
from tests.edition.test_edition_cli import edit, layout

SIX = REPO / "tests" / "fixtures" / "editions" / "six"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("six")
    result = layout("build", str(SIX), "-o", str(out))   # no --allow-overflow
    assert result.returncode == 0, result.stderr
    with pymupdf.open(out / "six.pdf") as pdf:
        return [page.get_text() for page in pdf]


@pytest.fixture(scope="module")
def placed():
    issue = load_issue(SIX, Diagnostics())
    return issue, place_issue(issue, font_set(issue.style), BuildOptions())


def flat(text: str) -> str:
    return "".join(text.split())


def test_two_stories_jump_onto_page_four_each_under_its_continued_title(built):
    assert flat(built[0]).count("（下转第4版）") == 1
    assert flat(built[1]).count("（下转第4版）") == 1
    fourth = flat(built[3])
    assert fourth.count("（上接第1版）") == 1 and fourth.count("（上接第2版）") == 1
    assert "新签约项目52个总投资186.5亿元" in fourth        # chanye's continued_title
    assert "夏季防溺水安全教育进校园" in fourth              # fangnishui's 主题 as 续题
    assert [n + 1 for n, t in enumerate(built) if "上接" in t] == [4]
    assert [n + 1 for n, t in enumerate(built) if "下转" in t] == [1, 2]


def test_no_character_of_any_article_is_lost(built, placed):
    issue, _ = placed
    have = collections.Counter(flat("".join(built)))
    for article in issue.articles():
        need = collections.Counter(flat(article.all_text()))
        short = need - have
        assert not short, f"{article.id} lost {sum(short.values())}: {''.join(short)[:20]}"


def test_the_guide_names_the_lead_of_each_inside_page_with_its_page(built, placed):
    issue, _ = placed
    guide = built[0][built[0].index("今日导读"):]
    for page in issue.pages[1:]:
        assert f"▶{page.number}版" in guide, page.number


def test_briefs_on_two_pages_are_one_block_each(built):
    counts = [flat(t).count("简讯") for t in built]
    assert counts == [0, 0, 1, 0, 1, 0], counts
    third = flat(built[2])
    assert all(f"■{title}" in third for title in
               ("全民健身月活动启幕", "流动接种车进社区", "街角书屋增至15家", "夏季专场招聘会举行"))


def test_the_poem_keeps_its_lines(built):
    lines = [line.strip() for line in built[4].splitlines()]
    for line in ("太阳把最后一点光", "钓鱼的老人收起竿", "灯一盏一盏亮了", "一盏一盏接住",
                 "楼前的槐花开了又落", "如今是一家"):
        assert line in lines, line


def test_only_the_last_page_carries_the_imprint(built):
    assert ["印务中心" in t for t in built] == [False] * 5 + [True]


def region(result, number, aid):
    page = result.placed.pages[number - 1]
    return next(r for r in page.regions if r.article == aid)


def test_pinned_column_ad_and_lead_share_page_two_without_collisions(placed):
    issue, result = placed
    page = issue.pages[1]
    grid = grid_for(issue.style, 2)
    pinned, ad = region(result, 2, "shiping"), region(result, 2, "ad-jiaju")
    assert (pinned.x, pinned.y) == pytest.approx((grid.column_x(0), grid.row_y(2)))
    assert ad.x + ad.w == pytest.approx(grid.left + grid.width)
    assert ad.y + ad.h == pytest.approx(grid.row_y(grid.rows), abs=0.5)
    lead = region(result, 2, "fangnishui")
    # the lead takes the highest free space (beside the pinned column), not what is left under it
    assert lead.y == pytest.approx(grid.row_y(furniture_rows(page)))
    boxes = result.placed.pages[1].regions
    for n, a in enumerate(boxes):
        for b in boxes[n + 1:]:
            if a.article != b.article:
                assert (a.x + a.w <= b.x + 0.1 or b.x + b.w <= a.x + 0.1
                        or a.y + a.h <= b.y + 0.1 or b.y + b.h <= a.y + 0.1), (a.article, b.article)


def test_every_page_is_filled_or_says_what_it_lacks(placed):
    """Issue 11: a page short of copy is not stretched to look full; it leaves honest
    space and warns with its shortfall (缺约 N 字) so the editor can ask for copy."""
    issue, result = placed
    assert all(p.filled >= 0.9 or (p.warn and p.short > 0) for p in result.copyfit.pages), \
        result.copyfit.pages
    # a page that sends copy on to another (下转) has more than it holds: it is full
    sending = {page.number for page in issue.pages for a in page.articles if a.hints.continue_on}
    assert sending == {1, 2}, sending
    assert all(p.filled >= 0.97 and not p.warn for p in result.copyfit.pages
               if p.number in sending), result.copyfit.pages


STYLE = "number: 2333\nstyle:\n  "


@pytest.mark.parametrize("where, old, new, says", [
    ("articles/tingdian.md", "tint: 8", "tnt: 8", "did you mean 'tint'"),
    ("articles/ad-jiaju.md", "size: 4x24", "size: 4x24\nepbu: true", "did you mean 'epub'"),
    ("articles/ad-jiaju.md", "file: bolanhui.pdf", "fiel: bolanhui.pdf", "did you mean 'file'"),
    ("articles/ad-jiaju.md", "size: 4x24", "sise: 4x24", "did you mean 'size'"),
    ("issue.yaml", "position: bottom-right", "positon: bottom-right", "did you mean 'position'"),
    ("issue.yaml", "position: bottom-right", "position: bottom-rigth", "bottom-right"),
    ("issue.yaml", "number: 2333", STYLE + "briefs: {separater: rule}",
     "did you mean 'briefs.separator'"),
    ("issue.yaml", "number: 2333", STYLE + "jumps: {too: 转}", "did you mean 'jumps.to'"),
    ("issue.yaml", "number: 2333", STYLE + "boxes: {frme: double}", "did you mean 'boxes.frame'"),
    ("issue.yaml", "number: 2333", STYLE + "verse: {hanging_indnt: 3}",
     "did you mean 'verse.hanging_indent'"),
    ("issue.yaml", "number: 2333", STYLE + "imprint: {printr: 某印刷厂}",
     "did you mean 'imprint.printer'"),
])
def test_a_misspelt_edition_key_is_named_with_the_nearest(tmp_path, where, old, new, says):
    issue = tmp_path / "six"
    shutil.copytree(SIX, issue)
    edit(issue / where, old, new)
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert says in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert f"{where}:" in result.stderr   # the file (and line) it is in
