"""Setting the parts of a headline group (引题 / 主题 / 副题 / byline) at a width.

Results are cached by (text, face, size, measure) in the process and on disk
(`compose.remember`), with the break decisions: the placer asks for the same
headline at the same width many times while it compares layouts, and a
rebuild asks again.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from layout.compose import HeadlineSet, Line
from layout.fonts import FontSet


@dataclass(frozen=True, slots=True)
class SetLines:
    """Lines of one headline part, the height they take (points) and their defects."""

    lines: tuple[Line, ...]
    size: float
    leading: float  # baseline-to-baseline distance, points
    face: str = ""
    inside_words: int = 0   # line breaks inside a word
    stubs: int = 0          # lines of one or two characters
    gaps_ignored: int = 0   # phrase gaps inside a line of a headline on several lines

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


LEADING = {"kicker": 1.45, "title": 1.2, "subtitle": 1.5, "byline": 1.6, "subhead": 1.0}


def set_part(text: str, face: str, size: float, measure: float, fonts: FontSet,
             role: str, vertical: bool = False) -> SetLines:
    """`text` set centred and balanced in `measure` points; `vertical`: in columns
    `measure` points long, flush with their tops (a 竖题, a vertical byline)."""
    found = _set_cached(text, face, size, round(measure, 2), fonts, vertical)
    return SetLines(found.lines, size, LEADING[role] * size, face, found.inside_words, found.stubs,
                    found.gaps_ignored)


@lru_cache(maxsize=4096)
def _set_cached(text: str, face: str, size: float, measure: float, fonts: FontSet,
                vertical: bool = False) -> HeadlineSet:
    from layout.compose import headline_set
    from layout.compose.remember import remembered_headline

    key = ("headline", text, face, size, measure) + (("vertical",) if vertical else ())
    align = "left" if vertical else "center"
    return remembered_headline(key, fonts, lambda: headline_set(
        text, face, size, measure, fonts, align=align, vertical=vertical))
