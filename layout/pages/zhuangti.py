"""No 撞题: 主题 side by side at the same height must not read as one line.

Two headlines whose blocks sit side by side (no column in common) with their
主题 at overlapping heights look like one line across the page when they
share a face family and (nearly) a size. The placer prices every article on
its own, so the clash can only be seen once the page is laid out: this pass
runs after placement, takes the page's headlines in manifest order
(importance: the lead keeps its face) and gives each 主题 that would clash
with one already settled the first face of the house style's
`headlines.faces` whose family differs from those of the titles at its
height — re-setting the headline group in that face (引题/副题 change family
with it) and keeping the change only when it breaks as cleanly and fits the
rows the placer gave it. A row of more titles side by side than there are
faces (five briefs across the page) cannot have every pair differ at one
size: there a brief takes a smaller size of its range (a 号 down), and the
briefs after it in the manifest step down with it (a later brief is never
larger than an earlier one); a brief earlier in the manifest in such a row
takes the largest size of its range that fits its rows and no earlier brief
is under, rather than the page's smallest. Only where faces and sizes run out does a 主题 differ from its
neighbours alone (the titles with no other between them), and only then
does a story take a smaller size of its rank. The page's briefs share one
size (sizing.py) outside such rows. A size step of a full 号 (8 %) or more,
or heights that overlap by less than a third of the smaller 主题, already
read apart.

Two 竖题 (vertical_sizing.py) side by side whose 主题 columns stand at
overlapping heights clash the same way, and are varied the same way (the
group re-set in another face or size in as many columns, within the rows
and strip its plan gave it); a 竖题 beside a horizontal 主题 does not read
as one line with it.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.pages.grid import Grid
from layout.pages.placement import Cut
from layout.pages.sizing import BlockPlan, HeadPlan, Sizer, title_sizes
from layout.pages.tree import head_row, leaves, with_head, with_plans
from layout.pages.vertical_sizing import Beside, VerticalSizer

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
    vertical: bool = False   # a 竖题's 主题 columns


def title_of(plan: BlockPlan, column: int, row: int, grid: Grid, faces) -> Title | None:
    """The 主题's columns, vertical extent (centred in the head rows, as drawn) and look."""
    if isinstance(plan.vertical, Beside):
        return _turned_title(plan, column, row, grid, faces)
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


def _turned_title(plan: BlockPlan, column: int, row: int, grid: Grid, faces) -> Title | None:
    """A 竖题's 主题: the page columns its strip stands over, the extent of its columns
    (the group centred in its rows under the block's photos, as vertical_render draws it)."""
    layout = plan.vertical
    head, title = layout.head, layout.head.title
    if title is None:
        return None
    first = row + sum(p.rows + len(p.caption) for p in plan.photos)
    top = grid.row_y(head_row(plan, first)) + (layout.head_rows * grid.pitch - head.height) / 2
    ys = [(c.y, c.y + c.line.width) for c in head.columns if c.role == "title"]
    last = column + plan.columns - 1
    return Title(last - max(0, layout.strip - 1), last, top + min(y for y, _ in ys),
                 top + max(y for _, y in ys), faces[title.face].family, title.size, vertical=True)


def clash(a: Title, b: Title) -> bool:
    """Side by side, at overlapping heights, in one family and (nearly) one size."""
    return (_beside(a, b) and a.family == b.family and a.vertical == b.vertical
            and abs(a.size - b.size) < SIZE_STEP * max(a.size, b.size))


def vary_faces(tree: Cut, sizers: list[Sizer], grid: Grid, top: int) -> Cut:
    """The layout with 主题 faces (or sizes) changed where they would clash (module doc).
    The page's briefs take the smallest size the placer gave any of them (one rank, one
    size), and a brief after one that had to step down further steps down with it."""
    by_id = {s.article.id: s for s in sizers}
    order = {s.article.id: i for i, s in enumerate(sizers)}
    blocks = sorted(leaves(tree, 0, top), key=lambda b: order[b[0].article.id])
    spots = [title_of(p, c, r, grid, by_id[p.article.id].style.faces) for p, c, r in blocks]
    settled: dict[int, Title] = {}
    changed: dict[str, BlockPlan] = {}
    ranked = {p.article.id for (p, _c, _r), spot in zip(blocks, spots)
              if spot is not None and _ranked(by_id[p.article.id])}
    cap = min((title_part(p).size for p, _c, _r in blocks if p.article.id in ranked), default=float("inf"))
    earlier = float("inf")    # the smallest size an earlier brief took
    faces = len(sizers[0].style.headlines.faces) if sizers else 0
    for i, (plan, column, row) in enumerate(blocks):
        if spots[i] is None:
            continue
        sizer = by_id[plan.article.id]
        tries, kept = [plan], None
        if plan.article.id in ranked:
            if crowded(i, spots, faces):   # the largest size of its range no earlier brief is under
                kept = _capped(sizer, plan, min(earlier, sizer.title_range()[1]))
            if title_part(plan).size > cap + 0.01:
                tries = [_capped(sizer, plan, cap), plan]
        near = [settled[j] for j in neighbours(i, spots) if j in settled]
        chosen = _settle(sizer, [p for p in tries if p is not None], column, row, grid,
                         list(settled.values()), near, kept)
        if chosen is not plan:
            changed[plan.article.id] = chosen
        settled[i] = title_of(chosen, column, row, grid, sizer.style.faces)
        if plan.article.id in ranked:
            earlier = min(earlier, title_part(chosen).size)
            cap = min(cap, earlier)
    return with_plans(tree, changed)


