"""Boxed and tinted articles, and column logos (栏目头).

An article with `box:` (a 花边 frame: plain, double or dotted), `tint:` (a
light CMYK background) or `column:` (a recurring column's logo above its
headline group) is sized and drawn through a `FramedSizer`: it sets the
article inside the block on a grid of its own and wraps each of its plans.

- A frame or a tint keeps a row of air at the top and the foot of the block
  (so baselines stay on the page's line grid) and at least one character at
  each side: the legs inside are whole characters (13 → 11 in one column,
  three columns of 12, …), centred between the frame's sides, and none starts
  at a page column's x (two columns of 11 a gutter of two apart, not of 12 one
  apart, whose second leg would start at the column under the frame's middle:
  legs of two measures on one x, the shorter read as ragged).
- A column logo takes the rows its size needs above the headline group: a
  short black bar, the column's name in the `column` role, and a thin rule
  running on to the block's edge.

The frame's rules are `boxes.rule_width` wide; a tint lies under the whole
frame. Nothing in the block is counted twice: the logo is furniture, not
the article's text.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from layout.fonts import FontSet
from layout.model import Article
from layout.model.placed import PlacedBox, PlacedItem, PlacedRule
from layout.pages.compact import compact, least_leg_lines
from layout.pages.grid import Grid
from layout.pages.runs import natural_line, placed_runs
from layout.pages.sizing import BlockPlan, Sizer
from layout.pages.textrows import SAME_X_EM
from layout.pages.vertical_sizing import VerticalSizer
from layout.style import HouseStyle

PAD_ROWS = 1           # rows of air inside a frame or tint, top and foot
PAD_CHARS = 1          # characters of air inside a frame or tint, at least, each side
DOUBLE_GAP = 2.0       # points between the two rules of a double frame
COST_FRAME = 1.0       # a framed block costs a little more than the same block plain
LOGO_LEADING = 1.6     # the logo's height in its size


@dataclass(frozen=True, slots=True)
class Decoration:
    """What surrounds a block's content: its frame, tint and column logo."""

    inner: BlockPlan       # the content, sized on the inner grid
    frame: str             # "plain", "double", "dotted" or "" (none)
    tint: tuple[float, float, float, float] | None
    pad_rows: int          # rows of air above the logo (or content) and at the foot
    logo_rows: int         # rows the column logo takes (0: none)
    inset: float           # points from the block's side to the inner grid's first column

    def draw(self, renderer, plan: BlockPlan, column: int, row: int, rows: int) -> None:
        draw_framed(renderer, plan, column, row, rows)


def decorated(article: Article) -> bool:
    return bool(article.box or article.tint or article.column)


def logo_rows(article: Article, style: HouseStyle, grid: Grid) -> int:
    return grid.rows_for(style.role("column").size * LOGO_LEADING) if article.column else 0


def inner_chars(columns: int, style: HouseStyle) -> int:
    """Characters per leg inside a frame across `columns` columns: whole, with at least
    PAD_CHARS of air at each side."""
    return inner_measure(columns, style)[0]


def inner_measure(columns: int, style: HouseStyle) -> tuple[int, int]:
    """(characters per leg, characters between legs) inside a frame across `columns`
    columns: legs of whole characters with at least PAD_CHARS of air at each side, centred,
    the page's gutter between them — or a character narrower and a gutter a character
    wider where a leg would start on a page column's x (the frame's legs then start half
    a character off every column's)."""
    step = style.column_chars + style.gutter_chars
    span = columns * style.column_chars + (columns - 1) * style.gutter_chars
    chars = (span - 2 * PAD_CHARS - (columns - 1) * style.gutter_chars) // columns
    inset = (span - columns * chars - (columns - 1) * style.gutter_chars) / 2
    starts = (inset + n * (chars + style.gutter_chars) for n in range(1, columns))
    if any(abs(x - round(x / step) * step) < SAME_X_EM for x in starts):
        return chars - 1, style.gutter_chars + 1
    return chars, style.gutter_chars


@dataclass
class FramedSizer(Sizer):
    """A Sizer for a decorated article: the content sized on an inner grid, each plan
    grown by the frame's air and the logo."""

    def inner(self, columns: int) -> tuple[Sizer, float]:
        """The content's sizer at `columns` columns and its inset from the block's side."""
        key = ("inner", columns)
        if key not in self._cache:
            article, style, grid = self.article, self.style, self.grid
            if article.box or article.tint:
                chars, gutter = inner_measure(columns, style)
                style = replace(style, column_chars=chars, gutter_chars=gutter)
                inset = (self.grid.span(columns) - columns * style.column_width
                         - (columns - 1) * style.gutter) / 2
                grid = replace(grid, column_width=style.column_width, gutter=style.gutter)
            else:
                inset = 0.0
            self._cache[key] = (VerticalSizer(article, style, grid, self.fonts, self.lead,
                                              self.breaker, rank=self.rank, brief=self.brief), inset)
        return self._cache[key]

    def head_in(self, plan: BlockPlan, face: str, size: float | None = None):
        """The headline group re-set on the inner grid (see Sizer.head_in)."""
        return self.inner(plan.columns)[0].head_in(plan, face, size)

    def options(self, columns: int) -> dict[int, BlockPlan]:
        key = ("framed", columns)
        if key not in self._cache:
            self._cache[key] = self._framed_options(columns)
        return self._cache[key]

    def _framed_options(self, columns: int) -> dict[int, BlockPlan]:
        article = self.article
        framed = bool(article.box or article.tint)
        if framed and inner_chars(columns, self.style) < 4:
            return {}
        sizer, inset = self.inner(columns)
        pad = PAD_ROWS if framed else 0
        logo = logo_rows(article, self.style, self.grid)
        out = {}
        for rows, plan in sizer.options(columns).items():
            deco = Decoration(plan, article.box, article.tint, pad, logo, inset)
            extra = 2 * pad + logo
            out[rows + extra] = replace(plan, rows=rows + extra, frame=deco,
                                        cost=plan.cost + (COST_FRAME if framed else 0.0))
        return out


