"""Reserved blocks: advertisements and pinned articles placed first, the rest around them.

An ad (kind: ad) takes its booked size on the grid — columns × rows, or the
fewest columns and rows that hold a size given in mm — at its `position`
(a corner; top, bottom, left and right name the corners top-right,
bottom-right, bottom-left and bottom-right) or its `at:`. Any other article
with `at: {column, row}` is pinned there at its cheapest size that fits.

The page's free area is then cut into rectangles around these fixed blocks
by guillotine cuts along their edges (a horizontal cut leaves its row for
the rule, as the placer's do), every way that separates them, and the other
articles, in their order, are shared out over the free rectangles in
reading order: each rectangle is solved by the placer, and the cheapest
decomposition and sharing wins. A pinned article's size is chosen with the
page: each width it may take is tried, so that a column pinned top left
leaves beside it room the lead can use, not a hole. A block that does not fit on the grid, or
two that overlap, fail the build naming them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

from layout.errors import BuildError
from layout.i18n import _
from layout.model import Article, ArticleKind
from layout.model.placed import Bookmark, PlacedImage
from layout.pages.grid import Grid
from layout.pages.sizing import BlockPlan, Sizer

CORNERS = {"top-left": (False, False), "top-right": (False, True), "bottom-left": (True, False),
           "bottom-right": (True, True), "top": (False, True), "bottom": (True, True),
           "left": (True, False), "right": (True, True)}   # (at the foot, at the right)
MM_SLACK = 1.0          # points a width in mm may exceed a span of columns and still fit it
MM = 25.4 / 72
AD_FILL = 0.8           # an ad's artwork filling less of the block booked in columns × rows is named


@dataclass(frozen=True, slots=True)
class Artwork:
    """An ad's block: its artwork drawn whole (never cropped), centred in the block."""

    width: float         # points of the printed artwork (0: as wide as the block)
    height: float

    def fitted(self, aspect: float, box_w: float, box_h: float) -> tuple[float, float]:
        """Width and height of the artwork drawn whole in a box of `box_w` × `box_h`."""
        w = min(self.width or box_w, box_w)
        h = min(self.height or box_h, box_h)
        return (w, w * aspect) if w * aspect <= h else (h / aspect, h)

    def draw(self, renderer, plan: BlockPlan, column: int, row: int, rows: int) -> None:
        grid: Grid = renderer.grid
        reserve = plan.article.reserve
        box_w, box_h = _box(grid, plan.columns, rows)
        w, h = self.fitted(reserve.aspect, box_w, box_h)
        x = grid.column_x(column) + (box_w - w) / 2
        y = grid.row_y(row) + (box_h - h) / 2
        renderer.drawn.items.append(PlacedImage(x, y, w, h, reserve.file, alt=reserve.label))
        renderer.drawn.bookmarks.append(Bookmark(reserve.label or "广告", grid.row_y(row)))
        renderer.drawn.blocks[plan.article.id] = (plan, column, row, rows)
        renderer.drawn.set_chars.setdefault(plan.article.id, 0)
        renderer.drawn.empty_slots[plan.article.id] = 0


def _box(grid: Grid, columns: int, rows: int) -> tuple[float, float]:
    """Width and height an ad's artwork may take in its block (air above the rule below)."""
    return grid.span(columns), rows * grid.pitch - grid.pitch * 0.4


def underfilled(sizer: "AdSizer", page: int) -> str | None:
    """A warning when an ad booked in columns × rows has artwork of another shape: drawn
    whole, it would leave much of the booked space blank."""
    reserve = sizer.article.reserve
    if not (reserve.columns and reserve.rows):
        return None   # a size in mm is the artwork's own
    grid, (columns, rows) = sizer.grid, sizer.size
    box_w, box_h = _box(grid, columns, rows)
    w, h = Artwork(0.0, 0.0).fitted(reserve.aspect, box_w, box_h)
    if w * h >= AD_FILL * box_w * box_h:
        return None
    shape = grid.rows_for(box_w * reserve.aspect + grid.pitch * 0.4)
    return _("page {page}: the artwork of ad '{id}', drawn whole, fills {share}% of the "
             "{columns}x{rows} booked for it; book {columns}x{fit} (its shape) or supply "
             "artwork of the booked shape").format(page=page, id=sizer.article.id,
                                                   share=round(100 * w * h / (box_w * box_h)),
                                                   columns=columns, rows=rows, fit=shape)


def check_resolution(sizer: "AdSizer", page: int) -> None:
    """Fail, as for a photo, when an ad's artwork would print below the house style's
    `photos.min_ppi` at the size it is drawn in its block (the plant would reject the
    PDF): naming the ad, its file or the image inside it, and what would do."""
    reserve, least = sizer.article.reserve, sizer.photo_rules.min_ppi
    if reserve.raster is None:
        return
    grid, (columns, rows) = sizer.grid, sizer.size
    w, h = Artwork(reserve.width, reserve.height).fitted(reserve.aspect, *_box(grid, columns, rows))
    ppi = reserve.raster.ppi_at(w, h)
    if ppi >= least - 0.5:
        return
    raster = reserve.raster
    need = (math.ceil(raster.width_px * least / ppi), math.ceil(raster.height_px * least / ppi))
    raise BuildError(_("page {page}: ad '{id}' prints {w:.0f} × {h:.0f} mm, where {what} comes "
                       "to {ppi:.0f} ppi; the plant needs {least:.0f}: supply it at {nw} × {nh} "
                       "px or more, or book the ad smaller").format(
        page=page, id=sizer.article.id, w=w * MM, h=h * MM, what=raster.name, ppi=ppi,
        least=least, nw=need[0], nh=need[1]))


