"""Boxed and tinted articles and column logos, on the page, in the DOCX and in the EPUB."""
from __future__ import annotations

import shutil
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from layout.model.placed import PlacedBox, PlacedRule, PlacedText
from layout.pages.grid import grid_for
from tests.edition.test_briefs import placed_whole
from tests.edition.test_edition_cli import edit, layout
from tests.edition.test_verse import WHOLE


@pytest.fixture(scope="module")
def whole():
    return placed_whole()


def page_with(result, aid):
    return next(p for p in result.placed.pages if any(r.article == aid for r in p.regions))


def region(page, aid):
    return next(r for r in page.regions if r.article == aid)


def inside(item, box, slack=1.0):
    x0, y0 = (item.x0, item.y0) if isinstance(item, PlacedRule) else (item.x, item.y)
    return box.x - slack <= x0 <= box.x + box.w + slack and box.y - slack <= y0 <= box.y + box.h + slack


def test_a_boxed_article_is_framed_with_air_inside_on_the_grid(whole):
    issue, result = whole
    page = page_with(result, "pinglun")
    box = region(page, "pinglun")
    rules = [i for i in page.items if isinstance(i, PlacedRule) and inside(i, box)
             and (i.x0 == i.x1 or i.y0 == i.y1) and i.width == issue.style.edition.box_rule]
    left = min(min(r.x0, r.x1) for r in rules)
    right = max(max(r.x0, r.x1) for r in rules)
    top = min(min(r.y0, r.y1) for r in rules)
    foot = max(max(r.y0, r.y1) for r in rules)
    assert len(rules) == 4 and right - left == pytest.approx(box.w)
    body = [t for t in page.items if isinstance(t, PlacedText) and t.role == "body" and inside(t, box)]
    size = issue.style.body_size
    assert min(t.x + t.xs[0] for t in body) >= left + size - 0.01, "a character of air at the left"
    # a line may end in a mark set half wide
    assert max(t.x + t.xs[-1] + t.size / 2 for t in body) <= right - size + 0.01
    assert top < min(t.y for t in body) - size and max(t.y for t in body) < foot
    grid = grid_for(issue.style, page.number)
    assert {round((t.y - grid.baseline(0)) / grid.pitch, 3) % 1 for t in body} == {0.0}


def test_the_column_logo_stands_above_the_headline_group(whole):
    issue, result = whole
    page = page_with(result, "pinglun")
    box = region(page, "pinglun")
    logo = next(t for t in page.items if isinstance(t, PlacedText) and t.text == "铁东时评")
    title = next(t for t in page.items if isinstance(t, PlacedText) and t.role == "title"
                 and inside(t, box))
    assert logo.role == "column" and logo.face == issue.style.role("column").face
    assert logo.y < title.y and inside(logo, box)
    bar = [i for i in page.items if isinstance(i, PlacedBox) and i.tint == 1.0 and inside(i, box)]
    assert bar and bar[0].x < logo.x


def test_a_tint_lies_under_the_whole_box_and_the_frame_is_dotted(whole):
    issue, result = whole
    page = page_with(result, "tingshui")
    box = region(page, "tingshui")
    tints = [i for i in page.items if isinstance(i, PlacedBox) and i.cmyk and inside(i, box)]
    assert [t.cmyk for t in tints] == [(0.0, 0.0, 0.0, 0.1)]
    assert tints[0].w == pytest.approx(box.w) and tints[0].h > box.h - 2 * issue.style.line_pitch
    rules = [i for i in page.items if isinstance(i, PlacedRule) and inside(i, box) and i.dotted]
    assert len(rules) == 4


def test_docx_and_epub_frame_and_tint_the_article(tmp_path):
    out = tmp_path / "out"
    result = layout("build", str(WHOLE), "-o", str(out), "--format", "docx,epub")
    assert result.returncode == 0, result.stderr
    paragraphs = docx.Document(str(out / "whole.docx")).paragraphs
    logo = next(i for i, p in enumerate(paragraphs) if p.style.name == "栏目")
    assert paragraphs[logo].text == "铁东时评" and paragraphs[logo + 1].style.name == "主题"
    framed = [p for p in paragraphs[logo:logo + 6]]
    borders = [p._p.pPr.find(qn("w:pBdr")) for p in framed]
    assert all(b is not None and b.find(qn("w:left")).get(qn("w:val")) == "single" for b in borders)
    notice = next(i for i, p in enumerate(paragraphs) if p.text == "停水通知")
    shading = paragraphs[notice + 1]._p.pPr.find(qn("w:shd"))
    assert shading.get(qn("w:fill")) == "E6E6E6"
    assert paragraphs[notice]._p.pPr.find(qn("w:pBdr")).find(qn("w:top")).get(qn("w:val")) == "dotted"
    with zipfile.ZipFile(out / "whole.epub") as z:
        pages = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
    assert 'class="story boxed boxed-plain"' in pages and '<p class="column">铁东时评</p>' in pages
    # the tint as a translucent wash (E6E6E6 on white, still dark under light text at night)
    assert 'class="story boxed boxed-dotted tinted" style="background-color: rgba(0, 0, 0, 0.1)"' in pages


@pytest.mark.parametrize("old, new, says", [
    ("tint: 10", "tint: 30", "at most 15 %"),
    ("tint: 10", "tint: [0, 0, 20, 0]", "at most 15 %"),
    ("box: dotted", "box: wavy", "plain, double, dotted"),
    ("box: dotted", "boxx: dotted", "did you mean 'box'"),
])
def test_box_and_tint_values_are_checked(tmp_path, old, new, says):
    issue = tmp_path / "whole"
    shutil.copytree(WHOLE, issue)
    edit(issue / "articles" / "tingshui.md", old, new)
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert says in result.stderr and "tingshui.md:" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_misspelt_column_key_is_named(tmp_path):
    issue = tmp_path / "whole"
    shutil.copytree(WHOLE, issue)
    edit(issue / "articles" / "pinglun.md", "column:", "colum:")
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert "did you mean 'column'" in result.stderr


@pytest.mark.parametrize("columns", range(1, 7))
def test_no_leg_inside_a_frame_starts_at_a_page_column_s_x(columns):
    """A frame's legs start at least half a character off every page column's x, with at
    least a character of air inside the frame at each side: legs of another measure on a
    column's x read as ragged to a reader measuring the page (the 12-character legs of a
    two-column box started at its second column's x)."""
    from layout.pages.boxes import PAD_CHARS, inner_measure
    from layout.style import default_style

    style = default_style()
    chars, gutter = inner_measure(columns, style)
    step = style.column_chars + style.gutter_chars
    span = columns * style.column_chars + (columns - 1) * style.gutter_chars
    inset = (span - columns * chars - (columns - 1) * gutter) / 2
    assert inset >= PAD_CHARS and chars >= span // columns - 3
    for n in range(columns):
        x = inset + n * (chars + gutter)
        assert abs(x - round(x / step) * step) >= 0.5, (columns, n, x)
