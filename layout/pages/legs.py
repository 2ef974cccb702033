"""Leg cutting and widow mending: an article's rows cut into legs (columns) on the grid.

A body (`pages.body`) is a sequence of `Group`s of `Row`s that stay together in one
leg. `fill` cuts them into balanced legs that differ by at most a line (two, where a
line over an even share would stand alone on the legs' last row); `fill_into` into
legs of given capacities (beside a photo). Where a leg would open with the last line
of a paragraph begun in the leg before (孤行, a widow: `widows`), a page editor's two
means are tried: `mended` moves the leg breaks up to WIDOW_REACH groups, within the
block's height and the grid; `without_widows` has the body set a paragraph before it a
line longer or shorter (the composer's looseness) and fills the legs again.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.compose import Line


@dataclass(frozen=True, slots=True)
class Row:
    """One row of body: a line of text, or blank space before a subhead."""

    line: Line | None
    kind: str             # "body", "subhead", "verse", "byline", "space", "rule" (简讯), "jump"
    size: float
    paragraph: int        # index of the paragraph it belongs to


@dataclass(frozen=True, slots=True)
class Group:
    """Rows that stay together in one column (a subhead with its first body line)."""

    rows: tuple[Row, ...]


def widows(legs) -> int:
    """Legs that open with the last line of a paragraph begun in the leg before (孤行, a
    widow): the copy-fit report lists them for the page editor, who cuts or adds a line."""
    count, before = 0, None
    for leg in legs:
        text = [r for r in leg if r.line is not None and r.kind == "body"]
        if text and before is not None and leg[0] is text[0]:
            first = text[0]
            follows = len(text) > 1 and text[1].paragraph == first.paragraph
            if not follows and before.paragraph == first.paragraph:
                count += 1
        if text:
            before = text[-1]
    return count


LOOSE_PARAGRAPHS = 6   # paragraphs before a widow the composer is asked to set a line looser
NOTCH_FROM = 6    # legs this tall may end a line short before a longer one (a shorter leg
#                   shows as a notch in a block of a few lines, a hole over what stands under)
WIDOW_REACH = 2   # groups a leg break may move to keep a paragraph's last line off a leg's top


def without_widows(body, refill, legs, limits: list[int]):
    """`legs` (filled by `refill` from groups) where one opens with a widow: filled again
    from `body` (a `pages.body.Body`) with a paragraph before it set a line longer or
    shorter, or one a line longer and another a line shorter (as a page editor asks the
    composer), when that leaves fewer widows, no leg past the block's height, no row alone
    at the foot where there was none; else as they were."""
    limits = _within_foot([len(leg) for leg in legs], limits)
    lone = _lone_rows([len(leg) for leg in legs], limits)
    steps = _steps([len(leg) for leg in legs], limits)
    best, best_key = legs, (widows(legs), 0, 0)
    for changes in _loose_choices(body, legs):
        paragraphs = list(body.paragraphs)
        for index, lines in changes:
            paragraphs[index] = body.loosened(index, lines)
        if any(p is None for p in paragraphs):
            continue
        found = refill(body.groups_of(tuple(paragraphs)))
        lengths = [len(leg) for leg in found or ()]
        if (not found or any(n > limit for n, limit in zip(lengths, limits))
                or _lone_rows(lengths, limits[:len(lengths)]) > lone):
            continue
        notches = max(0, _steps(lengths, limits[:len(lengths)]) - steps)
        if notches and max(lengths) < NOTCH_FROM:
            continue
        key = (widows(found), notches, len(changes))
        if key < best_key:
            best, best_key = found, key
            if key[0] == 0:
                break
    return best


def _loose_choices(body, legs):
    """Paragraph changes worth trying against the widows of `legs`: each body paragraph
    in the legs up to the last widowed one a line longer or shorter, then pairs of
    them, one longer and one shorter (the legs' lengths kept)."""
    last = max((n for n in range(1, len(legs)) if widows(legs[n - 1:n + 1])),
               default=len(legs) - 1)
    seen = sorted({r.paragraph for leg in legs[:last + 1] for r in leg
                   if r.kind == "body" and r.line is not None}, reverse=True)
    near = seen[:LOOSE_PARAGRAPHS]
    for index in near:
        for lines in (1, -1):
            yield ((index, lines),)
    for a in near:
        for b in near:
            if a != b:
                yield ((a, 1), (b, -1))


def mended(groups: tuple[Group, ...], counts: tuple[int, ...], limits: list[int],
           strip_all: bool) -> tuple[tuple[Row, ...], ...]:
    """The legs of `counts` groups each; where one opens with a widow (a paragraph's last
    line alone at its top), the breaks there and beside it moved up to WIDOW_REACH groups
    so that none does, as a page editor moves a leg's foot a line: every leg within its
    limit (the block's height or the room beside a photo), its foot never alone on a row
    where it was not (the legs stay balanced on the grid), no new paragraph's first line
    alone at a leg's foot, and of those the legs nearest the balanced ones."""
    cuts = _cuts(groups, strip_all)
    legs = cuts.legs(counts)
    if not widows(legs):
        return legs
    filled = [k for k, c in enumerate(counts) if c]
    at = [sum(counts[:k + 1]) for k in filled[:-1]]      # the breaks between filled legs
    base = cuts.lengths(counts)
    limits = _within_foot(base, limits)
    lone, orphans = _lone_rows(base, limits), sum(map(cuts.orphan_at, at))
    steps = _steps(base, limits)
    best, best_key = at, (0, cuts.widows(at), 0, 0, 0)
    for moved, lengths in _breaks_within(cuts, filled, at, base, limits):
        notches = max(0, _steps(lengths, limits) - steps)
        if notches and max(lengths) < NOTCH_FROM:
            continue
        key = (max(0, _lone_rows(lengths, limits) - lone), cuts.widows(moved), notches,
               max(0, sum(map(cuts.orphan_at, moved)) - orphans),
               sum((x - y) ** 2 for x, y in zip(lengths, base)))
        if key < best_key:
            best, best_key = moved, key
    if best is at:
        return legs
    edges = [0] + best + [len(groups)]
    moved_counts = list(counts)
    for k, a, b in zip(filled, edges, edges[1:]):
        moved_counts[k] = b - a
    out = cuts.legs(tuple(moved_counts))
    return out if widows(out) < widows(legs) else legs


def _breaks_within(cuts: "_Cuts", filled: list[int], at: list[int], base: list[int],
                   limits: list[int]):
    """Every placing of the breaks `at` (between the legs `filled`) each within WIDOW_REACH
    groups of where it stands, no leg past its limit: (breaks, leg lengths), depth first,
    a leg given up as soon as it is too long."""
    end = len(cuts.groups)

    def walk(n: int, start: int, moved: list[int], lengths: list[int]):
        if n == len(at):
            last = cuts.start[end] - cuts.start[start] - cuts.strip[start]
            if start < end and last <= limits[filled[n]]:
                lengths[filled[n]] = last
                yield list(moved), list(lengths)
            return
        for g in range(max(start + 1, at[n] - WIDOW_REACH), min(end, at[n] + WIDOW_REACH + 1)):
            length = cuts.start[g] - cuts.start[start] - cuts.strip[start]
            if length > limits[filled[n]]:
                break
            lengths[filled[n]] = length
            moved.append(g)
            yield from walk(n + 1, g, moved, lengths)
            moved.pop()

    yield from walk(0, 0, [], list(base))


_CUTS: dict[int, "_Cuts"] = {}


def _cuts(groups: tuple[Group, ...], strip_all: bool) -> "_Cuts":
    """The `_Cuts` of `groups` (kept for the last bodies asked about: the placer asks the
    same body at many heights)."""
    found = _CUTS.get(id(groups))
    if found is None or found.groups is not groups or found.strip_all != strip_all:
        found = _CUTS[id(groups)] = _Cuts(groups, strip_all)
        if len(_CUTS) > 64:
            del _CUTS[next(iter(_CUTS))]
    return found


class _Cuts:
    """Prefix sums over a body's groups for pricing leg breaks quickly (see `mended`)."""

    def __init__(self, groups: tuple[Group, ...], strip_all: bool) -> None:
        self.groups, self.strip_all = groups, strip_all
        self.flat = [r for g in groups for r in g.rows]
        self.start = [0]
        for g in groups:
            self.start.append(self.start[-1] + len(g.rows))
        self.strip = [self._stripped(g) for g in groups] + [0]

    def _stripped(self, group: Group) -> int:
        """Rows a group loses at the top of a leg (blank rows and rules)."""
        blank = [r.kind in ("space", "rule") for r in group.rows]
        if self.strip_all:
            return sum(blank)
        return 1 if blank and blank[0] else 0

    def legs(self, counts: tuple[int, ...]) -> tuple[tuple[Row, ...], ...]:
        out, at = [], 0
        for count in counts:
            leg: list[Row] = []
            for group in self.groups[at:at + count]:
                rows = group.rows
                if not leg:
                    rows = tuple(r for r in rows if r.kind not in ("space", "rule")) \
                        if self.strip_all else rows[self.strip[at]:]
                leg.extend(rows)
            at += count
            out.append(tuple(leg))
        return tuple(out)

    def lengths(self, counts: tuple[int, ...]) -> list[int]:
        out, at = [], 0
        for count in counts:
            out.append(self.start[at + count] - self.start[at] - (self.strip[at] if count else 0))
            at += count
        return out

    def _text(self, i: int) -> Row | None:
        row = self.flat[i] if 0 <= i < len(self.flat) else None
        return row if row is not None and row.kind == "body" and row.line is not None else None

    def widows(self, breaks: list[int]) -> int:
        """Legs opening at `breaks` with a paragraph's last line begun before (as `widows`)."""
        ends = list(breaks[1:]) + [len(self.groups)]
        return sum(self.widow_at(g, h) for g, h in zip(breaks, ends))

    def widow_at(self, g: int, h: int) -> bool:
        """A leg of groups g..h opens with a paragraph's last line begun before it."""
        i = self.start[g] + self.strip[g]
        first, before = self._text(i), self._text(self.start[g] - 1)
        after = self._text(i + 1) if i + 1 < self.start[h] else None
        return (first is not None and before is not None and first.paragraph == before.paragraph
                and (after is None or after.paragraph != first.paragraph))

    def orphan_at(self, g: int) -> bool:
        """A leg ending before group `g` ends with a paragraph's first line alone."""
        last, above = self._text(self.start[g] - 1), self._text(self.start[g] - 2)
        first = self._text(self.start[g] + self.strip[g])
        return (last is not None and first is not None and last.paragraph == first.paragraph
                and (above is None or above.paragraph != last.paragraph))


def _within_foot(lengths: list[int], limits: list[int]) -> list[int]:
    """The legs' limits lowered so that none ends below the foot of the longest of
    `lengths` (legs end at their limit's foot): a moved break never makes the block
    taller, even where the room beside a photo would hold another row."""
    top = max(limits, default=0)
    foot = max((top - limit + n for n, limit in zip(lengths, limits) if n), default=0)
    return [min(limit, foot - (top - limit)) for limit in limits]


def _steps(lengths: list[int], limits: list[int]) -> int:
    """Legs whose foot stands above the next leg's (a shorter leg before a longer one)."""
    top = max(limits, default=0)
    feet = [top - limit + n for n, limit in zip(lengths, limits) if n]
    return sum(1 for a, b in zip(feet, feet[1:]) if a < b)


def _lone_rows(lengths: list[int], limits: list[int]) -> int:
    """Rows at the block's foot that only one leg reaches (legs end at their limit's foot)."""
    top = max(limits, default=0)
    feet = sorted((top - limit + n for n, limit in zip(lengths, limits) if n), reverse=True)
    return feet[0] - feet[1] if len(feet) > 1 else 0


def capacities(columns: int, photo_columns: int, photo_rows: int, height: int) -> list[int]:
    """Rows each leg holds: full height, but the legs under the photos lose their top rows."""
    return [height] * (columns - photo_columns) + [height - photo_rows] * photo_columns


def fill_into(groups: tuple[Group, ...], capacities: list[int]):
    """Fill legs of the given capacities in turn, spreading the spare rows over them."""
    legs: list[list[Row]] = []
    remaining = sum(len(g.rows) for g in groups)
    queue = list(groups)
    rooms = [c for c in capacities if c > 0]
    lone = (len(rooms) >= 3 and len(set(rooms)) == 1 and remaining % len(rooms) == 1
            and remaining // len(rooms) >= 3)   # as in fill: two legs share the extra line
    counts: list[int] = []
    for index, capacity in enumerate(capacities):
        spare = max(0, sum(capacities[index:]) - remaining)
        # legs of no room (under a photo as tall as the body) take no share of the spare
        quota = capacity - spare // max(1, sum(1 for c in capacities[index:] if c > 0))
        quota += lone and index == 1
        leg: list[Row] = []
        taken = 0
        while queue:
            rows = [r for r in queue[0].rows if leg or r.kind not in ("space", "rule")]
            if len(leg) + len(rows) > capacity:
                break
            excess = len(leg) + len(rows) - quota
            if leg and excess > 0 and excess >= quota - len(leg):
                break
            leg.extend(rows)
            remaining -= len(queue.pop(0).rows)
            taken += 1
        legs.append(leg)
        counts.append(taken)
    if queue:
        return None
    return mended(groups, tuple(counts), list(capacities), strip_all=True)


def fill(groups: tuple[Group, ...], columns: int) -> tuple[tuple[Row, ...], ...]:
    """Fill columns in turn, each to its share of the rows still to place."""
    legs: list[list[Row]] = []
    remaining = sum(len(g.rows) for g in groups)
    queue = list(groups)
    shared = False   # the leg before took the tallest row's line alone: this one shares it
    counts: list[int] = []
    for column in range(columns):
        left = columns - column
        quota = -(-remaining // left) + shared
        # one line over an even share would stand alone on the legs' last row, off the
        # grid across the page: two legs take a line more, the last one fewer
        shared = column == 0 and left >= 3 and remaining % left == 1 and remaining // left >= 3
        leg: list[Row] = []
        taken = 0
        while queue:
            rows = list(queue[0].rows)
            if not leg and rows and rows[0].kind in ("space", "rule"):
                rows = rows[1:]  # no blank row (or rule) at the top of a column
            last_column = column == columns - 1
            excess = len(leg) + len(rows) - quota
            if leg and excess > 0 and not last_column and excess >= quota - len(leg):
                break  # stopping short leaves less of a gap than running over
            leg.extend(rows)
            remaining -= len(queue.pop(0).rows)
            taken += 1
        legs.append(leg)
        counts.append(taken)
    counts = [c for c in counts if c]
    height = max((len(leg) for leg in legs), default=0)
    return mended(groups, tuple(counts), [height] * len(counts), strip_all=False)
