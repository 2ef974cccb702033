"""The page grid: type area, columns of whole characters, and the line grid.

Everything on a page sits on this grid: blocks are whole columns wide and
whole rows (body line pitches) high, so body baselines of neighbouring
columns line up. Coordinates are points from the trimmed page's top-left.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.style import HouseStyle

ASCENT = 0.88  # baseline below the top of the ideographic em box, in em (Noto CJK)


@dataclass(frozen=True, slots=True)
class Grid:
    page_width: float
    page_height: float
    left: float          # x of the type area
    top: float           # y of the type area
    columns: int
    column_width: float
    gutter: float
    pitch: float         # body line pitch (one row)
    rows: int            # whole rows in the type area
    body_size: float

    @property
    def width(self) -> float:
        return self.span(self.columns)

    def span(self, columns: int) -> float:
        """Width of `columns` columns with the gutters between them."""
        return columns * self.column_width + (columns - 1) * self.gutter

    def column_x(self, column: int) -> float:
        return self.left + column * (self.column_width + self.gutter)

    def row_y(self, row: int) -> float:
        """Top of row `row`."""
        return self.top + row * self.pitch

    def baseline(self, row: int, size: float | None = None) -> float:
        """Baseline of text of `size` centred in its em box on row `row`."""
        size = size or self.body_size
        return self.row_y(row) + (self.pitch - size) / 2 + ASCENT * size

    def rows_for(self, height: float) -> int:
        """Whole rows needed for `height` points."""
        return max(0, -int(-(height - 1e-6) // self.pitch))


def grid_for(style: HouseStyle, page_number: int = 1) -> Grid:
    """The grid of `style` on page `page_number`: the type area between the side margins,
    the inner margin at the spine (left of an odd page, right of an even one)."""
    width = style.type_width
    free = style.page_width - width
    inner_share = style.margin_inner / (style.margin_inner + style.margin_outer)
    left = free * (inner_share if page_number % 2 else 1 - inner_share)
    height = style.page_height - style.margin_top - style.margin_bottom
    return Grid(style.page_width, style.page_height, left, style.margin_top, style.columns,
                style.column_width, style.gutter, style.line_pitch,
                int(height // style.line_pitch), style.body_size)
