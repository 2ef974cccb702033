"""Setting one line: edge rules, squeeze in clreq order, even spacing, glyph placement.

A line a..b of the item list becomes `Glyph`s. Each character owns a slot;
the slots tile the line (slot start + advance = next slot start), the
advance including the glue and justification space after the character.
`Glyph.x` is the pen position the exporter draws at: the slot start, except
for an opening mark (its ink sits right, so a squeezed one is drawn half an
em to the left of its slot, exactly what the font's `halt` positioning does)
and a middle dot (centred in its slot).

With the house option `ParagraphSpec.hanging`, a ，。、；：？！ ending a line
hangs: the line is justified to the measure without it and the mark's slot
starts at the measure, so `Line.width` exceeds the measure by at most ½ em.
"""
from __future__ import annotations

from layout.compose.hyphens import SOFT_HYPHEN
from layout.compose.items import LATIN_TRACK, Items
from layout.compose.types import Glyph, Line

EPS = 1e-6


def set_line(it: Items, a: int, b: int, avail: float, offset: float,
             mode: str, ink: tuple[str, ...]) -> Line:
    """Set characters a..b in `avail` points starting at `offset`; mode justify|left|center;
    a line ending inside a hyphenated word ends with its hyphen (`compose.hyphens`)."""
    hyphen = it.hyphen.get(b) if it.hyphen else None
    if hyphen is not None:
        line = set_line(_Unhyphenated(it), a, b, avail - hyphen[1], offset, mode, ink)
        return _with_hyphen(line, hyphen, it.sizes[b - 1])
    widths = it.box[a:b]
    blanks = it.blank[a:b]
    gaps = [it.gap[j] for j in range(a + 1, b)] + [0.0]
    e = b - a - 1
    if blanks[0] and it.lead[a]:
        widths[0] -= blanks[0]
        blanks[0] = 0.0
    if blanks[e] and not it.lead[b - 1]:
        widths[e] -= blanks[e]
        blanks[e] = 0.0
    if it.edge_space[b - 1]:
        widths[e] = 0.0
    hung = widths[e] if it.hang and it.hang[b - 1] and e > 0 else 0.0
    diff = avail + hung - sum(widths) - sum(gaps)
    spacing = 0.0
    if diff < -EPS:
        _squeeze(it, a, widths, blanks, gaps, -diff)
    elif diff > EPS and mode == "justify":
        spacing = _spread(it, a, b, gaps, diff)
    width = sum(widths) + sum(gaps) - hung
    if mode == "center":
        offset += max(0.0, (avail - width) / 2)
    return _place(it, a, widths, gaps, offset, spacing, ink)


def _squeeze(it: Items, a: int, widths, blanks, gaps, need: float) -> None:
    """Take `need` points from blanks and glue, level by level (brackets, ，、；：, glue, 。？！)."""
    n = len(widths)
    for level in (1, 2, 3, 4):
        if need <= EPS:
            return
        if level == 3:
            pool = [it.gap_shrink[a + 1 + k] for k in range(n - 1)] + [0.0]
        else:
            pool = [blanks[k] if it.level[a + k] == level else 0.0 for k in range(n)]
        total = sum(pool)
        if total <= EPS:
            continue
        share = min(1.0, need / total)
        for k, amount in enumerate(pool):
            if amount:
                if level == 3:
                    gaps[k] -= amount * share
                else:
                    widths[k] -= amount * share
                    blanks[k] -= amount * share
        need -= total * share


def _spread(it: Items, a: int, b: int, gaps, diff: float) -> float:
    """Widen the glue, then spread the rest evenly over the gaps between characters."""
    stretch = [it.gap_stretch[j] for j in range(a + 1, b)]
    total = sum(stretch)
    if total > EPS:
        share = min(1.0, diff / total)
        for k, amount in enumerate(stretch):
            gaps[k] += amount * share
        diff -= total * share
    if diff <= EPS:
        return 0.0
    slots = [k for k, j in enumerate(range(a + 1, b)) if it.just[j]]
    if not slots:
        slots = list(range(b - a - 1))   # a line of one run: letter-space it
    if not slots:
        return 0.0                       # a single glyph cannot be justified
    track = it.track or ()
    letters = [k for k, j in enumerate(range(a + 1, b)) if track and track[j] and not it.just[j]]
    cap = LATIN_TRACK * it.em
    if letters and len(slots) < b - a - 1:   # letters take an even share, up to the cap
        share = min(cap, diff / (len(slots) + len(letters)))
        for k in letters:
            gaps[k] += share
        diff -= share * len(letters)
    extra = diff / len(slots)
    for k in slots:
        gaps[k] += extra
    return extra


def _place(it: Items, a: int, widths, gaps, offset: float, spacing: float,
           ink: tuple[str, ...]) -> Line:
    glyphs = []
    x = offset
    chars, faces, sizes, glyph_w, cls = it.chars, it.faces, it.sizes, it.glyph, it.cls
    for k, w in enumerate(widths):
        i = a + k
        side = ink[cls[i]]
        if side == "pair":
            pen = it.pen.get(i, 0.0) if it.pen else 0.0
        elif side == "right":
            pen = w - glyph_w[i]
        elif side == "centre":
            pen = (w - glyph_w[i]) / 2
        else:
            pen = 0.0
        advance = w + gaps[k]
        glyphs.append(Glyph(chars[i], faces[i], sizes[i], x + pen, advance, pen))
        x += advance
    return Line(tuple(glyphs), x, spacing)


class _Unhyphenated:
    """`Items` read as if no break hyphenated (the line before its hyphen is set as any)."""

    def __init__(self, it: Items) -> None:
        self._it = it

    hyphen = None

    def __getattr__(self, name: str):
        return getattr(self._it, name)


def _with_hyphen(line: Line, hyphen: tuple[str, float], size: float) -> Line:
    """`line` with the soft hyphen drawn after its last glyph."""
    face, width = hyphen
    x = line.glyphs[-1].slot_x + line.glyphs[-1].advance if line.glyphs else 0.0
    return Line(line.glyphs + (Glyph(SOFT_HYPHEN, face, size, x, width),), x + width, line.spacing)
