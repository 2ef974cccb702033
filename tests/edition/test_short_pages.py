"""Pages short of copy, as a page editor makes them up: every block a module whose legs
hold `makeup.short_leg_lines` lines (the page has room for them), no leg of a line or
two under a 竖题, the text beside a photo in every leg beside it, the honest space in one
place at the foot — and the page says what it lacks. The editions are thin4 (a weekly
whose 民生, 社区 and 副刊 pages are short), lone (one story and its photo), short and
sparse; the lead's held-back edition had a news page of two short stories whose second
was a strip of three-line legs, and a 竖题 over one line of its essay."""
from __future__ import annotations

import re

import pymupdf
import pytest

from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.model import Headline, Hints
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pages.body import capacities
from layout.pages.grid import grid_for
from layout.pages.sizing import COST_THIN_LEGS
from layout.pages.vertical_sizing import Beside, VerticalSizer
from layout.style import default_style
from tests.conftest import REPO
from tests.pages.factory import issue_of, story, with_photo
from tests.short_pages import blank_windows, copy_foot, legs, white_bands

EDITIONS = REPO / "tests" / "fixtures" / "editions"
SHORT = ("thin4", "lone", "short", "sparse")


@pytest.fixture(scope="module", params=SHORT)
def placed(request):
    issue = load_issue(EDITIONS / request.param)
    diag = Diagnostics()
    result = place_issue(issue, font_set(issue.style), BuildOptions(), diag)
    return request.param, issue, result, [w.message for w in diag.warnings]


def short_pages(issue, result):
    return [(page, fit) for page, fit in zip(result.placed.pages, result.copyfit.pages) if fit.warn]


def test_every_block_on_a_short_page_stands_in_legs_of_short_leg_lines(placed):
    """The longest leg of a block holds makeup.short_leg_lines lines (6), the last of its
    balanced legs one fewer: on main short's 燃气安全宣传进社区 stood in legs of 4 and 3
    lines and 暑期托管班开课 in legs of 5 across the top of an empty page."""
    name, issue, result, _ = placed
    least = issue.style.makeup.short_leg_lines
    pages = short_pages(issue, result)
    assert pages, name
    thin = [(page.number, article, lines) for page, _ in pages
            for article, lines in legs(page).items()
            if len(lines) > 1 and (max(lines) < least or min(lines) < least - 1)]
    assert not thin, thin


def test_a_short_page_says_what_it_lacks_and_keeps_its_white_at_the_foot(placed):
    """The build warns 缺约 N 字 for each short page; its copy stands from the top without
    a band of white across the page among the blocks, and the page's own holes (windows
    of 3 × 3 ems among the blocks, above its foot) stay under a fifth of the composed part
    — the rest of the white is one band at the foot."""
    name, issue, result, warnings = placed
    for page, fit in short_pages(issue, result):
        assert any(re.search(rf"page {page.number} .*缺约 \d+ 字", w) for w in warnings), warnings
        grid = grid_for(issue.style, page.number)
        assert not white_bands(page, grid.top, copy_foot(page), grid.pitch), (name, page.number)


def test_short_pages_leave_no_window_of_white_among_their_blocks(shared_build):
    """Measured on the PDF as the shared instrument measures blank_share, but over the
    composed part of each short page only: lone's story kept its text in two legs beside
    its photo and the third column empty (main: 0.223 of the part in white windows)."""
    for name in SHORT:
        made = shared_build(EDITIONS / name, ("pdf",))
        issue = load_issue(EDITIONS / name)
        result = place_issue(issue, font_set(issue.style), BuildOptions())
        with pymupdf.open(made.report.outputs["pdf"]) as doc:
            for (page, fit), pdf_page in zip(zip(result.placed.pages, result.copyfit.pages), doc):
                if not fit.warn:
                    continue
                grid = grid_for(issue.style, page.number)
                right = grid.column_x(grid.columns - 1) + grid.column_width
                share = blank_windows(pdf_page, grid.top, copy_foot(page), grid.column_x(0),
                                      right, issue.style.body_size)
                assert share <= 0.25, (name, page.number, round(share, 3))


