"""Headlines: one line when it fits, else the fewest balanced lines broken where a reader pauses.

Every place a line may end is ranked (clreq's prohibitions come first: no
rank makes a forbidden break allowed):

1. the phrase gap (U+3000, or a space between two Chinese phrases), which
   stays one em wide inside a line and vanishes at a line end;
2. after a pause mark (，、：…, `layout/cjk/words.yaml`);
3. between two words (`words.word_bounds`: jieba's dictionary plus the rules
   that keep 12类, 18.6万人次, 第五届, 建设大街 whole);
4. anywhere else clreq allows — inside a word, a last resort.

Among the layouts that fit the measure, the best is the least by, in order:
breaks inside words, lines of one or two characters (stubs), phrase gaps
left inside a line, lines, then the ranks' small penalties plus the sum of
squared line widths (which, for a given number of lines, is least when the
lines are balanced). A layout of more than `max_lines` lines is taken only
when none fits in fewer.

The search is a dynamic programme over (line count, break) pairs, and a
line is only tried until it overflows the measure, so the cost grows with
the characters times the characters a line holds (linear for a given
measure), never with the number of ways to break: a 1,000-character
headline or byline is set in well under a second.

`headline_set` returns the lines with the defects counted, so the pages
stage can price them (a smaller size or a wider block that breaks cleanly
wins); `compose_headline` returns just the lines.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from layout.cjk import DEAR, rules
from layout.compose.items import NO_BREAK, Items, prefix_sums, widest_run
from layout.compose.justify import set_line
from layout.compose.linebreak import OVERFULL, Pricer
from layout.compose.paragraph import prepare
from layout.compose.types import HeadlineSet, Line, ParagraphSpec, Span
from layout.compose.words import pause_after, word_bounds
from layout.fonts import FontSet

LOOSE = float("inf")
GAP, PAUSE, WORD, INSIDE = 0, 1, 2, 3
RANK_PENALTY = (0.0, 0.05, 0.12, 0.0)  # per break, in squared measures (INSIDE is counted apart)
STUB_CHARS = 2                          # a line of this many characters or fewer is a stub
STUB, INSIDE_WORD = 1 << 20, 1 << 40    # defects packed in one integer: inside, stubs, gaps


def _prepared(text: str, face: str, size: float, measure: float,
              fonts: FontSet, vertical: bool = False) -> tuple[Items, Pricer, list[int]]:
    """The headline's items, pricer and phrase gaps at `measure`. The pages stage sets each
    headline at every width and size it tries: its items are made once (`_unbroken`) and
    shared by every measure wide enough to open no emergency break, which would make
    the same items again (`items.widest_run`); none mutates them."""
    found = _prepared_at(text, face, size, measure, fonts, vertical)
    return found.items, found.pricer, found.gaps


@dataclass(frozen=True, slots=True)
class _Prepared:
    items: Items
    pricer: Pricer
    gaps: list[int]
    widest: float          # the widest run no break may fall inside, before the gaps widen
    memo: dict             # "ranks": break_ranks, made on first use (the same items, the same ranks)

    def ranks(self, text: str) -> dict[int, int]:
        found = self.memo.get("ranks")
        if found is None:
            found = self.memo["ranks"] = break_ranks(text, self.items, self.gaps)
        return found


def _prepared_at(text: str, face: str, size: float, measure: float,
                 fonts: FontSet, vertical: bool = False) -> _Prepared:
    found = _unbroken(text, face, size, fonts, vertical)
    if found.widest <= measure / 2:
        return found
    return _made(text, face, size, measure, fonts, vertical)


@lru_cache(maxsize=1024)
def _unbroken(text: str, face: str, size: float, fonts: FontSet, vertical: bool) -> _Prepared:
    return _made(text, face, size, float("inf"), fonts, vertical)


def _made(text: str, face: str, size: float, measure: float,
          fonts: FontSet, vertical: bool) -> _Prepared:
    items, pricer = prepare((Span(text, face, size),),
                            ParagraphSpec(measure, indent_em=0, vertical=vertical), fonts)
    table = rules()
    for i in range(1, len(text)):        # a headline keeps 36个, 2025年 whole (a body may not)
        if table.pairs[items.cls[i - 1]][items.cls[i]] == DEAR:
            items.penalty[i] = NO_BREAK
    widest = widest_run(items)
    gaps = []
    for i, ch in enumerate(text):
        if ch == "\u3000" or (ch == " " and 0 < i < len(text) - 1
                              and not table.latinish[items.cls[i - 1]]
                              and not table.latinish[items.cls[i + 1]]):
            items.box[i] = size  # one em between the phrases; none at a line end
            gaps.append(i + 1)
    if gaps:
        prefix_sums(items)
    return _Prepared(items, pricer, gaps, widest, {})


def headline_width(text: str, face: str, size: float, fonts: FontSet) -> float:
    """Natural width of `text` set on one line (punctuation squeezed at adjacent marks)."""
    if not text:
        return 0.0
    items, pricer, _gaps = _prepared(text, face, size, 1e9, fonts)
    return pricer.natural(0, len(items))[0]


def break_ranks(text: str, items: Items, gaps: list[int]) -> dict[int, int]:
    """Rank (GAP … INSIDE) of every position 0 < i < n where clreq allows a line to end."""
    words = set(word_bounds(text))
    gap_set = set(gaps)
    ranks = {}
    for i in range(1, len(text)):
        if items.penalty[i] == NO_BREAK and i not in gap_set:
            continue
        if text[i].isspace():
            continue                     # the line would start with the gap
        if i in gap_set:
            ranks[i] = GAP
        elif pause_after(text[i - 1]):
            ranks[i] = PAUSE
        elif i in words:
            ranks[i] = WORD
        else:
            ranks[i] = INSIDE
    return ranks


def headline_set(text: str, face: str, size: float, measure: float, fonts: FontSet, *,
                 align: str = "center", max_lines: int = 3, vertical: bool = False) -> HeadlineSet:
    """The headline set in `measure` points (see the module doc); `vertical`: its lines
    are vertical columns (`compose.vertical`)."""
    if not text:
        return HeadlineSet(())
    prepared = _prepared_at(text, face, size, measure, fonts, vertical)
    items, pricer = prepared.items, prepared.pricer
    n = len(items)
    if pricer.cost(0, n, measure, True, LOOSE) is not OVERFULL:
        breaks, defects = [n], (0, 0, 0)
    else:
        search = _Search(pricer, prepared.ranks(text), measure, n)
        breaks, defects = search.best(max_lines)
    mode = "center" if align == "center" else "left"
    ink = rules().ink
    lines, start = [], 0
    for end in breaks:
        lines.append(set_line(items, start, end, measure, 0.0, mode, ink))
        start = end
    return HeadlineSet(tuple(lines), *defects)


def compose_headline(text: str, face: str, size: float, measure: float, fonts: FontSet, *,
                     align: str = "center", max_lines: int = 3) -> tuple[Line, ...]:
    """The headline's lines in `measure` points; more than `max_lines` only if it cannot fit."""
    return headline_set(text, face, size, measure, fonts, align=align, max_lines=max_lines).lines


