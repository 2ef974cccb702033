"""Placing a page's articles around its fixed blocks (ads, pinned articles).

The free area is cut into rectangles by guillotine cuts along the fixed
blocks' edges, every way that separates them (`decompositions`); the other
articles, in order, are shared out over the free rectangles in reading
order, top to bottom and then left to right (`share`: the lead takes the
highest free rectangle, not the first one a cut happens to leave), each
rectangle solved by the placer with the page edges it touches. The cheapest decomposition and sharing gives the page's layout
tree, which the renderer draws like any other.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

from layout.errors import BuildError
from layout.i18n import _
from layout.pages.placement import (BOTTOM, COST_HOLE_ROW, LEFT, RIGHT, SEPARATOR_ROWS, TOP,
                                    Cut, Placer, place_page)
from layout.model import ArticleKind
from layout.pages.align import aligned
from layout.pages.reserved import Fixed, fixed_blocks, pinned_plans
from layout.pages.sizing import Sizer

MOST_DECOMPOSITIONS = 64
MOST_PINNED_SIZES = 12   # combinations of the pinned articles' sizes tried per page


@dataclass(frozen=True, slots=True)
class Rect:
    column: int
    row: int
    columns: int
    rows: int

    def holds(self, f: Fixed) -> bool:
        return (self.column <= f.column and f.column + f.columns <= self.column + self.columns
                and self.row <= f.row and f.row + f.rows <= self.row + self.rows)


@dataclass(frozen=True, slots=True)
class Node:
    """A decomposition: a free rectangle, a fixed block, or a cut into two parts."""

    rect: Rect
    fixed: Fixed | None = None
    first: "Node | None" = None
    second: "Node | None" = None
    vertical: bool = False

    def free(self) -> list[Rect]:
        """The free rectangles, in reading order: top to bottom, then left to right."""
        if self.first is None:
            return [] if self.fixed else [self.rect]
        return sorted(self.first.free() + self.second.free(), key=lambda r: (r.row, r.column))


def _cuts(rect: Rect, inside: tuple[Fixed, ...]):
    """The parts of every cut of `rect` along a fixed block's edge that crosses none."""
    r = rect
    for x in sorted({f.column for f in inside} | {f.column + f.columns for f in inside}):
        if r.column < x < r.column + r.columns and \
                not any(f.column < x < f.column + f.columns for f in inside):
            yield (Rect(r.column, r.row, x - r.column, r.rows),
                   Rect(x, r.row, r.column + r.columns - x, r.rows), True)
    for s in sorted({f.row - SEPARATOR_ROWS for f in inside} | {f.row + f.rows for f in inside}):
        if r.row < s < r.row + r.rows - SEPARATOR_ROWS and \
                not any(f.row <= s < f.row + f.rows for f in inside):
            yield (Rect(r.column, r.row, r.columns, s - r.row),
                   Rect(r.column, s + SEPARATOR_ROWS, r.columns, r.row + r.rows - s - SEPARATOR_ROWS),
                   False)


def decompositions(rect: Rect, fixed: tuple[Fixed, ...], memo: dict | None = None
                   ) -> tuple[Node, ...]:
    """Every guillotine decomposition of `rect` that isolates each fixed block in it (at
    most MOST_DECOMPOSITIONS)."""
    memo = {} if memo is None else memo
    inside = tuple(f for f in fixed if rect.holds(f))
    key = (rect, tuple(f.index for f in inside))
    if key not in memo:
        memo[key] = _decompose(rect, inside, memo)
    return memo[key]


def _decompose(rect: Rect, inside: tuple[Fixed, ...], memo: dict) -> tuple[Node, ...]:
    if not inside:
        return (Node(rect),)
    if len(inside) == 1 and Rect(inside[0].column, inside[0].row, inside[0].columns,
                                 inside[0].rows) == rect:
        return (Node(rect, fixed=inside[0]),)
    out = []
    for a, b, vertical in _cuts(rect, inside):
        if sum(a.holds(f) for f in inside) + sum(b.holds(f) for f in inside) != len(inside):
            continue
        for first in decompositions(a, inside, memo):
            for second in decompositions(b, inside, memo):
                out.append(Node(rect, first=first, second=second, vertical=vertical))
                if len(out) >= MOST_DECOMPOSITIONS:
                    return tuple(out)
    return tuple(out)


