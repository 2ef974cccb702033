"""The item list of a paragraph: per-character boxes and per-gap glue and penalties.

A paragraph becomes parallel lists (no per-character objects):

- for character i: its drawing face, size, class, box width (pt, after the
  punctuation style and the mandatory squeeze of adjacent marks), glyph
  advance, the blank half still squeezable and its squeeze level;
- for gap i (between characters i − 1 and i): natural glue (Han–Latin ¼ em,
  never a stored space), its shrink and stretch, whether justification may
  widen it, and the break penalty (`NO_BREAK` where clreq forbids a break).

Prefix sums over all of them let the breakers price any line a..b in O(1).
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.cjk import DEAR, NEVER, Rules
from layout.compose.hyphens import PENALTY as HYPHEN_PENALTY, SOFT_HYPHEN, compound_breaks, points, words

NO_BREAK = -1
URL_PENALTY = 30         # break after / . - inside an over-long Latin run
URL_ANY_PENALTY = 400    # inside a word of a URL: dearer than a line ~0.17 em loose
FORCED_PENALTY = 5000    # break anywhere inside a run wider than the line
LATIN_PHRASE_CHARS = 24     # a phrase of Latin words up to this many characters (a title
#                             a 13-character line holds) stays whole …
LATIN_PHRASE_PENALTY = 400  # … unless keeping it spreads a line past ~0.17 em (as URL_ANY_PENALTY)
LATIN_TIGHTEN = 0.02       # em two letters (or digits) of a Latin run may close up by, as a
#                            compositor's tight tracking: a name fits the line it ends
LATIN_TRACK = 0.05         # em two letters of a Latin word may be set apart by when a line is
#                            spread: each gap takes an even share, a letter pair at most this
COMPOUND_PENALTY = 50      # after the hyphen of a compound: cheaper than a soft hyphen (nothing added)
LATIN_SPACE_PENALTY = 300   # a longer phrase's word space: dearer than a hyphen (compose.hyphens),
#                             which keeps the break inside a word a reader sees continued


@dataclass(slots=True)
class Items:
    chars: str
    faces: list[str]
    sizes: list[float]
    cls: list[int]
    box: list[float]
    glyph: list[float]
    blank: list[float]
    level: list[int]
    lead: list[bool]        # the blank is on the leading side (opening marks)
    edge_space: list[bool]  # a space: zero width at the end of a line
    solid: list[bool]
    gap: list[float]        # index i: glue between i − 1 and i (gap[0] = 0)
    gap_shrink: list[float]
    gap_stretch: list[float]
    just: list[int]
    penalty: list[int]      # index i: penalty of a break before i, NO_BREAK if forbidden
    em: float               # body em for spacing measures (the last span's size)
    pen: dict[int, float] | None = None  # pen offsets fixed here (the halves of ——)
    hyphen: dict[int, tuple[str, float]] | None = None  # break before i hyphenates: (face, width)
    hang: list[bool] | None = None       # may hang past the measure (house option)
    track: list[int] | None = None       # index i: letters i − 1 and i may be set apart
    # prefix sums (filled by `prefix_sums`)
    p_box: list[float] | None = None
    p_lv: tuple[list[float], ...] | None = None  # per char squeeze level 1, 2, 4
    p_gap: list[float] | None = None
    p_gshrink: list[float] | None = None
    p_gstretch: list[float] | None = None
    p_just: list[int] | None = None
    p_track: list[int] | None = None
    p_solid: list[int] | None = None

    def __len__(self) -> int:
        return len(self.chars)


def build_items(spans, measure_fn, rules: Rules, kaiming: bool,
                measure: float, indent: float, ink_fn=None, hanging: bool = False,
                vertical: bool = False) -> Items:
    """Items for `spans`; `measure_fn(face, char)` gives (face, advance em, has halt),
    `ink_fn(face, char)` the ink's left and right edge in em (for the ink: pair class);
    in a vertical column each 纵中横 run is one em (`compose.vertical`)."""
    chars, faces, sizes = [], [], []
    for span in spans:
        for ch in span.text:
            chars.append(ch)
            faces.append(span.face)
            sizes.append(span.size)
    text = "".join(chars)
    n = len(text)
    em = spans[-1].size if spans else 10.0
    items = Items(text, faces, sizes, [0] * n, [0.0] * n, [0.0] * n, [0.0] * n, [0] * n,
                  [False] * n, [False] * n, [False] * n, [0.0] * n, [0.0] * n, [0.0] * n,
                  [0] * n, [NO_BREAK] * n, em, track=[0] * n)
    _characters(items, measure_fn, rules, kaiming)
    _gaps(items, rules)
    if vertical:
        from layout.compose.vertical import tate_chu_yoko

        tate_chu_yoko(items)
        items.track = [0] * n        # a vertical column's letters are never set apart
    if ink_fn is not None:
        _pair_pens(items, rules, ink_fn)
    if kaiming:
        _kaiming_stretch(items, rules)
    if hanging:
        items.hang = [rules.hang[c] for c in items.cls]
    _latin_phrases(items, rules)
    _number_groups(items, rules)
    if not vertical:
        _compounds(items)
        _hyphenation(items, measure_fn)
    _emergency_breaks(items, rules, measure, indent)
    prefix_sums(items)
    return items


def _characters(it: Items, measure_fn, rules: Rules, kaiming: bool) -> None:
    class_of, boxes = rules.class_of, rules.kaiming_box if kaiming else rules.box
    squeeze, ink, solid = rules.squeeze, rules.ink, rules.solid
    space_classes = (rules.cls("space"), rules.cls("ideo_space"))
    for i, ch in enumerate(it.chars):
        size = it.sizes[i]
        face, adv, halt = measure_fn(it.faces[i], ch)
        c = class_of(ch)
        it.faces[i], it.cls[i], it.solid[i] = face, c, solid[c]
        glyph = adv * size
        box_em = boxes[c]
        box = box_em * size if box_em is not None else glyph
        it.glyph[i], it.box[i] = glyph, box
        it.edge_space[i] = c in space_classes
        level = squeeze[c]
        if level:
            # Half-width from the font's halt data; a full-width glyph the font
            # gives no halt advance for is never cut (its ink could be anywhere).
            half = 0.5 * size if (halt or adv <= 0.5) else adv * size
            if box > half + 1e-9:
                it.blank[i], it.level[i], it.lead[i] = box - half, level, ink[c] == "right"
    _squeeze_adjacent_marks(it, rules.mark)


def _squeeze_adjacent_marks(it: Items, mark: tuple[bool, ...]) -> None:
    """Two adjacent marks take 1.5 em: the first loses its trailing blank, else the second its leading one."""
    blank, lead, box, cls = it.blank, it.lead, it.box, it.cls
    for b in range(1, len(it.chars)):
        a = b - 1
        if not (mark[cls[a]] and mark[cls[b]]) or box[a] + box[b] <= 1.5 * it.sizes[b] + 1e-9:
            continue
        if blank[a] > 0 and not lead[a]:
            box[a] -= blank[a]
            blank[a] = 0.0
        elif blank[b] > 0 and lead[b]:
            box[b] -= blank[b]
            blank[b] = 0.0


def _gaps(it: Items, rules: Rules) -> None:
    han, dash, ellipsis = rules.cls("han"), rules.cls("dash"), rules.cls("ellipsis")
    space, latin = rules.cls("space"), rules.cls("latin")
    latinish, no_end, no_start, pairs = rules.latinish, rules.no_end, rules.no_start, rules.pairs
    g = rules.glue
    cls = it.cls
    for i in range(1, len(it.chars)):
        a, b = cls[i - 1], cls[i]
        if (a == han and latinish[b]) or (latinish[a] and b == han):
            size = it.sizes[i - 1] if a == han else it.sizes[i]
            it.gap[i] = g["han_latin"] * size
            it.gap_shrink[i] = (g["han_latin"] - g["han_latin_min"]) * size
            it.gap_stretch[i] = (g["han_latin_max"] - g["han_latin"]) * size
        elif a == space:
            it.gap_stretch[i] = it.box[i - 1] * g["space_stretch"]
            it.gap_shrink[i] = it.box[i - 1] * g["space_shrink"]
        inside_run = latinish[a] and latinish[b]
        if inside_run and space not in (a, b):   # letters of a word may close up a little
            it.gap_shrink[i] = LATIN_TIGHTEN * it.sizes[i]
            it.track[i] = 1 if a == latin and b == latin else 0
        it.just[i] = 0 if inside_run or (a == b and a in (dash, ellipsis)) else 1
        if not (no_end[a] or no_start[b]) and pairs[a][b] != NEVER:
            it.penalty[i] = rules.dear_penalty if pairs[a][b] == DEAR else 0


def _pair_pens(it: Items, rules: Rules, ink_fn) -> None:
    """The halves of ——: the first drawn with its ink ending at its slot's right
    edge, the second starting at its left edge, so the ink meets in the middle;
    a lone dash is centred in its slot."""
    pens, run = {}, 0
    for i, c in enumerate(it.cls):
        if rules.ink[c] != "pair":
            run = 0
            continue
        left, right = (v * it.sizes[i] for v in ink_fn(it.faces[i], it.chars[i]))
        paired = i + 1 < len(it.cls) and it.cls[i + 1] == c
        if run % 2 == 0 and paired:
            pens[i] = it.box[i] - right
        elif run % 2 == 1:
            pens[i] = -left
        else:
            pens[i] = (it.box[i] - left - right) / 2
        run += 1
    it.pen = pens


def _kaiming_stretch(it: Items, rules: Rules) -> None:
    """开明: a mark set half-width may open its blank side back up to full width
    before characters are spread (it stretches like the Han–Latin glue)."""
    n = len(it.chars)
    for i, c in enumerate(it.cls):
        full, half = rules.box[c], rules.kaiming_box[c]
        if not rules.mark[c] or full is None or half is None or full <= half:
            continue
        grow = (full - half) * it.sizes[i]
        j = i if rules.ink[c] == "right" else i + 1    # the gap on the blank side
        if 0 < j < n:
            it.gap_stretch[j] = max(it.gap_stretch[j], grow)


def _latin_phrases(it: Items, rules: Rules) -> None:
    """A phrase of Latin words (a name: David Miller, Open Day) of at most
    `LATIN_PHRASE_CHARS` characters is kept whole like a number: a break at its word
    space reads as two words a line apart (a reader counts it as a split pair). The lines before make room by squeezing their
    punctuation and glue or by breaking elsewhere (total fit); where a paragraph leaves
    no such way (a paragraph's first line: 来自美国的 | David Miller), the phrase breaks
    at its space rather than spread a line past the loose mark — never a line of five
    characters across the measure. A longer phrase breaks at its spaces freely. The
    rule does not depend on the measure, so a headline's items stay shareable."""
    space, cls, n = rules.cls("space"), it.cls, len(it.chars)
    word = [rules.latinish[c] and c != space for c in cls]
    i = 0
    while i < n:
        if not word[i]:
            i += 1
            continue
        start, end, spaces = i, i, []
        while end < n and (word[end] or (cls[end] == space and end + 1 < n and word[end + 1]
                                         and end > start and word[end - 1])):
            if cls[end] == space:
                spaces.append(end)
            end += 1
        price = LATIN_PHRASE_PENALTY if end - start <= LATIN_PHRASE_CHARS else LATIN_SPACE_PENALTY
        for k in spaces:
            if it.penalty[k + 1] != NO_BREAK:
                it.penalty[k + 1] = max(it.penalty[k + 1], price)
        i = end


def _number_groups(it: Items, rules: Rules) -> None:
    """A break after a - or / between two digit groups of a date or a telephone number
    (2026-|12-01, 0412-|2345678: three groups, or a group of four digits) at the table's
    `number_penalty`: each group a number kept whole, the mark ending the line, taken only
    where the number kept whole would spread a line past ~0.19 em. A score or a pair
    (98-95, 7-6, 3/4) is read as one and never breaks."""
    digit, chars, cls = rules.cls("digit"), it.chars, it.cls
    i, n = 0, len(chars)
    while i < n:
        if cls[i] != digit:
            i += 1
            continue
        end, groups = i, [0]
        while end < n and (cls[end] == digit or (chars[end] in rules.number_breaks and end + 1 < n
                                                 and cls[end + 1] == digit and groups[-1])):
            if cls[end] == digit:
                groups[-1] += 1
            else:
                groups.append(0)
            end += 1
        if len(groups) > 2 or (len(groups) == 2 and max(groups) >= 4):
            for k in range(i + 1, end):
                if chars[k - 1] in rules.number_breaks and it.penalty[k] == NO_BREAK:
                    it.penalty[k] = rules.number_penalty
        i = end


def _compounds(it: Items) -> None:
    """A break after the hyphen of a compound (Hans-|Christian, 5G-|Advanced, Saint-|Germain)
    at `COMPOUND_PENALTY`: the hyphen already printed ends the line, as in English setting
    (`compose.hyphens.compound_breaks`: never in an address, COVID-19 or USB-C)."""
    for i in compound_breaks(it.chars):
        if it.penalty[i] == NO_BREAK:
            it.penalty[i] = COMPOUND_PENALTY


def _hyphenation(it: Items, measure_fn) -> None:
    """Break points with a hyphen inside long Latin words (`compose.hyphens`)."""
    found = {}
    for start, end in words(it.chars):
        for p in points(it.chars[start:end]):
            i = start + p
            if it.penalty[i] == NO_BREAK:
                face, adv, _halt = measure_fn(it.faces[i - 1], SOFT_HYPHEN)
                it.penalty[i] = HYPHEN_PENALTY
                found[i] = (face, adv * it.sizes[i - 1])
    it.hyphen = found or None


def _emergency_breaks(it: Items, rules: Rules, measure: float, indent: float) -> None:
    """Open break points inside runs too wide to set: after / . - @ first; inside a URL's
    word only at a price dearer than a loose line (songlin.|gov.cn, not songli|n.gov.cn);
    anywhere in a part wider than the line."""
    for limit, forced in ((measure / 2, False), (measure - indent, True)):
        for start, end, width in _runs(it):
            if width > limit and end - start > 1:
                _open_run(it, start, end, forced, rules)


def _runs(it: Items):
    """(start, end, width) of each run of characters no break may fall inside."""
    n = len(it.chars)
    start, width = 0, 0.0
    for end in range(1, n + 1):
        width += it.box[end - 1]
        if end < n and it.penalty[end] == NO_BREAK:
            width += it.gap[end]
            continue
        yield start, end, width
        start, width = end, 0.0


def widest_run(it: Items) -> float:
    """The widest run of two or more characters no break may fall inside: items built for
    a measure of at least twice this (no indent) open no emergency break, so they are the
    same at every such measure."""
    return max((width for start, end, width in _runs(it) if end - start > 1), default=0.0)


def _open_run(it: Items, start: int, end: int, forced: bool, rules: Rules) -> None:
    digit = rules.cls("digit")
    url = any(ch in rules.url_marks for ch in it.chars[start:end])
    for i in range(start + 1, end):
        if url:
            it.just[i] = 1       # a URL set on lines of its own is letter-spaced
        if it.penalty[i] != NO_BREAK:
            continue
        if forced:
            it.penalty[i] = FORCED_PENALTY
        elif it.chars[i - 1] in rules.emergency_after and it.cls[i] != digit:
            it.penalty[i] = URL_PENALTY
        elif url and not (it.cls[i - 1] == digit and it.cls[i] == digit):
            it.penalty[i] = URL_ANY_PENALTY


def prefix_sums(it: Items) -> None:
    n = len(it.chars)
    p_box = [0.0] * (n + 1)
    lv = ([0.0] * (n + 1), [0.0] * (n + 1), [0.0] * (n + 1))
    slot = {1: 0, 2: 1, 4: 2}
    for i in range(n):
        p_box[i + 1] = p_box[i] + it.box[i]
        for arr in lv:
            arr[i + 1] = arr[i]
        if it.blank[i] > 0:
            k = slot.get(it.level[i])
            if k is not None:
                lv[k][i + 1] += it.blank[i]
    # p_gap[i] = sum of gap[1..i]; the gaps inside line a..b are a+1..b-1.
    p_gap, p_gs, p_gt, p_j = [0.0] * (n + 1), [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1)
    p_t, track = [0] * (n + 1), it.track or [0] * n
    for i in range(1, n):
        p_gap[i] = p_gap[i - 1] + it.gap[i]
        p_gs[i] = p_gs[i - 1] + it.gap_shrink[i]
        p_gt[i] = p_gt[i - 1] + it.gap_stretch[i]
        p_j[i] = p_j[i - 1] + it.just[i]
        p_t[i] = p_t[i - 1] + (track[i] if not it.just[i] else 0)
    p_solid = [0] * (n + 1)
    for i in range(n):
        p_solid[i + 1] = p_solid[i] + (1 if it.solid[i] else 0)
    it.p_solid = p_solid
    if n:
        p_gap[n], p_gs[n], p_gt[n], p_j[n] = p_gap[n - 1], p_gs[n - 1], p_gt[n - 1], p_j[n - 1]
        p_t[n] = p_t[n - 1]
    it.p_track = p_t
    it.p_box, it.p_lv, it.p_gap, it.p_gshrink, it.p_gstretch, it.p_just = p_box, lv, p_gap, p_gs, p_gt, p_j
