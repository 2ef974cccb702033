"""Turning composed lines into placed text runs (one face and size per run)."""
from __future__ import annotations

from layout.compose import Glyph, Line
from layout.fonts import FontSet
from layout.model.placed import PlacedText


def placed_runs(line: Line, x: float, baseline: float, role: str,
                article: str = "") -> list[PlacedText]:
    """The line's glyphs as runs of one face and size, at absolute positions."""
    runs: list[PlacedText] = []
    start = 0
    glyphs = line.glyphs
    for i in range(1, len(glyphs) + 1):
        if i == len(glyphs) or (glyphs[i].face, glyphs[i].size) != (glyphs[start].face, glyphs[start].size):
            chunk = glyphs[start:i]
            if any(not g.char.isspace() for g in chunk):
                runs.append(PlacedText(x, baseline, chunk[0].face, chunk[0].size,
                                       "".join(g.char for g in chunk),
                                       tuple(g.x for g in chunk), role, article=article))
            start = i
    return runs


def natural_line(text: str, face: str, size: float, fonts: FontSet) -> Line:
    """`text` at its natural advances (furniture, short labels), with per-character fallback."""
    glyphs, x = [], 0.0
    for char in text:
        actual = fonts.face_for(face, char)
        advance = fonts.metrics(actual).advance(char) * size
        glyphs.append(Glyph(char, actual, size, x, advance))
        x += advance
    return Line(tuple(glyphs), x)
