"""Per-character measurements, cached per font set: the face that draws a
character (fallback checked before drawing) and its advance in em.

The composer looks every character up here once per font set and process;
later paragraphs only hit a dictionary.
"""
from __future__ import annotations

import struct
from functools import cache

from layout.fonts import FontSet

# font-set key → {(role face, char): (drawing face, advance em, has halt)}
_CACHE: dict[tuple, dict[tuple[str, str], tuple[str, float, bool]]] = {}


def font_key(fonts: FontSet) -> tuple:
    """A hashable key for a FontSet (FontSet itself holds a dict)."""
    return (tuple(sorted((k, str(p)) for k, p in fonts.paths.items())), fonts.fallback)


def measurer(fonts: FontSet, vertical: bool = False):
    """A function (face, char) → (drawing face, advance in em, halt has it); in a
    vertical column, the advance and half width of the glyph the character stands as
    (`compose.vertical`)."""
    if vertical:
        from layout.compose.vertical import vertical_measurer

        return vertical_measurer(fonts, measurer(fonts))
    table = _CACHE.setdefault(font_key(fonts), {})

    def measure(face: str, char: str) -> tuple[str, float, bool]:
        found = table.get((face, char))
        if found is None:
            used = fonts.face_for(face, char)
            metrics = fonts.metrics(used)
            found = (used, metrics.advance(char), ord(char) in metrics.half_width)
            table[(face, char)] = found
        return found

    return measure


_INK: dict[tuple[str, str], tuple[float, float]] = {}


@cache
def _font(path: str):
    from fontTools.ttLib import TTFont

    return TTFont(path, lazy=True)


def ink_extent(fonts: FontSet, face: str, char: str) -> tuple[float, float]:
    """Left and right edge of the glyph's ink in em (read once per face and char).

    Only the dash needs it: the two halves of —— are placed so their ink meets.
    """
    path = str(fonts.paths[face])
    found = _INK.get((path, char))
    if found is None:
        from layout.cache import cached

        # reading outlines costs ~40 ms a face (fontTools); the disk cache makes it once
        found = _INK[(path, char)] = cached("ink", (fonts.paths[face], char),
                                            lambda: struct.pack("<2d", *_read_ink(path, char)),
                                            lambda raw: struct.unpack("<2d", raw))
    return found


def _read_ink(path: str, char: str) -> tuple[float, float]:
    from fontTools.pens.boundsPen import BoundsPen

    font = _font(path)
    name = font.getBestCmap().get(ord(char))
    glyphs = font.getGlyphSet()
    pen = BoundsPen(glyphs)
    if name is not None:
        glyphs[name].draw(pen)
    upm = font["head"].unitsPerEm
    return (pen.bounds[0] / upm, pen.bounds[2] / upm) if pen.bounds else (0.0, 0.0)