def crowded(i: int, spots: list[Title | None], faces: int) -> bool:
    """Title i stands in a row of more titles side by side than there are 主题 faces: one
    size cannot tell them all apart."""
    me = spots[i]
    return 1 + sum(1 for j, t in enumerate(spots) if j != i and t is not None and _beside(me, t)) > faces


def _ranked(sizer: Sizer) -> bool:
    """A brief sized by its rank (not the 简讯 block's heading, nor a size the editor gave)."""
    return sizer.brief and not sizer.article.hints.headline_size


def neighbours(i: int, spots: list[Title | None]) -> list[int]:
    """The titles beside title i with no other title between them at their heights: the
    ones it could read as one line with."""
    me = spots[i]
    out = []
    for j, other in enumerate(spots):
        if j == i or other is None or not _beside(me, other):
            continue
        left, right = (me, other) if me.last < other.first else (other, me)
        if not any(k not in (i, j) and t is not None and left.last < t.first and t.last < right.first
                   and _beside(t, me) and _beside(t, other) for k, t in enumerate(spots)):
            out.append(j)
    return out


def _beside(a: Title, b: Title) -> bool:
    """No column in common, heights overlapping by more than OVERLAP of the smaller."""
    apart = a.last < b.first or b.last < a.first
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return apart and overlap > OVERLAP * min(a.bottom - a.top, b.bottom - b.top)


def _settle(sizer: Sizer, tries: list[BlockPlan], column: int, row: int, grid: Grid,
            settled: list[Title], near: list[Title], kept: BlockPlan | None = None) -> BlockPlan:
    """The first of `tries` (or of their re-settings) that clashes with no settled title —
    in its own face, else another face at its size; for a brief, else a smaller size of
    its range (the briefs after it follow it down); then, where a row holds more titles
    than the faces and sizes can tell apart, one that clashes with none of its neighbours;
    only then a story's smaller size. `kept`, a crowded row's brief at a larger size it
    may keep, is tried first, in any face. Failing all, the last of `tries` as it is."""
    if kept is not None:
        found = _unclashed(sizer, kept, column, row, grid, settled, False)
        if found is not None:
            return found
    brief = _ranked(sizer)
    steps = [(settled, False)] + ([(settled, True)] if brief else []) + [(near, False)]
    steps += ([] if brief else [(settled, True)]) + [(near, True)]
    for plan in tries:
        for against, smaller in steps:
            found = _unclashed(sizer, plan, column, row, grid, against, smaller)
            if found is not None:
                return found
    return tries[-1]


def _capped(sizer: Sizer, plan: BlockPlan, cap: float) -> BlockPlan | None:
    """`plan` with its 主题 at the largest size of its range not above `cap` that fits (in
    its rows, breaking as cleanly, on no more lines than its role allows)."""
    current = title_part(plan)
    low, _high = sizer.title_range()
    for size in reversed(title_sizes(min(low, cap), cap)):
        candidate = _retitled(sizer, plan, current.face, size)
        if candidate is not None and len(title_part(candidate).lines) <= max(
                len(current.lines), sizer.most_title_lines()):
            return candidate
    return None


def _unclashed(sizer: Sizer, plan: BlockPlan, column: int, row: int, grid: Grid,
               settled: list[Title], smaller: bool = True) -> BlockPlan | None:
    """The plan itself, else with another 主题 face (`smaller`: else a smaller size), that
    clashes with none of `settled`."""
    faces = sizer.style.faces
    current = title_part(plan)
    low, _high = sizer.title_range()
    others = [f for f in sizer.style.headlines.faces if f != current.face]
    tries = [(current.face, current.size)] + [(f, current.size) for f in others]
    if smaller:
        sizes = [s for s in reversed(title_sizes(low, current.size)) if abs(s - current.size) > 0.01]
        tries = [(f, s) for s in sizes for f in [current.face] + others]
    for face, size in tries:
        candidate = plan if (face, size) == (current.face, current.size) else _retitled(sizer, plan, face, size)
        if candidate is None:
            continue
        title = title_of(candidate, column, row, grid, faces)
        if title is not None and not any(clash(title, other) for other in settled):
            return candidate
    return None


def title_part(plan: BlockPlan):
    """The set 主题 of a plan's headline group, across or turned."""
    parts = plan.vertical.head.parts if isinstance(plan.vertical, Beside) else plan.head.parts
    return next(s for r, s in parts if r == "title")


def _retitled(sizer: Sizer, plan: BlockPlan, face: str, size: float) -> BlockPlan | None:
    """The plan with its 主题 in `face` at `size`, or None where that does not fit."""
    if isinstance(plan.vertical, Beside):
        return sizer.turned_in(plan, face, size) if isinstance(sizer, VerticalSizer) else None
    head: HeadPlan | None = sizer.head_in(plan, face, size)
    return None if head is None else with_head(plan, head)
