"""Photos keep their integrity: resolution, crop and share of the page, or a clear failure."""
from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from layout.errors import BuildError
from layout.fonts import font_set
from layout.model import ArticleKind, Hints, Photo
from layout.model.placed import PlacedImage
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pages.grid import grid_for
from layout.pages.photos import PhotoRules, crop_for
from layout.style import default_style
from tests.pages.factory import PHOTO, issue_of, photo_news, story

STYLE = default_style()
GRID = grid_for(STYLE)
RULES = PhotoRules.of(STYLE, GRID)


def effective_ppi(image: PlacedImage, photo: Photo) -> float:
    """Resolution of the kept part of the photo at its placed size."""
    left, top, right, bottom = image.crop
    return min(photo.width_px * (right - left) / (image.w / 72),
               photo.height_px * (bottom - top) / (image.h / 72))


def placed_photos(result, issue) -> list[tuple[PlacedImage, Photo]]:
    by_path = {}
    for article in issue.articles():
        for photo in article.photos:
            by_path.setdefault(photo.path, photo)
    return [(item, by_path[item.path]) for page in result.placed.pages for item in page.items
            if isinstance(item, PlacedImage)]


@settings(max_examples=60, deadline=None)
@given(st.integers(200, 5000), st.integers(200, 5000), st.integers(1, 6))
def test_every_height_offered_keeps_resolution_crop_and_share(width_px, height_px, columns):
    photo = Photo(PHOTO, "", "", width_px, height_px)
    width = GRID.span(columns)
    for rows in RULES.rows(photo, columns):
        height = RULES.height(rows)
        left, top, right, bottom = crop_for(photo, width, height)
        ppi = min(width_px * (right - left) / (width / 72), height_px * (bottom - top) / (height / 72))
        assert ppi >= STYLE.min_ppi - 0.5
        assert abs(math.log(height / width / photo.aspect)) <= math.log(1.15) + 1e-6
        assert width * height <= STYLE.makeup.max_photo_share * GRID.page_width * GRID.page_height
        assert height <= STYLE.makeup.max_photo_height * GRID.rows * GRID.pitch + 0.01


def test_a_photo_too_small_for_one_column_fails_naming_it_and_its_largest_size():
    small = Photo(Path("tiny.jpg"), "说明。", "本报记者 摄", 240, 160)
    news = dataclasses.replace(photo_news(1), photos=(small,))
    issue = issue_of([story(0, 600), news])
    with pytest.raises(BuildError) as err:
        place_issue(issue, font_set(issue.style), BuildOptions())
    message = str(err.value)
    assert "tiny.jpg" in message and "240 × 160" in message
    assert "30 × 20 mm" in message   # 240 px at 200 ppi is 1.2 in


def test_a_photo_width_hint_beyond_the_photos_resolution_fails_naming_what_it_can_take():
    small = Photo(PHOTO, "说明。", "本报记者 摄", 480, 320)   # 61 mm at 200 ppi: one column
    news = dataclasses.replace(photo_news(1), photos=(small,), hints=Hints(photo_columns=3))
    issue = issue_of([story(0, 600), news])
    with pytest.raises(BuildError) as err:
        place_issue(issue, font_set(issue.style), BuildOptions())
    assert "1 column(s)" in str(err.value) and "p1" in str(err.value) and "3" in str(err.value)


def test_a_photo_news_item_on_an_empty_page_stays_within_its_share_and_resolution():
    issue = issue_of([story(0, 300), photo_news(1)])
    result = place_issue(issue, font_set(issue.style), BuildOptions())
    page_area = GRID.page_width * GRID.page_height
    for image, photo in placed_photos(result, issue):
        assert image.w * image.h <= STYLE.makeup.max_photo_share * page_area + 1
        assert effective_ppi(image, photo) >= STYLE.min_ppi - 0.5


def test_a_hint_may_size_a_photo_past_its_share_but_never_past_its_resolution():
    big = Photo(PHOTO, "说明。", "本报记者 摄", 6000, 4000)
    news = dataclasses.replace(photo_news(1), photos=(big,), hints=Hints(photo_columns=6))
    issue = issue_of([story(0, 300), news])
    result = place_issue(issue, font_set(issue.style), BuildOptions())
    (image, photo), = placed_photos(result, issue)
    assert image.w * image.h > STYLE.makeup.max_photo_share * GRID.page_width * GRID.page_height
    assert effective_ppi(image, photo) >= STYLE.min_ppi - 0.5


def test_house_style_limits_are_read_checked_and_named_through_the_cli(tmp_path):
    from layout.style.house import load_style
    from tests.cli_helpers import style_builder
    from tests.conftest import REPO

    style, warnings = load_style({"photos": {"max_crop": "5%", "max_share": 0.3,
                                             "max_height": "40%"},
                                  "makeup": {"min_leg_lines": 3, "short_page": "10%"}})
    assert not warnings
    assert (style.makeup.max_crop, style.makeup.max_photo_share, style.makeup.min_leg_lines,
            style.makeup.short_page, style.makeup.max_photo_height) == (0.05, 0.3, 3, 0.1, 0.4)
    build_with = style_builder(REPO / "tests" / "fixtures" / "editions" / "short", tmp_path)

    bad = build_with("style:\n  photos:\n    max_crop: 150%\n")
    assert bad.returncode != 0 and "photos.max_crop" in bad.stderr and "issue.yaml" in bad.stderr
    typo = build_with("style:\n  makeup:\n    min_leg_line: 3\n")
    assert typo.returncode == 0 and "makeup.min_leg_lines" in typo.stderr
    tall = build_with("style:\n  photos:\n    max_height: 2%\n")
    assert tall.returncode != 0 and "photos.max_height" in tall.stderr
    quiet = build_with("style:\n  makeup:\n    short_page: 90%\n")
    assert quiet.returncode == 0 and "缺约" not in quiet.stderr
    assert "缺约" in build_with("").stderr


def test_a_photo_news_block_is_no_wider_than_its_photo_allows():
    from layout.pages.sizing import Sizer

    small = Photo(PHOTO, "说明。", "本报记者 摄", 700, 467)   # 89 mm at 200 ppi: two columns
    news = dataclasses.replace(photo_news(1), photos=(small,), kind=ArticleKind.PHOTO)
    sizer = Sizer(news, STYLE, GRID, font_set(STYLE))
    assert max(sizer.widths()) == 2


def test_a_photo_too_small_for_one_column_names_the_article_file_through_the_cli(tmp_path):
    """The editor is told which article's photo to replace, not only the photo's name."""
    import shutil
    from PIL import Image
    from tests.cli_helpers import run
    from tests.conftest import REPO
    issue = tmp_path / "issue"
    shutil.copytree(REPO / "issues" / "sample", issue)
    with Image.open(issue / "photos" / "yizhen.jpg") as img:
        img.resize((160, 120)).save(issue / "photos" / "yizhen.jpg")
    error = run("build", issue, "-o", tmp_path / "out", "--format", "pdf").one_error()
    assert str(issue / "articles" / "yizhen.md") in error and "160 × 120" in error
