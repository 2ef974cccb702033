"""Verse: each line of a poem set as it was written, flush left, never justified.

A stanza is a paragraph of kind VERSE whose text holds its lines separated
by "\\n". Each line is set on its own at the measure, without a first-line
indent; a line too long for the measure wraps, its continuation lines
indented by the hanging indent (the house style's `verse.hanging_indent`, in
em), breaking where the Chinese rules allow, like any paragraph. The wrap is
done by the ordinary composer with a negative first-line indent over the
narrower measure, then every line moved right by the indent.
"""
from __future__ import annotations

from dataclasses import replace

from layout.compose.paragraph import compose_paragraph
from layout.compose.types import Line, ParagraphSpec, Span
from layout.fonts import FontSet


def verse_lines(text: str) -> tuple[str, ...]:
    """The lines of a stanza as written (blank ones left out, ends stripped)."""
    return tuple(line.strip() for line in text.split("\n") if line.strip())


def _shifted(line: Line, dx: float) -> Line:
    return replace(line, glyphs=tuple(replace(g, x=g.x + dx) for g in line.glyphs),
                   width=line.width + dx)


def set_verse_line(text: str, face: str, size: float, measure: float, hang_em: float,
                   fonts: FontSet, punctuation: str = "quanjiao",
                   vertical: bool = False) -> tuple[Line, ...]:
    """One line of verse: a single flush-left line, or wrapped lines with a hanging indent
    (`vertical`: columns, flush top)."""
    hang = min(hang_em * size, measure / 2)
    spec = ParagraphSpec(measure - hang, indent_em=-hang / size, align="left",
                         punctuation=punctuation, vertical=vertical)
    composed = compose_paragraph((Span(text, face, size),), spec, fonts)
    return tuple(_shifted(line, hang) for line in composed.lines)


def set_stanza(text: str, face: str, size: float, measure: float, hang_em: float,
               fonts: FontSet, punctuation: str = "quanjiao",
               vertical: bool = False) -> tuple[tuple[Line, ...], ...]:
    """Every line of a stanza, each as the one or more set lines it takes."""
    return tuple(set_verse_line(line, face, size, measure, hang_em, fonts, punctuation, vertical)
                 for line in verse_lines(text))