def sizer_for(article: Article, style: HouseStyle, grid: Grid, fonts: FontSet, lead: bool,
              breaker: str, rank: int | None = None, brief: bool = False,
              essay: bool = False) -> Sizer:
    """The sizer an article needs: an ad's, a framed one for a boxed or tinted article or
    one under a column logo, else the plain one (which also offers 竖题 and vertical bodies);
    a notice, a poem or a 简讯 list with its widths bounded by its content (compact.py)."""
    from layout.pages.reserved import AdSizer

    kind = AdSizer if article.reserve else FramedSizer if decorated(article) else VerticalSizer
    if kind is not AdSizer and least_leg_lines(article, style):
        kind = compact(kind)   # a notice, a poem, a 简讯 list: as wide as its content
    return kind(article, style, grid, fonts, lead=lead, breaker=breaker, rank=rank, brief=brief,
                essay=essay)


def frame_items(deco: Decoration, x: float, top: float, width: float, height: float,
                rule: float) -> list[PlacedItem]:
    """The tint and the frame's rules around the box (x, top, width, height)."""
    items: list[PlacedItem] = []
    if deco.tint:
        items.append(PlacedBox(x, top, width, height, tint=0.0, cmyk=deco.tint))
    if not deco.frame:
        return items
    insets = (0.0, rule + DOUBLE_GAP) if deco.frame == "double" else (0.0,)
    dotted = deco.frame == "dotted"
    for d in insets:
        x0, y0, x1, y1 = x + d, top + d, x + width - d, top + height - d
        items += [PlacedRule(x0, y0, x1, y0, rule, dotted), PlacedRule(x1, y0, x1, y1, rule, dotted),
                  PlacedRule(x1, y1, x0, y1, rule, dotted), PlacedRule(x0, y1, x0, y0, rule, dotted)]
    return items


def logo_items(name: str, style: HouseStyle, fonts: FontSet, x: float, top: float,
               width: float, rows: int, pitch: float) -> list[PlacedItem]:
    """The column logo: a black bar, the column's name, a thin rule on to the right edge."""
    role = style.role("column")
    line = natural_line(name, role.face, role.size, fonts)
    bar = role.size * 0.3
    middle = top + rows * pitch / 2
    baseline = middle + role.size * 0.38
    text_x = x + bar + role.size * 0.4
    items: list[PlacedItem] = [PlacedBox(x, middle - role.size * 0.55, bar, role.size * 1.1,
                                         tint=1.0)]
    items += placed_runs(line, text_x, baseline, "column")
    rule_x = text_x + line.width + role.size * 0.5
    if rule_x < x + width:
        items.append(PlacedRule(rule_x, middle, x + width, middle, 0.5))
    return items


def tight(sizer: Sizer, plan: BlockPlan) -> BlockPlan:
    """The content's plan without the blank rows of slack under its body."""
    if not plan.body_rows or plan.vertical is not None or plan.photo_columns:
        return plan
    slack = max(0, plan.body_rows - sizer.body_at(plan.leg_chars).rows_needed(plan.legs))
    return replace(plan, rows=plan.rows - slack, body_rows=plan.body_rows - slack)


def draw_framed(renderer, plan: BlockPlan, column: int, row: int, rows: int) -> None:
    """Draw a decorated block: tint and frame, logo, then the content on its inner grid.
    The frame hugs its content: the body's slack rows and rows the placer gave the block
    past its plan stay empty under it (counted as empty), never a box with air at its foot."""
    deco: Decoration = plan.frame
    grid: Grid = renderer.grid
    sizer: FramedSizer = renderer.sizers[plan.article.id]
    inner_sizer, inset = sizer.inner(plan.columns)
    x, width = grid.column_x(column), grid.span(plan.columns)
    inner = tight(inner_sizer, deco.inner)
    given, rows = rows, min(rows, plan.rows - (deco.inner.rows - inner.rows))
    end = min(row + rows, renderer.limit)
    items = renderer.drawn.items
    if deco.pad_rows:
        half = grid.pitch * deco.pad_rows / 2
        items += frame_items(deco, x, grid.row_y(row) + half, width,
                             grid.row_y(end) - grid.row_y(row) - 2 * half, sizer.style.edition.box_rule)
    first = row + deco.pad_rows
    if deco.logo_rows:
        items += logo_items(plan.article.column, sizer.style, sizer.fonts, x + inset,
                            grid.row_y(first), width - 2 * inset, deco.logo_rows, grid.pitch)
    inner_grid = replace(inner_sizer.grid, left=x + inset, top=grid.top)
    content = type(renderer)(inner_grid, {plan.article.id: inner_sizer}, renderer.limit,
                             renderer.drawn)
    content.block(inner, 0, first + deco.logo_rows, rows - 2 * deco.pad_rows - deco.logo_rows)
    renderer.drawn.blocks[plan.article.id] = (plan, column, row, given)
    empty = renderer.drawn.empty_slots
    empty[plan.article.id] = empty.get(plan.article.id, 0) + (given - rows) * plan.columns
