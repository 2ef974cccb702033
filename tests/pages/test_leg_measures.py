"""One measure per leg: every line drawn in a body leg comes from the body composed at
that leg's width — the page's column, or a 破栏 leg — never a paragraph joined from two
compositions (a line set at 117 pt in a leg of 121.5 pt reads as a ragged line, half an em
short). Judged on the renderer's legs for blocks of every width, with and without photos
beside the body, under hypothesis."""
from __future__ import annotations


from hypothesis import HealthCheck, example, given, settings, strategies as st

from layout.fonts import font_set
from layout.pages.grid import grid_for
from layout.pages.render import Renderer
from layout.pages.sizing import Sizer
from layout.style import default_style
from tests.pages.factory import story, with_photo

STYLE = default_style()
GRID = grid_for(STYLE)
FONTS = font_set(STYLE)


class LegRecorder(Renderer):
    """A renderer that keeps each leg it draws: (its rows, its width in points)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.legs: list[tuple[tuple, float]] = []

    def leg(self, article_id, leg, x, top, width):
        self.legs.append((tuple(leg), width))
        super().leg(article_id, leg, x, top, width)


def composed_lines(sizer: Sizer, width: float) -> set[int]:
    """Identities of the lines of the body composed at `width` points."""
    chars = round(width / STYLE.body_size)
    assert abs(chars * STYLE.body_size - width) < 1e-6, width   # legs of whole characters
    body = sizer.body_at(chars)
    assert abs((body.measure or STYLE.column_width) - width) < 1e-6
    return {id(line) for p in body.paragraphs for line in p.lines}


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(120, 1600), st.integers(1, GRID.columns),
       st.none() | st.sampled_from((0.75, 1.0, 4 / 3, 2.0)), st.integers(0, 5))
@example(1500, 3, None, 1)    # 破栏: two legs of 20 characters across three columns
@example(1500, 6, None, 1)    # 破栏: four legs of 20 across six
@example(700, 3, 0.75, 1)     # a 4:3 photo beside the body
@example(700, 5, 2.0, 1)      # a portrait beside the body, the legs under it
def test_every_line_of_a_leg_comes_from_the_composition_at_its_width(chars, columns, aspect, n):
    article = with_photo(story(n, chars), aspect)
    sizer = Sizer(article, STYLE, GRID, FONTS, rank=1)
    plans = list(sizer.options(columns).values())
    for plan in plans:
        renderer = LegRecorder(GRID, {article.id: sizer}, limit=10 ** 6)
        renderer.block(plan, 0, 0, plan.rows)
        for rows, width in renderer.legs:
            lines = {id(row.line) for row in rows if row.line is not None and row.kind == "body"}
            assert lines <= composed_lines(sizer, width), (plan.columns, plan.legs, width)