class Around:
    """Solves a page with fixed blocks: the flow articles shared over the free rectangles."""

    def __init__(self, sizers: list[Sizer], fixed: list[Fixed], columns: int, rows: int):
        taken = {f.index for f in fixed}
        self.flow = [s for i, s in enumerate(sizers) if i not in taken]
        self.lead_free = 0 not in taken
        self.fixed, self.columns, self.rows = tuple(fixed), columns, rows
        self._solved: dict = {}

    def edges(self, rect: Rect) -> int:
        return ((TOP if rect.row == 0 else 0) | (BOTTOM if rect.row + rect.rows == self.rows else 0)
                | (LEFT if rect.column == 0 else 0)
                | (RIGHT if rect.column + rect.columns == self.columns else 0))

    def region(self, rect: Rect, i: int, j: int) -> tuple[float, Cut | None, int]:
        """(cost, layout grown to the rectangle, empty slots) of flow articles i..j in it."""
        key = (rect, i, j)
        if key not in self._solved:
            # the slots left empty are counted where they are drawn (render.py): an empty
            # rectangle's, and the rows the blocks at a region's foot grow by
            if i == j:
                self._solved[key] = (rect.rows * rect.columns * COST_HOLE_ROW,
                                     Cut(rect.columns, rect.rows), 0)
            else:
                placer = Placer(self.flow[i:j], rect.columns, rect.rows, self.edges(rect),
                                lead=self.lead_free and i == 0)
                cost, tree, _left = placer.best()
                self._solved[key] = (cost, tree and grow(tree, rect.rows), 0)
        return self._solved[key]

    def share(self, node: Node) -> tuple[float, list[tuple[int, int]]]:
        """The cheapest sharing of the flow over the node's free rectangles, in order: the
        range of flow articles each rectangle of `node.free()` takes."""
        rects, n = node.free(), len(self.flow)
        best = {0: (0.0, [])}   # articles placed so far → (cost, ranges)
        for index, rect in enumerate(rects):
            last = index == len(rects) - 1
            step = {}
            for done, (cost, ranges) in best.items():
                for end in ([n] if last else range(done, n + 1)):
                    total = cost + self.region(rect, done, end)[0]
                    if end not in step or total < step[end][0]:
                        step[end] = (total, ranges + [(done, end)])
            best = step
        return best.get(n, (float("inf"), []))

    def solve(self) -> tuple[float, Cut, int]:
        """The page's cost, layout tree and the slots it leaves empty."""
        whole = Rect(0, 0, self.columns, self.rows)
        options = []
        for node in decompositions(whole, self.fixed):
            cost, ranges = self.share(node)
            options.append((cost, len(options), node, ranges))
        if not options or min(options)[0] == float("inf"):
            raise BuildError(_("no layout fits the other articles around the reserved blocks "
                               "{ids}: leave a row between blocks one above the other, or move "
                               "them").format(ids=", ".join(f.plan.article.id for f in self.fixed)))
        cost, _n, node, ranges = min(options, key=lambda o: (o[0], o[1]))
        tree, empty = self.build(node, dict(zip(node.free(), ranges)))
        return cost, tree, empty

    def build(self, node: Node, ranges: dict[Rect, tuple[int, int]]) -> tuple[Cut, int]:
        rect = node.rect
        if node.fixed is not None:
            return Cut(rect.columns, rect.rows, plan=node.fixed.plan), 0
        if node.first is None:
            _cost, tree, empty = self.region(rect, *ranges[rect])
            return tree, empty
        first, a = self.build(node.first, ranges)
        second, b = self.build(node.second, ranges)
        return Cut(rect.columns, rect.rows, first, second, node.vertical), a + b


def grow(tree: Cut, rows: int) -> Cut:
    """The layout made `rows` tall: the blocks at its foot take the extra rows."""
    extra = rows - tree.rows
    if extra <= 0:
        return tree
    if tree.plan is not None or tree.first is None:
        return Cut(tree.columns, rows, plan=tree.plan)
    if tree.vertical:
        return Cut(tree.columns, rows, grow(tree.first, rows), grow(tree.second, rows), True)
    return Cut(tree.columns, rows, tree.first, grow(tree.second, tree.second.rows + extra))


def make_up(sizers: list[Sizer], columns: int, rows: int, top: int, page: int) -> tuple[Cut, int]:
    """The page's layout tree and how many slots (column × row) it leaves empty: the
    placer's, or around the page's reserved and pinned blocks when it has any (each
    pinned article at the size that makes the cheapest page)."""
    fixed = fixed_blocks(sizers, columns, rows, top, page)
    if not fixed:
        tree, left = place_page(sizers, columns, rows)
        return aligned(tree, sizers), max(0, left) * columns
    best, failure = None, None
    for sizes in _pinned_sizes(sizers, columns, rows, top):
        try:
            blocks = fixed_blocks(sizers, columns, rows, top, page, sizes)
            cost, tree, empty = Around(sizers, blocks, columns, rows).solve()
        except BuildError as error:
            failure = failure or error
            continue
        cost += sum(plan.cost for plan in sizes.values())
        if best is None or cost < best[0]:
            best = (cost, tree, empty)
    if best is None:
        raise failure
    return aligned(best[1], sizers), best[2]


def _pinned_sizes(sizers: list[Sizer], columns: int, rows: int, top: int):
    """The pinned articles' sizes to try together (index → plan), the cheapest first; at
    most MOST_PINNED_SIZES combinations."""
    pinned = [i for i, s in enumerate(sizers)
              if s.article.hints.at and s.article.kind is not ArticleKind.AD]
    options = [pinned_plans(sizers[i], columns, rows, top) or [None] for i in pinned]
    for n, choice in enumerate(itertools.product(*options)):
        if n >= MOST_PINNED_SIZES:
            return
        yield {i: plan for i, plan in zip(pinned, choice) if plan is not None}
