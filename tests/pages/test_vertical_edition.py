"""竖排 on a built page (tests/fixtures/editions/vertical): a 竖题 the editor asked for, one
the placer chose for a narrow story, and a vertical essay — read back from the PDF."""
from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from layout.cjk import rules
from layout.fonts.vertical import substitutions
from layout.manifest import load_issue
from layout.options import BuildOptions
from layout.preflight.typography import measure_typography
from tests.pdf_glyphs import committed_faces, outline, shown_glyphs

REPO = Path(__file__).resolve().parents[2]
EDITION = REPO / "tests" / "fixtures" / "editions" / "vertical"
MARKS = ("open", "close", "stop", "pause", "middle", "dash", "ellipsis", "connector")


@pytest.fixture(scope="module")
def built(shared_build):
    report = shared_build(EDITION, ("pdf",)).report   # built once (tests/conftest.py)
    return report.outputs["pdf"], load_issue(EDITION)


def region_cells(pdf: Path, issue, article_id: str):
    """(char, centre x, top, size, font, direction) of the glyphs inside the article's block."""
    from layout.fonts import issue_fonts
    from layout.pages import place_issue

    placed = place_issue(issue, issue_fonts(issue), BuildOptions()).placed
    region = next(r for p in placed.pages for r in p.regions if r.article == article_id)
    with pymupdf.open(pdf) as doc:
        page = doc[0]
        trim = page.trimbox
        box = pymupdf.Rect(trim.x0 + region.x - 1, trim.y0 + region.y - 1,
                           trim.x0 + region.x + region.w + 1, trim.y0 + region.y + region.h + 1)
        cells = []
        for span in page.get_texttrace():
            for code, _gid, _origin, (x0, y0, x1, y1) in span["chars"]:
                if box.contains(pymupdf.Point((x0 + x1) / 2, (y0 + y1) / 2)):
                    cells.append((chr(code), (x0 + x1) / 2, y0, span["size"], span["font"], span["dir"]))
    return cells


def title_cells(pdf, issue, article_id):
    article = next(a for a in issue.articles() if a.id == article_id)
    cells = region_cells(pdf, issue, article_id)
    size = max(c[3] for c in cells)
    found = [c for c in cells if abs(c[3] - size) < 0.01 and c[0].strip()]
    assert "".join(c[0] for c in found) == article.headline.title.replace("\u3000", "")
    return found


@pytest.mark.parametrize("article_id", ["gaizao", "tushuguan"])
def test_the_vertical_title_shares_one_centre_and_steps_down_evenly(built, article_id):
    """gaizao asks for a 竖题 (headline: vertical); tushuguan, one column wide, gets one
    because its 主题 across would break badly (区图书|馆延长… or a line of 时间)."""
    pdf, issue = built
    cells = title_cells(pdf, issue, article_id)
    assert len(cells) >= 7
    centres = [c[1] for c in cells]
    assert max(centres) - min(centres) < 0.5, centres
    steps = [b[2] - a[2] for a, b in zip(cells, cells[1:])]
    assert all(abs(s - cells[0][3]) < 0.3 for s in steps), steps   # one em each, evenly
    assert all("-V" in c[4] for c in cells), {c[4] for c in cells}   # a vertical face


def test_the_other_stories_keep_their_headlines_across(built):
    pdf, issue = built
    for article_id in ("gengxin", "jiaotong", "yiyuan", "shitang"):
        cells = title_cells(pdf, issue, article_id)
        assert len({round(c[2]) for c in cells}) <= 3     # at most three lines, side by side


def test_every_mark_in_vertical_text_is_the_fonts_vertical_glyph(built):
    """Glyphs read from the content stream: each mark drawn in a vertical face has the
    outline of the source face's `vert` form — or, where the face has none (——), is the
    horizontal glyph turned 90° clockwise."""
    pdf, _issue = built
    table, faces = rules(), committed_faces()
    checked = turned = 0
    for shown in shown_glyphs(pdf):
        if not shown.font.endswith("-Vert") or table.names[table.class_of(shown.char)] not in MARKS:
            continue
        source = faces[shown.font.removesuffix("-Vert")]
        glyph = source.getBestCmap()[ord(shown.char)]
        form = substitutions(source).get(glyph)
        if form is not None:
            assert shown.outline == outline(source, form), shown.char
            assert shown.outline != outline(source, glyph), shown.char
            checked += 1
        else:
            assert shown.matrix[:4] == (0, -1, 1, 0), (shown.char, shown.matrix)
            turned += 1
    assert checked >= 40 and turned >= 2      # ，。、：“”《》… and the —— of a 副题


def test_vertical_articles_set_their_marks_in_vertical_faces(built):
    pdf, issue = built
    table = rules()
    cells = region_cells(pdf, issue, "qiuye")
    marks = [c for c in cells if table.names[table.class_of(c[0])] in MARKS]
    assert len(marks) > 40
    assert all("-V" in c[4] for c in marks), [c for c in marks if "-V" not in c[4]][:3]
    latin = [c for c in cells if c[0] in "Citywalk"]
    assert latin and all(c[5] == (0.0, 1.0) for c in latin)   # turned 90° clockwise
    captions = region_cells(pdf, issue, "gengxin")
    assert all(c[5] == (1.0, 0.0) for c in captions)       # the lead, caption and all, across


def source_in_drawing_order(article) -> str:
    h = article.headline
    parts = [h.kicker, h.title, h.subtitle]
    parts += [p.caption + p.credit for p in article.photos]
    parts += [article.byline, article.dateline] + [p.text for p in article.paragraphs]
    return re.sub(r"\s", "", "".join(parts))


def test_text_extracted_from_the_pdf_reads_as_written(built):
    pdf, issue = built
    for article in issue.articles():
        got = "".join(c[0] for c in region_cells(pdf, issue, article.id))
        assert re.sub(r"\s", "", got) == source_in_drawing_order(article), article.id


def test_no_kinsoku_fault_in_the_vertical_columns(built):
    pdf, _issue = built
    t = measure_typography(pdf)
    assert t.vertical_lines >= 20
    assert (t.kinsoku_start, t.kinsoku_end, t.splits) == (0, 0, 0), dict(t.examples)
    assert t.lone_char_lines == 0


def test_vertical_text_carries_its_article():
    """Every column drawn glyph by glyph (竖题, vertical bodies) names its article, as the
    lines across do, and lies in that article's block."""
    from layout.fonts import issue_fonts
    from layout.model.placed import PlacedText
    from layout.pages import place_issue

    if "article" not in PlacedText.__dataclass_fields__:
        pytest.skip("placed text does not name its article yet (issue 11's page work)")
    issue = load_issue(EDITION)
    page = place_issue(issue, issue_fonts(issue), BuildOptions()).placed.pages[0]
    regions = {r.article: r for r in page.regions}
    free = [t for t in page.items if isinstance(t, PlacedText) and t.free]
    assert {t.article for t in free} == {"gaizao", "tushuguan", "qiuye"}
    for t in free:
        r = regions[t.article]
        assert r.x - t.size <= t.x <= r.x + r.w + t.size and r.y - t.size <= t.y <= r.y + r.h, t.text
