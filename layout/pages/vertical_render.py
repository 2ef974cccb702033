"""Drawing vertical blocks: a 竖题 beside a horizontal body, and vertical bodies.

Called by `Renderer.block` for a plan whose `vertical` is set (see
`vertical_sizing.py`). Photos stand across the block above everything, with
their captions horizontal; then

- `Beside`: the headline group's columns centred in their strip at the
  block's right, the body in legs on the page's line grid (flowing down the
  other columns and on under the group, or, in one column, narrow beside it
  and then across the column under it);
- `Tiers`: the headline group (with the byline) at the right of the first
  tier, the body's vertical lines one line pitch apart from right to left,
  each tier's lines starting half a character below its top.

Every character drawn is counted for the copy-fit report and the loss check;
rows past the type area's foot (or the block's) are not drawn, as in
`render.py`.
"""
from __future__ import annotations

from dataclasses import replace

from layout.pages.legs import capacities
from layout.pages.sizing import BlockPlan
from layout.pages.vertical import column_items, drawn_chars, head_items
from layout.pages.vertical_sizing import TIER_GAP_ROWS, Beside, Tiers, fill_tiers


def _add(renderer, article_id: str, items: list, last_row: int) -> None:
    """Placed text whose lowest row is `last_row`, unless that row is over-set."""
    if last_row >= min(renderer.limit, renderer.block_end):
        return
    renderer.drawn.items.extend(replace(i, article=article_id) if hasattr(i, "article") else i
                                for i in items)
    renderer.drawn.set_chars[article_id] = renderer.drawn.set_chars.get(article_id, 0) + drawn_chars(items)


def draw_vertical(renderer, plan: BlockPlan, column: int, row: int) -> None:
    """The content of a vertical plan whose block `render.Renderer.block` has opened."""
    article, grid = plan.article, renderer.grid
    r = row
    for photo in plan.photos:
        r = renderer.photo(article.id, photo, grid.column_x(column), r, plan.columns)
    layout = plan.vertical
    if isinstance(layout, Tiers):
        _tiers(renderer, plan, layout, column, r)
    elif isinstance(layout, Beside) and layout.strip:
        _strip(renderer, plan, layout, column, r)
    else:
        _zone(renderer, plan, layout, column, r)


def _head(renderer, article_id: str, head, right: float, width: float,
          row: int, rows: int) -> None:
    """The group centred in the strip `width` wide left of `right`, `rows` high at `row`."""
    grid = renderer.grid
    top = grid.row_y(row) + (rows * grid.pitch - head.height) / 2
    fonts = renderer.sizers[article_id].fonts
    items = head_items(head, right - (width - head.width) / 2, top, fonts)
    last = row + max(0, grid.rows_for(top + head.height - grid.row_y(row)) - 1)
    _add(renderer, article_id, items, last)


def _lines(renderer, article_id: str, leg, x: float, row: int) -> None:
    for k, item in enumerate(leg):
        if item.line is not None:
            role = item.kind if item.kind in ("subhead", "byline") else "body"
            renderer.text(article_id, item.line, x, renderer.grid.baseline(row + k, item.size),
                          role, row + k)


def _strip(renderer, plan: BlockPlan, layout: Beside, column: int, row: int) -> None:
    """The group over the last column(s); the body down the others and on under it."""
    grid, article = renderer.grid, plan.article
    first_under = plan.columns - layout.strip
    _head(renderer, article.id, layout.head, grid.column_x(column) + grid.span(plan.columns),
          grid.span(layout.strip), row, layout.head_rows)
    body = renderer.sizers[article.id].body
    caps = capacities(plan.columns, layout.strip, layout.head_rows, plan.body_rows)
    legs = body.flow_around(caps) or ()
    for n, leg in enumerate(legs):
        top = row + (layout.head_rows if n >= first_under else 0)
        _lines(renderer, article.id, leg, grid.column_x(column + n), top)
    empty = sum(cap - len(leg) for cap, leg in zip(caps, legs)) + sum(caps[len(legs):])
    renderer.drawn.empty_slots[article.id] = empty


def _zone(renderer, plan: BlockPlan, layout: Beside, column: int, row: int) -> None:
    """One column: the group at the right, the first paragraphs narrow beside it, the rest
    across the column under it."""
    grid, article = renderer.grid, plan.article
    sizer = renderer.sizers[article.id]
    b = grid.body_size
    x = grid.column_x(column)
    _head(renderer, article.id, layout.head, x + grid.column_width, layout.strip_chars * b, row,
          layout.head_rows)
    narrow = sizer.body_at(sizer.style.column_chars - layout.strip_chars)
    zone = [r for g in narrow.groups for r in g.rows][:layout.zone_lines]
    _lines(renderer, article.id, zone, x, row)
    rest = sizer.rest_body(layout.rest)
    leg = (rest.flow(1) or ((),))[0] if rest.article.paragraphs else ()
    _lines(renderer, article.id, leg, x, row + layout.zone_rows)
    used = layout.zone_rows + len(leg)
    renderer.drawn.empty_slots[article.id] = max(0, plan.body_rows - used) + \
        max(0, layout.zone_rows - len(zone))


def _tiers(renderer, plan: BlockPlan, layout: Tiers, column: int, row: int) -> None:
    """The headline group right of the first tier; the lines right to left, tier by tier."""
    grid, article = renderer.grid, plan.article
    sizer = renderer.sizers[article.id]
    b, pitch = grid.body_size, grid.pitch
    right = grid.column_x(column) + grid.span(plan.columns)
    if layout.head is not None:
        _head(renderer, article.id, layout.head, right, layout.strip, row, layout.tier_rows)
    body = sizer.vertical_body(layout.line_chars)
    tiers = fill_tiers(body.groups, layout.capacities) or ()
    empty = 0
    for t, lines in enumerate(tiers):
        top_row = row + t * (layout.tier_rows + TIER_GAP_ROWS)
        top = grid.row_y(top_row) + (layout.tier_rows * pitch - layout.line_chars * b) / 2
        start = right - (layout.strip if t == 0 else 0.0)
        for k, item in enumerate(lines):
            if item.line is None:
                continue
            role = item.kind if item.kind in ("subhead", "byline", "verse") else "body"
            items = column_items(item.line, start - (k + 0.5) * pitch, top, role, sizer.fonts)
            _add(renderer, article.id, items, top_row + layout.tier_rows - 1)
        empty += layout.capacities[t] - len(lines)
    renderer.drawn.empty_slots[article.id] = round(empty * layout.line_chars / sizer.style.column_chars)
