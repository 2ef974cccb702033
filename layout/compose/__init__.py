"""The composer: paragraphs of styled spans → typeset lines, Chinese rules applied.

`compose_paragraph` is the one entry point the pages stage uses; the line
breaker behind it is chosen by name (see `breakers`).
"""
from layout.compose.types import ComposedParagraph, Glyph, Line, ParagraphSpec, Span
from layout.compose.paragraph import compose_paragraph

__all__ = ["ComposedParagraph", "Glyph", "Line", "ParagraphSpec", "Span", "compose_paragraph"]
