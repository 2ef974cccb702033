"""Vertical columns (竖排) read back from a PDF, for the typography report.

A vertical column is found from the glyphs alone, in drawing order: each
next glyph's box is centred on the column's centre line (within 0.4 em) and
starts lower than the one before, less than 0.55 em below its foot (a
rotated Latin run's letters do too; the next line of horizontal text is
further down, by its leading); a 纵中横 pair (12 in 12月) stands side by
side on one baseline across the column. Runs of two or more glyphs with at
least one step down are columns; their glyphs are
left out of the horizontal lines and measured as vertical lines: the same
prohibitions at a column's top and foot (clreq), and runs never broken
going on at the top of the next column to the left.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.cjk import NEVER, rules

CENTRE_EM = 0.4       # a glyph's centre this close to the column's centre line belongs to it
MAX_GAP_EM = 0.55     # a larger gap down the column ends it (¼–½ em of Han–Latin glue fits;
                      # the next line of horizontal body text is further down)


@dataclass(frozen=True, slots=True)
class Cell:
    char: str
    cx: float       # centre of its box, across the column
    top: float
    bottom: float
    size: float
    index: int      # its place among the page's glyphs (typography.page_glyphs)


def cells_of(glyphs) -> list[Cell]:
    """The page's glyphs (typography.Glyph: char, x, x1, top, bottom, size, in drawing
    order) as boxes; a turned glyph's origin is within a tenth of an em of its box's edge."""
    return [Cell(g.char, (g.x + g.x1) / 2, min(g.top, g.bottom), max(g.top, g.bottom), g.size, i)
            for i, g in enumerate(glyphs)]


def _side_by_side(a: Cell, b: Cell) -> bool:
    latinish = rules().latinish
    r = rules()
    return (abs(a.top - b.top) < 0.1 * a.size and 0 < b.cx - a.cx < 0.8 * a.size
            and latinish[r.class_of(a.char)] and latinish[r.class_of(b.char)])


def _continues(column: list[Cell], centre: float, cell: Cell) -> bool:
    last = column[-1]
    if _side_by_side(last, cell):
        return True
    return _steps_down(last, cell, centre)


def _steps_down(last: Cell, cell: Cell, centre: float) -> bool:
    return (abs(cell.cx - centre) < CENTRE_EM * cell.size and cell.top > last.top + 0.05 * cell.size
            and cell.top - last.bottom < MAX_GAP_EM * cell.size)


def _is_column(cells: list[Cell]) -> bool:
    return len(cells) >= 2 and any(not _side_by_side(a, b) for a, b in zip(cells, cells[1:]))


def vertical_columns(cells: list[Cell]) -> list[list[Cell]]:
    """The page's vertical columns, each in reading order (blanks left out)."""
    columns, current, centre = [], [], 0.0
    for cell in cells:
        if not cell.char.strip():
            continue
        if current and _continues(current, centre, cell):
            current.append(cell)
            if len(current) == 2 and not _side_by_side(current[0], cell):
                centre = (current[0].cx + cell.cx) / 2
            continue
        if _is_column(current):
            columns.append(current)
        current, centre = [cell], cell.cx
    if _is_column(current):
        columns.append(current)
    return columns


def following(columns: list[list[Cell]]) -> list[int | None]:
    """For each column, the next one to its left in the same tier (None: the last)."""
    out: list[int | None] = []
    for i, column in enumerate(columns):
        found = None
        if i + 1 < len(columns):
            nxt = columns[i + 1]
            size = column[0].size
            step = column[0].cx - nxt[0].cx
            if 0.5 * size < step < 2.6 * size and abs(nxt[0].top - column[0].top) < 3 * size:
                found = i + 1
        out.append(found)
    return out


def column_faults(columns: list[list[Cell]]) -> dict[str, list[str]]:
    """Texts of columns breaking a rule: kinsoku_start, kinsoku_end, splits."""
    r = rules()
    faults: dict[str, list[str]] = {"kinsoku_start": [], "kinsoku_end": [], "splits": []}
    after = following(columns)
    for i, column in enumerate(columns):
        text = "".join(c.char for c in column)
        if r.no_start[r.class_of(text[0])]:
            faults["kinsoku_start"].append(text[:12])
        if r.no_end[r.class_of(text[-1])]:
            faults["kinsoku_end"].append(text[-12:])
        j = after[i]
        if j is not None:
            nxt = "".join(c.char for c in columns[j])
            a, b = r.class_of(text[-1]), r.class_of(nxt[0])
            if a == b and r.pairs[a][b] == NEVER:
                faults["splits"].append(f"{text[-6:]}|{nxt[:6]}")
    return faults
