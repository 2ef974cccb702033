"""Copy mixing column widths is measured story by story (layout/intake/measures.py); copy of
one measure, cut evenly or raggedly, keeps the one measure its shape read."""
from __future__ import annotations

import pytest

from layout.intake.lines import read_lines
from layout.intake.measures import story_shapes
from layout.intake.segment import segment
from layout.intake.shape import ShapeKind, detect
from layout.intake.text_import import _sure_head
from layout.intake.unwrap import unwrap
from tests.intake import corpus, strangers


def _story_shapes(text: str):
    lines = read_lines(text)
    shape = detect(lines)
    drafts, _, _ = segment(*unwrap(lines, shape))
    return lines, story_shapes(lines, shape, [(d.line, _sure_head(d)) for d in drafts])


def test_each_story_of_a_page_mixing_widths_gets_its_own_measure():
    stories = strangers.edition("beiyuan")
    lines, shapes = _story_shapes(strangers.render_page(stories, (13, 21, 26, 17)).text())
    assert shapes is not None
    measures = {round(s.full) for s in shapes if s.kind is ShapeKind.TYPESET}
    assert min(measures) <= 14 and max(measures) >= 21 and 17 in measures


@pytest.mark.parametrize("name", ["beiyuan", "nanshan"])
def test_no_wrapped_line_of_a_narrow_column_becomes_a_subhead(name, tmp_path):
    stories = strangers.edition(name)
    page = strangers.render_page(stories)
    raw = tmp_path / "page.txt"
    raw.write_text(page.text(), encoding="utf-8")
    out, plan = corpus.import_raw(raw, tmp_path / "issue")
    f = corpus.compare(stories, page.text(), out, [d.line for d in plan.decisions], page.starts)
    assert f.found == f.stories and f.false_subheads == 0 and f.tokens_changed == 0
    assert f.bodies_exact >= f.stories - 1


def test_copy_of_one_measure_keeps_its_shape():
    for name in ("beiyuan", "nanshan"):
        for measure in (13, 19, 21, 26):
            text = strangers.render_pdf(strangers.edition(name), measure).text()
            assert _story_shapes(text)[1] is None, (name, measure)


def test_ragged_copy_of_one_measure_keeps_its_shape():
    for name in ("binjiang", "six", "weekly4"):
        assert _story_shapes(corpus.render(name, "b-ragged"))[1] is None, name


def test_measures_four_ems_apart_in_copy_read_as_typeset_are_told_apart():
    """Stories at 21 and 17 ems in turn: the copy reads as typeset at 21 with a wide band; a
    story's measure outside that band tells the copy mixes measures."""
    lines, shapes = _story_shapes(strangers.render_page(corpus.edition("weekly4"), (21, 17)).text())
    assert detect(lines).kind is ShapeKind.TYPESET and shapes is not None


def test_a_story_measured_an_em_short_keeps_its_paragraph_starts(tmp_path):
    """A story of 13 ems whose few lines put its measure at 12 (its paragraphs' first lines,
    11 wide, weigh in): read an em wider, its first lines start paragraphs, not 小标题."""
    stories = corpus.edition("weekly4")
    page = strangers.render_page(stories)
    raw = tmp_path / "page.txt"
    raw.write_text(page.text(), encoding="utf-8")
    out, _ = corpus.import_raw(raw, tmp_path / "issue")
    f = corpus.compare(stories, page.text(), out, [], page.starts)
    assert f.false_subheads == 0 and f.tokens_changed == 0 and f.chars_lost == 0
