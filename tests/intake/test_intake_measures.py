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


def _import_page(stories, tmp_path):
    page = strangers.render_page(stories)
    raw = tmp_path / "page.txt"
    raw.write_text(page.text(), encoding="utf-8")
    out, plan = corpus.import_raw(raw, tmp_path / "issue")
    return page, out, plan


@pytest.mark.parametrize("name", ["hexi4", "jiangcheng8", "overfull", "photos2"])
def test_a_narrow_lead_is_not_split_where_a_full_line_of_its_own_width_looks_like_a_head(
        name, tmp_path):
    """A 13-em lead in copy mostly wider: a full line of it with a comma (`项目负责人介绍，产业园
    规划` over `建设标准化厂房和研发中心共`) read at the copy's width looked short, a 引题 and
    主题 opening a story, and split the lead in two. Both halves measure 13 ems: the break
    between them is no change of width, so it is read again by that measure and runs on."""
    stories = corpus.edition(name)
    page, out, _ = _import_page(stories, tmp_path)
    titles = {s.title for s in stories if s.title}
    invented = [o.title for o in out if o.title and o.title not in titles and o.kind != "photo"]
    assert invented == []


def test_a_line_short_by_an_opening_mark_that_went_down_runs_on(tmp_path):
    """`…结果同步上传至个人健康档案。` over `截至目前，铁东区已在15个社区建成` (16 of 17 ems: the
    `“` of `“健康小屋”。` went down with its word): the short line is still inside its
    paragraph, not a paragraph of its own."""
    stories = corpus.edition("photos2")
    page, out, _ = _import_page(stories, tmp_path)
    story = next(o for o in out if o.title == "“健康小屋”开进15个社区")
    source = next(s for s in stories if s.title == story.title)
    assert story.paragraphs == source.paragraphs


def test_a_number_cut_at_a_full_line_s_end_gets_no_space_from_a_wider_line_with_digits(
        tmp_path):
    """`训人员培训后就业率达到31.6%，` runs half an em past 13 ems; taken for the block's measure
    it left `…或拨打热线0412-1` room for a digit, and the break was read as a space
    (`0412-1 234567`). Lines count to the whole em below: the number stays whole."""
    stories = strangers.edition("beiyuan")
    page, out, _ = _import_page(stories, tmp_path)
    text = "\n".join(t for o in out for _, t in o.paragraphs)
    assert "0412-1234567" in text
    source = "\n".join(corpus._all_text(s) for s in stories)
    assert not corpus.tokens(source) - corpus.tokens("\n".join(corpus._all_text(o) for o in out))
