"""A mark squeezed at a line's end is drawn with a box half an em wide (export/pdf/halfmarks.py):
the box the PDF states for it ends at the column's edge, as its slot does, so a reader
measuring the glyph boxes (pymupdf) does not see the line run on into the gutter and the
next leg's line beside it; its ink and its text are unchanged."""
from __future__ import annotations

import pymupdf
import pytest

from layout.export.pdf.halfmarks import line_end_marks, line_start_marks
from layout.model.placed import PlacedText
from tests.export.pdf.conftest import make_job


@pytest.fixture(scope="module")
def laid_out(sample_issue, tmp_path_factory):
    """The sample page as the pages stage places it, and its print PDF."""
    from layout.export.pdf import write_pdf
    from layout.fonts import font_set
    from layout.options import BuildOptions
    from layout.pages import place_issue

    placed = place_issue(sample_issue, font_set(sample_issue.style), BuildOptions()).placed
    target = tmp_path_factory.mktemp("halfmarks") / "sample.pdf"
    write_pdf(make_job(sample_issue, placed), target)
    return placed, target


def _glyphs(pdf):
    with pymupdf.open(pdf) as doc:
        return [(chr(u), o[0], o[1], b[2], span["size"], span["font"])
                for span in doc[0].get_texttrace() for (u, _g, o, b) in span["chars"]]


def test_a_line_end_mark_has_a_half_em_box_and_a_mark_inside_a_line_a_whole_one(laid_out):
    placed, pdf = laid_out
    offset = placed.bleed
    texts = [i for i in placed.pages[0].items if isinstance(i, PlacedText) and i.role == "body"]
    starts = {}
    for t in texts:
        starts.setdefault(round(t.y, 1), []).append(t.x + t.xs[0])
    ends, inside = [], []
    for t in texts:
        for k, ch in enumerate(t.text):
            if ch not in line_end_marks():
                continue
            at = t.x + t.xs[k]
            last = k == len(t.text) - 1 and not any(
                at < x < at + 1.25 * t.size for x in starts[round(t.y, 1)])
            (ends if last else inside).append((ch, offset + at, offset + t.y, t.size))
    assert len(ends) >= 10 and len(inside) >= 10
    drawn = _glyphs(pdf)

    def box(ch, x, y):
        found = [g for g in drawn if g[0] == ch and abs(g[1] - x) < 0.05 and abs(g[2] - y) < 0.5]
        assert len(found) == 1, (ch, x, y)
        return found[0][3] - found[0][1]

    for ch, x, y, size in ends:
        assert box(ch, x, y) == pytest.approx(0.5 * size, abs=0.05), ch
    for ch, x, y, size in inside:
        assert box(ch, x, y) == pytest.approx(1.0 * size, abs=0.05), ch


def test_an_opening_mark_at_a_line_start_is_drawn_at_its_slot_with_a_half_em_box(laid_out):
    """“ or （ squeezed at a line's start was drawn half an em into the gutter (its ink in the
    right half of its em): now from the derived glyph, at its slot, its box starting at the
    column's edge — the ink lands where it did."""
    placed, pdf = laid_out
    offset = placed.bleed
    texts = [i for i in placed.pages[0].items if isinstance(i, PlacedText) and not i.free
             and i.role in ("body", "caption")]     # a headline keeps every glyph in its face
    finals = {}
    for t in texts:
        finals.setdefault(round(t.y, 1), []).append(t.x + t.xs[-1])
    starts = [t for t in texts if t.text[0] in line_start_marks()
              and not any(t.x + t.xs[0] - 0.9 * t.size < x < t.x + t.xs[0]
                          for x in finals[round(t.y, 1)])]
    assert len(starts) >= 3
    drawn = _glyphs(pdf)
    for t in starts:
        slot = offset + t.x + t.xs[0] + 0.5 * t.size
        found = [g for g in drawn if g[0] == t.text[0] and abs(g[1] - slot) < 0.05
                 and abs(g[2] - offset - t.y) < 0.5]
        assert len(found) == 1, (t.text[:6], slot)
        assert found[0][3] - found[0][1] == pytest.approx(0.5 * t.size, abs=0.05)
