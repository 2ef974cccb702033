"""Set a paragraph: items → breaks (total fit or first fit) → justified lines.

Conventions the pages stage can rely on:

- every input character is in exactly one glyph, in order; a space that ends
  a line stays in it with zero advance (nothing is dropped); the Han–Latin
  glue is space between slots, never a glyph;
- the first line starts at `indent_em` × the first span's size; every line
  but the last ends exactly at the measure (justified), the last follows
  `last_align`;
- `lone_last_line` is True when the last of two or more lines holds one
  character (Han, digit or letter) with or without marks — a 孤字 the cost
  function and the squeeze could not avoid; report it, never edit the text.

Results are memoised (the last `MEMO_SIZE` paragraphs, keyed by spans, spec
and font files) and kept on disk between builds (`remember`), so the pages
stage may re-ask freely while fitting copy;
`set_paragraph` is the uncached worker (the bench times it).
"""
from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache

from layout.cjk import rules
from layout.compose.items import Items, build_items, widest_run
from layout.compose.justify import set_line
from layout.compose.linebreak import Pricer, first_fit, total_fit, total_fit_lines
from layout.compose.measure import font_key, ink_extent, measurer
from layout.compose.types import ComposedParagraph, Line, ParagraphSpec, Span
from layout.fonts import FontSet


def prepare(spans: tuple[Span, ...], spec: ParagraphSpec, fonts: FontSet) -> tuple[Items, Pricer]:
    """The item list of `spans` and its line pricer (shared by the breakers and headlines)."""
    table = rules()
    indent = spec.indent_em * spans[0].size if spans else 0.0
    items = build_items(spans, measurer(fonts, spec.vertical), table, spec.punctuation == "kaiming",
                        spec.measure, indent, lambda face, ch: ink_extent(fonts, face, ch),
                        spec.hanging, spec.vertical)
    return items, Pricer(items, table.level_weights, table.loose_em)


def _prepare_shared(spans: tuple[Span, ...], spec: ParagraphSpec,
                    fonts: FontSet) -> tuple[Items, Pricer]:
    """`prepare`, the items made once for every measure that opens no emergency break (a
    paragraph is set at each leg width the pages stage tries): items built for an unbounded
    measure open none, and a measure at least twice the widest run no break may fall
    inside (and that run no wider than the first line) opens none either
    (`items._emergency_breaks`), so they are exactly the items made for it. Neither the
    breakers nor `set_line` change items."""
    indent = spec.indent_em * spans[0].size
    items, widest = _unbroken(spans, spec.punctuation == "kaiming", spec.hanging, spec.vertical,
                              fonts)
    if widest > spec.measure / 2 or widest > spec.measure - indent:
        return prepare(spans, spec, fonts)
    table = rules()
    return items, Pricer(items, table.level_weights, table.loose_em)


@lru_cache(maxsize=256)
def _unbroken(spans: tuple[Span, ...], kaiming: bool, hanging: bool, vertical: bool,
              fonts: FontSet) -> tuple[Items, float]:
    items, _pricer = prepare(spans, ParagraphSpec(float("inf"), indent_em=0.0,
                                                  punctuation="kaiming" if kaiming else "quanjiao",
                                                  hanging=hanging, vertical=vertical), fonts)
    return items, widest_run(items)


def break_lines(pricer: Pricer, spec: ParagraphSpec, indent: float) -> list[int]:
    """Break positions by the breaker `spec.breaker` names; with a looseness, the setting
    of that many lines more (or fewer) where one stays within its limits, else the best."""
    if spec.breaker == "first-fit":
        return first_fit(pricer, spec.measure, indent)
    best = total_fit(pricer, spec.measure, indent) or first_fit(pricer, spec.measure, indent)
    if spec.looseness and len(best) + spec.looseness > 0:
        return total_fit_lines(pricer, spec.measure, indent, len(best) + spec.looseness) or best
    return best


MEMO_SIZE = 4096
_MEMO: OrderedDict[tuple, ComposedParagraph] = OrderedDict()


def compose_paragraph(spans: tuple[Span, ...], spec: ParagraphSpec,
                      fonts: FontSet) -> ComposedParagraph:
    """Typeset `spans` into lines of `spec.measure` points (see the module doc)."""
    key = (tuple(spans), spec, font_key(fonts))
    found = _MEMO.get(key)
    if found is None:
        from layout.compose.remember import remembered_paragraph

        found = _MEMO[key] = remembered_paragraph(
            (tuple(spans), spec), fonts, lambda: set_paragraph(spans, spec, fonts))
        if len(_MEMO) > MEMO_SIZE:
            _MEMO.popitem(last=False)
    else:
        _MEMO.move_to_end(key)
    return found


def set_paragraph(spans: tuple[Span, ...], spec: ParagraphSpec,
                  fonts: FontSet) -> ComposedParagraph:
    """`compose_paragraph` without the memo."""
    spans = tuple(s for s in spans if s.text)
    if not spans:
        return ComposedParagraph(())
    items, pricer = _prepare_shared(spans, spec, fonts)
    indent = spec.indent_em * spans[0].size
    breaks = break_lines(pricer, spec, indent)
    ink = rules().ink
    lines: list[Line] = []
    start = 0
    for end in breaks:
        last = end == len(items)
        offset = indent if start == 0 else 0.0
        mode = spec.align
        if spec.align == "justify" and last:
            mode = spec.last_align
        lines.append(set_line(items, start, end, spec.measure - offset, offset, mode, ink))
        start = end
    lone = len(breaks) > 1 and pricer.lone(breaks[-2], breaks[-1])
    return ComposedParagraph(tuple(lines), lone)


def line_count(spans: tuple[Span, ...], spec: ParagraphSpec, fonts: FontSet) -> int:
    """How many lines the paragraph takes, without building glyphs (for copy fitting)."""
    found = _MEMO.get((tuple(spans), spec, font_key(fonts)))
    if found is not None:
        return len(found.lines)
    spans = tuple(s for s in spans if s.text)
    if not spans:
        return 0
    _items, pricer = prepare(spans, spec, fonts)
    return len(break_lines(pricer, spec, spec.indent_em * spans[0].size))
