"""Pages with photos of every shape (4:1 panorama to 1:2 portrait), one or several to a
story: judged as a page editor would, on the placed page — no photo standing taller than
the house style allows, none below its resolution or past its crop, and, when the page
has copy enough, no empty region inside the text area (a column left blank under a
story while the others run on)."""
from __future__ import annotations

import dataclasses
import math

from hypothesis import HealthCheck, given, settings, strategies as st

from layout.fonts import font_set
from layout.model import Photo
from layout.model.placed import PlacedImage, PlacedText
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pages.furniture import furniture_rows
from layout.pages.grid import grid_for
from layout.style import default_style
from tests.pages.factory import PHOTO, issue_of, story

STYLE = default_style()
GRID = grid_for(STYLE)
FONTS = font_set(STYLE)
ASPECTS = (0.25, 1 / 3, 0.75, 1.0, 4 / 3, 2.0)   # height / width: 4:1, 3:1, 4:3, 1:1, 3:4, 1:2
HALF_PAGE = 2600       # characters: copy a page holds whatever its photos
MOST_EMPTY_ROWS = 12   # a run of empty rows in one column inside the text area, at most


def photo(n: int, aspect: float) -> Photo:
    """A photo of `aspect` with pixels enough for any width (3,600 px on its long side)."""
    width, height = (3600, round(3600 * aspect)) if aspect <= 1 else (round(3600 / aspect), 3600)
    return Photo(PHOTO, f"图片说明{n}：市民在新建成的公园里休闲健身。", "本报记者 王明 摄", width, height)


def page_of(aspects: list[float], others: list[tuple[int, float | None]]):
    """A lead, a story with photos of `aspects`, and stories of (characters, the aspect of
    their photo or None)."""
    lead = story(0, 900)
    pictured = dataclasses.replace(story(1, 600), photos=tuple(
        photo(k, a) for k, a in enumerate(aspects)))
    rest = [dataclasses.replace(story(2 + k, n), photos=(photo(10 + k, a),) if a else ())
            for k, (n, a) in enumerate(others)]
    return issue_of([lead, pictured] + rest)


def column_of(x: float) -> int:
    return min(GRID.columns - 1, max(0, int((x - GRID.left + GRID.gutter / 2)
                                            // (GRID.column_width + GRID.gutter))))


HEADLINE = ("kicker", "title", "subtitle")


def _span(item, regions) -> tuple[int, int]:
    """First and last column an item covers: a headline line its whole block (it is centred
    over it), anything else its own extent."""
    if isinstance(item, PlacedImage):
        return column_of(item.x + 1), column_of(item.x + item.w - 1)
    if item.role in HEADLINE:
        box = next((r for r in regions if r.x - 1 <= item.x <= r.x + r.w
                    and r.y - 1 <= item.y <= r.y + r.h + 1), None)
        if box is not None:
            return column_of(box.x + 1), column_of(box.x + box.w - 1)
    return column_of(item.x + 1), column_of(item.x + (item.xs[-1] if item.xs else 0))


def empty_runs(page, first_row: int) -> list[tuple[int, int, int]]:
    """(column, first row, rows) of every run of rows with nothing in a column, between the
    page's first free row and the lowest row anything is printed on (the foot of the page
    left empty under every column is honest space, not a hole)."""
    inked = [set() for _ in range(GRID.columns)]
    for item in page.items:
        if isinstance(item, PlacedImage):
            top, bottom = item.y, item.y + item.h
        elif isinstance(item, PlacedText) and item.role != "furniture":
            top, bottom = item.y - item.size, item.y
        else:
            continue
        first, last = _span(item, page.regions)
        rows = range(int((top - GRID.top) // GRID.pitch), int((bottom - GRID.top) // GRID.pitch) + 1)
        for column in range(first, last + 1):
            inked[column].update(r for r in rows if first_row <= r < GRID.rows)
    lowest = max((max(c) for c in inked if c), default=first_row)
    runs = []
    for column, rows in enumerate(inked):
        run = 0
        for row in range(first_row, lowest + 1):
            run = 0 if row in rows else run + 1
            if run and (row == lowest or row + 1 in rows):
                runs.append((column, row - run + 1, run))
    return runs


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(ASPECTS), min_size=1, max_size=3),
       st.lists(st.tuples(st.integers(150, 700), st.none() | st.sampled_from(ASPECTS)),
                min_size=1, max_size=4))
def test_photos_of_every_shape_give_a_page_without_holes(aspects, others):
    issue = page_of(aspects, others)
    result = place_issue(issue, FONTS, BuildOptions())
    page, fit = result.placed.pages[0], result.copyfit.pages[0]
    images = [i for i in page.items if isinstance(i, PlacedImage)]
    photos = {p.caption: p for a in issue.articles() for p in a.photos}
    over = sum(a.over for a in result.copyfit.articles)
    assert over or len(images) == len(photos)
    for image in images:
        source = photos[image.alt]
        left, top, right, bottom = image.crop
        ppi = min(source.width_px * (right - left) / (image.w / 72),
                  source.height_px * (bottom - top) / (image.h / 72))
        assert ppi >= STYLE.min_ppi - 0.5
        assert image.h <= STYLE.makeup.max_photo_height * GRID.rows * GRID.pitch + 0.5, image
        assert image.w * image.h <= STYLE.makeup.max_photo_share * GRID.page_width * GRID.page_height
        kept = ((bottom - top) * source.height_px) / ((right - left) * source.width_px)
        assert abs(math.log(image.h / image.w / kept)) < 0.02          # drawn at its crop's shape
        assert abs(math.log(kept / source.aspect)) <= math.log1p(STYLE.makeup.max_crop) + 1e-6
    if sum(a.chars for a in result.copyfit.articles) <= HALF_PAGE:
        assert not over, result.copyfit.articles   # photos never push half a page of copy off it
    if fit.warn or over:
        return   # short of copy (it says so) or over-set: not the question here
    holes = [r for r in empty_runs(page, furniture_rows(issue.pages[0])) if r[2] > MOST_EMPTY_ROWS]
    assert not holes, (holes, fit)


def test_a_story_with_a_landscape_and_two_portraits_sets_the_portraits_side_by_side():
    """A 4:3 and two 1:2 photos: stacked in one column the portraits stand taller than the
    story, two columns wide each is taller than the house style allows; side by side, a
    column each, beside the body, with the landscape across the block, the story fits."""
    issue = page_of([0.75, 2.0, 2.0], [(150, None)])
    result = place_issue(issue, FONTS, BuildOptions())
    assert not any(a.over for a in result.copyfit.articles), result.copyfit.articles
    images = sorted((i for i in result.placed.pages[0].items if isinstance(i, PlacedImage)),
                    key=lambda i: (i.y, i.x))
    assert len(images) == 3
    landscape, left, right = images
    assert landscape.w > landscape.h and left.h > left.w and right.h > right.w
    assert abs(left.y - right.y) < 0.5 and abs(left.w - GRID.column_width) < 0.5
    assert abs(right.x - left.x - (GRID.column_width + GRID.gutter)) < 0.5
    assert left.y >= landscape.y + landscape.h   # under the landscape, not beside it
