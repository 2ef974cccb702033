"""The baseline grid across columns, as the placer prices it.

A body line stands off the grid a reader sees when no other column beside it holds a
line at that height (tests/baseline_grid.py measures it from the PDF). The placer
counts such lonely rows from `textrows.text_rows`, so that count must be what the
renderer draws; the balanced flow never leaves one line alone on its legs' last row
when another leg can share it; and a page of two stories prefers the layout whose
legs run beside each other."""
from __future__ import annotations


from hypothesis import HealthCheck, example, given, settings, strategies as st

from layout.fonts import font_set
from layout.model import Article, Headline, Paragraph
from layout.model.placed import PlacedText
from layout.pages.grid import grid_for
from layout.pages.render import Renderer
from layout.pages.sizing import Sizer
from layout.pages.textrows import lonely, text_rows
from layout.style import default_style
from tests.pages.factory import story, with_photo

STYLE = default_style()
GRID = grid_for(STYLE)
FONTS = font_set(STYLE)
LINE_ROLES = {"body", "byline", "subhead", "caption", "jump"}


def drawn_rows(sizer: Sizer, plan) -> list[int]:
    """Per row of the block as the renderer draws it: the lines at the body's size."""
    renderer = Renderer(GRID, {plan.article.id: sizer}, limit=10 ** 6)
    renderer.block(plan, 0, 0, plan.rows)
    starts: dict[int, list[float]] = {}    # row → x of each glyph of body size on it
    for item in renderer.drawn.items:
        if isinstance(item, PlacedText) and item.role in LINE_ROLES \
                and abs(item.size - STYLE.body_size) < 0.05:
            row = round((item.y - GRID.baseline(0)) / GRID.pitch)
            starts.setdefault(row, []).extend(item.x + dx for dx in item.xs)
    counts = [0] * plan.rows
    for row, xs in starts.items():    # lines: runs of glyphs parted by a gap of 0.9 em or more
        xs.sort()
        counts[row] = 1 + sum(1 for a, b in zip(xs, xs[1:]) if b - a > 1.9 * STYLE.body_size)
    return counts


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(120, 1400), st.integers(1, GRID.columns),
       st.none() | st.sampled_from((0.75, 1.0, 4 / 3, 2.0)), st.integers(0, 5))
@example(300, 6, 0.75, 1)     # sparse: a short story beside its photo across the page
@example(1500, 3, None, 1)    # 破栏: two legs of 20 characters across three columns
@example(700, 5, 2.0, 1)      # a portrait beside the body, the legs under it
def test_the_rows_the_placer_counts_are_the_rows_the_renderer_draws(chars, columns, aspect, n):
    article = with_photo(story(n, chars), aspect)
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


def page_rows(sizers, tree, rows: int) -> list[int]:
    """Per row of a placed page: the lines at the body's size the renderer draws on it."""
    renderer = Renderer(GRID, {s.article.id: s for s in sizers}, rows)
    renderer.cut(tree, 0, 0)
    xs: dict[int, list[float]] = {}
    for item in renderer.drawn.items:
        if isinstance(item, PlacedText) and item.role in LINE_ROLES \
                and abs(item.size - STYLE.body_size) < 0.05:
            row = round((item.y - GRID.baseline(0)) / GRID.pitch)
            xs.setdefault(row, []).extend(item.x + dx for dx in item.xs)
    counts = [0] * rows
    for row, found in xs.items():
        found.sort()
        counts[row] = 1 + sum(1 for a, b in zip(found, found[1:]) if b - a > 1.9 * STYLE.body_size)
    return counts


def over_set(node) -> bool:
    """Whether a block of the layout is shorter than its plan (an over-set proof's shape)."""
    if node.plan is not None:
        return node.rows < node.plan.rows
    return node.first is not None and (over_set(node.first) or over_set(node.second))


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(60, 900), st.booleans()), min_size=2, max_size=4),
       st.integers(30, 60))
@example([(300, True), (120, False)], 40)
def test_the_placer_prices_exactly_the_lonely_rows_of_the_page_it_lays_out(spec, rows):
    """Within a band the placer solves exactly, the text rows it keeps for the layout it
    chooses — and so the lonely rows it prices, COST_LONELY_ROW each — are those of the
    page the renderer draws from that layout: side by side, one part's leg beside the
    other's text is no longer alone."""
    from layout.pages.placement import Placer

    sizers = [Sizer(story(n, chars, photo=photo), STYLE, GRID, FONTS, lead=n == 0, rank=n)
              for n, (chars, photo) in enumerate(spec)]
    placer = Placer(sizers, GRID.columns, rows)
    _cost, tree, left = placer.best()
    assert tree is not None
    height = rows - left
    flags = placer._band_flags(0, len(sizers))
    solution = placer._solve(GRID.columns, 0, len(sizers), flags)
    if solution.cost[height] > placer._stack()[len(sizers)].cost[height] + 1e-6 or over_set(tree):
        return   # laid out as more than one band (each priced on its own), or copy over
    counted = list(solution.text[height][:height])
    drawn = page_rows(sizers, tree, rows)[:height]
    assert counted == drawn
    assert lonely(counted) == lonely(drawn)



def lonely_placed(spec, rows: int, price: float) -> int | None:
    """Lonely rows, as the renderer draws them, of the page the placer lays out for `spec`
    (characters, photo) in `rows` with lonely rows priced at `price`; None when over-set."""
    from layout.pages import placement

    sizers = [Sizer(story(n, chars, photo=photo), STYLE, GRID, FONTS, lead=n == 0, rank=n)
              for n, (chars, photo) in enumerate(spec)]
    kept = placement.COST_LONELY_ROW
    try:
        placement.COST_LONELY_ROW = price
        placement.SOLVED.clear()     # kept layouts are keyed by the articles, not the prices
        _cost, tree, left = placement.Placer(sizers, GRID.columns, rows).best()
    finally:
        placement.COST_LONELY_ROW = kept
        placement.SOLVED.clear()
    if tree is None or over_set(tree):
        return None
    return lonely(page_rows(sizers, tree, rows)[:rows - left])


@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(60, 900), st.booleans()), min_size=2, max_size=5),
       st.integers(30, 70))
def test_the_price_of_lonely_rows_never_leaves_more_of_them(spec, rows):
    """The placer being exact, pricing lonely rows can only lower their count on the page it
    lays out (it trades them against the other costs): the layout chosen with the price
    has no more lonely rows, as the renderer draws them, than the one chosen without."""
    from layout.pages.placement import COST_LONELY_ROW

    assert COST_LONELY_ROW > 0
    priced, free = lonely_placed(spec, rows, COST_LONELY_ROW), lonely_placed(spec, rows, 0.0)
    if priced is not None and free is not None:
        assert priced <= free


def test_a_short_item_beside_a_story_sets_its_lines_beside_the_story_s_lines():
    """A brief of 84 characters with its photo and a story of 411 on 42 rows: unpriced, one
    line of the page stands alone; priced, none does."""
    from layout.pages.placement import COST_LONELY_ROW

    spec = [(84, True), (411, False)]
    assert lonely_placed(spec, 42, 0.0) == 1
    assert lonely_placed(spec, 42, COST_LONELY_ROW) == 0
