"""Line breaking: Knuth–Plass total fit over the paragraph, and first fit.

Both breakers take the same arguments and return the break positions (the
index of the first character of each next line, ending with len(items)).
They share one price for a line, `line_cost`, so they differ only in how
they search:

- total fit keeps the cheapest way to reach every break point and picks the
  cheapest paragraph; its window of active break points only holds lines
  that are neither overfull (beyond what squeezing can absorb) nor looser
  than `LOOSE_CAP` em between characters, so it stays linear in practice;
- first fit takes, line by line, the furthest break the line can hold after
  squeezing (push in first), else the last one before it (push out).

Costs (named constants below): squeezing punctuation is priced per em in
the squeeze order of the rule table (brackets cheapest, 。？！ dearest) and
is cheaper than spreading characters apart, so a line pushes in before it
pushes out; spreading costs 100 at `loose_em` (0.12 em) per gap and grows
with the cube; a last line of one character (孤字) costs `ORPHAN_DEMERITS`.
"""
from __future__ import annotations

from layout.compose.items import LATIN_TRACK, NO_BREAK, Items

EPS = 1e-6
OVERFULL = None
TOO_LOOSE = -1.0
LINE_PENALTY = 10.0         # prefers fewer lines
SHRINK_SCALE = 12.0         # badness per weighted em of squeeze
GLUE_STRETCH_COST = 4.0     # badness per em of Han–Latin glue widened
UNJUSTIFIABLE = 3000.0      # a line with no gap to spread (one long run), and its letters' spacing
RAGGED = 1e6               # a line of one glyph cannot be justified: last resort
LOOSE_CAP = 0.2             # em per gap beyond which total fit ignores a line
ORPHAN_DEMERITS = 3e6       # a 孤字: worth about one line at 0.3 em spacing
LOOSENESS_CAP = 0.11        # em per gap a paragraph set a line longer or shorter may reach
#                             (under the 0.12 em a reader, and pdfmetrics, calls loose)


