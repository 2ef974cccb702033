"""An article's body as rows on the grid, and its flow into balanced columns.

Body paragraphs are composed once at the column measure; a 小标题 is a group
of rows (a blank row, then its lines) kept with the line that follows it. The
flow fills columns to a common height so legs differ by at most a line (two,
where a line over an even share would stand alone on the legs' last row).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from itertools import product

from layout.compose import ComposedParagraph, Line, ParagraphSpec, Span, compose_paragraph
from layout.compose.verse import set_stanza, set_verse_line
from layout.fonts import FontSet
from layout.model import Article, ParagraphKind
from layout.pages.headline import set_part
from layout.pages.runs import natural_line
from layout.style import HouseStyle


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


def body_spans(article: Article, index: int, text: str, style: HouseStyle) -> tuple[Span, ...]:
    body = style.role("body")
    spans = (Span(text, body.face, body.size),)
    if index == 0 and article.dateline:
        dateline = style.role("dateline")
        spans = (Span(article.dateline, dateline.face, body.size),) + spans
    return spans


@dataclass(frozen=True)
class Body:
    """The composed body of one article at one measure (the column's, or a 破栏 leg's)."""

    article: Article
    style: HouseStyle
    fonts: FontSet
    breaker: str = "total-fit"
    measure: float = 0.0   # points; 0 means the house column
    vertical: bool = False  # lines are vertical columns `measure` long (a vertical article)

    @cached_property
    def paragraphs(self) -> tuple[ComposedParagraph, ...]:
        measure = self.measure or self.style.column_width
        spec = ParagraphSpec(measure, breaker=self.breaker, punctuation=self.style.punctuation,
                             vertical=self.vertical)
        out, first_body = [], True
        for i, para in enumerate(self.article.paragraphs):
            if para.kind is ParagraphKind.VERSE:
                out.append(ComposedParagraph(tuple(l for v in self.stanza(i) for l in v)))
                continue
            if para.kind is ParagraphKind.SUBHEAD:
                role = self.style.role("subhead")
                lines = set_part(para.text, role.face, role.size, measure, self.fonts, "subhead",
                                 self.vertical).lines
                out.append(ComposedParagraph(lines))
                continue
            spans = body_spans(self.article, 0 if first_body else 1, para.text, self.style)
            first_body = False
            if para.continued:  # the rest of a paragraph a jump (or a 竖题) cut: no indent
                out.append(compose_paragraph(spans, replace(spec, indent_em=0), self.fonts))
                continue
            if para.runin:  # a 简讯 item: its byline and 电头 in bold, run in
                lead = self.style.role("dateline")
                spans = (Span(para.runin, lead.face, self.style.body_size),) + spans
            out.append(compose_paragraph(spans, spec, self.fonts))
        return tuple(out)

    @cached_property
    def groups(self) -> tuple[Group, ...]:
        """Keep-together groups of rows, in reading order."""
        return self._groups(self.paragraphs)

    def _groups(self, paragraphs: tuple[ComposedParagraph, ...]) -> tuple[Group, ...]:
        """The groups of rows of the body set as `paragraphs` (its own, or one set looser)."""
        groups: list[Group] = []
        pending: list[Row] = []
        size = self.style.body_size
        if self.article.byline:  # the byline heads the first column
            role = self.style.role("byline")
            line = set_part(self.article.byline, role.face, size,
                            self.measure or self.style.column_width, self.fonts, "byline",
                            self.vertical).lines
            pending = [Row(l, "byline", size, -1) for l in line]
        if self.article.jump_from:   # a jump's continuation opens with 上接第N版
            groups.append(Group(tuple(pending) + (self.jump_row(self.style.edition.jump_from,
                                                               self.article.jump_from),)))
            pending = []
        previous = None
        for i, (para, composed) in enumerate(zip(self.article.paragraphs, paragraphs)):
            kinds, previous = (previous, para.kind), para.kind
            if ParagraphKind.VERSE in kinds and None not in kinds and not pending:
                pending = [Row(None, "space", size, i)]  # a blank row sets verse apart
            if para.title:   # a 简讯 item's title, on its own lines, kept with its text
                pending = pending + [Row(l, "subhead", size, i) for l in self.item_title(i)]
            if para.title and groups and self.style.edition.brief_separator == "rule":
                pending = [Row(None, "rule", size, i)] + pending  # a thin rule between items
            if para.kind is ParagraphKind.VERSE:
                for verse_line in self.stanza(i):  # a wrapped line of verse stays together
                    groups.append(Group(tuple(pending) + tuple(
                        Row(l, "verse", size, i) for l in verse_line)))
                    pending = []
                continue
            if para.kind is ParagraphKind.SUBHEAD:
                pending = pending + [Row(None, "space", size, i)] + [
                    Row(l, "subhead", size, i) for l in composed.lines]
                continue
            for n, line in enumerate(composed.lines):
                rows = pending + [Row(line, "body", size, i)]
                pending = []
                groups.append(Group(tuple(rows)))
        if pending:
            groups.append(Group(tuple(pending)))
        if self.article.jump_to:     # a jump's first part ends with 下转第N版
            groups.append(Group((self.jump_row(self.style.edition.jump_to, self.article.jump_to),)))
        return tuple(groups)

    def jump_row(self, text: str, page: int) -> Row:
        """A jump line set flush right in the leg."""
        role = self.style.role("jump")
        line = natural_line(text.format(page=page), role.face, role.size, self.fonts)
        dx = (self.measure or self.style.column_width) - line.width
        line = replace(line, glyphs=tuple(replace(g, x=g.x + dx) for g in line.glyphs),
                       width=line.width + dx)
        return Row(line, "jump", self.style.body_size, -1)

    def item_title(self, index: int) -> tuple[Line, ...]:
        """The title of the 简讯 item paragraph `index` opens: flush left in the 小标题 role,
        a wrapped line under a hanging indent of one em (after the ■)."""
        role = self.style.role("subhead")
        return set_verse_line(self.article.paragraphs[index].title, role.face, role.size,
                              self.measure or self.style.column_width, 1.0, self.fonts,
                              self.style.punctuation, self.vertical)

    def stanza(self, index: int) -> tuple[tuple[Line, ...], ...]:
        """The lines of paragraph `index`, a stanza, each as the set lines it takes."""
        role = self.style.role("verse")
        return set_stanza(self.article.paragraphs[index].text, role.face, role.size,
                          self.measure or self.style.column_width,
                          self.style.edition.verse_hang, self.fonts, self.style.punctuation,
                          self.vertical)

    @cached_property
    def verse_wraps(self) -> int:
        """Lines of verse too long for the measure (each wraps under a hanging indent)."""
        return sum(len(v) - 1 for i, p in enumerate(self.article.paragraphs)
                   if p.kind is ParagraphKind.VERSE for v in self.stanza(i))

    @cached_property
    def _memo(self) -> dict:
        return {}

    @cached_property
    def line_count(self) -> int:
        return sum(len(g.rows) for g in self.groups)

    @cached_property
    def lone_lines(self) -> int:
        return sum(1 for p in self.paragraphs if p.lone_last_line)

    def loosened(self, index: int, lines: int) -> ComposedParagraph | None:
        """Body paragraph `index` set `lines` (±1) lines longer, every line within the
        composer's looseness limits and no 孤字 at its end; None where it cannot be."""
        para, composed = self.article.paragraphs[index], self.paragraphs[index]
        if para.kind is not ParagraphKind.BODY or len(composed.lines) + lines < 1:
            return None
        key = ("loose", index, lines)
        if key not in self._memo:
            spec = ParagraphSpec(self.measure or self.style.column_width, breaker=self.breaker,
                                 punctuation=self.style.punctuation, vertical=self.vertical,
                                 looseness=lines)
            first = next(i for i, p in enumerate(self.article.paragraphs)
                         if p.kind not in (ParagraphKind.VERSE, ParagraphKind.SUBHEAD))
            spans = body_spans(self.article, 0 if index == first else 1, para.text, self.style)
            if para.continued:
                spec = replace(spec, indent_em=0)
            elif para.runin:
                spans = (Span(para.runin, self.style.role("dateline").face,
                              self.style.body_size),) + spans
            found = compose_paragraph(spans, spec, self.fonts)
            good = len(found.lines) == len(composed.lines) + lines and not found.lone_last_line
            self._memo[key] = found if good else None
        return self._memo[key]

    def _without_widows(self, fill, legs, limits: list[int]):
        """`legs` (filled by `fill` from groups) where one opens with a widow: filled again
        from the body with a paragraph before it set a line longer or shorter, or one a
        line longer and another a line shorter (as a page editor asks the composer), when
        that leaves fewer widows, no leg past the block's height, no row alone at the foot
        where there was none; else as they were."""
        limits = _within_foot([len(leg) for leg in legs], limits)
        lone = _lone_rows([len(leg) for leg in legs], limits)
        steps = _steps([len(leg) for leg in legs], limits)
        best, best_key = legs, (widows(legs), 0, 0)
        for changes in self._loose_choices(legs):
            paragraphs = list(self.paragraphs)
            for index, lines in changes:
                paragraphs[index] = self.loosened(index, lines)
            if any(p is None for p in paragraphs):
                continue
            found = fill(self._groups(tuple(paragraphs)))
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

    def _loose_choices(self, legs):
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

    def _balanced(self, columns: int) -> tuple[tuple[Row, ...], ...]:
        """The balanced legs into `columns` columns (kept; see `_without_widows`)."""
        key = ("flow", columns)
        if key not in self._memo:
            legs = _fill(self.groups, columns)
            if widows(legs):
                legs = self._without_widows(lambda groups: _fill(groups, columns), legs,
                                            [max(map(len, legs))] * len(legs))
            self._memo[key] = legs
        return self._memo[key]

    def flow(self, columns: int, height: int | None = None) -> tuple[tuple[Row, ...], ...] | None:
        """Rows per column, legs balanced; None if the longest leg exceeds `height`."""
        legs = self._balanced(columns)
        if height is not None and max((len(leg) for leg in legs), default=0) > height:
            return None
        return legs

    def text_legs(self, capacities: tuple[int, ...] | None, columns: int) -> tuple[tuple[bool, ...], ...]:
        """Per leg, per row, whether it holds a line: the balanced flow into `columns` legs
        (capacities None) or the flow around photos into legs of `capacities` (cached)."""
        key = ("text", capacities, columns)
        if key not in self._memo:
            legs = self.flow(columns) if capacities is None else self.flow_around(list(capacities))
            self._memo[key] = tuple(tuple(r.line is not None for r in leg) for leg in legs or ())
        return self._memo[key]

    def rows_needed(self, columns: int) -> int:
        """Height in rows of the balanced flow into `columns` columns."""
        return max(self.leg_lengths(columns), default=0)

    def leg_lengths(self, columns: int) -> list[int]:
        """Rows of each leg of the balanced flow into `columns` columns (fewer legs than
        columns when the copy does not reach them)."""
        return [len(leg) for leg in self._balanced(columns)]

    def flow_around(self, capacities: list[int]) -> tuple[tuple[Row, ...], ...] | None:
        """Rows per leg when legs hold different numbers of rows (a photo sits over some),
        every leg ending as near its foot as the others; None if the copy does not fit."""
        key = ("into", tuple(capacities))
        if key not in self._memo:
            legs = _fill_into(self.groups, capacities)
            if legs is not None and widows(legs):
                legs = self._without_widows(lambda groups: _fill_into(groups, capacities), legs,
                                            list(capacities))
            self._memo[key] = legs
        return self._memo[key]

    def capacities_around(self, columns: int, photo_columns: int, photo_rows: int,
                          body_rows: int) -> list[int]:
        """The legs' capacities the body is flowed into beside photos in a block whose body
        takes `body_rows`: at the height the copy needs, the plan's slack rows left at the
        foot (flowed into, the legs under a photo as tall as the text took a line or two
        and the legs beside it ran short, a column beside the photo left empty)."""
        needed = self.rows_needed_around(columns, photo_columns, photo_rows)
        return capacities(columns, photo_columns, photo_rows, min(body_rows, needed))

    def rows_needed_around(self, columns: int, photo_columns: int, photo_rows: int) -> int:
        """Least body height in rows when the last `photo_columns` legs give their top
        `photo_rows` rows to photos."""
        key = ("around", columns, photo_columns, photo_rows)
        if key not in self._memo:
            total = self.line_count
            height = max(photo_rows, -(-(total + photo_rows * photo_columns) // columns))
            while self.flow_around(capacities(columns, photo_columns, photo_rows, height)) is None:
                height += 1
            self._memo[key] = height
        return self._memo[key]


    def flow_in_order(self, capacities: list[int]) -> tuple[tuple[tuple[Row, ...], ...], int]:
        """An over-set body: legs of the given capacities filled one after another in
        reading order, as far as they go; and the rows left over."""
        legs: list[tuple[Row, ...]] = []
        queue = list(self.groups)
        for capacity in capacities:
            leg: list[Row] = []
            while queue:
                rows = [r for r in queue[0].rows if leg or r.kind != "space"]
                if len(leg) + len(rows) > capacity:
                    break
                leg.extend(rows)
                queue.pop(0)
            legs.append(tuple(leg))
        return tuple(legs), sum(len(g.rows) for g in queue)


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


def _mended(groups: tuple[Group, ...], counts: tuple[int, ...], limits: list[int],
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
    mended = cuts.legs(tuple(moved_counts))
    return mended if widows(mended) < widows(legs) else legs


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
    """Prefix sums over a body's groups for pricing leg breaks quickly (see `_mended`)."""

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


def _fill_into(groups: tuple[Group, ...], capacities: list[int]):
    """Fill legs of the given capacities in turn, spreading the spare rows over them."""
    legs: list[list[Row]] = []
    remaining = sum(len(g.rows) for g in groups)
    queue = list(groups)
    rooms = [c for c in capacities if c > 0]
    lone = (len(rooms) >= 3 and len(set(rooms)) == 1 and remaining % len(rooms) == 1
            and remaining // len(rooms) >= 3)   # as in _fill: two legs share the extra line
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
    return _mended(groups, tuple(counts), list(capacities), strip_all=True)


def _fill(groups: tuple[Group, ...], columns: int) -> tuple[tuple[Row, ...], ...]:
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
    return _mended(groups, tuple(counts), [height] * len(counts), strip_all=False)
