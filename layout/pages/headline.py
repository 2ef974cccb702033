"""Setting the parts of a headline group (引题 / 主题 / 副题 / byline) at a width.

Results are cached by (text, face, size, measure): the placer asks for the
same headline at the same width many times while it compares layouts.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from layout.compose import Line
from layout.fonts import FontSet


@dataclass(frozen=True, slots=True)
class SetLines:
    """Lines of one headline part and the height they take (points)."""

    lines: tuple[Line, ...]
    size: float
    leading: float  # baseline-to-baseline distance, points

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


LEADING = {"kicker": 1.45, "title": 1.2, "subtitle": 1.5, "byline": 1.6, "subhead": 1.0}


def set_part(text: str, face: str, size: float, measure: float, fonts: FontSet,
             role: str) -> SetLines:
    """`text` set centred and balanced in `measure` points."""
    lines = _set_cached(text, face, size, round(measure, 2), fonts)
    return SetLines(lines, size, LEADING[role] * size)


@lru_cache(maxsize=4096)
def _set_cached(text: str, face: str, size: float, measure: float, fonts: FontSet):
    from layout.compose import compose_headline
    from layout.compose.remember import remembered_lines

    return remembered_lines(("headline", text, face, size, measure), fonts,
                            lambda: compose_headline(text, face, size, measure, fonts))