class Pricer:
    """Prices a line a..b of `items` for a given width (see the module doc)."""

    def __init__(self, it: Items, weights: tuple[float, ...], loose_em: float) -> None:
        self.it, self.em = it, it.em
        self.w1, self.w2, self.w3, self.w4 = weights
        self.loose = loose_em * it.em
        self.track = LATIN_TRACK * it.em

    def natural(self, a: int, b: int) -> tuple[float, float, float, float, float]:
        """(natural width, squeezable per level 1–4) of line a..b with its edges applied."""
        it = self.it
        e = b - 1
        lv1, lv2, lv4 = it.p_lv
        nat = it.p_box[b] - it.p_box[a] + it.p_gap[e] - it.p_gap[a]
        s = [0.0, lv1[b] - lv1[a], lv2[b] - lv2[a], it.p_gshrink[e] - it.p_gshrink[a],
             lv4[b] - lv4[a]]
        blank = it.blank[a]
        if blank and it.lead[a]:            # opening mark at line start
            nat -= blank
            s[it.level[a]] -= blank
        blank = it.blank[e]
        if blank and not it.lead[e]:        # mark at line end
            nat -= blank
            s[it.level[e]] -= blank
        if it.edge_space[e]:
            nat -= it.box[e]
        if it.hang and it.hang[e] and e > a:
            nat -= it.box[e] - (blank if blank and not it.lead[e] else 0.0)
        if it.hyphen and b in it.hyphen:    # a word hyphenated at the line's end
            nat += it.hyphen[b][1]
        return nat, s[1], s[2], s[3], s[4]

    def cost(self, a: int, b: int, avail: float, last: bool, cap: float) -> float | None:
        """Badness ≥ 0, `OVERFULL` (None) or `TOO_LOOSE` (only when wider than `cap` em).

        The hot loop of total fit: `natural` inlined, attributes read into locals.
        """
        it = self.it
        e = b - 1
        lv1, lv2, lv4 = it.p_lv
        p_gap = it.p_gap
        nat = it.p_box[b] - it.p_box[a] + p_gap[e] - p_gap[a]
        squeezable = lv1[b] - lv1[a] + lv2[b] - lv2[a] + lv4[b] - lv4[a] \
            + it.p_gshrink[e] - it.p_gshrink[a]
        edge_a = it.blank[a] if it.lead[a] else 0.0
        edge_e = 0.0 if it.lead[e] else it.blank[e]
        nat -= edge_a + edge_e
        if it.edge_space[e]:
            nat -= it.box[e]
        if it.hang and it.hang[e] and e > a:     # house option: the end mark hangs
            nat -= it.box[e] - edge_e
        if it.hyphen and b in it.hyphen:          # a word hyphenated at the line's end
            nat += it.hyphen[b][1]
        diff = avail - nat
        if diff < -EPS:
            if -diff > squeezable - edge_a - edge_e + EPS:
                return OVERFULL
            return self._shrink_cost(a, b, -diff)
        if last:
            return 0.0
        stretch = it.p_gstretch[e] - it.p_gstretch[a]
        glue = diff if diff < stretch else stretch
        rest = diff - glue
        if rest <= EPS:
            return GLUE_STRETCH_COST * glue / self.em
        gaps = it.p_just[e] - it.p_just[a]
        letters = it.p_track[e] - it.p_track[a]
        if letters and gaps:                      # Latin letters take their share, up to a cap
            if rest > (gaps + letters) * self.track:
                rest -= letters * self.track
            else:
                gaps += letters
        if gaps == 0:
            if b - a == 1:
                return RAGGED if cap == float("inf") else TOO_LOOSE
            # one run (a Latin word, a number) spread letter by letter across the line:
            # as loose as its letters are set apart, never a cheap way out of a loose line
            per = rest / (b - a - 1)
            if per > cap * self.em:
                return TOO_LOOSE
            ratio = per / self.loose
            return UNJUSTIFIABLE + 100.0 * ratio * ratio * ratio
        per = rest / gaps
        if per > cap * self.em:
            return TOO_LOOSE
        ratio = per / self.loose
        return GLUE_STRETCH_COST * glue / self.em + 100.0 * ratio * ratio * ratio

    def widths_from(self, a: int, ends: list[int], avail: float) -> list[tuple[int, float, bool]]:
        """(b, natural width, fits) of each line a..b, b taken from `ends` in order, up to the
        first that does not fit `avail` (included): `natural(a, b)[0]` and `cost(a, b, avail,
        True, cap) is not OVERFULL`, with their arithmetic, in one loop (a headline's search
        asks both of every line it tries)."""
        it = self.it
        p_box, p_gap, p_gshrink, (lv1, lv2, lv4) = it.p_box, it.p_gap, it.p_gshrink, it.p_lv
        blank, lead, box, edge_space, hang, hyphen = (it.blank, it.lead, it.box, it.edge_space,
                                                      it.hang, it.hyphen)
        edge_a = blank[a] if lead[a] else 0.0
        out = []
        for b in ends:
            e = b - 1
            base = p_box[b] - p_box[a] + p_gap[e] - p_gap[a]
            edge_e = 0.0 if lead[e] else blank[e]
            nat, width = base - (edge_a + edge_e), base - edge_a - edge_e
            if edge_space[e]:
                nat, width = nat - box[e], width - box[e]
            if hang and hang[e] and e > a:
                nat, width = nat - (box[e] - edge_e), width - (box[e] - edge_e)
            if hyphen and b in hyphen:
                nat, width = nat + hyphen[b][1], width + hyphen[b][1]
            diff = avail - nat
            fits = not (diff < -EPS and -diff > lv1[b] - lv1[a] + lv2[b] - lv2[a] + lv4[b]
                        - lv4[a] + p_gshrink[e] - p_gshrink[a] - edge_a - edge_e + EPS)
            out.append((b, width, fits))
            if not fits:
                break
        return out

    def _shrink_cost(self, a: int, b: int, need: float) -> float:
        """Squeeze `need` points level by level in the table's order; weighted em → badness."""
        _nat, l1, l2, l3, l4 = self.natural(a, b)
        cost = 0.0
        for amount, weight in ((l1, self.w1), (l2, self.w2), (l3, self.w3), (l4, self.w4)):
            take = amount if amount < need else need
            cost += take * weight
            need -= take
            if need <= EPS:
                break
        return SHRINK_SCALE * cost / self.em

    def lone(self, a: int, b: int) -> bool:
        """A last line a..b holding a single character (with or without marks): 孤字."""
        return a > 0 and self.it.p_solid[b] - self.it.p_solid[a] == 1


def candidates(it: Items) -> list[int]:
    n = len(it)
    return [i for i in range(1, n) if it.penalty[i] != NO_BREAK] + [n]


def total_fit(pricer: Pricer, measure: float, indent: float) -> list[int] | None:
    """Knuth–Plass: the breaks of least total demerits, or None when none fit."""
    for cap in (LOOSE_CAP, float("inf")):
        breaks = _total_fit(pricer, measure, indent, cap)
        if breaks is not None:
            return breaks
    return None


