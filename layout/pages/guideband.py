"""The 导读 as a band across page 1 under the masthead, where the 报眼 has no room.

On a narrow page (a tabloid of five columns, say) the paper's name and the
masthead's information lines leave no room between them for the 报眼's box;
the 导读 then runs across the type area under the masthead's rules in a framed
band: 今日导读 at its left, then the entries (chosen and fitted by guide.py:
every inside page's lead first, then second stories while cells remain) in
cells of equal width, as many to a line as hold `CELL_CHARS` characters, on as
many lines as the leads need (at most `MAX_LINES`). Its rows are taken from
the top of page 1's type area.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from layout.fonts import FontSet
from layout.model import Issue
from layout.model.placed import PlacedBox, PlacedItem
from layout.pages.grid import Grid
from layout.pages.guide import ELLIPSIS, MARK, guide_entries, guide_leading, page_reference, ranked
from layout.pages.runs import natural_line, placed_runs

CELL_CHARS = 14     # characters an entry's cell holds at least
AVOID_EM = 0.5      # a page reference starts at least this far from a body leg's x
MAX_LINES = 3
HEADING = "今日导读"


@dataclass(frozen=True, slots=True)
class Band:
    """The band's shape: entries to a line, lines, type size and leading, rows taken."""

    cells: int
    lines: int
    size: float
    leading: float
    rows: int


def band_shape(issue: Issue, grid: Grid, fonts: FontSet) -> Band | None:
    """How the band is laid out across the type area (None: nothing to list): of the
    cell counts that list every inside page's lead on at most MAX_LINES lines, the one
    that cuts the fewest headlines with …, then shortens the fewest, then takes the
    fewest lines."""
    leads = {page for _a, page, rank in ranked(issue) if rank == 1}
    if not leads:
        return None
    size = issue.style.body_size
    leading = guide_leading(grid, size)
    inner = grid.width - 3 * size - _heading_width(issue, fonts, size)
    best = None
    for cells in range(max(1, int(inner // (CELL_CHARS * size))), 0, -1):
        lines = math.ceil(len(leads) / cells)
        if lines > MAX_LINES and best is not None:
            break
        lines = min(lines, MAX_LINES)
        rows = round(lines * leading / grid.pitch) + 2    # a row over the entries, one under
        band = Band(cells, lines, size, leading, rows)
        entries = guide_entries(issue, cells * lines, _fits(issue, grid, fonts, band))
        score = (sum(e.text.endswith(ELLIPSIS) for e in entries),
                 sum(not e.whole for e in entries), lines)
        if best is None or score < best[0]:
            best = (score, band)
    return best[1]


def _fits(issue: Issue, grid: Grid, fonts: FontSet, band: Band):
    """Whether an entry's text and page reference fit a cell of the band."""
    size, face = band.size, issue.style.role("body").face
    cell = _cell(issue, grid, fonts, band)[1]

    def fits(text: str, number: int) -> bool:
        ref = natural_line(page_reference(number), "sans_bold", size, fonts).width + size \
            if number else 0.0
        return natural_line(f"{MARK} {text}", face, size, fonts).width + ref <= cell - size
    return fits


def _cell(issue: Issue, grid: Grid, fonts: FontSet, band: Band) -> tuple[float, float]:
    """Left of the first cell and the width of each."""
    x0 = grid.left + 2 * band.size + _heading_width(issue, fonts, band.size)
    return x0, (grid.left + grid.width - band.size - x0) / band.cells


def _heading_width(issue: Issue, fonts: FontSet, size: float) -> float:
    return natural_line(HEADING, "sans_bold", size, fonts).width


def band_items(issue: Issue, grid: Grid, fonts: FontSet, top_row: int, band: Band,
               warn, legs: tuple[float, ...] = ()) -> list[PlacedItem]:
    """The framed band with its heading and entries, its top at `top_row`; a cell's page
    references flush right, but where one would start within AVOID_EM of the x a leg of
    the page's body starts at (`legs`), that cell's references follow their entries (a
    reader takes ▶2版 over ▶5版 at a leg's x for lines of that leg stopping short)."""
    size, face = band.size, issue.style.role("body").face
    x0, cell = _cell(issue, grid, fonts, band)
    entries = guide_entries(issue, band.cells * band.lines, _fits(issue, grid, fonts, band), warn)
    y = grid.row_y(top_row) + 0.45 * grid.pitch
    height = grid.row_y(top_row + band.rows - 1) + 0.55 * grid.pitch - y
    first = grid.baseline(top_row + 1, size)      # the entries on the body lines' rows
    items: list[PlacedItem] = [PlacedBox(grid.left, y, grid.width, height, tint=0.0, stroke=True)]
    items += placed_runs(natural_line(HEADING, "sans_bold", size, fonts), grid.left + size,
                         first, "furniture")
    refs = {n: natural_line(page_reference(e.page), "sans_bold", size, fonts)
            for n, e in enumerate(entries) if e.page}
    inline = {n % band.cells for n, ref in refs.items()
              if any(abs(x0 + (n % band.cells + 1) * cell - size - ref.width - leg)
                     < AVOID_EM * size for leg in legs)}
    for n, entry in enumerate(entries):
        x = x0 + (n % band.cells) * cell
        baseline = first + (n // band.cells) * band.leading
        text = natural_line(f"{MARK} {entry.text}", face, size, fonts)
        items += placed_runs(text, x, baseline, "furniture")
        if n in refs:
            at = x + text.width + size / 2 if n % band.cells in inline else \
                x + cell - size - refs[n].width
            items += placed_runs(refs[n], at, baseline, "furniture")
    return items
