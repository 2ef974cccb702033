"""Headlines: one line when it fits, else the fewest balanced lines.

- A headline that fits on one line (after squeezing punctuation) is one
  line; its phrase gap (U+3000, or a space between two Chinese phrases)
  stays one em wide.
- Otherwise a headline with phrase gaps breaks only at them when every
  phrase fits; else at any break clreq allows. Among the layouts with the
  fewest lines, the one whose line widths differ least wins (balanced).
- The same prohibitions as body text apply; lines are not justified but
  centred (or set flush left with `align='left'`).

The pages stage tries sizes from a role's size down to its min_size with
`headline_fits`; `headline_width` is the natural one-line width.
"""
from __future__ import annotations

from layout.cjk import rules
from layout.compose.items import NO_BREAK, Items, prefix_sums
from layout.compose.justify import set_line
from layout.compose.linebreak import OVERFULL, Pricer
from layout.compose.paragraph import prepare
from layout.compose.types import Line, ParagraphSpec, Span
from layout.fonts import FontSet

LOOSE = float("inf")


def _prepared(text: str, face: str, size: float, measure: float,
              fonts: FontSet) -> tuple[Items, Pricer, list[int]]:
    items, pricer = prepare((Span(text, face, size),), ParagraphSpec(measure, indent_em=0), fonts)
    table = rules()
    gaps = []
    for i, ch in enumerate(text):
        if ch == "\u3000" or (ch == " " and 0 < i < len(text) - 1
                              and not table.latinish[items.cls[i - 1]]
                              and not table.latinish[items.cls[i + 1]]):
            items.box[i] = size  # one em between the phrases; none at a line end
            gaps.append(i + 1)
    if gaps:
        prefix_sums(items)
    return items, pricer, gaps


def headline_width(text: str, face: str, size: float, fonts: FontSet) -> float:
    """Natural width of `text` set on one line (punctuation squeezed at adjacent marks)."""
    if not text:
        return 0.0
    items, pricer, _gaps = _prepared(text, face, size, 1e9, fonts)
    return pricer.natural(0, len(items))[0]


def compose_headline(text: str, face: str, size: float, measure: float, fonts: FontSet, *,
                     align: str = "center", max_lines: int = 3) -> tuple[Line, ...]:
    """The headline set in `measure` points; more than `max_lines` lines only if it cannot fit."""
    if not text:
        return ()
    items, pricer, gaps = _prepared(text, face, size, measure, fonts)
    n = len(items)
    breaks = None
    if pricer.cost(0, n, measure, True, LOOSE) is not OVERFULL:
        breaks = [n]
    if breaks is None and gaps:
        breaks = _balanced(pricer, gaps + [n], measure, max_lines)
    if breaks is None:
        allowed = [i for i in range(1, n) if items.penalty[i] != NO_BREAK] + [n]
        breaks = _balanced(pricer, allowed, measure, max(max_lines, n))
    if breaks is None:                  # a single run wider than the measure
        breaks = [n]
    mode = "center" if align == "center" else "left"
    ink = rules().ink
    lines, start = [], 0
    for end in breaks:
        lines.append(set_line(items, start, end, measure, 0.0, mode, ink))
        start = end
    return tuple(lines)


def headline_fits(text: str, face: str, size: float, measure: float, fonts: FontSet,
                  max_lines: int = 3) -> bool:
    """Whether the headline sets in at most `max_lines` lines none wider than `measure`."""
    lines = compose_headline(text, face, size, measure, fonts, max_lines=max_lines)
    return len(lines) <= max_lines and all(ln.width <= measure + 0.01 for ln in lines)


def _balanced(pricer: Pricer, cands: list[int], measure: float, max_lines: int) -> list[int] | None:
    """Fewest lines (2…max_lines) that fit, then least spread of line widths."""
    for count in range(2, max_lines + 1):
        found = _best_split(pricer, cands, measure, count)
        if found is not None:
            return found
    return None


def _best_split(pricer: Pricer, cands: list[int], measure: float, count: int) -> list[int] | None:
    """Exactly `count` lines ending at `cands`, minimising the squared widths (balance)."""
    n = cands[-1]
    # best[(k, b)] = (score, previous break) for k lines ending at b
    best: dict[tuple[int, int], tuple[float, int]] = {(0, 0): (0.0, -1)}
    for k in range(1, count + 1):
        for b in cands:
            if k == count and b != n:
                continue
            for (kk, a), (score, _p) in list(best.items()):
                if kk != k - 1 or a >= b:
                    continue
                if pricer.cost(a, b, measure, True, LOOSE) is OVERFULL:
                    continue
                width = pricer.natural(a, b)[0]
                value = score + width * width
                if (k, b) not in best or value < best[(k, b)][0]:
                    best[(k, b)] = (value, a)
    if (count, n) not in best:
        return None
    out, k, b = [], count, n
    while k > 0:
        out.append(b)
        b = best[(k, b)][1]
        k -= 1
    return out[::-1]
