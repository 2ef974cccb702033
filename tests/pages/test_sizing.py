"""Sizing: 破栏 leg options, and every article has a plan at every width it allows."""
from __future__ import annotations

from layout.fonts import font_set
from layout.model.placed import PlacedText
from layout.pages.grid import grid_for
from layout.pages.render import Renderer
from layout.pages.roomy import roomy_style
from layout.pages.sizing import Legs, Sizer, leg_options
from tests.pages.factory import issue_of, story


def test_three_columns_break_into_two_legs_of_twenty():
    assert leg_options(3, 13, 1) == [Legs(3, 13, False), Legs(2, 20, True)]


def test_six_columns_break_into_four_legs_of_twenty():
    assert Legs(4, 20, True) in leg_options(6, 13, 1)


def test_legs_are_whole_characters_that_fill_the_span_exactly():
    for columns in range(1, 9):
        for legs in leg_options(columns, 13, 1):
            assert legs.count * legs.chars + (legs.count - 1) == columns * 13 + columns - 1


def test_a_broken_block_sets_its_body_at_the_leg_measure():
    issue = issue_of([story(0, 900)])
    grid = grid_for(issue.style)
    sizer = Sizer(issue.pages[0].articles[0], issue.style, grid, font_set(issue.style))
    sizer.options(3)
    broken = sizer.body_at(20)
    for para in broken.paragraphs[1:]:
        assert all(line.width <= 20 * grid.body_size + 0.01 for line in para.lines)
    assert broken.rows_needed(2) < sizer.body.rows_needed(2)


def test_rendering_a_broken_block_places_two_legs_across_three_columns():
    issue = issue_of([story(0, 900)])
    grid = grid_for(issue.style)
    sizer = Sizer(issue.pages[0].articles[0], issue.style, grid, font_set(issue.style))
    plans = [p for p in sizer.options(3).values() if p.legs == 2]
    assert plans, "a three-column block offers a 破栏 into two legs"
    plan = min(plans, key=lambda p: p.cost)
    renderer = Renderer(grid, {sizer.article.id: sizer}, grid.rows)
    renderer.block(plan, 0, 8, plan.rows)
    body = [t for t in renderer.drawn.items if isinstance(t, PlacedText) and t.role == "body"]
    starts = sorted({round(t.x, 1) for t in body})
    assert len(starts) == 2
    assert abs(starts[1] - starts[0] - 21 * grid.body_size) < 0.01  # 20 characters and a gutter
    right = max(t.x + t.xs[-1] for t in body)
    assert right <= grid.left + grid.span(3)


def test_a_story_photo_sits_top_right_with_the_body_flowing_beside_and_under_it():
    from layout.model.placed import PlacedImage

    issue = issue_of([story(0, 1500, photo=True)])
    grid = grid_for(issue.style)
    sizer = Sizer(issue.pages[0].articles[0], issue.style, grid, font_set(issue.style))
    # a 3:2 landscape: beside the text over half a four-column block (on a page short of
    # copy up to the block's columns − 1); across two columns (or, at a cost, one column
    # beside the text)
    assert [(a.width, len(a.beside)) for a in sizer.photo_arrangements(4)] == [(2, 1)]
    short = Sizer(sizer.article, roomy_style(issue.style), grid, font_set(issue.style))
    assert [(a.width, len(a.beside)) for a in short.photo_arrangements(5)] == [(3, 1), (4, 1)]
    two = sizer.photo_arrangements(2)
    assert (len(two[0].across), two[0].cost) == (1, 0.0) and two[1].cost > 0
    plan = min(sizer.options(4).values(), key=lambda p: p.cost)
    assert plan.photo_columns == 2
    renderer = Renderer(grid, {sizer.article.id: sizer}, grid.rows)
    renderer.block(plan, 0, 8, plan.rows)
    image = next(i for i in renderer.drawn.items if isinstance(i, PlacedImage))
    assert abs(image.x - grid.column_x(2)) < 0.01 and abs(image.w - grid.span(2)) < 0.01
    body = [t for t in renderer.drawn.items if isinstance(t, PlacedText) and t.role == "body"]
    for text in body:  # nothing printed on the photo
        inside_x = image.x - 1 <= text.x <= image.x + image.w
        assert not (inside_x and image.y <= text.y <= image.y + image.h + grid.pitch)
    assert any(t.x >= image.x and t.y > image.y + image.h for t in body), "text runs under the photo"
    assert renderer.drawn.set_chars[sizer.article.id] == sum(
        1 for c in sizer.article.all_text() if not c.isspace())
