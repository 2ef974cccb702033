"""The baseline grid across columns, as the placer prices it.

A body line stands off the grid a reader sees when no other column beside it holds a
line at that height (tests/baseline_grid.py measures it from the PDF). The placer
counts such lonely rows from `textrows.text_rows`, so that count must be what the
renderer draws; the balanced flow never leaves one line alone on its legs' last row
when another leg can share it; and a page of two stories prefers the layout whose
legs run beside each other."""
from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, example, given, settings, strategies as st

from layout.fonts import font_set
from layout.model import Article, Headline, Paragraph, Photo
from layout.model.placed import PlacedText
from layout.pages.grid import grid_for
from layout.pages.render import Renderer
from layout.pages.sizing import Sizer
from layout.pages.textrows import lonely, text_rows
from layout.style import default_style
from tests.pages.factory import PHOTO, story

STYLE = default_style()
GRID = grid_for(STYLE)
FONTS = font_set(STYLE)
LINE_ROLES = {"body", "byline", "subhead", "caption", "jump"}


def drawn_rows(sizer: Sizer, plan) -> list[int]:
    """Per row of the block as the renderer draws it: the lines at the body's size."""
    renderer = Renderer(GRID, {plan.article.id: sizer}, limit=10 ** 6)
    renderer.block(plan, 0, 0, plan.rows)
    counts = [0] * plan.rows
    seen = set()
    for item in renderer.drawn.items:
        if isinstance(item, PlacedText) and item.role in LINE_ROLES \
                and abs(item.size - STYLE.body_size) < 0.05:
            row = round((item.y - GRID.baseline(0)) / GRID.pitch)
            key = (row, round(item.x, 1))     # a line drawn in runs of two faces is one line
            if key not in seen and not any(k[0] == row and abs(k[1] - item.x) < GRID.column_width
                                           for k in seen):
                seen.add(key)
                counts[row] += 1
    return counts


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(120, 1400), st.integers(1, GRID.columns),
       st.none() | st.sampled_from((0.75, 1.0, 4 / 3, 2.0)), st.integers(0, 5))
@example(300, 6, 0.75, 1)     # sparse: a short story beside its photo across the page
@example(1500, 3, None, 1)    # 破栏: two legs of 20 characters across three columns
@example(700, 5, 2.0, 1)      # a portrait beside the body, the legs under it
def test_the_rows_the_placer_counts_are_the_rows_the_renderer_draws(chars, columns, aspect, n):
    article = story(n, chars)
    if aspect is not None:
        width, height = (3000, round(3000 * aspect)) if aspect <= 1 else (round(3000 / aspect), 3000)
        article = dataclasses.replace(article, photos=(
            Photo(PHOTO, "图片说明：市民在公园里休闲健身。", "本报记者 王明 摄", width, height),))
    sizer = Sizer(article, STYLE, GRID, FONTS, rank=1)
    for plan in sizer.options(columns).values():
        assert list(text_rows(sizer, plan)) == drawn_rows(sizer, plan), (plan.columns, plan.rows)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.integers(2, 6), st.integers(1, 12), st.integers(-1, 1))
@example(3, 4, 1)     # 13 lines in three legs: 5, 5, 3 (was 5, 4, 4: the fifth row's line alone)
def test_no_line_stands_alone_on_the_last_row_of_balanced_legs(legs, depth, extra):
    """Lines one paragraph each: legs × depth + 1 of them give two legs the extra line and
    the last one fewer (from three legs of three lines), so that no line sits alone on the
    tallest row; the block is no deeper for it, and every other count is balanced as before."""
    count = max(1, legs * depth + extra)
    article = Article("x", Headline("标题"), tuple(Paragraph("一二三四五六七八。") for _ in range(count)))
    body = Sizer(article, STYLE, GRID, FONTS, rank=1).body
    assert body.line_count == count
    lengths = body.leg_lengths(legs)
    tallest = max(lengths)
    assert sum(lengths) == count and tallest == -(-count // legs)
    if legs >= 3 and count % legs == 1 and count // legs >= 3:
        assert lengths.count(tallest) == 2 and min(lengths) == tallest - 2, lengths
    else:
        assert tallest - min(lengths) <= 1, lengths


def test_lonely_counts_rows_of_one_line():
    assert lonely((0, 1, 2, 1, 3, 0)) == 2
