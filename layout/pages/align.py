"""Bodies on the page's baseline grid: each block's body starts where its lines stand level
with the lines beside it.

The placer prices a row where one column alone holds a body line (COST_LONELY_ROW) but
chooses each block's plan per height before it knows what stands beside it, and the sizer
offers for a height the one plan that is cheapest on its own: a story under a one-line
headline starts its body a row above the stories beside it under two-line ones, and its
first line stands alone (a reader sees it off the grid). For each height the sizer keeps
one plan per row its body starts at (`Sizer.variants`: more or less air in the headline
group, a row of slack more or less, another headline size); this pass, over the placed
layout, gives each block the variant of its own height and width, body of the same legs,
that leaves the fewest lonely rows on the page — a lonely row priced as the placer prices
it, against what the variant itself costs — until no block changes. Blocks keep their
place and size, so nothing else on the page moves.
"""
from __future__ import annotations

import numpy as np

from layout.pages.placement import COST_LONELY_ROW, Cut, plan_text_rows
from layout.pages.sizing import BlockPlan, Sizer
from layout.pages.tree import leaves, with_plans

PASSES = 3      # rounds over the blocks (a change can open another's)


def aligned(tree: Cut, sizers: list[Sizer]) -> Cut:
    """`tree` with each block's plan the variant of its size whose body lines stand level
    with the lines beside it (module doc)."""
    by_id = {s.article.id: s for s in sizers}
    blocks = [(plan, row) for plan, _column, row in leaves(tree, 0, 0)
              if plan.article.id in by_id]
    if len(blocks) < 2:
        return tree
    depth = max(row + plan.rows for plan, row in blocks)
    counts = np.zeros(depth + 1, dtype=np.int32)
    for plan, row in blocks:
        _add(counts, row, _rows(by_id[plan.article.id], plan), 1)
    changed: dict[str, BlockPlan] = {}
    for _ in range(PASSES):
        moved = False
        for n, (plan, row) in enumerate(blocks):
            sizer = by_id[plan.article.id]
            choices = [v for v in sizer.variants(plan.columns, plan.rows) if _same_shape(v, plan)]
            if len(choices) < 2:
                continue
            own = _rows(sizer, plan)
            _add(counts, row, own, -1)
            best, best_cost = plan, _priced(counts, row, own, plan)
            for variant in choices:
                cost = _priced(counts, row, _rows(sizer, variant), variant)
                if cost < best_cost - 1e-9:
                    best, best_cost = variant, cost
            _add(counts, row, _rows(sizer, best), 1)
            if best is not plan:
                blocks[n] = (best, row)
                changed[plan.article.id] = best
                moved = True
        if not moved:
            break
    return with_plans(tree, changed)


def _same_shape(variant: BlockPlan, plan: BlockPlan) -> bool:
    """Same block and body legs, no more rows under the body: the page's widths, ragged
    pairs, holes and fill stay as placed (a variant only moves air from under the body to
    the headline group, or sets the headline another size)."""
    return (variant.rows == plan.rows and variant.columns == plan.columns
            and variant.body_rows <= plan.body_rows
            and variant.legs == plan.legs and variant.leg_chars == plan.leg_chars
            and variant.photo_columns == plan.photo_columns and variant.frame is None
            and plan.frame is None and variant.vertical is None and plan.vertical is None)


def _rows(sizer: Sizer, plan: BlockPlan) -> np.ndarray:
    return np.asarray(plan_text_rows(sizer, plan), dtype=np.int32)


def _add(counts: np.ndarray, row: int, rows: np.ndarray, sign: int) -> None:
    counts[row:row + len(rows)] += sign * rows


def _priced(counts: np.ndarray, row: int, rows: np.ndarray, plan: BlockPlan) -> float:
    """The plan's own cost and COST_LONELY_ROW per row of the page where one column alone
    would hold a line with it in place (only the rows it spans change)."""
    around = counts[row:row + len(rows)]
    return plan.cost + COST_LONELY_ROW * float(((around + rows) == 1).sum())
