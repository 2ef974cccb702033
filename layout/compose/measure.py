"""Per-character measurements, cached per font set: the face that draws a
character (fallback checked before drawing) and its advance in em.

The composer looks every character up here once per font set and process;
later paragraphs only hit a dictionary.
"""
from __future__ import annotations

from layout.fonts import FontSet

# font-set key → {(role face, char): (drawing face, advance em, has halt)}
_CACHE: dict[tuple, dict[tuple[str, str], tuple[str, float, bool]]] = {}


def font_key(fonts: FontSet) -> tuple:
    """A hashable key for a FontSet (FontSet itself holds a dict)."""
    return (tuple(sorted((k, str(p)) for k, p in fonts.paths.items())), fonts.fallback)


def measurer(fonts: FontSet):
    """A function (face, char) → (drawing face, advance in em, halt has it)."""
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
