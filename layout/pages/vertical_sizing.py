"""Sizing vertical blocks: a 竖题 beside a horizontal body, and vertical bodies (竖排).

`VerticalSizer` is the sizer of every article (boxes.py wraps it for framed
ones). Besides the horizontal plans of `Sizer`, it offers:

- **A 竖题** (`Beside`) — asked for with `headline: vertical`, or offered by
  itself to a block of at most `vertical.auto_columns` columns, priced at
  `COST_TURNED` more than a clean horizontal headline so that the placer
  turns a headline only where the horizontal one breaks badly (inside a
  word, a line of one or two characters, more than `max_lines` lines). In a
  block of two columns or more the group stands at the top of the last
  column(s) and the body flows down the others and on under it; in one
  column it takes whole characters at the right and the first paragraphs
  are set narrow beside it, the rest across the column under it (文包题).
- **A vertical body** (`Tiers`, `direction: vertical`) — the headline group
  and the byline in columns at the right, the body in vertical lines one
  line pitch apart flowing right to left, in tiers of `line_chars`
  characters (between `vertical.min_line_chars` and `max_line_chars`) one
  under another when the block is not wide enough for one.

Either way the plan's `head` is None (the page-level headline passes —
step-down, 撞题 — are for horizontal groups) and `vertical` holds the
layout that `vertical_render.py` draws.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from layout.compose.headline import headline_width
from layout.model import ArticleKind, ParagraphKind
from layout.pages.body import Body
from layout.pages.legs import Group, capacities
from layout.pages.sizing import (COST_BODY_SLACK, COST_HEAD_LINES, COST_THIN_LEGS,
                                 COST_TOO_MANY_LINES, MAX_BODY_SLACK, BlockPlan, Sizer,
                                 _break_cost, title_sizes)
from layout.pages.vertical import VerticalHead, arrange, head_parts

COST_TURNED = 150.0      # a 竖题 the editor did not ask for: only where the horizontal breaks badly
COST_ZONE_HOLE = 8.0     # per row the narrow text beside a 竖题 stops short of it or runs past
COST_NARROW = 4.0        # per character a narrow leg beside a 竖题 gives up
COST_TIER = 20.0         # per tier of a vertical body after the first
COST_LINE_LENGTH = 1.0   # per character a vertical line is away from the middle of its range
MIN_NARROW = 7           # characters: the narrowest leg beside a 竖题
MAX_TIERS = 6
MAX_SPARE_LINES = 3      # lines a vertical body may leave empty at the end of its last tier
COST_SPARE_LINE = 25.0   # per such line
TIER_GAP_ROWS = 1        # rows between tiers of a vertical body


def bad_title(head, most: int) -> bool:
    """A 主题 (of a horizontal or vertical group) broken inside a word, with a line or
    column of one or two characters, or in more than `most` lines or columns."""
    title = next((s for r, s in head.parts if r == "title"), None)
    return title is not None and bool(title.inside_words or title.stubs or len(title.lines) > most)


@dataclass(frozen=True, slots=True)
class Beside:
    """A 竖题 at the right of a block whose body is horizontal."""

    head: VerticalHead
    head_rows: int        # rows the group takes from the top of the text area (with its air)
    strip: int = 0        # page columns it stands over (a block of two columns or more)
    strip_chars: int = 0  # in one column: characters of the column it takes
    zone_lines: int = 0   # in one column: lines set narrow beside it
    zone_rows: int = 0    # rows the group and those lines take
    rest: tuple[int, int] = (0, 0)   # where the text across the column starts (rest_body)


@dataclass(frozen=True, slots=True)
class Tiers:
    """A vertical body: tiers of vertical lines, the headline group right of the first."""

    head: VerticalHead | None
    line_chars: int                 # characters down a line
    tier_rows: int                  # rows a tier takes
    capacities: tuple[int, ...]     # lines each tier holds
    strip: float                    # points the headline group takes at the first tier's right


def fill_tiers(groups: tuple[Group, ...], capacities) -> tuple[tuple, ...] | None:
    """Lines per tier, each tier filled before the next; None if they do not fit."""
    legs, queue = [], list(groups)
    for capacity in capacities:
        leg: list = []
        while queue:
            rows = [r for r in queue[0].rows if leg or r.kind not in ("space", "rule")]
            if len(leg) + len(rows) > capacity:
                break
            leg.extend(rows)
            queue.pop(0)
        legs.append(tuple(leg))
    return None if queue else tuple(legs)


def zone_splits(body: Body, want: int) -> list[tuple[int, tuple[int, int]]]:
    """Where the narrow text beside a 竖题 may end, near `want` rows: (rows set narrow,
    (paragraph the rest starts in, its characters already set)). At `want` itself when
    that falls between two lines of a body paragraph (the rest of the paragraph goes on
    across the column without a new indent), and at the paragraph ends on either side;
    never inside a 小标题's group or a stanza."""
    paragraphs, rows = body.article.paragraphs, []
    bounds = {0}
    for group in body.groups:
        rows.extend(group.rows)
        bounds.add(len(rows))
    out = []
    for n in sorted(bounds):
        if n == 0:
            continue
        after = rows[n].paragraph if n < len(rows) else len(paragraphs)
        if after != rows[n - 1].paragraph:
            out.append((n, (after, 0)))
        elif n == want and paragraphs[after].kind is ParagraphKind.BODY \
                and not (paragraphs[after].runin or paragraphs[after].title):
            done = sum(len(r.line.glyphs) for r in rows[:n] if r.paragraph == after and r.line)
            out.append((n, (after, done)))
    below = [c for c in out if c[0] <= want]
    above = [c for c in out if c[0] > want]
    return below[-1:] + above[:1]


