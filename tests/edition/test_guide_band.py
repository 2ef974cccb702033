"""The 导读 on a page too narrow for the 报眼 (jiangcheng8: a five-column tabloid, its
paper's name and information lines meet): a framed band under the masthead lists every
inside page's lead with its 版, never a 简讯 item or an ad; the page's blocks start under
the band. On the A3 editions the 导读 stays in the 报眼."""
from __future__ import annotations

import pytest

from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.model import ArticleKind
from layout.model.placed import PlacedBox, PlacedText
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pages.briefs import is_brief
from layout.pages.furniture import MASTHEAD_ROWS, guide_rows
from layout.pages.grid import grid_for
from tests.team_editions import EDITIONS


def first_page(name: str):
    issue = load_issue(EDITIONS / name, Diagnostics())
    placed = place_issue(issue, font_set(issue.style), BuildOptions()).placed
    return issue, placed.pages[0]


def guide_lines(page) -> dict[float, str]:
    """The 导读's text by baseline: the lines holding a ▶N版 reference or 今日导读."""
    runs = [t for t in page.items if isinstance(t, PlacedText) and t.role == "furniture"]
    lines: dict[float, list[PlacedText]] = {}
    for run in runs:
        lines.setdefault(round(run.y, 1), []).append(run)
    return {y: "".join(r.text for r in sorted(rs, key=lambda r: r.x)) for y, rs in lines.items()
            if any("版" in r.text and "▶" in r.text for r in rs) or any("今日导读" in r.text for r in rs)}


@pytest.fixture(scope="module")
def tabloid():
    return first_page("jiangcheng8")


def test_a_narrow_page_gets_the_band_listing_every_inside_lead(tabloid):
    issue, page = tabloid
    grid = grid_for(issue.style, 1)
    rows = guide_rows(issue, issue.pages[0], grid, font_set(issue.style))
    assert rows >= 2
    band_top, band_foot = grid.row_y(MASTHEAD_ROWS), grid.row_y(MASTHEAD_ROWS + rows)
    frame = [b for b in page.items if isinstance(b, PlacedBox) and b.stroke
             and band_top <= b.y < band_top + grid.pitch and b.w == pytest.approx(grid.width)]
    assert frame, "a framed band across the type area under the masthead"
    text = "".join(guide_lines(page).values())
    for p in issue.pages[1:]:
        assert f"▶{p.number}版" in text, p.number
    for p in issue.pages[1:]:
        for a in p.articles:
            if a.kind is ArticleKind.AD or is_brief(a, p, issue.style):
                title = a.reserve.label if a.reserve else a.headline.title
                assert title and title not in text, a.id
    assert all(r.y >= band_foot - 0.5 for r in page.regions), "blocks start under the band"


def test_an_a3_page_keeps_the_guide_in_the_ear():
    issue, page = first_page("weekly4")
    grid = grid_for(issue.style, 1)
    assert guide_rows(issue, issue.pages[0], grid, font_set(issue.style)) == 0
    lines = guide_lines(page)
    assert lines and all(y < grid.row_y(MASTHEAD_ROWS) for y in lines)
