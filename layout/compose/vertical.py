"""Composing vertical columns (竖排): what differs from a horizontal line.

A vertical column is composed by the same breakers as a horizontal line —
its length is the measure, the prohibitions are the same (clreq) — with
three differences, all read from `layout/cjk/vertical.yaml` and the fonts:

- a character that stands upright (Han, and punctuation in its vertical
  form from the font's `vert` feature) advances by its vertical advance, and
  is squeezed to half an em only where the font's `vhal` says so;
- a rotated run (a Latin word, a number of three or more digits, a mark the
  font has no vertical form for) advances by its horizontal widths;
- a 纵中横 run (12月, 9月24日) is one em: its characters stand side by side.

`pieces` splits a composed column into runs of one orientation, so that the
pages stage can draw each: upright glyphs one under another, a rotated run
turned 90° clockwise, a 纵中横 run across the column.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.cjk.vertical import vertical_rules
from layout.compose.types import Line
from layout.fonts import FontSet

UPRIGHT, ROTATED, TCY = "upright", "rotated", "tcy"


def stands(char: str, has_form: bool) -> str:
    """How `char` stands in a vertical column: upright (itself or its vertical form)
    or rotated with its run."""
    orientation = vertical_rules().orientation_of(char)
    if orientation == "form":
        return UPRIGHT if has_form else ROTATED
    return orientation


def vertical_measurer(fonts: FontSet, horizontal):
    """(face, char) → (drawing face, advance em, half-width squeezable) in a column."""
    from layout.fonts.vertical import vertical_metrics

    table: dict[tuple[str, str], tuple[str, float, bool]] = {}

    def measure(face: str, char: str) -> tuple[str, float, bool]:
        found = table.get((face, char))
        if found is None:
            used, advance, half = horizontal(face, char)
            vm = vertical_metrics(fonts.paths[used])
            if stands(char, vm.has_form(char)) == UPRIGHT:
                advance, half = vm.advance(char), ord(char) in vm.half
            found = table[(face, char)] = (used, advance, half)
        return found

    return measure


def tate_chu_yoko(items) -> None:
    """Each 纵中横 run of the item list takes one em, set like a Han character: no
    Han–Latin glue around it, no breaks or spacing inside it."""
    for start, end in vertical_rules().tcy_runs(items.chars):
        em = items.sizes[start]
        for i in range(start, end):     # the em is the last one's: every glyph of the run
            items.box[i] = items.glyph[i] = em if i == end - 1 else 0.0   # starts at its top
            if i > start:
                items.gap[i] = items.gap_shrink[i] = items.gap_stretch[i] = 0.0
                items.just[i] = 0
        for i in (start, end):
            if 0 < i < len(items.chars):
                items.gap[i] = items.gap_shrink[i] = items.gap_stretch[i] = 0.0
                items.just[i] = 1
        for i in range(start, end):
            items.blank[i], items.level[i] = 0.0, 0


@dataclass(frozen=True, slots=True)
class Piece:
    """Glyphs start..end of a column that stand one way."""

    kind: str        # upright, rotated or tcy
    start: int
    end: int


def pieces(line: Line, fonts: FontSet) -> tuple[Piece, ...]:
    """The column's glyphs as runs of one orientation, in reading order."""
    from layout.fonts.vertical import vertical_metrics

    text = line.text
    kinds = []
    for g in line.glyphs:
        has_form = vertical_metrics(fonts.paths[g.face]).has_form(g.char)
        kinds.append(stands(g.char, has_form))
    for start, end in vertical_rules().tcy_runs(text):
        for i in range(start, end):
            kinds[i] = TCY
    out: list[Piece] = []
    start = 0
    for i in range(1, len(kinds) + 1):
        if i == len(kinds) or kinds[i] != kinds[start]:   # 纵中横 runs never touch
            out.append(Piece(kinds[start], start, i))
            start = i
    return tuple(out)