@dataclass
class VerticalSizer(Sizer):
    """A Sizer that also offers 竖题 and vertical bodies (see the module doc)."""

    def _options(self, columns: int) -> dict[int, BlockPlan]:
        article = self.article
        if self.sets_vertical:
            return self._tiers_at(columns)
        wanted = article.hints.headline
        if wanted == "vertical":
            best: dict[int, BlockPlan] = {}
            self._beside_options(best, columns, 0.0)
            return best or super()._options(columns)
        best = super()._options(columns)
        if wanted is None and self._may_turn(columns) and self._breaks_badly(columns):
            turned: dict[int, BlockPlan] = {}
            self._beside_options(turned, columns, COST_TURNED)
            return turned or best     # the 竖题 instead of a 主题 that breaks badly across
        return best

    def _breaks_badly(self, columns: int) -> bool:
        """Every horizontal 主题 of the rank at this width breaks badly: inside a word,
        a line of one or two characters, more than `max_lines` lines."""
        most = self.style.headlines.max_lines
        return all(bad_title(head, most) for head, _cost in self._heads(columns) if head is not None)

    def _may_turn(self, columns: int) -> bool:
        a = self.article
        return (columns <= self.style.edition.vertical_auto_columns and bool(a.headline.title)
                and bool(a.paragraphs) and not a.photos and a.kind is ArticleKind.STORY)

    @property
    def sets_vertical(self) -> bool:
        """A vertical body (`direction: vertical`) that some width of the block holds in
        tiers; one no width holds is set across like any other (never half and half)."""
        key = "sets vertical"
        if key not in self._cache:
            a = self.article
            self._cache[key] = bool(a.vertical and a.paragraphs
                                    and any(self._tiers_at(c) for c in self.widths()))
        return self._cache[key]

    def _tiers_at(self, columns: int) -> dict[int, BlockPlan]:
        key = ("tiers", columns)
        if key not in self._cache:
            self._cache[key] = self._tier_options(columns)
        return self._cache[key]

    def body_at(self, chars: int) -> Body:
        if self.sets_vertical:
            return self.vertical_body(chars)
        return super().body_at(chars)

    def vertical_body(self, chars: int) -> Body:
        """The body in vertical lines of `chars` characters (its byline stands in the
        headline's columns)."""
        key = ("vbody", chars)
        if key not in self._cache:
            self._cache[key] = Body(replace(self.article, byline=""), self.style, self.fonts,
                                    self.breaker, chars * self.style.body_size, vertical=True)
        return self._cache[key]

    def rest_body(self, start: tuple[int, int]) -> Body | None:
        """The text after the narrow lines beside a 竖题, across the column: from paragraph
        `start[0]`, less the `start[1]` characters set narrow (the 电头's first); None when
        that would split the 电头."""
        key = ("rest", start)
        if key not in self._cache:
            self._cache[key] = self._rest(*start)
        return self._cache[key]

    def _rest(self, index: int, done: int) -> Body | None:
        a = self.article
        paragraphs = list(a.paragraphs[index:])
        if done:
            first_body = next(i for i, p in enumerate(a.paragraphs) if p.kind is ParagraphKind.BODY)
            skip = done - (len(a.dateline) if index == first_body else 0)
            if skip <= 0:
                return None
            head = paragraphs[0]
            paragraphs[0] = replace(head, text=head.text[skip:], continued=True)
        rest = replace(a, paragraphs=tuple(paragraphs), byline="", dateline="")
        return Body(rest, self.style, self.fonts, self.breaker)

    # ------------------------------------------------------------ the headline group

    def vertical_heads(self, columns: int, cap: float | None = None, byline: bool = False):
        """(group, cost) for each 主题 size of the rank, in one, two or three columns
        (at most `cap` points long), priced like a horizontal group's breaks; only those
        that break cleanly (between words, no column of one or two characters) when any
        does, as issue 11's rules ask of a horizontal 主题."""
        a, hl = self.article, self.style.headlines
        if not a.headline.title:
            if byline and a.byline:
                yield arrange(head_parts(a, self.style, self.fonts, hl.faces[0], self.style.body_size,
                                         cap or 1e9, byline)), 0.0
            return
        low, high = self.title_range()
        found = []
        for size in title_sizes(low, high):
            for head in self._turned_heads(hl.faces[0], size, cap, byline):
                lines = len(head.title.lines)
                found.append((head, self.size_cost(size, columns)
                              + COST_HEAD_LINES * (lines - 1) + _break_cost(head)
                              + COST_TOO_MANY_LINES * max(0, lines - hl.max_lines)))
        clean = [f for f in found if not bad_title(f[0], hl.max_lines)]
        yield from clean or found

    def _turned_heads(self, face: str, size: float, cap: float | None, byline: bool,
                      counts=(1, 2, 3)):
        """The group with its 主题 in `face` at `size`, in each of `counts` columns."""
        a, seen = self.article, set()
        natural = headline_width(a.headline.title, face, size, self.fonts)
        for count in counts:
            length = natural / count + (size if count > 1 else 0.0)
            if cap is not None and length > cap + 0.01:
                continue
            head = arrange(head_parts(a, self.style, self.fonts, face, size,
                                      cap if count == 1 and cap else length, byline))
            shape = tuple(c.line.text for c in head.columns)
            if shape in seen or (cap is not None and head.height > cap + 0.01):
                continue
            seen.add(shape)
            yield head

    def turned_in(self, plan: BlockPlan, face: str, size: float) -> BlockPlan | None:
        """`plan` (a 竖题 beside its body) with the 主题 in another face or size, in as many
        columns, if it breaks as cleanly and stands in the rows and strip the plan gave
        the group (撞题, zhuangti.py); else None."""
        layout = plan.vertical
        if not isinstance(layout, Beside) or layout.head.title is None:
            return None
        old = layout.head
        b = self.style.body_size
        room = (self.grid.span(layout.strip) - 2 * b) if layout.strip else (layout.strip_chars - 1) * b
        for head in self._turned_heads(face, size, None, False, counts=(len(old.title.lines),)):
            if head.title is None or len(head.title.lines) != len(old.title.lines):
                continue
            fits = (self.grid.rows_for(head.height + self.grid.pitch) <= layout.head_rows
                    and head.width <= room + 0.01)
            if fits and _break_cost(head) <= _break_cost(old):
                return replace(plan, vertical=replace(layout, head=head))
        return None

    def _photos_above(self, columns: int):
        plans = tuple(self._photo(p, columns, None) for p in self.article.photos)
        return plans, sum(p.rows + len(p.caption) for p in plans)

    # ------------------------------------------------------------ 竖题 beside a body

    def _beside_options(self, best: dict, columns: int, base: float) -> None:
        photos, photo_rows = self._photos_above(columns)
        for head, cost in self.vertical_heads(columns):
            head_rows = self.grid.rows_for(head.height + self.grid.pitch)
            if columns >= 2:
                self._strip_options(best, columns, head, head_rows, base + cost, photos, photo_rows)
            else:
                self._zone_options(best, head, head_rows, base + cost, photos, photo_rows)

    def _add(self, best: dict, rows: int, plan: BlockPlan) -> None:
        if rows not in best or plan.cost < best[rows].cost - 1e-9:
            best[rows] = plan

    def _strip_options(self, best, columns, head, head_rows, cost, photos, photo_rows) -> None:
        """The group over the last column(s), the body down the others and on under it."""
        air = self.style.body_size
        strip = next((s for s in range(1, columns) if self.grid.span(s) >= head.width + 2 * air), 0)
        if not strip:
            return
        body = self.body
        body_rows = body.rows_needed_around(columns, strip, head_rows)
        spare = body_rows * columns - head_rows * strip - body.line_count
        shape = (self._shape_cost(columns, body_rows) + COST_BODY_SLACK * max(0, spare - columns)
                 + self._under_head(body, columns, strip, head_rows, body_rows))
        layout = Beside(head, head_rows, strip=strip)
        for slack in range(MAX_BODY_SLACK + 1):
            rows = photo_rows + body_rows + slack
            total = cost + shape + COST_BODY_SLACK * slack * columns
            self._add(best, rows, BlockPlan(self.article, columns, rows, total, None, photos,
                                            body_rows + slack, columns, self.style.column_chars,
                                            vertical=layout))

    def _under_head(self, body: Body, columns: int, strip: int, head_rows: int,
                    body_rows: int) -> float:
        """A leg under the 竖题 holding a line or a few (走了，又像是什么都没有带走。 alone
        under the group while the legs beside run on 20 lines): COST_THIN_LEGS per line it
        holds fewer than makeup.min_leg_lines. None at all — the 竖题 standing at the
        block's edge over white, the legs beside it of one height — is priced as slack."""
        legs = body.flow_around(capacities(columns, strip, head_rows, body_rows)) or ()
        least = self.style.makeup.min_leg_lines
        under = [len(leg) for leg in legs[columns - strip:]]
        return COST_THIN_LEGS * sum(least - n for n in under if 0 < n < least)

    def _zone_options(self, best, head, head_rows, cost, photos, photo_rows) -> None:
        """One column: the group at the right, the text narrow beside it, then across."""
        b, chars = self.style.body_size, self.style.column_chars
        strip_chars = math.ceil((head.width + b) / b - 1e-6)
        narrow = chars - strip_chars
        if narrow < MIN_NARROW:
            return
        for lines, start in zone_splits(self.body_at(narrow), head_rows):
            rest = self.rest_body(start)
            if rest is None:
                continue
            rest_rows = rest.rows_needed(1) if rest.article.paragraphs else 0
            zone_rows = max(head_rows, lines)
            layout = Beside(head, head_rows, strip_chars=strip_chars, zone_lines=lines,
                            zone_rows=zone_rows, rest=start)
            shape = (self._shape_cost(1, zone_rows + rest_rows) + COST_NARROW * strip_chars
                     + COST_ZONE_HOLE * abs(lines - head_rows))
            for slack in range(MAX_BODY_SLACK + 1):
                rows = photo_rows + zone_rows + rest_rows + slack
                total = cost + shape + COST_BODY_SLACK * slack
                self._add(best, rows, BlockPlan(self.article, 1, rows, total, None, photos,
                                                zone_rows + rest_rows + slack, 1, chars,
                                                vertical=layout))

    # ------------------------------------------------------------ a vertical body

    def _tier_options(self, columns: int) -> dict[int, BlockPlan]:
        best: dict[int, BlockPlan] = {}
        b, pitch = self.style.body_size, self.grid.pitch
        low, high = self.style.edition.vertical_line_chars
        middle = (low + high) / 2
        photos, photo_rows = self._photos_above(columns)
        span = self.grid.span(columns)
        for tier_rows in range(1, self.grid.rows + 1):
            chars = int((tier_rows * pitch - b) // b)     # half a character of air top and foot
            if not low <= chars <= high:
                continue
            body = self.vertical_body(chars)
            heads = list(self.vertical_heads(columns, chars * b, byline=True)) or [(None, 0.0)]
            for head, cost in heads:
                strip = head.width + pitch if head else 0.0
                layout = self._tiers(body, head, chars, tier_rows, strip, span)
                if layout is None:
                    continue
                tiers = len(layout.capacities)
                spare = sum(layout.capacities) - body.line_count
                if spare > MAX_SPARE_LINES:
                    continue
                rows = photo_rows + tiers * tier_rows + (tiers - 1) * TIER_GAP_ROWS
                total = (cost + COST_SPARE_LINE * spare + COST_TIER * (tiers - 1)
                         + COST_LINE_LENGTH * abs(chars - middle))
                self._add(best, rows, BlockPlan(self.article, columns, rows, total, None, photos,
                                                rows - photo_rows, tiers, chars, vertical=layout))
        return best

    def _tiers(self, body: Body, head, chars: int, tier_rows: int, strip: float,
               span: float) -> Tiers | None:
        pitch = self.grid.pitch
        first, full = int((span - strip) // pitch), int(span // pitch)
        if first < 1:
            return None
        capacities = [first]
        while fill_tiers(body.groups, capacities) is None:
            if len(capacities) >= MAX_TIERS:
                return None
            capacities.append(full)
        return Tiers(head, chars, tier_rows, tuple(capacities), strip)
