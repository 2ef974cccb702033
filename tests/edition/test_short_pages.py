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
from layout.model.placed import PlacedImage
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pages.legs import capacities
from layout.pages.grid import grid_for
from layout.pages.photos import PhotoRules
from layout.pages.roomy import SHORT_HEAD_AIR, roomy_style
from layout.pages.sizing import COST_THIN_LEGS, Sizer
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
    """Every leg of a block holds makeup.short_leg_lines lines (6): on main short's
    燃气安全宣传进社区 once stood in legs of 4 and 3 lines, and thin4 p.3's 小区门口的便民
    洗车点关停了 in legs of 6, 6 and 5 beside a page 79 % white. The leg under a 竖题 is
    the vertical sizer's (test_no_leg_of_a_line_or_two_under_a_vertical_headline)."""
    name, issue, result, _ = placed
    least = issue.style.makeup.short_leg_lines
    pages = short_pages(issue, result)
    assert pages, name
    vertical = {a.id for page in issue.pages for a in page.articles
                if a.hints.headline == "vertical"}
    thin = [(page.number, article, lines) for page, _ in pages
            for article, lines in legs(page).items()
            if len(lines) > 1 and min(lines[:-1] if article in vertical else lines) < least]
    assert not thin, thin


def photo_widths(issue, page):
    """(article, photo, its width in columns, the widest it may take on the page beside
    text: its resolution's, crop's and page share's limit, at most columns − 1, and at most
    its block's width less two legs of text) for each photo of a story on a placed page."""
    grid = grid_for(issue.style, page.number)
    rules = PhotoRules.of(issue.style, grid)
    photos = {p.path: (a.id, p) for a in page_articles(issue, page.number) if a.paragraphs
              for p in a.photos}
    blocks = {r.article: columns_of(grid, r.w) for r in page.regions}
    for item in page.items:
        if isinstance(item, PlacedImage) and item.path in photos:
            article, photo = photos[item.path]
            widest = min(rules.widest(photo, False), grid.columns - 1, blocks[article] - 2)
            yield article, photo.path.name, columns_of(grid, item.w), widest


def columns_of(grid, width: float) -> int:
    return next(c for c in range(1, grid.columns + 1) if grid.span(c) >= width - 0.5)


def page_articles(issue, number):
    return next(page.articles for page in issue.pages if page.number == number)


def test_photos_on_a_short_page_grow_to_their_limits(placed):
    """Before a short page leaves white, a story's photos take the widest size their
    resolution, crop (±15 %) and share of the page allow beside two legs of its text (one
    leg alone beside a photo stands off the page's baseline grid): on main lone's 3:2 photo
    stood 3 columns of 6 where 4 were allowed (a photo beside the body was offered half
    its block or one column only)."""
    name, issue, result, _ = placed
    small = [(name, page.number, *sizes) for page, _ in short_pages(issue, result)
             for sizes in photo_widths(issue, page) if sizes[2] < sizes[3]]
    assert not small, small


@pytest.mark.parametrize("aspect", [1.0, 2 / 3, 1.5])
def test_a_lone_story_s_photo_grows_to_its_limits(aspect):
    """One story of 200 characters and its photo alone on a page: the photo as wide as its
    limits allow."""
    issue = issue_of([with_photo(story(0, 200), aspect)])
    result = place_issue(issue, font_set(issue.style), BuildOptions())
    sizes = list(photo_widths(issue, result.placed.pages[0]))
    assert sizes and all(columns == widest for *_, columns, widest in sizes), sizes


def test_a_short_page_gives_its_headlines_more_air():
    """The make-up of a page short of copy (roomy.roomy_style) lets a headline group take
    SHORT_HEAD_AIR rows of air, where a full page's take makeup.head_air_rows: the sizer
    offers block heights only that air reaches."""
    style = default_style()
    short = roomy_style(style)
    assert short.makeup.head_air_rows == SHORT_HEAD_AIR > style.makeup.head_air_rows
    assert short.makeup.min_leg_lines == style.makeup.min_leg_lines
    grid, fonts = grid_for(style), font_set(style)
    article = story(1, 160)
    plain = Sizer(article, style, grid, fonts).options(2)
    airy = Sizer(article, short, grid, fonts).options(2)
    assert max(airy) > max(plain)


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
