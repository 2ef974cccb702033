"""Walking a placed layout tree: its blocks with their positions, and plans replaced."""
from __future__ import annotations

from dataclasses import replace

from layout.pages.placement import SEPARATOR_ROWS, Cut
from layout.pages.sizing import BlockPlan, HeadPlan


def leaves(node: Cut, column: int, row: int) -> list[tuple[BlockPlan, int, int]]:
    """Every block of the layout tree with its first column and row (as `render` draws it)."""
    if node.empty:
        return []
    if node.plan is not None:
        return [(node.plan, column, row)]
    if node.first is None:   # an area left empty (beside a reserved block)
        return []
    first, second = node.first, node.second
    if node.vertical:
        return leaves(first, column, row) + leaves(second, column + first.columns, row)
    return leaves(first, column, row) + leaves(second, column, row + first.rows + SEPARATOR_ROWS)


def with_plans(node: Cut, plans: dict[str, BlockPlan]) -> Cut:
    """The tree with the plans of the articles named in `plans` replaced."""
    if not plans or node.empty:
        return node
    if node.plan is not None:
        found = plans.get(node.plan.article.id)
        return replace(node, plan=found) if found is not None else node
    if node.first is None:
        return node
    return replace(node, first=with_plans(node.first, plans), second=with_plans(node.second, plans))


def with_head(plan: BlockPlan, head: HeadPlan) -> BlockPlan:
    """`plan` with another headline group — also in the content a frame draws (boxes.py)."""
    frame = plan.frame
    if frame is not None:
        frame = replace(frame, inner=replace(frame.inner, head=head))
    return replace(plan, head=head, frame=frame)


def head_row(plan: BlockPlan, row: int) -> int:
    """The row a block's headline group starts at: under a frame's air and column logo."""
    frame = plan.frame
    return row + (frame.pad_rows + frame.logo_rows if frame is not None else 0)
