"""A page short of copy is made up again with the legitimate means of a short page.

A page whose empty space is more than `ROOMY_SHARE` of its grid — or any page
short of copy (it warns: `makeup.short_page`) that stands a block in a strip of
legs under `makeup.min_leg_lines` lines — is placed again with the house style
a page editor uses when copy runs short (`roomy_styles`): headline groups with
up to `SHORT_HEAD_AIR` rows of air and, where a block stands in a leg under
`makeup.short_leg_lines` lines, every leg of that many (a story of 160
characters stands two columns of eight, not three of five across the top of an
empty page); a photo beside its story's body may take any width up to the
block's columns − 1, and grows to its limits by itself (sizing.py prices its
area below a row of honest space). The second layout is kept when all its
copy still fits, it turns no 主题 into a 竖题, on a page less than a quarter
empty it fills no more than `LESS_FILLED` of the grid less than the first
(wenti's 文体 page, 39 % empty, rightly trades a fifth of its fill for legs of
eight lines; deeper legs that cost a quarter
of a front page's fill are no means of a short page: they shrink its photos
and leave a band of white across the foot of hexi4's 要闻) and it leaves no
more than `MORE_WHITE_ROWS` rows more of white inside the composed part
(`inner_white`: rows of a column with copy under them): white under a block
that opens onto the page's foot is the honest space, a hole with copy under
it is not.

A 副刊 (an essay page, essays.py) keeps its leg rules: its essays already
stand in legs of twice `makeup.min_leg_lines`, and raising that would set
them one column wide; it takes the headline air only.
"""
from __future__ import annotations

from dataclasses import replace

from layout.model.placed import PlacedBox, PlacedImage, PlacedText
from layout.pages.grid import Grid
from layout.style import HouseStyle

# rows of white among the blocks (across the page) that deeper legs may add: more would
# trade a strip for holes in the middle of the page
MORE_WHITE_ROWS = 1
MORE_OFF_GRID = 1     # lines more off the baseline grid (off_grid) the second layout may set
ROOMY_SHARE = 0.25    # of the page's grid left empty: room for deeper legs of every block
HOLE_ROWS = 3         # rows of white above an ad's artwork (a separator, slack), at most
LESS_FILLED = 0.05    # of the grid the second layout may leave empty more than the first
SHORT_HEAD_AIR = 4    # rows of air a headline group may take on a page short of copy


def roomy_style(style: HouseStyle, least: int | None = None,
                air: int = SHORT_HEAD_AIR) -> HouseStyle:
    """The house style for a page short of copy: photos beside the body up to their
    block's columns − 1 wide (`makeup.wide_photos`), headline groups with up to `air` rows
    of air and, given `least`, legs of that many lines (the sizer's `min_leg_lines`: the
    longest leg's, the last of balanced legs one fewer)."""
    makeup = style.makeup
    deeper = {} if least is None else {"min_leg_lines": max(makeup.min_leg_lines, least)}
    return replace(style, makeup=replace(
        makeup, head_air_rows=max(makeup.head_air_rows, air), wide_photos=True, **deeper))


def roomy_styles(style: HouseStyle, items, essays: bool = False) -> tuple[HouseStyle, ...]:
    """The short page's styles to try in turn, until one is kept. A page that stands a
    block in shallow legs: every leg of `makeup.short_leg_lines` lines, else (a story too
    short for two such legs) the last of its legs one line fewer, else that with the
    house style's own headline air (the air around a headline counts as white inside the
    composed part). Any other page, and an essay page (its essays already stand deep):
    the headline air only."""
    if essays or not shallow(items, style):
        return (roomy_style(style),)
    short, air = style.makeup.short_leg_lines, style.makeup.head_air_rows
    return (roomy_style(style, short + 1), roomy_style(style, short),
            roomy_style(style, short, air))


def leg_lines(items) -> dict[str, list[int]]:
    """Lines of each leg of each article's body, as drawn: its body lines by their x (one
    leg per x), in reading order."""
    found: dict[str, dict[int, set]] = {}
    for item in items:
        if isinstance(item, PlacedText) and item.role == "body" and item.article and not item.free:
            found.setdefault(item.article, {}).setdefault(round(item.x), set()).add(round(item.y, 1))
    return {a: [len(ys) for _, ys in sorted(xs.items())] for a, xs in found.items()}


def shallow(items, style: HouseStyle) -> bool:
    """Whether a block stands in a leg shallower than `makeup.short_leg_lines` lines."""
    least = style.makeup.short_leg_lines
    return any(len(lines) > 1 and min(lines) < least for lines in leg_lines(items).values())


def has_room(empty_share: float, style: HouseStyle, items=()) -> bool:
    """A page to place again with the means of a short page (module doc): a quarter of its
    grid empty, or short of copy (it warns) with a block in a strip of legs under
    `makeup.min_leg_lines` lines. Until session 29 only the first was: six's 文化 page,
    22 % empty, kept 雨中登千山 six columns wide in legs of three and four lines."""
    if empty_share > ROOMY_SHARE:
        return True
    least = style.makeup.min_leg_lines
    return empty_share > style.makeup.short_page and any(
        len(lines) > 1 and min(lines) < least for lines in leg_lines(items).values())