def grid_size(article: Article, grid: Grid) -> tuple[int, int]:
    """Columns × rows an ad takes: as booked, or the fewest that hold its size in mm."""
    reserve = article.reserve
    columns = reserve.columns or next(
        (n for n in range(1, grid.columns + 1) if grid.span(n) + MM_SLACK >= reserve.width),
        grid.columns + 1)
    rows = reserve.rows or grid.rows_for(reserve.height + grid.pitch * 0.4)
    return columns, rows


@dataclass
class AdSizer(Sizer):
    """An ad offers one block: its own size, its artwork in it."""

    @cached_property
    def size(self) -> tuple[int, int]:
        return grid_size(self.article, self.grid)

    def widths(self) -> range:
        return range(self.size[0], self.size[0] + 1)

    def options(self, columns: int) -> dict[int, BlockPlan]:
        if columns != self.size[0]:
            return {}
        reserve = self.article.reserve
        art = Artwork(reserve.width, reserve.height)
        return {self.size[1]: BlockPlan(self.article, columns, self.size[1], 0.0, None,
                                        frame=art)}


@dataclass(frozen=True, slots=True)
class Fixed:
    """A block placed before the others: where it goes on the free area (0-based)."""

    index: int          # the article's place in the page's order
    column: int
    row: int
    columns: int
    rows: int
    plan: BlockPlan

    def overlaps(self, other: "Fixed") -> bool:
        return (self.column < other.column + other.columns and other.column < self.column + self.columns
                and self.row < other.row + other.rows and other.row < self.row + self.rows)


def _too_big(article: Article, page: int, what: str) -> BuildError:
    return BuildError(_("page {page}: the reserved block '{id}' does not fit the grid: {what}")
                      .format(page=page, id=article.id, what=what))


def _ad(index: int, sizer: Sizer, columns: int, rows: int, top: int, page: int) -> Fixed:
    article = sizer.article
    width, height = sizer.size
    if width > columns or height > rows:
        raise _too_big(article, page, _("it is {w} columns × {h} rows, the page has {c} × {r} "
                                        "free").format(w=width, h=height, c=columns, r=rows))
    plan = sizer.options(width)[height]
    if article.hints.at:
        return _pinned_at(index, article, plan, width, height, columns, rows, top, page)
    foot, right = CORNERS.get(article.hints.position or "bottom-right", (True, True))
    return Fixed(index, columns - width if right else 0, rows - height if foot else 0,
                 width, height, plan)


def _pinned_at(index, article, plan, width, height, columns, rows, top, page) -> Fixed:
    column, row = article.hints.at[0] - 1, article.hints.at[1] - 1 - top
    if row < 0:
        raise _too_big(article, page, _("row {row} is inside the page's masthead or header "
                                        "(rows 1–{top}); pin it at row {first} or lower").format(
                                            row=article.hints.at[1], top=top, first=top + 1))
    if column + width > columns or row + height > rows:
        raise _too_big(article, page, _("at column {c}, row {r} it needs {w} columns × {h} rows, "
                                        "past the type area's edge").format(
                                            c=article.hints.at[0], r=article.hints.at[1],
                                            w=width, h=height))
    return Fixed(index, column, row, width, height, plan)


def pinned_plans(sizer: Sizer, columns: int, rows: int, top: int) -> list[BlockPlan]:
    """The sizes a pinned article may take from its corner: its cheapest plan at each width
    that fits (the page's make-up chooses among them, so that what is left beside and
    under the pinned block holds the other articles), cheapest first."""
    article = sizer.article
    column, row = article.hints.at[0] - 1, article.hints.at[1] - 1 - top
    out = []
    for width in sizer.widths():
        fitting = [plan for height, plan in sizer.options(width).items()
                   if column + width <= columns and 0 <= row and row + height <= rows]
        if fitting:
            out.append(min(fitting, key=lambda p: (p.cost, -p.rows)))
    return sorted(out, key=lambda p: (p.cost, -p.rows))


def _pinned(index: int, sizer: Sizer, columns: int, rows: int, top: int, page: int,
            plan: BlockPlan | None) -> Fixed:
    """A pinned article at `plan`'s size (None: its cheapest that fits from its corner)."""
    article = sizer.article
    plan = plan or next(iter(pinned_plans(sizer, columns, rows, top)), None)
    if plan is None:
        return _pinned_at(index, article, None, sizer.widths()[0], rows + 1, columns, rows, top,
                          page)
    return _pinned_at(index, article, plan, plan.columns, plan.rows, columns, rows, top, page)


def fixed_blocks(sizers: list[Sizer], columns: int, rows: int, top: int,
                 page: int, sizes: dict[int, BlockPlan] | None = None) -> list[Fixed]:
    """The page's reserved and pinned blocks, checked to fit and not to overlap; `sizes`
    gives pinned articles (by their place in the page's order) the plan to take."""
    fixed = []
    for index, sizer in enumerate(sizers):
        if sizer.article.kind is ArticleKind.AD:
            fixed.append(_ad(index, sizer, columns, rows, top, page))
        elif sizer.article.hints.at:
            fixed.append(_pinned(index, sizer, columns, rows, top, page,
                                 (sizes or {}).get(index)))
    for n, a in enumerate(fixed):
        for b in fixed[n + 1:]:
            if a.overlaps(b):
                raise BuildError(_("page {page}: the reserved blocks '{a}' and '{b}' overlap; "
                                   "move one of them").format(
                                       page=page, a=sizers[a.index].article.id,
                                       b=sizers[b.index].article.id))
    return fixed
