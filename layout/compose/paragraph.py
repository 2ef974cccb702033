"""Set a paragraph: measure characters, break lines, justify.

This first version breaks first-fit with the basic line-start and line-end
prohibitions; the total-fit breaker and the full rule tables replace it.
"""
from __future__ import annotations

from layout.compose.types import ComposedParagraph, Glyph, Line, ParagraphSpec, Span
from layout.fonts import FontSet

NO_START = set("，。、：；？！）》」』】〕〗〉”’%‰℃·．～…—")
NO_END = set("（《「『【〔〖〈“‘￥$")


def _items(spans: tuple[Span, ...], fonts: FontSet) -> list[tuple[str, str, float, float]]:
    out = []
    for span in spans:
        for ch in span.text:
            face = fonts.face_for(span.face, ch)
            out.append((ch, face, span.size, fonts.metrics(face).advance(ch) * span.size))
    return out


def _break_first_fit(items, measure: float, indent: float) -> list[tuple[int, int]]:
    lines, start, width, avail = [], 0, 0.0, measure - indent
    i = 0
    while i < len(items):
        w = items[i][3]
        if width + w > avail + 1e-6 and i > start:
            end = i
            while end - 1 > start and (items[end][0] in NO_START or items[end - 1][0] in NO_END):
                end -= 1
            lines.append((start, end))
            start, width, avail, i = end, 0.0, measure, end
            continue
        width += w
        i += 1
    lines.append((start, len(items)))
    return lines


def _set_line(items, measure: float, offset: float, justify: bool) -> Line:
    natural = sum(it[3] for it in items)
    gaps = len(items) - 1
    extra = (measure - offset - natural) / gaps if justify and gaps > 0 else 0.0
    extra = max(extra, 0.0) if justify else 0.0
    x, glyphs = offset, []
    for ch, face, size, adv in items:
        glyphs.append(Glyph(ch, face, size, x, adv))
        x += adv + extra
    return Line(tuple(glyphs), x - extra)


def compose_paragraph(spans: tuple[Span, ...], spec: ParagraphSpec,
                      fonts: FontSet) -> ComposedParagraph:
    """Typeset `spans` into lines of `spec.measure` points."""
    items = _items(spans, fonts)
    if not items:
        return ComposedParagraph(())
    indent = spec.indent_em * spans[0].size
    ranges = _break_first_fit(items, spec.measure, indent)
    lines = []
    for n, (a, b) in enumerate(ranges):
        last = n == len(ranges) - 1
        offset = indent if n == 0 else 0.0
        justify = spec.align == "justify" and not last
        line = _set_line(items[a:b], spec.measure, offset, justify)
        if spec.align == "center":
            shift = (spec.measure - line.width) / 2
            line = Line(tuple(Glyph(g.char, g.face, g.size, g.x + shift, g.advance)
                              for g in line.glyphs), line.width + shift)
        lines.append(line)
    return ComposedParagraph(tuple(lines))
