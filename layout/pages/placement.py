"""Automatic placement: guillotine layouts chosen by dynamic programming.

After Gange, Marriott & Stuckey ("Optimal guillotine layout", DocEng 2012):
the page's free rectangle is cut, recursively, horizontally or vertically;
the articles keep their order (the earlier ones go to the top or left part,
so the lead is top left). For a rectangle `columns` wide holding articles
i..j, `solve` returns the least cost of filling it *exactly* for every
height in rows, as an array, together with the cut that achieved it. A
horizontal cut combines its two parts by a min-plus convolution over
heights (plus one row for the rule between them); a vertical cut adds the
parts' arrays, since both must be as tall as the rectangle. Single
articles contribute the cost of each height they can fill (see `sizing`).

Arrays are numpy vectors, so a page of a dozen articles is solved in a few
milliseconds. The result is deterministic: ties go to the first candidate.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from layout.errors import BuildError
from layout.pages.sizing import BlockPlan, Sizer

TOP, BOTTOM, LEFT, RIGHT = 1, 2, 4, 8
EDGES = {"top": TOP, "bottom": BOTTOM, "left": LEFT, "right": RIGHT}
SEPARATOR_ROWS = 1      # a horizontal cut leaves a row for the rule
COST_MISSED_POSITION = 1e4  # an editor's position hint overrides looks; only over-set copy costs more
COST_HOLE_ROW = 60.0    # per column, for rows left empty at the foot of a block or the page
COST_OVERSET_ROW = 1e5  # per column, for rows of copy that do not fit: only when nothing else does


@dataclass(frozen=True, slots=True)
class Cut:
    """A node of the layout tree: a leaf block, or a cut into two parts."""

    columns: int
    rows: int
    first: "Cut | None" = None
    second: "Cut | None" = None
    vertical: bool = False
    plan: BlockPlan | None = None


class Placer:
    """Solves one page: articles in order, `columns` × `rows` of free grid."""

    def __init__(self, sizers: list[Sizer], columns: int, rows: int):
        self.sizers, self.columns, self.rows = sizers, columns, rows
        self.length = rows + 1   # heights 0..rows; taller copy is priced as over-set (see plans)
        t = np.arange(self.length)[:, None] - SEPARATOR_ROWS - np.arange(self.length)[None, :]
        self._conv_index = np.clip(t, 0, self.length - 1)
        self._conv_valid = t >= 0
        self._cached = lru_cache(maxsize=None)(self._solve_uncached)
        self._wanted = [self.wanted_edges(i) for i in range(len(sizers))]
        self._plans: dict = {}

    def wanted_edges(self, i: int) -> int:
        """Page edges article i should touch: its position hint; the lead, the top."""
        hint = EDGES.get(self.sizers[i].article.hints.position or "", 0)
        return hint | (TOP if i == 0 else 0)

    def _solve(self, columns: int, i: int, j: int, flags: int):
        """Memoised solve; flags no article of i..j cares about are dropped first."""
        mask = 0
        for k in range(i, j):
            mask |= self._wanted[k]
        return self._cached(columns, i, j, flags & mask)

    def plans(self, i: int, columns: int) -> dict[int, tuple[BlockPlan, float]]:
        """Article i's plan and cost for every height: its own options, else the nearest
        shorter one with empty rows at its foot, else (too short) its shortest, over-set."""
        key = (i, columns)
        if key not in self._plans:
            self._plans[key] = self._all_heights(self.sizers[i].options(columns), columns)
        return self._plans[key]

    def _all_heights(self, options: dict[int, BlockPlan], columns: int):
        if not options:
            return {}
        shortest = options[min(options)]
        out, below = {}, None
        for h in range(1, self.length):
            if h in options:
                below = options[h]
                out[h] = (below, below.cost)
            elif below is None:
                out[h] = (shortest, shortest.cost + COST_OVERSET_ROW * columns * (shortest.rows - h))
            else:
                out[h] = (below, below.cost + COST_HOLE_ROW * columns * (h - below.rows))
        return out

    def leaf(self, i: int, columns: int, flags: int) -> np.ndarray:
        cost = np.full(self.length, np.inf)
        if columns not in self.sizers[i].widths():
            return cost
        for rows, (_, value) in self.plans(i, columns).items():
            cost[rows] = value
        if self._wanted[i] & ~flags:
            cost += COST_MISSED_POSITION
        return cost

    def _minplus(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        total = a[None, :] + np.where(self._conv_valid, b[self._conv_index], np.inf)
        return total.min(axis=1), total.argmin(axis=1)

    def _solve_uncached(self, columns: int, i: int, j: int, flags: int):
        """(cost per height, list of candidates, chosen candidate per height, split heights)."""
        if j - i == 1:
            return self.leaf(i, columns, flags), None, None, None
        costs, choices = [], []
        for k in range(i + 1, j):
            top = self._solve(columns, i, k, flags & ~BOTTOM)[0]
            bottom = self._solve(columns, k, j, flags & ~TOP)[0]
            cost, split = self._minplus(top, bottom)
            costs.append(cost); choices.append(("h", k, split))
        for left in range(1, columns):
            for k in range(i + 1, j):
                a = self._solve(left, i, k, flags & ~RIGHT)[0]
                b = self._solve(columns - left, k, j, flags & ~LEFT)[0]
                costs.append(a + b); choices.append(("v", k, left))
        stack = np.vstack(costs)
        best = stack.argmin(axis=0)
        return stack.min(axis=0), choices, best, None

    def tree(self, columns: int, i: int, j: int, flags: int, rows: int) -> Cut:
        """Rebuild the layout tree that achieved the cost at `rows`."""
        if j - i == 1:
            plan, _ = self.plans(i, columns)[rows]
            return Cut(columns, rows, plan=plan)
        _, choices, best, _ = self._solve(columns, i, j, flags)
        kind, k, extra = choices[best[rows]]
        if kind == "h":
            top_rows = int(extra[rows])
            bottom_rows = rows - SEPARATOR_ROWS - top_rows
            return Cut(columns, rows, self.tree(columns, i, k, flags & ~BOTTOM, top_rows),
                       self.tree(columns, k, j, flags & ~TOP, bottom_rows))
        return Cut(columns, rows, self.tree(extra, i, k, flags & ~RIGHT, rows),
                   self.tree(columns - extra, k, j, flags & ~LEFT, rows), vertical=True)

    def place(self) -> tuple[Cut, int]:
        """The best layout and how many rows it leaves empty (negative: rows over)."""
        n = len(self.sizers)
        all_edges = TOP | BOTTOM | LEFT | RIGHT
        cost = self._solve(self.columns, 0, n, all_edges)[0]
        heights = np.arange(self.length)
        fill = cost + np.where(heights <= self.rows, (self.rows - heights) * self.columns * COST_HOLE_ROW,
                               np.inf)
        if not np.isfinite(fill).any():
            ids = ", ".join(s.article.id for s in self.sizers)
            raise BuildError(f"no layout places these articles together on one page: {ids}; "
                             "check their column hints")
        rows = int(fill.argmin())
        return self.tree(self.columns, 0, n, all_edges, rows), self.rows - rows
