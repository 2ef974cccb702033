"""A page short of copy has room for deeper legs.

A page whose empty space is more than `ROOMY_SHARE` of its grid and that
stands any block in shallow legs — the longest under `makeup.short_leg_lines`
lines, or the last of its balanced legs two under (a story of 160 characters
three columns of five lines across the top of an empty page, where a page
editor sets it two columns of eight) — is placed again with every leg holding
that many lines (`roomy_style`: the house style with `makeup.min_leg_lines`
raised to them). The deeper layout is kept when all its copy still fits and it
leaves no more than `MORE_WHITE_ROWS` rows more of white inside the composed
part (`inner_white`: rows of a column with copy under them): white under a
block that opens onto the page's foot is the honest space, a hole with copy
under it is not.

A 副刊 (an essay page, essays.py) keeps its own rules: its essays already
stand in legs of twice `makeup.min_leg_lines`, and raising that would set
them one column wide.
"""
from __future__ import annotations

from dataclasses import replace

from layout.model.placed import PlacedBox, PlacedImage, PlacedText
from layout.pages.grid import Grid
from layout.style import HouseStyle

ROOMY_SHARE = 0.25    # of the page's grid left empty: room for deeper legs
# rows of white among the blocks (across the page) that deeper legs may add: more would
# trade a strip for holes in the middle of the page
MORE_WHITE_ROWS = 1


def roomy_style(style: HouseStyle) -> HouseStyle:
    """The house style with legs of at least `makeup.short_leg_lines` lines."""
    makeup = style.makeup
    return replace(style, makeup=replace(makeup, min_leg_lines=makeup.short_leg_lines))


def leg_lines(items) -> dict[str, list[int]]:
    """Lines of each leg of each article's body, as drawn: its body lines by their x (one
    leg per x), in reading order."""
    found: dict[str, dict[int, set]] = {}
    for item in items:
        if isinstance(item, PlacedText) and item.role == "body" and item.article and not item.free:
            found.setdefault(item.article, {}).setdefault(round(item.x), set()).add(round(item.y, 1))
    return {a: [len(ys) for _, ys in sorted(xs.items())] for a, xs in found.items()}


def shallow(items, style: HouseStyle) -> bool:
    """Whether a block stands in legs shallower than `makeup.short_leg_lines`."""
    least = style.makeup.short_leg_lines
    return any(len(lines) > 1 and (max(lines) < least or min(lines) < least - 1)
               for lines in leg_lines(items).values())


def has_room(style: HouseStyle, empty_share: float, items, essays: bool) -> bool:
    """A page to place again with deeper legs (module doc)."""
    makeup = style.makeup
    return (not essays and empty_share > ROOMY_SHARE
            and makeup.short_leg_lines > makeup.min_leg_lines and shallow(items, style))


def _extent(item) -> tuple[float, float, float, float] | None:
    """(x0, top, x1, foot) of what an item inks: a line's em boxes, a photo, a tint."""
    if isinstance(item, (PlacedImage, PlacedBox)):
        return item.x, item.y, item.x + item.w, item.y + item.h
    if isinstance(item, PlacedText) and item.article and item.xs:
        ys = item.ys or (0.0,)
        return (item.x + min(item.xs), item.y + min(ys) - item.size,
                item.x + max(item.xs) + item.size, item.y + max(ys))
    return None


def inner_white(items, grid: Grid, rows: int) -> int:
    """Rows of the grid's columns (of `rows` in all) that hold nothing while copy stands
    under them in the same column: holes inside the composed part of the page, not the
    white that opens onto its foot."""
    inked = [[False] * rows for _ in range(grid.columns)]
    for box in filter(None, map(_extent, items)):
        x0, top, x1, foot = box
        first = max(0, int((top - grid.top) / grid.pitch))
        last = min(rows - 1, int((foot - grid.top - 0.01) / grid.pitch))
        for c in range(grid.columns):
            left = grid.column_x(c)
            if x0 < left + grid.column_width - 2 and x1 > left + 2:
                for r in range(first, last + 1):
                    inked[c][r] = True
    white = 0
    for column in inked:
        used = [r for r, ink in enumerate(column) if ink]
        if used:
            white += sum(1 for r in range(used[0], used[-1]) if not column[r])
    return white


def keep_deeper(first, deeper, grid: Grid) -> bool:
    """Whether the deeper placement (placed page, fits, page fit, sent) replaces the first:
    all its copy set, the same jumps, and at most MORE_WHITE_ROWS rows more of white
    inside the composed part, across the page."""
    rows = grid.rows
    return (not any(f.over for f in deeper[1]) and len(deeper[3]) == len(first[3])
            and inner_white(deeper[0].items, grid, rows)
            <= inner_white(first[0].items, grid, rows) + MORE_WHITE_ROWS * grid.columns)