def _total_fit(pricer: Pricer, measure: float, indent: float, cap: float) -> list[int] | None:
    it = pricer.it
    n = len(it)
    penalty = it.penalty
    best = {0: 0.0}
    prev = {0: -1}
    active, head = [0], 0
    for b in candidates(it):
        last = b == n
        pen = penalty[b] if b < n else 0
        best_d, best_a = float("inf"), -1
        head, lines = _lines_to(pricer, b, active, head, measure, indent, cap)
        for a, c in lines:
            d = best[a] + (LINE_PENALTY + c) ** 2 + pen * pen
            if last and pricer.lone(a, b):
                d += ORPHAN_DEMERITS
            if d < best_d:
                best_d, best_a = d, a
        if best_a >= 0:
            best[b], prev[b] = best_d, best_a
            active.append(b)
    if n not in best:
        return None
    out, b = [], n
    while b > 0:
        out.append(b)
        b = prev[b]
    return out[::-1]


def _lines_to(pricer: Pricer, b: int, active: list[int], head: int, measure: float,
              indent: float, cap: float) -> tuple[int, list[tuple[int, float]]]:
    """The lines a..b the active break points `active[head:]` (in order) can start, with
    their cost: (the new head — active breaks before it are overfull up to b, hence for
    every later b too — and [(a, cost)] up to the first line looser than `cap` em)."""
    n = len(pricer.it)
    out = []
    for i in range(head, len(active)):
        a = active[i]
        c = pricer.cost(a, b, measure - indent if a == 0 else measure, b == n, cap)
        if c is OVERFULL:
            head = i + 1
            continue
        if c == TOO_LOOSE:
            break
        out.append((a, c))
    return head, out


def total_fit_lines(pricer: Pricer, measure: float, indent: float, lines: int) -> list[int] | None:
    """Knuth–Plass for exactly `lines` lines (TeX's looseness): the breaks of least total
    demerits among those of that many lines with no line looser than LOOSENESS_CAP em
    between characters and no 孤字 at the end, or None when there are none."""
    it = pricer.it
    n = len(it)
    penalty = it.penalty
    best: dict[int, dict[int, tuple[float, int]]] = {0: {0: (0.0, -1)}}
    active, head = [0], 0
    for b in candidates(it):
        last = b == n
        pen = penalty[b] if b < n else 0
        found: dict[int, tuple[float, int]] = {}
        head, reach = _lines_to(pricer, b, active, head, measure, indent, LOOSENESS_CAP)
        for a, c in reach:
            if last and pricer.lone(a, b):
                continue
            line = (LINE_PENALTY + c) ** 2 + pen * pen
            for k, (d, _) in best[a].items():
                if k < lines and (k + 1 not in found or d + line < found[k + 1][0]):
                    found[k + 1] = (d + line, a)
        if found:
            best[b] = found
            active.append(b)
    if lines not in best.get(n, {}):
        return None
    out, b, k = [], n, lines
    while b > 0:
        out.append(b)
        b, k = best[b][k][1], k - 1
    return out[::-1]


def first_fit(pricer: Pricer, measure: float, indent: float) -> list[int]:
    """Greedy: each line takes the furthest break it can hold after squeezing."""
    it = pricer.it
    n = len(it)
    cands = candidates(it)
    out, a, k = [], 0, 0
    while a < n:
        avail = measure - indent if a == 0 else measure
        chosen = None
        while k < len(cands):
            b = cands[k]
            if pricer.cost(a, b, avail, b == n, float("inf")) is OVERFULL:
                break
            chosen, k = b, k + 1
        if chosen is None:          # one run wider than the line: it overflows
            chosen, k = cands[k], k + 1
        out.append(chosen)
        a = chosen
    return _pull_down_orphan(pricer, out, cands, measure, indent)


def _pull_down_orphan(pricer: Pricer, breaks: list[int], cands: list[int],
                      measure: float, indent: float) -> list[int]:
    """First fit's 孤字 repair: move the last break of the line above one place back."""
    if len(breaks) < 2 or not pricer.lone(breaks[-2], breaks[-1]):
        return breaks
    start = breaks[-3] if len(breaks) > 2 else 0
    avail = measure - indent if start == 0 else measure
    for b in reversed([c for c in cands if start < c < breaks[-2]]):
        c = pricer.cost(start, b, avail, False, 1.0)
        last = pricer.cost(b, breaks[-1], measure, True, float("inf"))
        if c is not OVERFULL and c != TOO_LOOSE and last is not OVERFULL \
                and not pricer.lone(b, breaks[-1]):
            return breaks[:-2] + [b, breaks[-1]]
    return breaks
