"""Input and output types of the composer."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SOFT_HYPHEN = "\u00ad"   # drawn at the end of a line that breaks a word (compose.hyphens)

Align = Literal["justify", "left", "center"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text in one face and size (e.g. the bold 电头, then the body)."""

    text: str
    face: str
    size: float


@dataclass(frozen=True, slots=True)
class ParagraphSpec:
    """How to set a paragraph: measure in points, first-line indent in ems of the first span."""

    measure: float
    indent_em: float = 2.0
    align: Align = "justify"
    breaker: Literal["total-fit", "first-fit"] = "total-fit"
    punctuation: Literal["quanjiao", "kaiming"] = "quanjiao"
    last_align: Align = "left"  # alignment of the last line of a justified paragraph
    hanging: bool = False  # house option: ，。、；：？！ at a line end hang past the measure
    vertical: bool = False  # a vertical column: vertical advances, 纵中横 (compose/vertical.py)
    looseness: int = 0  # lines more (or fewer) than the best setting, as TeX's \looseness:
    #                     kept only when every line stays within LOOSENESS_CAP (else the best)


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character placed on a line: x from the line's start, in points."""

    char: str
    face: str      # the face that has the character (after fallback)
    size: float
    x: float
    advance: float  # width the character occupies after squeeze and spacing
    pen_offset: float = 0.0  # x minus the left edge of the character's slot (≠ 0 for
    #                          opening marks and middle dots; see compose/justify.py)

    @property
    def slot_x(self) -> float:
        """Left edge of the character's slot; slots tile the line: slot_x + advance = next slot_x."""
        return self.x - self.pen_offset


@dataclass(frozen=True, slots=True)
class Line:
    glyphs: tuple[Glyph, ...]
    width: float  # extent of the set line in points (≤ measure)
    spacing: float = 0.0  # extra space justification put between characters, points

    @property
    def text(self) -> str:
        """The characters of the line, without the hyphen a hyphenated word ends it with."""
        return "".join(g.char for g in self.glyphs if g.char != SOFT_HYPHEN)

    @property
    def hyphenated(self) -> bool:
        """The line ends inside a word, with its hyphen (`compose.hyphens`)."""
        return bool(self.glyphs) and self.glyphs[-1].char == SOFT_HYPHEN


@dataclass(frozen=True, slots=True)
class ComposedParagraph:
    lines: tuple[Line, ...]
    lone_last_line: bool = False  # a 孤字 the composer could not avoid (reported)

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class HeadlineSet:
    """A headline's lines and what is wrong with them (0 and 0 when nothing is)."""

    lines: tuple[Line, ...]
    inside_words: int = 0   # line breaks inside a word
    stubs: int = 0          # lines of one or two characters (a headline of more)
    gaps_ignored: int = 0   # phrase gaps inside a line of a headline set on several
