"""A page that sends copy on (转版) has no honest space at its foot: the white under its
blocks is copy its jumping story could have kept (placement.Placer.sends_on prices it as a
hole). jumpfill's page-1 lead, four columns wide beside two stories and a photo-news item,
stopped 17 rows above the page's foot and jumped with the page 69 % filled."""
from __future__ import annotations

from tests.conftest import REPO

JUMPFILL = REPO / "tests" / "fixtures" / "editions" / "jumpfill"


def test_a_page_whose_lead_jumps_is_filled_to_its_foot(shared_build):
    report = shared_build(JUMPFILL, ("pdf",)).report
    pages = {p.number: p for p in report.copyfit.pages}
    lead = next(a for a in report.copyfit.articles if a.id == "gaizao")
    assert lead.over == 0 and lead.set == lead.chars            # every character set, on two pages
    assert pages[1].filled >= 0.85, pages[1]                   # main: 0.694
    assert pages[2].filled > 0.4


def test_a_page_that_sends_nothing_on_keeps_its_honest_foot_space():
    """The hole price is for pages with a jumping story only: a page short of copy (no
    jump) still leaves its white at its foot at COST_FOOT_ROW."""
    from layout.fonts import font_set
    from layout.pages.grid import grid_for
    from layout.pages.jumps import jump_sizer
    from layout.pages.placement import Placer
    from layout.pages.sizing import Sizer
    from layout.style import default_style
    from tests.pages.factory import story

    style = default_style()
    grid, fonts = grid_for(style), font_set(style)
    sizers = [Sizer(story(n, 200), style, grid, fonts, rank=n) for n in range(2)]
    assert not Placer(sizers, grid.columns, 40).sends_on
    jumping = [jump_sizer(sizers[0], 2, asked=True)] + sizers[1:]
    assert Placer(jumping, grid.columns, 40).sends_on
