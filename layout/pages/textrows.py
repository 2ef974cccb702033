"""Which rows of a block hold body text, and in how many columns.

A body line is on the page's grid for a reader (and for the plant's checks)
when another column at the same height holds a body line too: the same
baseline runs across the page. A row where one column alone holds text —
one leg beside a headline, a photo, a rule or white space — leaves that line
on its own. `text_rows` gives, for each row of a block as the renderer draws
it, the number of columns holding a body line there, so that the placer can
count such lonely rows over a whole layout (placement.py).

`leg_measures` gives, for each column of a block, the measure (characters
across) of the body leg that starts at that column's left edge, if any: a
page editor sets the legs that share a left edge on a page to one measure,
and a reader (the plant's checks) takes a column's right edge from the lines
starting at its x, so a leg of another measure there reads as ragged.
"""
from __future__ import annotations

from layout.pages.sizing import BlockPlan, Sizer, beside_rows
from layout.pages.vertical_sizing import Beside, Tiers

RUN_GAP_EM = 0.9     # a wider gap inside a line parts it in two (as a reader and the plant see it)
SAME_X_EM = 0.3      # legs starting closer than this (in body ems) start at one x to a reader


def text_rows(sizer: Sizer, plan: BlockPlan) -> tuple[int, ...]:
    """Per row of `plan` (its `rows`), the columns holding a line at the body's size: body,
    byline, 小标题 and caption lines (a caption across its photo counts as one column)."""
    counts = [0] * plan.rows
    frame = plan.frame
    inner = getattr(frame, "inner", None)
    if frame is not None:
        if not isinstance(inner, BlockPlan):
            return tuple(counts)          # an ad's artwork
        framed = getattr(sizer, "inner", None)
        if framed is None:
            return tuple(counts)
        first = frame.pad_rows + frame.logo_rows
        for k, n in enumerate(text_rows(framed(plan.columns)[0], inner)):
            if first + k < plan.rows:
                counts[first + k] = n
        return tuple(counts)
    sizer = sizer.sizer_of(plan.article) if hasattr(sizer, "sizer_of") else sizer
    if plan.vertical is not None:
        return _approximate(plan, counts)
    row = plan.head.rows if plan.head else 0
    for photo in plan.photos:     # a caption's lines are set at the body's size, on the grid
        if not photo.beside:
            row = _caption(counts, photo, row)
    if not plan.article.paragraphs:
        return tuple(counts)
    if any(p.beside for p in plan.photos):
        tops: dict = {}
        for photo in (p for p in plan.photos if p.beside):
            tops[photo.offset] = _caption(counts, photo, tops.get(photo.offset, row))
        side = beside_rows(plan.photos) + 1
        caps = tuple(sizer.body.capacities_around(plan.columns, plan.photo_columns, side,
                                                  plan.body_rows))
        legs = sizer.body.text_legs(caps, plan.columns)
        first_under = plan.columns - plan.photo_columns
        tops = [row + (side if n >= first_under else 0) for n in range(len(legs))]
    else:
        legs = sizer.body_at(plan.leg_chars).text_legs(None, plan.legs)
        tops = [row] * len(legs)
    for top, leg in zip(tops, legs):
        for k, has_line in enumerate(leg):
            if has_line and top + k < plan.rows:
                counts[top + k] += 1
    return tuple(counts)


def leg_measures(sizer: Sizer, plan: BlockPlan) -> tuple[int, ...]:
    """Per column of `plan`'s block: the characters across the body leg whose left edge is
    that column's x (within SAME_X_EM), 0 where none is. Legs are spread across the block
    (or the frame's inner width) as the renderer spreads them; a vertical body has none."""
    measures = [0] * plan.columns
    frame, grid = plan.frame, sizer.grid
    inset = 0.0
    if frame is not None:
        if not isinstance(getattr(frame, "inner", None), BlockPlan):
            return tuple(measures)        # an ad's artwork
        inset = frame.inset
    if not plan.article.paragraphs or not plan.legs or not plan.leg_chars \
            or isinstance(plan.vertical, Tiers):
        return tuple(measures)
    span = grid.span(plan.columns) - 2 * inset
    width = plan.leg_chars * grid.body_size
    step = width + ((span - plan.legs * width) / (plan.legs - 1) if plan.legs > 1 else 0)
    pitch = grid.column_width + grid.gutter
    for n in range(plan.legs):
        x = inset + n * step
        column = round(x / pitch)
        if column < plan.columns and abs(x - column * pitch) < SAME_X_EM * grid.body_size:
            measures[column] = plan.leg_chars
    return tuple(measures)


def _caption(counts: list[int], photo, row: int) -> int:
    """Count the caption's lines under the photo at `row`; the row after them."""
    row += photo.rows
    for line in photo.caption:
        if row < len(counts):
            counts[row] += runs(line)
        row += 1
    return row


def runs(line) -> int:
    """Runs of a line with a gap of most of an em between them (a caption with the credit
    at its right end is two lines side by side to a reader)."""
    glyphs = line.glyphs
    return 1 + sum(1 for a, b in zip(glyphs, glyphs[1:])
                   if b.slot_x - (a.slot_x + a.advance) > RUN_GAP_EM * a.size)


def _approximate(plan: BlockPlan, counts: list[int]) -> tuple[int, ...]:
    """A 竖题 beside its body, a vertical body: the body's rows at the block's foot across
    its legs — beside a 竖题 standing over the last column(s), the other columns only."""
    legs = plan.legs or (plan.columns if plan.body_rows else 0)
    top = max(0, plan.rows - plan.body_rows)
    head = plan.vertical if isinstance(plan.vertical, Beside) and plan.vertical.strip else None
    for r in range(top, plan.rows):
        counts[r] = legs - head.strip if head and r < top + head.head_rows else legs
    return tuple(counts)


def lonely(counts) -> int:
    """Rows where exactly one column holds a body line."""
    return sum(1 for n in counts if n == 1)
