"""Short pages as a page editor makes them up, on pages the make-up was not tuned for.

`shortfukan` is the 副刊 of a new user's 2-page edition (a photo-news item with a 2:3
portrait photo, an essay of about 900 characters, a poem of twelve lines: half a page of
copy): the means of a short page used within their limits, the blocks modules of deep
legs standing side by side, the honest white in one band at the page's foot and the page
saying what it lacks. `six` page 4 is short by a fifth: on main it was not made up as a
short page (only a page a quarter empty was), and 夏季防溺水 (continued) stood four columns
wide in legs of three and four lines at its foot.
"""
from __future__ import annotations

import re

import pytest

from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.model.placed import PlacedImage
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pages.copyfit import about
from layout.pages.grid import grid_for
from layout.pages.roomy import inner_white
from tests.conftest import REPO
from tests.short_pages import copy_foot, legs, white_bands

EDITIONS = REPO / "tests" / "fixtures" / "editions"


def placed_edition(name: str):
    issue = load_issue(EDITIONS / name)
    diag = Diagnostics()
    result = place_issue(issue, font_set(issue.style), BuildOptions(), diag)
    return issue, result, [w.message for w in diag.warnings]


@pytest.fixture(scope="module")
def fukan():
    return placed_edition("shortfukan")


def test_a_short_fukan_says_what_it_lacks(fukan):
    """One warning for the page, with its shortfall to the nearest ten characters."""
    issue, result, said = fukan
    (fit,) = result.copyfit.pages
    assert fit.warn and fit.filled < 0.6 and fit.short > 2000, fit
    lines = [w for w in said if "缺约" in w]
    assert len(lines) == 1, said
    assert re.search(rf"page 2 .*缺约 {about(fit.short)} 字", lines[0]), lines


def test_a_short_fukan_leaves_its_white_at_the_foot(fukan):
    """The blocks stand side by side from the top, their feet level within a few rows: no
    band of white across the page between blocks, no hole with copy under it beyond a row
    or two per column, and everything under the blocks' feet is the one honest space."""
    issue, result, _ = fukan
    page = result.placed.pages[0]
    grid = grid_for(issue.style, page.number)
    foot = copy_foot(page)
    assert not white_bands(page, grid.top, foot, grid.pitch)
    assert inner_white(page.items, grid, grid.rows) <= 2 * grid.columns
    feet = [r.y + r.h for r in page.regions]
    assert max(feet) - min(feet) <= 4 * grid.pitch, feet
    assert foot < grid.top + 0.7 * grid.rows * grid.pitch   # the white is below, in one band


def test_a_short_fukan_s_blocks_are_modules_of_deep_legs(fukan):
    """The essay in legs of twice makeup.min_leg_lines at least; the poem in one column (a
    poem of twelve lines across two legs would be two strips)."""
    issue, result, _ = fukan
    page = result.placed.pages[0]
    found = legs(page)
    deep = 2 * issue.style.makeup.min_leg_lines
    assert min(found["caiyuan"]) >= deep, found
    assert len(found["qiufen"]) == 1, found


def test_a_short_fukan_s_photo_takes_its_limits(fukan):
    """The photo-news item's portrait stands as tall as the house style lets a photo
    stand (photos.max_height of the type area), within a row, and within its crop limit."""
    issue, result, _ = fukan
    page = result.placed.pages[0]
    grid = grid_for(issue.style, page.number)
    (photo,) = [i for i in page.items if isinstance(i, PlacedImage)]
    tallest = issue.style.makeup.max_photo_height * grid.rows * grid.pitch
    assert tallest - grid.pitch <= photo.h <= tallest + 0.5, (photo.h, tallest)
    assert abs(photo.h / photo.w / 1.5 - 1) <= 0.15 + 1e-3


@pytest.fixture(scope="module")
def six():
    return placed_edition("six")


@pytest.mark.parametrize("number, article", [(4, "fangnishui")])
def test_a_page_short_by_a_fifth_sets_no_strip(six, number, article):
    """On a page that warns it is short, a block's legs hold makeup.short_leg_lines lines:
    on main the 夏季防溺水 continuation (six p.4, 22 % empty) stood in legs of 3, 4, 4 and 3.
    (p.5's 雨中登千山 still stands in legs of 3 and 4: its deeper layouts leave white over
    the page's ad, roomy.above_ads.)"""
    issue, result, _ = six
    fits = {p.number: p for p in result.copyfit.pages}
    assert fits[number].warn
    page = next(p for p in result.placed.pages if p.number == number)
    lines = legs(page)[article]
    assert min(lines) >= issue.style.makeup.short_leg_lines, lines


def test_a_front_page_keeps_its_fill_for_deeper_legs():
    """Deeper legs are no means of a short page when they cost more than a twentieth of
    the page's fill (roomy.LESS_FILLED): hexi4's 要闻 (12 % empty) stays filled to 85 %
    at least, its photos at their size, not 66 % filled with the photos shrunk."""
    _, result, _ = placed_edition("hexi4")
    assert result.copyfit.pages[0].filled >= 0.85, result.copyfit.pages[0]


def test_briefs_stand_under_the_stories_before_them_with_no_hole():
    """daily2 p.1: the right column holds 全区供热管网运行平稳 and 快递进村, then the 简讯
    (its first item, zhaopin, is listed after both): the items stand under the two stories,
    and the white between 快递进村's foot and the 简讯 block is a separator's, not the
    14-row hole a page editor sent back."""
    issue, result, _ = placed_edition("daily2")
    page = result.placed.pages[0]
    grid = grid_for(issue.style, page.number)
    regions = {}
    for region in page.regions:
        regions.setdefault(region.article, []).append(region)
    items = ("zhaopin", "xueche", "yiliao", "tushuguan", "tingche")
    stories = [r for a in ("nuanfang", "kuaidi") for r in regions[a]]
    tops = [r.y for a in items for r in regions[a]]
    for story in stories:
        beside = [r.y for a in items for r in regions[a]
                  if r.x < story.x + story.w - 2 and story.x < r.x + r.w - 2]
        assert beside and min(beside) >= story.y + story.h - 1, (story, beside)
    foot = max(s.y + s.h for s in stories)
    assert min(tops) - foot <= 6 * grid.pitch, (foot, min(tops))   # heading and its rules
