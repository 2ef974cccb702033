"""The raw copy's shape, read from line-length statistics and blank-line patterns.

Copy reaches a newspaper in a few shapes, and each breaks lines for a
different reason:

- `typeset` — copied from a PDF: one line per typeset line, most of them
  within a few characters of one width (the measure, about 17 characters); a
  line is cut where the column ended, so a full-width line usually runs on
  even when it ends with 。. The measure is found as the most common width,
  counted in characters or in ems, whichever the lines agree on more closely;
  the band of widths a run-on line has is read from the lines inside
  paragraphs (one width when cut at a count, a spread when cut every ~17).
  Paragraph starts may keep their 2-em indent (`indented`) or lose it,
  leaving the first line about two characters short (`indent_lost`).
- `chunked` — long lines cut at column ends mid-sentence (the seed's shape):
  a line that does not end a sentence runs on. The column's width in
  characters is read from the pieces cut mid-sentence, each a whole number of
  column lines (the first of a paragraph two short, its indent): `columns`,
  every width all of them allow.
- `paragraphs` — one paragraph per line.

Blank lines mean something only against their own background: after every
line (`every`) they say nothing and only a longer run marks a gap between
stories; between some lines (`some`) they end paragraphs; rarely (`sparse`)
they mark gaps between stories.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from enum import Enum

from layout.intake.chars import ends_sentence
from layout.intake.lines import Line, LineKind, em_width, headline_like, plain_headline

_MIN_TYPESET_LINES = 12
_TYPESET_SHARE = 0.5      # share of lines within _SPREAD ems of each other
_SPREAD = 4               # lines cut every ~17 characters vary by this much
_TYPESET_MAX_WIDTH = 30   # a typeset column is narrower than this
_WIDE_SHARE = 0.5         # share of the text's characters in lines wider than any column that
#                           says the copy is not typeset (chunks or a paragraph a line)
_COLUMN_MIN = 10          # characters: a chunked copy's column line is at least this long
_CUT_SHARE = 0.15         # share of long lines that stop mid-sentence in chunked copy
_HEADS_AFTER_BLANKS = 0.6  # blank lines before headline lines mostly: they part stories
_HANGING = "，。、；：？！”’）》"  # marks a typesetter lets hang past the measure
_START_SLACK = 0.75       # ems: a line after a sentence's end this near 2 ems short is a start
INDENT_MIN_EMS = 1.0      # a paragraph indent: two U+3000, or as little as two ASCII spaces


class ShapeKind(str, Enum):
    TYPESET = "typeset"
    CHUNKED = "chunked"
    PARAGRAPHS = "paragraphs"


class Gap(int, Enum):
    NONE = 0    # nothing between the lines, or blank lines that say nothing here
    BREAK = 1   # a paragraph ends
    STORY = 2   # a gap wide enough to part stories


@dataclass(frozen=True, slots=True)
class Shape:
    kind: ShapeKind
    markdown: bool = False
    blanks: str = "none"        # "every", "some", "sparse" or "none"
    usual_blanks: int = 0
    by_chars: bool = False      # typeset widths are counted in characters, not ems
    full: float = 0.0           # the usual width of a typeset line
    low: float = 0.0            # the narrowest a run-on typeset line is
    high: float = 0.0           # the widest
    indented: bool = False
    indent_lost: bool = False
    starts_short: bool = False  # the copy's paragraphs start two ems short (`starts_short`)
    columns: tuple[int, ...] = ()  # chunked: the column widths its cut pieces allow

    def whole_lines(self, piece: str, opens: bool) -> bool:
        """Chunked copy: `piece` is as long as whole column lines — the first two short when
        it `opens` a paragraph — by a width the copy's cut pieces allow: it may end
        where a column did."""
        return any((len(piece) + 2 * opens) % w == 0 for w in self.columns)

    def width(self, line: Line) -> float:
        if self.by_chars:
            return len(line.text) + round(line.indent)
        return em_width(line.text) + line.indent

    def in_band(self, line: Line) -> bool:
        """As wide as a line inside a paragraph (marks hanging at its end not counted
        against the widest: `“健康小屋”，` may hang two)."""
        return self.low <= self.width(line) and self.inside_width(line) <= self.high

    def inside_width(self, line: Line) -> float:
        """Width inside the measure: marks hanging past it at the line's end not counted."""
        return self.width(line) - (len(line.text) - len(line.text.rstrip(_HANGING)))

    def first_line_width(self, line: Line) -> bool:
        """Width of a paragraph's first line when the indent was lost (marks hanging at its
        end not counted)."""
        return self.full - 3 <= self.inside_width(line) <= self.full - 1.5

    def gap(self, line: Line) -> Gap:
        n = line.blanks
        if not n:
            return Gap.NONE
        if self.markdown:   # a blank line parts Markdown paragraphs, whatever else it does
            return Gap.STORY if n > max(1, self.usual_blanks) else Gap.BREAK
        if self.blanks == "every":
            return Gap.STORY if n > self.usual_blanks else Gap.NONE
        if self.blanks == "some":
            return Gap.STORY if n > self.usual_blanks else Gap.BREAK
        return Gap.STORY