def headline_fits(text: str, face: str, size: float, measure: float, fonts: FontSet,
                  max_lines: int = 3) -> bool:
    """Whether the headline sets in at most `max_lines` lines none wider than `measure`."""
    lines = compose_headline(text, face, size, measure, fonts, max_lines=max_lines)
    return len(lines) <= max_lines and all(ln.width <= measure + 0.01 for ln in lines)


class _Search:
    """Least-defect, balanced line breaks over ranked break positions (module doc)."""

    def __init__(self, pricer: Pricer, ranks: dict[int, int], measure: float, n: int):
        self.pricer, self.ranks, self.measure, self.n = pricer, ranks, measure, n
        self.cands = sorted(ranks) + [n]
        self.solid = pricer.it.p_solid
        self.short_text = self.solid[n] <= STUB_CHARS
        gaps = [0] * (n + 1)            # gaps[p]: phrase gaps ending at or before position p
        for p in range(1, n + 1):
            gaps[p] = gaps[p - 1] + (ranks.get(p) == GAP)
        self.gaps = gaps
        self._lines: dict[int, list] = {}

    def lines_from(self, a: int) -> list[tuple[int, bool, int, float]]:
        """(end, fits, defects, score) of each line starting at a, until one overflows;
        defects counts breaks inside words, stubs and phrase gaps inside the line in
        one integer (`_defects`), so that sums and comparisons stay lexicographic. Made
        once per start: the search asks again for every line count."""
        found = self._lines.get(a)
        if found is None:
            found = self._lines[a] = self._lines_uncached(a)
        return found

    def _lines_uncached(self, a: int) -> list[tuple[int, bool, int, float]]:
        measure, ranks, solid, gaps = self.measure, self.ranks, self.solid, self.gaps
        stubby = 0 if self.short_text else STUB
        out = []
        for b, natural, fits in self.pricer.widths_from(
                a, self.cands[bisect_right(self.cands, a):], measure):
            rank = ranks.get(b, GAP)
            width = natural / measure
            defects = ((INSIDE_WORD if rank == INSIDE else 0) + gaps[b - 1] - gaps[a]
                       + (stubby if solid[b] - solid[a] <= STUB_CHARS else 0))
            out.append((b, fits, defects, RANK_PENALTY[rank] + width * width))
        return out

    def best(self, max_lines: int) -> tuple[list[int], tuple[int, int, int]]:
        """Breaks and their defects: within `max_lines` lines if any layout fits so."""
        found = self._bounded(max_lines) if self._may_fit(max_lines) else None
        return found if found is not None else self._unbounded()

    def _may_fit(self, max_lines: int) -> bool:
        """False when even squeezed, less the gaps at line ends, the text is wider than
        `max_lines` measures (a long byline): the bounded search is skipped."""
        nat, *squeeze = self.pricer.natural(0, self.n)
        ends = max(self.pricer.it.box, default=0.0) * (max_lines - 1)
        return nat - sum(squeeze) - ends <= max_lines * self.measure

    def _bounded(self, max_lines: int):
        """Exactly k ≤ max_lines fitting lines: key (defects, k, score) per (k, end)."""
        layer = {0: ((0, 0.0), None)}
        finals = []
        for k in range(1, max_lines + 1):
            nxt: dict[int, tuple] = {}
            for a, ((defects, score), _back) in layer.items():
                for b, fits, more, s in self.lines_from(a):
                    if not fits:
                        continue
                    key = (defects + more, score + s)
                    if b not in nxt or key < nxt[b][0]:
                        nxt[b] = (key, (a, layer))
            if self.n in nxt:
                defects, score = nxt[self.n][0]
                finals.append(((defects, k, score), nxt))
            # a layout of more lines wins only with fewer defects, and defects only add up:
            # a partial layout with as many as the best found is given up
            least = min(f[0][0] for f in finals) if finals else None
            layer = {b: v for b, v in nxt.items()
                     if b != self.n and (least is None or v[0][0] < least)}
            if not layer:
                break
        if not finals:
            return None
        (defects, _k, _s), table = min(finals, key=lambda f: f[0])
        breaks, b = [], self.n
        while b:
            breaks.append(b)
            b, table = table[b][1]
        return breaks[::-1], _defects(defects)

    def _unbounded(self) -> tuple[list[int], tuple[int, int, int]]:
        """Any number of lines; an overflowing line only where no line fits (a run wider
        than the measure). Key (overflows, defects, lines, score) per end."""
        best: dict[int, tuple] = {0: ((0, 0, 0, 0.0), -1)}
        for a in [0] + self.cands[:-1]:
            if a not in best:
                continue
            (over, defects, lines, score), _ = best[a]
            for first, (b, fits, more, s) in enumerate(self.lines_from(a)):
                if fits or first == 0:
                    key = (over + (not fits), defects + more, lines + 1, score + s)
                    if b not in best or key < best[b][0]:
                        best[b] = (key, a)
        key, _ = best[self.n]
        breaks, b = [], self.n
        while b > 0:
            breaks.append(b)
            b = best[b][1]
        return breaks[::-1], _defects(key[1])


def _defects(packed: int) -> tuple[int, int, int]:
    """(breaks inside words, stubs, phrase gaps inside lines) from their packed sum."""
    return packed // INSIDE_WORD, packed % INSIDE_WORD // STUB, packed % STUB
