"""Reserved blocks: ads at their position and size, pinned articles where asked, the rest
placed around them without collisions; a block that does not fit fails, named."""
from __future__ import annotations

import shutil
import zipfile

import docx
import pytest

from layout.model.placed import PlacedImage
from layout.pages.furniture import furniture_rows
from layout.pages.grid import grid_for
from tests.edition.test_briefs import placed_whole
from tests.edition.test_edition_cli import edit, layout
from tests.edition.test_verse import WHOLE


@pytest.fixture(scope="module")
def whole():
    return placed_whole()


def page_of(result, aid):
    return next(p for p in result.placed.pages if any(r.article == aid for r in p.regions))


def region(page, aid):
    return next(r for r in page.regions if r.article == aid)


def test_an_ad_takes_its_size_at_its_corner_with_its_artwork_whole(whole):
    issue, result = whole
    page = page_of(result, "ad-yinhang")
    grid = grid_for(issue.style, page.number)
    box = region(page, "ad-yinhang")
    assert box.x + box.w == pytest.approx(grid.left + grid.width)        # right
    assert box.y + box.h == pytest.approx(grid.row_y(grid.rows))          # foot
    assert box.w == pytest.approx(grid.span(3)) and box.h == pytest.approx(20 * grid.pitch)
    image = next(i for i in page.items if isinstance(i, PlacedImage) and i.path.name == "yinhang.jpg")
    assert image.crop == (0.0, 0.0, 1.0, 1.0)
    assert image.h / image.w == pytest.approx(1180 / 1500, rel=0.01), "never cropped or stretched"
    assert box.x - 0.1 <= image.x and image.x + image.w <= box.x + box.w + 0.1


def test_an_ad_sized_in_mm_takes_the_columns_and_rows_that_hold_it(whole):
    issue, result = whole
    page = page_of(result, "ad-bolanhui")
    grid = grid_for(issue.style, page.number)
    box = region(page, "ad-bolanhui")
    mm = 72 / 25.4
    assert box.x == pytest.approx(grid.left)                                # bottom-left
    assert grid.span(2) >= 82 * mm - 1 and grid.span(1) < 82 * mm
    image = next(i for i in page.items if isinstance(i, PlacedImage) and i.path.suffix == ".pdf")
    assert image.w == pytest.approx(82 * mm, rel=0.01) and image.h == pytest.approx(60 * mm, rel=0.01)


def test_a_pinned_article_sits_where_asked(whole):
    issue, result = whole
    page = page_of(result, "pinglun")
    grid = grid_for(issue.style, page.number)
    box = region(page, "pinglun")
    assert box.x == pytest.approx(grid.column_x(4)) and box.y == pytest.approx(grid.row_y(2))


def test_no_blocks_collide_and_every_article_is_placed(whole):
    issue, result = whole
    for page, placed in zip(issue.pages, result.placed.pages):
        grid = grid_for(issue.style, page.number)
        boxes = [r for r in placed.regions]
        for n, a in enumerate(boxes):
            assert grid.left - 0.1 <= a.x and a.x + a.w <= grid.left + grid.width + 0.1
            assert grid.row_y(furniture_rows(page)) - 0.1 <= a.y
            for b in boxes[n + 1:]:
                if a.article == b.article:
                    continue
                apart = (a.x + a.w <= b.x + 0.1 or b.x + b.w <= a.x + 0.1
                         or a.y + a.h <= b.y + 0.1 or b.y + b.h <= a.y + 0.1)
                assert apart, f"page {page.number}: {a.article} and {b.article} collide"
    fits = {f.id: f for f in result.copyfit.articles}
    assert all(f.over == 0 for f in fits.values())
    assert set(fits) == {a.id for a in issue.articles()}


def test_ads_stay_out_of_the_docx_and_reach_the_epub_only_when_asked(tmp_path):
    out = tmp_path / "out"
    result = layout("build", str(WHOLE), "-o", str(out), "--format", "docx,epub")
    assert result.returncode == 0, result.stderr
    text = "\n".join(p.text for p in docx.Document(str(out / "whole.docx")).paragraphs)
    assert "铁东农商银行" not in text and "家居博览会" not in text
    with zipfile.ZipFile(out / "whole.epub") as z:
        pages = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
        images = [n for n in z.namelist() if n.startswith("EPUB/images/p")]
    assert 'class="advert"' in pages and "夏日家居博览会" in pages and "铁东农商银行" not in pages
    assert len(images) == 3    # two photos and the one ad that asked


@pytest.mark.parametrize("where, old, new, says", [
    ("articles/ad-yinhang.md", "size: 3x20", "size: 7x20", "'ad-yinhang' does not fit the grid"),
    ("articles/ad-yinhang.md", "size: 3x20", "size: 3x200", "'ad-yinhang' does not fit the grid"),
    ("issue.yaml", "{id: pinglun, at: {column: 5, row: 3}}",
     "{id: pinglun, at: {column: 5, row: 1}}", "inside the page's masthead or header"),
    ("issue.yaml", "{id: pinglun, at: {column: 5, row: 3}}",
     "{id: pinglun, at: {column: 4, row: 50}}", "overlap"),
    ("issue.yaml", "{id: pinglun, at: {column: 5, row: 3}}",
     "{id: pinglun, at: {column: 9, row: 3}}", "past the grid's 6 columns"),
    ("issue.yaml", "{id: pinglun, at: {column: 5, row: 3}}",
     "{id: pinglun, at: {col: 5, row: 3}}", "at: {column: 1, row: 40}"),
    ("issue.yaml", "{id: pinglun, at: {column: 5, row: 3}}", "{id: pinglun, att: {column: 5}}",
     "did you mean 'at'"),
    ("articles/ad-yinhang.md", "size: 3x20", "size: three", "is not a size"),
    ("articles/ad-yinhang.md", "file: yinhang.jpg", "file: none.jpg", "not found"),
    ("articles/ad-yinhang.md", "size: 3x20\n---\n", "size: 3x20\n---\n\n这里有字。\n",
     "has no text"),
    ("articles/pinglun.md", "box: true", "box: true\nsize: 2x10", "for an advertisement"),
])
def test_reserved_blocks_that_cannot_be_are_named(tmp_path, where, old, new, says):
    issue = tmp_path / "whole"
    shutil.copytree(WHOLE, issue)
    edit(issue / where, old, new)
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "pdf")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert says in result.stderr


def test_a_pdf_ad_of_several_pages_is_refused(tmp_path):
    import pikepdf

    issue = tmp_path / "whole"
    shutil.copytree(WHOLE, issue)
    with pikepdf.open(issue / "ads" / "bolanhui.pdf", allow_overwriting_input=True) as pdf:
        pdf.pages.append(pdf.pages[0])
        pdf.save(issue / "ads" / "bolanhui.pdf")
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert result.returncode == 1 and "has 2 pages; give a one-page PDF" in result.stderr


def test_an_ad_whose_artwork_is_of_another_shape_than_booked_is_named(tmp_path):
    """Artwork drawn whole in a block twice as tall as its shape leaves half of it blank:
    the build says so, with the size of its shape; booked at its shape, nothing is said."""
    issue = tmp_path / "whole"
    shutil.copytree(WHOLE, issue)
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "pdf")
    assert result.returncode == 0 and "ad-yinhang" not in result.stderr, result.stderr
    edit(issue / "articles" / "ad-yinhang.md", "size: 3x20", "size: 3x40")
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "pdf")
    assert result.returncode == 0, result.stderr
    line = next(l for l in result.stderr.splitlines() if "ad-yinhang" in l)
    assert "page 3" in line and "3x40" in line and "book 3x21" in line, line