def test_text_beside_a_photo_fills_every_leg_beside_it():
    """A story shorter than its photo beside it: its lines in every leg beside the photo, of
    one depth — not two legs and an empty column between them and the photo (lone, sparse:
    the plan's slack rows were flowed into, and the legs under the photo took their share)."""
    for name in ("lone", "sparse"):
        issue = load_issue(EDITIONS / name)
        result = place_issue(issue, font_set(issue.style), BuildOptions())
        page = result.placed.pages[0]
        (lines,) = legs(page).values()
        grid = grid_for(issue.style, page.number)
        photo = next(i for i in page.items if type(i).__name__ == "PlacedImage")
        beside = sum(1 for c in range(grid.columns) if grid.column_x(c) + grid.column_width < photo.x)
        assert len(lines) == beside and max(lines) - min(lines) <= 2, (name, lines, beside)


def test_three_short_stories_alone_on_a_page_stand_in_deep_legs():
    """The factory's three short stories (260, 180 and 120 characters) alone on a page."""
    issue = issue_of([story(0, 260), story(1, 180), story(2, 120)])
    result = place_issue(issue, font_set(issue.style), BuildOptions())
    least = issue.style.makeup.short_leg_lines
    for article, lines in legs(result.placed.pages[0]).items():
        assert len(lines) == 1 or (max(lines) >= least and min(lines) >= least - 1), (article, lines)


@pytest.mark.parametrize("lead, second", [(196, 163), (150, 120), (240, 100), (300, 90),
                                          (120, 200)])
def test_two_short_stories_and_a_square_photo_stand_in_deep_legs(lead, second):
    """The lead's held-back news page: two short stories, the first with a 1:1 photo. On
    main the second stood in strips — 196 + 163 characters: four legs of 4, 4, 3 and 3
    lines; 300 + 90: two of 4 — across the top of a page 80 % white."""
    issue = issue_of([with_photo(story(0, lead), 1.0), story(1, second)])
    result = place_issue(issue, font_set(issue.style), BuildOptions())
    least = issue.style.makeup.short_leg_lines
    assert result.copyfit.pages[0].warn
    for article, lines in legs(result.placed.pages[0]).items():
        assert len(lines) == 1 or (max(lines) >= least and min(lines) >= least - 1), (article, lines)


@pytest.mark.parametrize("chars", range(260, 560, 20))
def test_no_leg_of_a_line_or_two_under_a_vertical_headline(chars):
    """A 竖题 over the last column of a block, the body running on under it: the leg under
    it holds none of the text or makeup.min_leg_lines lines at least, unless nothing else
    fits (COST_THIN_LEGS) — the held-back 副刊 had 走了，又像是什么都没有带走。 alone
    under its 竖题 while the legs beside ran 22 lines."""
    style = default_style()
    grid = grid_for(style)
    article = story(3, chars)
    article = type(article)(article.id, Headline("老街的黄昏"), article.paragraphs,
                            byline="□ 沈青禾", hints=Hints(headline="vertical"))
    sizer = VerticalSizer(article, style, grid, font_set(style))
    least = style.makeup.min_leg_lines
    for columns in (2, 3, 4):
        for plan in sizer.options(columns).values():
            layout = plan.vertical
            if not isinstance(layout, Beside) or not layout.strip or plan.cost >= COST_THIN_LEGS:
                continue
            rows = sizer.body.rows_needed_around(columns, layout.strip, layout.head_rows)
            flowed = sizer.body.flow_around(capacities(columns, layout.strip, layout.head_rows, rows))
            under = [len(leg) for leg in flowed[columns - layout.strip:]]
            assert all(n == 0 or n >= least for n in under), (chars, columns, under)


def test_short_leg_lines_is_read_from_the_house_style_and_checked_through_the_cli(tmp_path):
    from layout.style.house import load_style
    from tests.cli_helpers import style_builder

    style, warnings = load_style({"makeup": {"short_leg_lines": 8}})
    assert not warnings and style.makeup.short_leg_lines == 8
    build_with = style_builder(EDITIONS / "short", tmp_path)
    typo = build_with("style:\n  makeup:\n    short_leg_line: 8\n")
    assert typo.returncode == 0 and "makeup.short_leg_lines" in typo.stderr
    wrong = build_with("style:\n  makeup:\n    short_leg_lines: 0\n")
    assert wrong.returncode != 0 and "makeup.short_leg_lines" in wrong.stderr
    assert "Traceback" not in wrong.stderr
