"""Automatic placement: guillotine layouts chosen by dynamic programming.

After Gange, Marriott & Stuckey ("Optimal guillotine layout", DocEng 2012):
the page's free rectangle is cut, recursively, horizontally or vertically;
the articles keep their order (the earlier ones go to the top or left part,
so the lead is top left). For a rectangle `columns` wide holding articles
i..j, `solve` returns the least cost of filling it *exactly* for every
height in rows, as an array, with the cut that achieved it. A horizontal
cut combines its two parts by a min-plus convolution over heights (plus one
row for the rule between them); a vertical cut adds the parts' arrays, since
both must be as tall as the rectangle. Single articles contribute the cost
of each height they can fill (see `sizing`).

Bounded cost: the page is a stack of bands, each a full-width rectangle of
at most BAND consecutive articles, cut freely inside. A page of up to BAND
articles is one band, so its layout is the optimum over every guillotine
layout; a longer page (a page of 简讯, a stress test) costs time and memory
linear in its articles — O(n·BAND²·columns²) min-plus steps — instead of the
cubic growth of the unrestricted recursion. For each rectangle only the
winning cut per height is kept, so memory is O(n·BAND·columns·rows).

Order, with one freedom: the page's last article (often a short item or a
continuation) may move up to any place after the lead, at COST_MOVED per
place, when that closes a hole the order would leave (`place_page`).

The result is deterministic: ties go to the first candidate.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace

import numpy as np

from layout.errors import BuildError
from layout.i18n import _
from layout.pages.jumps import JumpSizer
from layout.pages.sizing import BlockPlan, Sizer
from layout.pages.textrows import leg_measures, text_rows

TOP, BOTTOM, LEFT, RIGHT = 1, 2, 4, 8
EDGES = {"top": TOP, "bottom": BOTTOM, "left": LEFT, "right": RIGHT, "top-left": TOP | LEFT,
         "top-right": TOP | RIGHT, "bottom-left": BOTTOM | LEFT, "bottom-right": BOTTOM | RIGHT}
ALL_EDGES = TOP | BOTTOM | LEFT | RIGHT
SEPARATOR_ROWS = 1      # a horizontal cut leaves a row for the rule
BAND = 10               # most articles in one band (exact layout within a band)
COST_MISSED_POSITION = 1e4  # an editor's position hint overrides looks; only over-set copy costs more
COST_HOLE_ROW = 150.0   # per column, for rows left empty at the foot of a block
COST_FOOT_ROW = 40.0    # per column, for rows left empty at the foot of the page (honest space)
# per column, for rows of a column left empty beside a block (the block narrower than its
# band or rectangle): a page editor sends that back, short of copy or not, so it costs
# more than legs a line thinner than makeup.min_leg_lines; only an article that can take
# no width that fills (a width hint, a photo at its resolution's limit) is set so
COST_EMPTY_BESIDE_ROW = 300.0
COST_OVERSET_ROW = 1e5  # per column, for rows of copy that do not fit: only when nothing else does
COST_OVERSET_ARTICLE = 1e7  # per article over-set: the overrun goes to as few articles as can take it
COST_MOVED = 150.0      # per place the page's last article moves up: a row of hole in a column
# per row where one column alone holds body text in a rectangle wider than a column (one leg
# beside a headline, a photo or white space): its lines stand off the baseline grid that
# runs across the page (textrows.py). More than a row of hole in a column (COST_HOLE_ROW):
# a line off the grid is a fault a reader sees, a row of white under a block is not. At 200
# (60 before legs of two measures at one x were priced, COST_MIXED_LINE, and a 竖题's rows
# beside its body counted as such): pdfmetrics grid_aligned heads8 0.957 -> 1.0, sparse
# 0.75 -> 1.0, briefs10 0.99 -> 1.0, hexi4 0.984 -> 0.986, jiangcheng8 0.980 -> 0.983; at
# 300 fukan's 竖题 essay still stands beside the lead's headline
COST_LONELY_ROW = 200.0
# per line read as ragged where a column's left edge starts body legs of two measures, one
# block over another (a 破栏 lead's 20-character legs over 13-character columns): a page
# editor gives the legs that share a left edge one measure, and a reader takes a column's
# right edge from the most lines starting at its x, so the narrower legs' lines all stop
# short of it (pdfmetrics: briefs10 16, longjump 6 such lines). At 150 and more a lead of
# 6,600 characters on a page with jumps jumps rather than mix, and its continuation does not
# fit the next page (tests/edition/test_jumps.py). weekly4 p.3's lead no longer mixes at
# 100 since its 2 legs of 20 beside white cost COST_LONELY_ROW a row: 3 columns of 13
COST_MIXED_LINE = 100.0
# per column whose left edge starts body legs of two measures that read ragged (the narrower
# legs' lines no more than the wider's), however few: a rule, not a price. An unseen 文体
# page set a story's two legs of 20 characters over a column of 13 at one x, priced at
# COST_MIXED_LINE a ragged line, and printed ragged lines (wenti: 5 -> 0). As
# COST_MISSED_POSITION, only over-set copy costs more, so a page with no other layout still
# builds. Legs of two measures whose narrower lines are the more (a 破栏 essay under a
# serial's columns, fukan) read flush and are not refused: refusing every mix left a hole
# of 10 rows on fukan (blank 0.100 -> 0.134) and on longjump (0.044 -> 0.063)
COST_MIXED_MEASURE = 1e4
LINES_BITS = 10         # a column's legs as measure << LINES_BITS | lines (see `leaf_legs`)
LINES_MASK = (1 << LINES_BITS) - 1
MOST_HOLE_ROWS = 2      # holes (in rows across the page) a layout in order may leave unquestioned


@dataclass(frozen=True, slots=True)
class Cut:
    """A node of the layout tree: a leaf block, a cut into two parts, or (neither) empty."""

    columns: int
    rows: int
    first: "Cut | None" = None
    second: "Cut | None" = None
    vertical: bool = False
    plan: BlockPlan | None = None

    @property
    def empty(self) -> bool:
        """Columns left empty beside a block (neither a block nor a cut)."""
        return self.plan is None and self.first is None


@dataclass(frozen=True, slots=True)
class Solution:
    """Least cost per height of one rectangle, and how each height was reached."""

    cost: np.ndarray                 # per height in rows (inf: impossible)
    choices: tuple                   # candidate cuts: ("h", k, 0) or ("v", k, left columns)
    best: np.ndarray | None = None   # per height: index of the winning candidate
    split: np.ndarray | None = None  # per height: rows of the upper part of a winning "h" cut
    text: np.ndarray | None = None   # per height, per row: columns holding body text (textrows)
    legs: np.ndarray | None = None   # per height, per column: the legs starting there (leaf_legs)
    measures: frozenset = frozenset()  # the measures in `legs`


@dataclass(frozen=True, slots=True)
class Floor:
    """A candidate's cost per height not yet made: `floor` is never above it (its terms
    but one that is ≥ 0, added in the same order, and rounding is monotonic), so where the
    floor wins no height, `make()` — the whole cost — is skipped."""

    floor: np.ndarray
    make: object        # () -> np.ndarray


# The result being deterministic, a process that places again (`layout watch` after an
# edit) reuses a rectangle's layout when every article offers the same heights at the
# same costs as before (an edit that changes no line count), with the new plans in it.
SOLVED_KEPT = 64        # layouts kept for placing again in this process (signature → result)
SOLVED: OrderedDict[tuple, tuple] = OrderedDict()


class Placer:
    """Solves one page: articles in order, `columns` × `rows` of free grid."""

    def __init__(self, sizers: list[Sizer], columns: int, rows: int, edges: int = ALL_EDGES,
                 lead: bool = True):
        """`edges`: the page edges this rectangle touches (all, for a whole page); `lead`:
        whether sizers[0] is the page's lead (which wants the top)."""
        self.sizers, self.columns, self.rows = sizers, columns, rows
        self.edges, self.lead = edges, lead
        self.length = rows + 1   # heights 0..rows; taller copy is priced as over-set (see plans)
        n = self.length
        pad = n + SEPARATOR_ROWS
        # gather[h, t]: index into the lower part's padded costs for height h - SEP - t
        self._gather = np.arange(n)[:, None] - SEPARATOR_ROWS - np.arange(n)[None, :] + pad
        self._pad = np.full(pad, np.inf)
        self._rows_index = np.arange(n)
        self._memo: dict = {}
        self._wanted = [self.wanted_edges(i) for i in range(len(sizers))]
        self._plans: dict = {}
        self._texts: dict = {}
        self._legs: dict = {}
        self._leaves: dict = {}     # (article, columns) -> cost per height, its position met
        self._lonely: dict = {}     # (article, columns) -> its block's lonely-row cost

    @property
    def sends_on(self) -> bool:
        """Whether an article here may jump (转版) to a later page: the page has more copy
        than it holds, so rows it leaves empty at its foot are a hole, not honest space."""
        return any(isinstance(s, JumpSizer) for s in self.sizers)

    def wanted_edges(self, i: int) -> int:
        """Page edges article i should touch: its position hint; the lead, the top."""
        hint = EDGES.get(self.sizers[i].article.hints.position or "", 0)
        return hint | (TOP if i == 0 and self.lead else 0)

    def _solve(self, columns: int, i: int, j: int, flags: int) -> Solution:
        """Memoised solve; flags no article of i..j cares about are dropped first."""
        return self._part(columns, i, j, flags)[0]

    def _part(self, columns: int, i: int, j: int, flags: int) -> tuple[Solution, np.ndarray]:
        """`_solve`, with the solution's own lonely-row cost at its width (made once: a
        part takes part in many side-by-side cuts)."""
        mask = 0
        for k in range(i, j):
            mask |= self._wanted[k]
        key = (columns, i, j, flags & mask)
        found = self._memo.get(key)
        if found is None:
            solution = self._solve_uncached(*key)
            found = self._memo[key] = (solution, self._lonely_cost(solution.text, columns))
        return found

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
                out[h] = (shortest, shortest.cost + COST_OVERSET_ARTICLE
                          + COST_OVERSET_ROW * columns * (shortest.rows - h))
            else:
                out[h] = (below, below.cost + COST_HOLE_ROW * columns * (h - below.rows))
        return out

    def leaf(self, i: int, columns: int, flags: int) -> np.ndarray:
        """Article i's cost for each height at exactly `columns` wide (inf: not this width).
        The array may be shared: add to it, never into it."""
        key = (i, columns)
        cost = self._leaves.get(key)
        if cost is None:
            cost = self._leaves[key] = np.full(self.length, np.inf)
            if columns in self.sizers[i].widths():
                for rows, (_, value) in self.plans(i, columns).items():
                    cost[rows] = value
        if self._wanted[i] & ~flags and columns in self.sizers[i].widths():
            return cost + COST_MISSED_POSITION
        return cost

    def leaf_text(self, i: int, columns: int) -> np.ndarray:
        """Per height, per row: the columns of article i's block `columns` wide holding body
        text (its plan for that height, the rows under it empty)."""
        key = (i, columns)
        if key not in self._texts:
            text = np.zeros((self.length, self.length), dtype=np.int8)
            for rows, (plan, _) in self.plans(i, columns).items():
                counts = plan_text_rows(self.sizers[i], plan)[:rows]
                text[rows, :len(counts)] = counts
            self._texts[key] = text
        return self._texts[key]

    def leaf_legs(self, i: int, columns: int) -> np.ndarray:
        """Per height, per column: article i's leg starting at that column's x in its block
        `columns` wide, as its measure << LINES_BITS | its lines (textrows.leg_measures of
        its plan for that height, each leg as deep as the plan's body); 0: none."""
        key = (i, columns)
        if key not in self._legs:
            legs = np.zeros((self.length, columns), dtype=np.int32)
            plans = self.plans(i, columns)
            if plans:       # a plan fills many heights: its row is made once
                made: dict[int, list[int]] = {}
                for plan, _ in plans.values():
                    if id(plan) not in made:
                        lines = min(plan.body_rows, LINES_MASK)
                        made[id(plan)] = [(m << LINES_BITS) | lines if m > 0 else 0
                                          for m in plan_leg_measures(self.sizers[i], plan)]
                legs[list(plans)] = [made[id(plan)] for plan, _ in plans.values()]
            self._legs[key] = legs
        return self._legs[key]

    def _leaf_legs(self, i: int, width: int, columns: int) -> np.ndarray:
        """leaf_legs at `width`, the columns beside the block (at its right) empty."""
        legs = self.leaf_legs(i, width)
        if width == columns:
            return legs
        return np.pad(legs, ((0, 0), (0, columns - width)))

    def _leaf_solution(self, i: int, columns: int, flags: int) -> Solution:
        """Article i in a rectangle `columns` wide: across it, or narrower with the columns
        beside it left empty (priced as such) when no shape that fills suits the article.
        In a rectangle wider than a column, its lonely rows are priced."""
        heights = np.arange(self.length)
        none = np.zeros((self.length, self.length), dtype=np.int8)

        def candidates():
            for width in range(columns, 0, -1):
                empty = COST_EMPTY_BESIDE_ROW * (columns - width) * heights
                fits = width in self.sizers[i].widths()
                text = self.leaf_text(i, width) if fits else none
                yield (("leaf", i, width), self.leaf(i, width, flags) + empty
                       + self._leaf_lonely(i, width, text, columns), None,
                       lambda heights, text=text, width=width, fits=fits: (text[heights], (
                           self._leaf_legs(i, width, columns)[heights] if fits else None)))
        return self._keep_best(candidates(), columns)

    def _leaf_lonely(self, i: int, width: int, text: np.ndarray, columns: int) -> np.ndarray:
        """`_lonely_cost(text, columns)` of article i's block `width` wide (`text`), made
        once for every rectangle wider than a column."""
        if columns < 2:
            return self._lonely_cost(text, columns)
        key = (i, width)
        found = self._lonely.get(key)
        if found is None:
            found = self._lonely[key] = self._lonely_cost(text, columns)
        return found

    @staticmethod
    def _lonely_cost(text: np.ndarray, columns: int) -> np.ndarray:
        """COST_LONELY_ROW per row where one column alone holds text, if another could."""
        if columns < 2:
            return np.zeros(len(text))
        return COST_LONELY_ROW * (text == 1).sum(axis=1)

    def _minplus(self, upper: np.ndarray, lower: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Least upper[t] + lower[h − SEP − t] per height h, and the t achieving it."""
        total = upper[None, :] + np.concatenate((self._pad, lower))[self._gather]
        split = total.argmin(axis=1)
        return total[self._rows_index, split], split

    def _joined(self, upper: Solution, lower: Solution) -> tuple[np.ndarray, np.ndarray]:
        """Least cost per height of `upper` over `lower` and the upper part's rows achieving
        it: their costs, and COST_MIXED_LINE per line a reader finds ragged where one part's
        legs start at a column's x over the other's of another measure (`_ragged_lines`),
        COST_MIXED_MEASURE per such column (`_mixing_cost`)."""
        if not upper.measures or not lower.measures or len(upper.measures | lower.measures) < 2:
            return self._minplus(upper.cost, lower.cost)
        total = (upper.cost[None, :] + np.concatenate((self._pad, lower.cost))[self._gather]
                 + self._pairs(_mixing_cost, upper.legs, lower.legs))
        split = total.argmin(axis=1)
        return total[self._rows_index, split], split

    def _ragged(self, upper: np.ndarray, lower: np.ndarray) -> np.ndarray:
        """Per height h and upper rows t: the lines read as ragged (`_ragged_lines`, over the
        columns) of the upper part's legs at t over the lower part's at h − SEP − t (none
        where that is below 0). Counted once per pair of distinct rows of legs (a plan fills
        many heights, so a part has few), then gathered per (h, t)."""
        return self._pairs(_ragged_lines, upper, lower)

    def _pairs(self, count, upper: np.ndarray, lower: np.ndarray) -> np.ndarray:
        """Per height h and upper rows t: `count(above, below)` summed over the columns, of
        the upper part's legs at t over the lower part's at h − SEP − t (`_ragged`)."""
        above, above_at = np.unique(upper, axis=0, return_inverse=True)
        below, below_at = np.unique(lower, axis=0, return_inverse=True)
        pairs = count(above[:, None, :], below[None, :, :]).sum(axis=2)
        pairs = np.concatenate((pairs, np.zeros((len(above), 1), dtype=pairs.dtype)), axis=1)
        padded = np.concatenate((np.full(len(self._pad), len(below)), below_at.reshape(-1)))
        return pairs[above_at.reshape(-1)[None, :], padded[self._gather]]

    def _stacked_legs(self, upper: Solution, lower: Solution, split: np.ndarray,
                      wanted: np.ndarray) -> np.ndarray:
        """Legs, for each of the heights `wanted`, of `upper` over `lower` cut at `split`:
        where both start legs at a column, their lines added if of one measure, else the
        measure of the more lines."""
        t = split[wanted]
        above = upper.legs[t]
        lower_h = wanted - SEPARATOR_ROWS - t
        below = np.where((lower_h >= 0)[:, None], lower.legs[np.clip(lower_h, 0, None)], 0)
        same = above >> LINES_BITS == below >> LINES_BITS
        more = np.where((above & LINES_MASK) >= (below & LINES_MASK), above, below)
        both = np.where(same, above + (below & LINES_MASK), more)
        return np.where(above == 0, below, np.where(below == 0, above, both))

    def _candidates(self, columns: int, i: int, j: int, flags: int):
        """(choice, cost per height, split per height or None, maker of (text rows, legs)
        for the heights asked) for every cut of i..j. Side by side, the parts' lonely rows
        are priced anew: a leg beside the other part's text is no longer alone."""
        for k in range(i + 1, j):
            top = self._solve(columns, i, k, flags & ~BOTTOM)
            bottom = self._solve(columns, k, j, flags & ~TOP)
            cost, split = self._joined(top, bottom)
            yield (("h", k, 0), cost, split,
                   lambda heights, t=top, b=bottom, s=split: (
                       self._stacked(t, b, s, heights), self._stacked_legs(t, b, s, heights)))
        for left in range(1, columns):
            for k in range(i + 1, j):
                a, alone_a = self._part(left, i, k, flags & ~RIGHT)
                b, alone_b = self._part(columns - left, k, j, flags & ~LEFT)
                parts = a.cost + b.cost
                yield (("v", k, left), Floor(parts - alone_a - alone_b, lambda a=a, b=b, parts=parts,
                       alone_a=alone_a, alone_b=alone_b: parts + self._lonely_cost(
                           a.text + b.text, columns) - alone_a - alone_b),
                       None, lambda heights, a=a, b=b: (
                           a.text[heights] + b.text[heights],
                           np.concatenate((a.legs[heights], b.legs[heights]), axis=1)))

    def _stacked(self, top: Solution, bottom: Solution, split: np.ndarray,
                 wanted: np.ndarray) -> np.ndarray:
        """Text rows, for each of the heights `wanted`, of `top` over `bottom` cut at
        `split` (with the rule's row)."""
        n = self.length
        heights, rows = wanted[:, None], np.arange(n)[None, :]
        t = split[wanted][:, None]
        upper = top.text[t[:, 0]]
        lower_h = np.clip(heights - SEPARATOR_ROWS - t, 0, n - 1)
        lower_r = rows - t - SEPARATOR_ROWS
        lower = bottom.text[lower_h, np.clip(lower_r, 0, n - 1)]
        lower = np.where((lower_r >= 0) & (rows < heights), lower, 0)
        return np.where(rows < t, upper, lower).astype(np.int8)

    def _solve_uncached(self, columns: int, i: int, j: int, flags: int) -> Solution:
        if j - i == 1:
            return self._leaf_solution(i, columns, flags)
        return self._keep_best(self._candidates(columns, i, j, flags), columns)

    def _keep_best(self, candidates, columns: int) -> Solution:
        """The least cost per height over `candidates` (of a rectangle `columns` wide); ties
        go to the first. The text rows and legs of each winner are made for the heights it
        wins only."""
        best_cost = np.full(self.length, np.inf)
        best = np.zeros(self.length, dtype=np.int32)
        split = np.zeros(self.length, dtype=np.int32)
        choices, makers = [], []
        for index, (choice, cost, cut_at, *maker) in enumerate(candidates):
            choices.append(choice)
            makers.append(maker[0] if maker else None)
            if isinstance(cost, Floor):
                if not (cost.floor < best_cost).any():
                    continue        # no height it could win: its dearer terms never made
                cost = cost.make()
            better = cost < best_cost
            if not better.any():
                continue
            best_cost = np.where(better, cost, best_cost)
            best[better] = index
            if cut_at is not None:
                split[better] = cut_at[better]
        text = np.zeros((self.length, self.length), dtype=np.int8)
        legs = np.zeros((self.length, columns), dtype=np.int32)
        for index in sorted(set(best[np.isfinite(best_cost)].tolist())):   # not np.unique:
            # its 1-D path imports numpy.ma (25-60 ms a process) and sorts in C for a few ints
            if makers[index] is not None:
                won = np.flatnonzero((best == index) & np.isfinite(best_cost))
                made_text, made_legs = makers[index](won)
                if made_text is not None:
                    text[won] = made_text
                if made_legs is not None:
                    legs[won] = made_legs
        measures = frozenset(m for m in set((legs >> LINES_BITS).ravel().tolist()) if m)
        return Solution(best_cost, tuple(choices), best, split, text, legs, measures)

    def tree(self, columns: int, i: int, j: int, flags: int, rows: int) -> Cut:
        """Rebuild the layout tree that achieved the cost at `rows`."""
        solution = self._solve(columns, i, j, flags)
        if j - i == 1:
            width = solution.choices[solution.best[rows]][2]
            block = Cut(width, rows, plan=self.plans(i, width)[rows][0])
            if width == columns:
                return block
            return Cut(columns, rows, block, Cut(columns - width, rows), vertical=True)
        kind, k, left = solution.choices[solution.best[rows]]
        if kind == "h":
            top_rows = int(solution.split[rows])
            bottom_rows = rows - SEPARATOR_ROWS - top_rows
            return Cut(columns, rows, self.tree(columns, i, k, flags & ~BOTTOM, top_rows),
                       self.tree(columns, k, j, flags & ~TOP, bottom_rows))
        return Cut(columns, rows, self.tree(left, i, k, flags & ~RIGHT, rows),
                   self.tree(columns - left, k, j, flags & ~LEFT, rows), vertical=True)

    def _band_flags(self, i: int, j: int) -> int:
        n = len(self.sizers)
        return (LEFT | RIGHT | (TOP if i == 0 else 0) | (BOTTOM if j == n else 0)) & self.edges

    def _stack(self) -> list[Solution]:
        """stacks[j]: articles 0..j as bands one above the other, least cost per height;
        its choices name where the last band starts."""
        n = len(self.sizers)
        stacks: list[Solution] = [Solution(np.full(self.length, np.inf), ())]
        for j in range(1, n + 1):
            def candidates(j=j):
                for i in range(max(0, j - BAND), j):
                    band = self._solve(self.columns, i, j, self._band_flags(i, j))
                    if i == 0:
                        yield ("band", i, 0), band.cost, None, lambda heights, b=band: (
                            None, b.legs[heights])
                    else:
                        cost, split = self._joined(stacks[i], band)
                        yield ("band", i, 0), cost, split, lambda heights, a=stacks[i], b=band, \
                            s=split: (None, self._stacked_legs(a, b, s, heights))
            stacks.append(self._keep_best(candidates(), self.columns))
        return stacks

    def _stack_tree(self, stacks: list[Solution], j: int, rows: int) -> Cut:
        solution = stacks[j]
        _, i, _ = solution.choices[solution.best[rows]]
        flags = self._band_flags(i, j)
        if i == 0:
            return self.tree(self.columns, 0, j, flags, rows)
        top_rows = int(solution.split[rows])
        return Cut(self.columns, rows, self._stack_tree(stacks, i, top_rows),
                   self.tree(self.columns, i, j, flags, rows - SEPARATOR_ROWS - top_rows))

    def signature(self) -> tuple | None:
        """Everything the layout depends on: the rectangle, and each article's id, wanted
        edges and (rows, cost) of every option at every width; None when two blocks share
        an article (their plans could not be told apart)."""
        ids = [s.article.id for s in self.sizers]
        if len(set(ids)) != len(ids):
            return None
        out = [self.columns, self.rows, self.edges, self.lead]
        for i, sizer in enumerate(self.sizers):
            widths = tuple(w for w in range(1, self.columns + 1) if w in sizer.widths())
            out.append((ids[i], self._wanted[i], widths,
                        tuple(tuple((r, p.cost) for r, p in sizer.options(w).items())
                              for w in widths)))
        return tuple(out)

    def _renewed(self, tree: Cut) -> Cut:
        """A layout found before for the same signature, with this placer's plans."""
        if tree.plan is not None:
            i = next(k for k, s in enumerate(self.sizers) if s.article.id == tree.plan.article.id)
            return replace(tree, plan=self.plans(i, tree.columns)[tree.rows][0])
        if tree.first is None:
            return tree
        return replace(tree, first=self._renewed(tree.first), second=self._renewed(tree.second))

    def best(self) -> tuple[float, Cut | None, int]:
        """(cost, layout, rows it leaves empty) of the best layout; (inf, None, rows) when
        none exists. The cost counts the empty rows at the foot as holes."""
        key = self.signature()
        if key is not None and key in SOLVED:
            SOLVED.move_to_end(key)
            cost, tree, left = SOLVED[key]
            return cost, (self._renewed(tree) if tree is not None else None), left
        found = self._best()
        if key is not None:
            SOLVED[key] = found
            while len(SOLVED) > SOLVED_KEPT:
                SOLVED.popitem(last=False)
        return found

    def _best(self) -> tuple[float, Cut | None, int]:
        n = len(self.sizers)
        stacks = self._stack()
        heights = np.arange(self.length)
        # rows left at the foot of a rectangle above a reserved block (an ad) are a hole
        # over the ad, not the page's honest space at its foot; nor is white at the foot of
        # a page that sends copy on (a story over-set on it, or asked to continue): its
        # first part could have filled it (`sends_on`)
        foot = COST_FOOT_ROW if self.edges & BOTTOM and not self.sends_on else COST_HOLE_ROW
        fill = stacks[n].cost + (self.rows - heights) * self.columns * foot
        if not np.isfinite(fill).any():
            return float("inf"), None, self.rows
        rows = int(fill.argmin())
        return float(fill[rows]), self._stack_tree(stacks, n, rows), self.rows - rows

    def place(self) -> tuple[Cut, int]:
        """The best layout and how many rows it leaves empty (negative: rows over)."""
        _cost, tree, left = self.best()
        if tree is None:
            ids = ", ".join(s.article.id for s in self.sizers)
            raise BuildError(_("no layout places these articles together on one page: {ids}; "
                               "check their column hints").format(ids=ids))
        return tree, left


# A plan's text rows, counted once: one plan fills many heights (the rows under it a hole)
# and a page is placed several times (in order, with its last article moved up, each free
# rectangle around an ad); plans are the sizers' own, kept while their sizers live.
TEXT_ROWS_KEPT = 8192
TEXT_ROWS: OrderedDict[int, tuple[BlockPlan, tuple[int, ...]]] = OrderedDict()


def _kept(kept: OrderedDict, sizer: Sizer, plan: BlockPlan, count) -> tuple[int, ...]:
    """`count(sizer, plan)`, from `kept` when it was counted before (the plan kept with its
    figures, so that its id stays its own), the oldest let go past TEXT_ROWS_KEPT."""
    found = kept.get(id(plan))
    if found is not None and found[0] is plan:
        return found[1]
    figures = count(sizer, plan)
    kept[id(plan)] = (plan, figures)
    while len(kept) > TEXT_ROWS_KEPT:
        kept.popitem(last=False)
    return figures


def plan_text_rows(sizer: Sizer, plan: BlockPlan) -> tuple[int, ...]:
    """`textrows.text_rows` of `plan`, from the kept counts when it was counted before."""
    return _kept(TEXT_ROWS, sizer, plan, text_rows)


def _ragged_lines(above: np.ndarray, below: np.ndarray) -> np.ndarray:
    """Per column, of two parts' legs (as in `Placer.leaf_legs`) starting at its x: the lines
    of the narrower measure when it has no more lines than the wider. A reader takes the
    column's edge from the most lines at the x, and the narrower legs' lines stop short of
    it; the wider legs' lines, the fewer, run past the narrower's edge and read flush."""
    wide_above = above >> LINES_BITS > below >> LINES_BITS
    narrow = np.where(wide_above, below, above) & LINES_MASK
    wide = np.where(wide_above, above, below) & LINES_MASK
    mixed = (above >> LINES_BITS != below >> LINES_BITS) & (above != 0) & (below != 0)
    return np.where(mixed & (narrow <= wide), narrow, 0)


def _mixing_cost(above: np.ndarray, below: np.ndarray) -> np.ndarray:
    """Per column, of two parts' legs (as in `Placer.leaf_legs`): COST_MIXED_LINE per line
    read as ragged (`_ragged_lines`) and COST_MIXED_MEASURE where there is any."""
    ragged = _ragged_lines(above, below)
    return COST_MIXED_LINE * ragged + COST_MIXED_MEASURE * (ragged > 0)


LEG_MEASURES: OrderedDict[int, tuple[BlockPlan, tuple[int, ...]]] = OrderedDict()


def plan_leg_measures(sizer: Sizer, plan: BlockPlan) -> tuple[int, ...]:
    """`textrows.leg_measures` of `plan`, kept as its text rows are."""
    return _kept(LEG_MEASURES, sizer, plan, leg_measures)


def place_page(sizers: list[Sizer], columns: int, rows: int) -> tuple[Cut, int]:
    """The page's best layout and the rows it leaves empty: its articles in their order, or
    with the last one moved up to a place after the lead when that costs less (a short
    item set beside the story it fits beside rather than under a hole)."""
    best = None
    for moved, order in _orders(sizers):
        cost, tree, left = Placer(order, columns, rows).best()
        cost += COST_MOVED * moved
        if tree is not None and (best is None or cost < best[0] - 1e-9):
            best = (cost, tree, left)
        if not moved and (best is None or holes(best[1]) < MOST_HOLE_ROWS * columns):
            break   # in order without a hole worth moving a story for
    if best is None:
        return Placer(sizers, columns, rows).place()
    return best[1], best[2]


def holes(tree: Cut) -> int:
    """Slots (column × row) a layout leaves empty at the feet of its blocks and beside them."""
    if tree.plan is not None:
        return max(0, tree.rows - tree.plan.rows) * tree.columns
    if tree.first is None:
        return tree.columns * tree.rows
    return holes(tree.first) + holes(tree.second)


def _orders(sizers: list[Sizer]):
    """(places moved, order): the page's order, then its last article at each earlier place
    after the first."""
    yield 0, sizers
    last = len(sizers) - 1
    for place in range(last - 1, 0, -1):
        yield last - place, sizers[:place] + [sizers[last]] + sizers[place:last]
