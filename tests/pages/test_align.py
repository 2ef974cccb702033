"""Bodies level with the lines beside them (pages/align.py): over any placed page, the
alignment pass keeps every block where and as large as the placer put it, with the same
legs, and never leaves more rows with one line alone than the placer's layout did, nor a
dearer page (each lonely row priced as the placer prices it)."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings, strategies as st

from layout.fonts import font_set
from layout.pages.align import aligned
from layout.pages.grid import grid_for
from layout.pages.placement import COST_LONELY_ROW, place_page
from layout.pages.sizing import Sizer
from layout.pages.textrows import text_rows
from layout.pages.tree import leaves
from layout.style import default_style
from tests.pages.factory import story, with_photo

STYLE = default_style()
GRID = grid_for(STYLE)
FONTS = font_set(STYLE)


def page_rows(blocks, by_id) -> list[int]:
    """Per row of the page: the columns holding a line at the body's size."""
    depth = max(row + plan.rows for plan, _column, row in blocks)
    counts = [0] * depth
    for plan, _column, row in blocks:
        for k, n in enumerate(text_rows(by_id[plan.article.id], plan)):
            counts[row + k] += n
    return counts


def priced(blocks, by_id) -> float:
    lonely = sum(1 for n in page_rows(blocks, by_id) if n == 1)
    return sum(plan.cost for plan, _c, _r in blocks) + COST_LONELY_ROW * lonely


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(80, 900), st.none() | st.sampled_from((0.75, 2.0))),
                min_size=2, max_size=4), st.integers(24, 60))
@example([(400, None), (150, None), (150, None)], 30)
def test_aligning_moves_no_block_and_leaves_no_more_lonely_rows(stories, rows):
    articles = [with_photo(story(n + 1, chars), aspect) for n, (chars, aspect) in enumerate(stories)]
    sizers = [Sizer(a, STYLE, GRID, FONTS, lead=(n == 0), rank=n) for n, a in enumerate(articles)]
    by_id = {s.article.id: s for s in sizers}
    tree, _left = place_page(sizers, GRID.columns, rows)
    before = leaves(tree, 0, 0)
    after = leaves(aligned(tree, sizers), 0, 0)
    assert [(p.article.id, c, r, p.columns, p.rows, p.legs, p.leg_chars, p.photo_columns)
            for p, c, r in before] == [
           (p.article.id, c, r, p.columns, p.rows, p.legs, p.leg_chars, p.photo_columns)
            for p, c, r in after]
    for (old, _c, _r), (new, _c2, _r2) in zip(before, after):
        assert new is old or any(new is v for v in by_id[new.article.id].variants(new.columns, new.rows))
    assert priced(after, by_id) <= priced(before, by_id) + 1e-6
    lonely = [sum(1 for n in page_rows(b, by_id) if n == 1) for b in (before, after)]
    assert lonely[1] <= lonely[0]