def _text_lines(lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if ln.kind in (LineKind.TEXT, LineKind.DATELINE)]


def _blank_mode(lines: list[Line]) -> tuple[str, int]:
    counts = Counter(ln.blanks for ln in lines[1:])
    boundaries = max(1, len(lines) - 1)
    with_blank = boundaries - counts.get(0, 0)
    usual = max((n for n in counts if n), key=lambda n: (counts[n], -n), default=0)
    share = with_blank / boundaries
    mode = "every" if share >= 0.85 else "some" if share >= 0.25 else \
        "sparse" if with_blank else "none"
    if mode == "some":   # blank lines before headlines, none between paragraphs: stories
        after = [ln for ln in lines[1:] if ln.blanks]
        heads = sum(1 for ln in after if headline_like(ln.text) and ln.kind is LineKind.TEXT)
        mode = "sparse" if heads >= _HEADS_AFTER_BLANKS * len(after) else mode
    return mode, usual


def _usual_width(widths: list[float], by_chars: bool) -> tuple[float, float, float]:
    """(the usual width of a full line, the share of lines within an em of it, the share
    within the best window of `_SPREAD` ems). In ems: the width with most lines at it, half
    an em short of it (a half-width character) or up to an em over (a mark hanging at the
    end), then the commonest, then the narrowest. In characters: the commonest count when
    most lines have it (cut at an exact count), else the middle of the best window (cut
    every ~17 characters)."""
    common = Counter(round(w * 2) / 2 for w in widths if w >= 6)
    if not common:
        return 0.0, 0.0, 0.0
    total = len(widths)
    window = {w: sum(n for v, n in common.items() if w <= v <= w + _SPREAD) for w in common}
    start = max(common, key=lambda w: (window[w], -w))
    if by_chars:   # cut at a count of characters
        full = max(common, key=lambda w: (common[w], -w))
        if common[full] < 0.5 * window[start]:
            inside = sorted(v for v in widths if start <= v <= start + _SPREAD)
            full = inside[len(inside) // 2]
    else:
        near = {w: sum(n for v, n in common.items() if w - 0.5 <= v <= w + 1) for w in common}
        full = max(common, key=lambda w: (near[w], common[w], -w))
    share = sum(1 for w in widths if abs(w - full) <= 1) / total
    return full, share, window[start] / total


def _run_on_band(text: list[Line], probe: "Shape") -> tuple[float, float]:
    """(the narrowest, the widest) a line inside a paragraph is — lines that run on from an
    open line into another —, by their tenth and ninetieth percentiles. Copy cut at an
    exact count has one width; copy cut every ~17 characters a spread of them."""
    full = probe.full
    inner = sorted(probe.width(b) for a, b in zip(text, text[1:])
                   if not ends_sentence(a.text) and not ends_sentence(b.text)
                   and abs(probe.width(a) - full) <= 4 and abs(probe.width(b) - full) <= 4)
    if not inner:
        return full - 1, full + 1.5
    tenth, ninetieth = inner[len(inner) // 10], inner[len(inner) * 9 // 10]
    low = full if tenth >= full else min(full - 1, tenth)
    return low, max(full + 1.5, ninetieth + 0.5)


def typeset_shape(lines: list[Line], base: Shape,
                  min_lines: int = _MIN_TYPESET_LINES) -> Shape | None:
    """The typeset shape of `lines` (their measure, run-on band and indents), or None when
    fewer than `min_lines` text lines or no one measure holds most of them."""
    text = _text_lines(lines)
    if len(text) < min_lines or _mostly_wide(text):
        return None
    best = None
    for by_chars in (True, False):
        probe = Shape(ShapeKind.TYPESET, by_chars=by_chars)
        full, share, spread = _usual_width([probe.width(ln) for ln in text], by_chars)
        if best is None or (share, spread) > best[2:]:
            best = (by_chars, full, share, spread)
    by_chars, full, share, spread = best
    if spread < _TYPESET_SHARE or full > _TYPESET_MAX_WIDTH:
        return None
    probe = Shape(ShapeKind.TYPESET, by_chars=by_chars, full=full)
    low, high = _run_on_band(text, probe)
    shape = Shape(ShapeKind.TYPESET, base.markdown, base.blanks, base.usual_blanks,
                  by_chars, full, low, high)
    return with_indents(shape, *indent_evidence(text, shape))


def _mostly_wide(text: list[Line]) -> bool:
    """Most of the text's characters stand in lines wider than any typeset column: copy cut in
    column-sized chunks or written a paragraph a line, however many of its lines are short and
    of one width (the titles of a 简讯 column and the last pieces of its items' news, 10 to 12
    characters, were read as lines of an 11-character measure and run on into one another)."""
    wide = sum(len(ln.text) for ln in text if em_width(ln.text) > _TYPESET_MAX_WIDTH)
    return wide > _WIDE_SHARE * sum(len(ln.text) for ln in text)


def indent_evidence(lines: list[Line], shape: Shape) -> tuple[int, int, int]:
    """(lines indented, paragraph starts after a short line ending a sentence, those of them
    about two characters short): what tells whether starts keep or lost their indent."""
    text = _text_lines(lines)
    indented = sum(1 for ln in text if ln.indent >= INDENT_MIN_EMS)
    firsts = [b for a, b in zip(text, text[1:]) if b.number == a.number + 1 + b.blanks
              and not plain_headline(b.text) and ends_sentence(a.text)
              and shape.width(a) < shape.low and shape.width(b) >= shape.full - 4]
    return indented, len(firsts), sum(1 for b in firsts if shape.first_line_width(b))


def starts_short(lines: list[Line]) -> bool:
    """Whether the copy's paragraph starts run two ems short of the line under them (their
    indent lost) more often than as wide (set flush, or cut at a count of characters): read
    over the whole copy, whatever the measure of each story, at every line after one that ends
    a sentence."""
    text = _text_lines(lines)
    short = flush = 0
    for a, b, c in zip(text, text[1:], text[2:]):
        if ends_sentence(a.text) and not ends_sentence(b.text) and not plain_headline(b.text):
            step = em_width(c.text) - em_width(b.text)
            short += abs(step - 2) <= _START_SLACK
            flush += abs(step) <= _START_SLACK
    return short > flush


def with_indents(shape: Shape, indented: int, firsts: int, short: int) -> Shape:
    """`shape` with its paragraph starts' habit, from `indent_evidence`: they keep an indent,
    or lost it and run two characters short."""
    keeps = indented >= 3 and indented >= firsts / 2
    lost = not keeps and firsts >= 3 and short >= 0.6 * firsts
    return replace(shape, indented=keeps, indent_lost=lost)


def detect(lines: list[Line], markdown: bool = False) -> Shape:
    """The shape of the copy in `lines`."""
    blanks, usual = _blank_mode(lines)
    base = Shape(ShapeKind.PARAGRAPHS, markdown, blanks, usual)
    typeset = typeset_shape(lines, base)
    if typeset is not None:
        return typeset
    long = [ln for ln in _text_lines(lines) if em_width(ln.text) > 40]
    cut = sum(1 for ln in long if not ends_sentence(ln.text))
    kind = ShapeKind.CHUNKED if long and cut >= _CUT_SHARE * len(long) else ShapeKind.PARAGRAPHS
    columns = column_widths(lines) if kind is ShapeKind.CHUNKED else ()
    return Shape(kind, markdown, blanks, usual, columns=columns)


def column_widths(lines: list[Line]) -> tuple[int, ...]:
    """The widths (characters a column line) that every piece of chunked copy cut
    mid-sentence is a whole number of lines of, its first line two short where it opens a
    paragraph — not one whose multiple is allowed too (10 where 20 is); none when no piece is
    cut so."""
    cut = [len(ln.text) for ln in _text_lines(lines)
           if em_width(ln.text) > 40 and not ends_sentence(ln.text)]
    if not cut:
        return ()
    allowed = [w for w in range(_COLUMN_MIN, _TYPESET_MAX_WIDTH + 1)
               if all(n % w == 0 or (n + 2) % w == 0 for n in cut)]
    return tuple(w for w in allowed if not any(v % w == 0 for v in allowed if v > w))