def turned(items) -> set[str]:
    """Articles whose 主题 stands vertical (a 竖题) on the page."""
    return {i.article for i in items if isinstance(i, PlacedText) and i.role == "title" and i.ys}


def _extent(item) -> tuple[float, float, float, float] | None:
    """(x0, top, x1, foot) of what an item inks: a line's em boxes, a photo, a tint."""
    if isinstance(item, (PlacedImage, PlacedBox)):
        return item.x, item.y, item.x + item.w, item.y + item.h
    if isinstance(item, PlacedText) and item.article and item.xs:
        ys = item.ys or (0.0,)
        return (item.x + min(item.xs), item.y + min(ys) - item.size,
                item.x + max(item.xs) + item.size, item.y + max(ys))
    return None


def inked_rows(items, grid: Grid, rows: int) -> list[list[bool]]:
    """For each of the grid's columns, whether each of its `rows` rows holds ink."""
    inked = [[False] * rows for _ in range(grid.columns)]
    for box in filter(None, map(_extent, items)):
        x0, top, x1, foot = box
        first = max(0, int((top - grid.top) / grid.pitch))
        last = min(rows - 1, int((foot - grid.top - 0.01) / grid.pitch))
        for c in range(grid.columns):
            left = grid.column_x(c)
            if x0 < left + grid.column_width - 2 and x1 > left + 2:
                for r in range(first, last + 1):
                    inked[c][r] = True
    return inked


def above_ads(placed, grid: Grid, ads: frozenset[str]) -> int:
    """The most rows of white standing right above an ad's artwork in a column it spans:
    the blocks over a booked ad reach down to it (a hole there reads as a missing story)."""
    rows = grid.rows
    inked = inked_rows(placed.items, grid, rows)
    most = 0
    for region in (r for r in placed.regions if r.article in ads):
        top = max(0, int((region.y - grid.top) / grid.pitch))
        for c in range(grid.columns):
            left = grid.column_x(c)
            if not (region.x - 1 <= left and left + grid.column_width <= region.x + region.w + 1):
                continue
            art = next((r for r in range(top, rows) if inked[c][r]), top)
            above = next((r for r in range(art - 1, -1, -1) if inked[c][r]), -1)
            most = max(most, art - above - 1)
    return most


def inner_white(items, grid: Grid, rows: int) -> int:
    """Rows of the grid's columns (of `rows` in all) that hold nothing while copy stands
    under them in the same column: holes inside the composed part of the page, not the
    white that opens onto its foot."""
    inked = inked_rows(items, grid, rows)
    white = 0
    for column in inked:
        used = [r for r, ink in enumerate(column) if ink]
        if used:
            white += sum(1 for r in range(used[0], used[-1]) if not column[r])
    return white


def off_grid(items, grid: Grid) -> int:
    """Lines at the body's size with no other such line on their baseline in another
    column: a leg beside white or a headline, as a reader (and `layout check`'s grid
    figure) reads the page's baseline grid."""
    rows: dict[float, set[int]] = {}
    lines = []
    for item in items:
        if isinstance(item, PlacedText) and item.article and not item.free and item.xs \
                and abs(item.size - grid.body_size) < 0.05:
            column = round((item.x - grid.left) / (grid.column_width + grid.gutter))
            rows.setdefault(round(item.y * 2) / 2, set()).add(column)
            lines.append(round(item.y * 2) / 2)
    return sum(1 for y in lines if len(rows[y]) < 2)


def keep_deeper(first, deeper, grid: Grid, airier: bool = False,
                ads: frozenset[str] = frozenset()) -> bool:
    """Whether the deeper placement (placed page, fits, page fit, sent) replaces the first:
    all its copy set, the same jumps, no 主题 turned into a 竖题 the first set across
    (raising the legs' least lines may leave a short story one column wide), at most
    MORE_WHITE_ROWS rows more of white inside the composed part, across the page, no
    deeper white than HOLE_ROWS (or the first's) above an ad's artwork, no leg more
    opening with a widow, on a page less than ROOMY_SHARE empty no more than LESS_FILLED
    of the grid filled less (a page a quarter empty is short whatever its legs), and —
    `airier`, its headline groups given more air — at most MORE_OFF_GRID lines more off
    the baseline grid (air under a headline that stands its text beside white)."""
    rows = grid.rows
    return (not any(f.over for f in deeper[1]) and len(deeper[3]) == len(first[3])
            and turned(deeper[0].items) <= turned(first[0].items)
            and (not airier or off_grid(deeper[0].items, grid)
                 <= off_grid(first[0].items, grid) + MORE_OFF_GRID)
            and (1 - first[2].filled > ROOMY_SHARE
                 or deeper[2].filled >= first[2].filled - LESS_FILLED)
            and sum(f.widows for f in deeper[1]) <= sum(f.widows for f in first[1])
            and above_ads(deeper[0], grid, ads) <= max(above_ads(first[0], grid, ads), HOLE_ROWS)
            and inner_white(deeper[0].items, grid, rows)
            <= inner_white(first[0].items, grid, rows) + MORE_WHITE_ROWS * grid.columns)
