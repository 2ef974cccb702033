"""No 撞题: 主题 side by side at the same height must not read as one line.

Two headlines whose blocks sit side by side (no column in common) with their
主题 at overlapping heights look like one line across the page when they
share a face family and (nearly) a size. The placer prices every article on
its own, so the clash can only be seen once the page is laid out: this pass
runs after placement, takes the page's headlines in manifest order
(importance: the lead keeps its face) and gives each 主题 that would clash
with one already settled the first face of the house style's
`headlines.faces` whose family differs from its neighbours' — re-setting
the headline group in that face (引题/副题 change family with it) and keeping
the change only when it breaks as cleanly and fits the rows the placer gave
it. Failing that, it tries the smaller sizes of its rank in each face (a
brief, any size of the brief range: briefs are not ordered). A
size step of a full 号 (8 %) or more, or heights that overlap by less than a
third of the smaller 主题, already read apart.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.pages.grid import Grid
from layout.pages.placement import Cut
from layout.pages.sizing import BlockPlan, HeadPlan, Sizer, title_sizes
from layout.pages.tree import head_row, leaves, with_head, with_plans

SIZE_STEP = 0.075     # sizes closer than this share read as one size
OVERLAP = 1 / 3       # of the smaller 主题's height


@dataclass(frozen=True, slots=True)
class Title:
    """Where a block's 主题 sits and how it looks."""

    first: int        # first column
    last: int         # last column
    top: float        # points
    bottom: float
    family: str
    size: float


def title_of(plan: BlockPlan, column: int, row: int, grid: Grid, faces) -> Title | None:
    """The 主题's columns, vertical extent (centred in the head rows, as drawn) and look."""
    head = plan.head
    if head is None or not any(r == "title" for r, _ in head.parts):
        return None
    content = sum(part.height for _, part in head.parts)
    y = grid.row_y(head_row(plan, row)) + (head.rows * grid.pitch - content) / 2
    for role, part in head.parts:
        if role == "title":
            return Title(column, column + plan.columns - 1, y, y + part.height,
                         faces[part.face].family, part.size)
        y += part.height
    return None


def clash(a: Title, b: Title) -> bool:
    """Side by side, at overlapping heights, in one family and (nearly) one size."""
    apart = a.last < b.first or b.last < a.first
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    smaller = min(a.bottom - a.top, b.bottom - b.top)
    return (apart and overlap > OVERLAP * smaller and a.family == b.family
            and abs(a.size - b.size) < SIZE_STEP * max(a.size, b.size))


def vary_faces(tree: Cut, sizers: list[Sizer], grid: Grid, top: int) -> Cut:
    """The layout with 主题 faces (or sizes) changed where they would clash (module doc)."""
    by_id = {s.article.id: s for s in sizers}
    order = {s.article.id: i for i, s in enumerate(sizers)}
    blocks = sorted(leaves(tree, 0, top), key=lambda b: order[b[0].article.id])
    settled: list[Title] = []
    changed: dict[str, BlockPlan] = {}
    for plan, column, row in blocks:
        sizer = by_id[plan.article.id]
        faces = sizer.style.faces
        title = title_of(plan, column, row, grid, faces)
        if title is None:
            continue
        if any(clash(title, other) for other in settled):
            better = _unclashed(sizer, plan, column, row, grid, settled)
            if better is not None:
                changed[plan.article.id] = plan = better
                title = title_of(plan, column, row, grid, faces)
        settled.append(title)
    return with_plans(tree, changed)


def _unclashed(sizer: Sizer, plan: BlockPlan, column: int, row: int, grid: Grid,
               settled: list[Title]) -> BlockPlan | None:
    """The plan with a 主题 face, else a smaller size, that clashes with none settled."""
    faces = sizer.style.faces
    current = next(s for r, s in plan.head.parts if r == "title")
    low, high = sizer.title_range()
    sizes = [s for s in reversed(title_sizes(low, high if sizer.brief else current.size))
             if abs(s - current.size) > 0.01]
    others = [f for f in sizer.style.headlines.faces if f != current.face]
    tries = [(f, current.size) for f in others]
    tries += [(f, s) for s in sizes for f in [current.face] + others]
    for face, size in tries:
        head: HeadPlan | None = sizer.head_in(plan, face, size)
        if head is None:
            continue
        candidate = with_head(plan, head)
        title = title_of(candidate, column, row, grid, faces)
        if title is not None and not any(clash(title, other) for other in settled):
            return candidate
    return None
