"""Every way an article can fill a block of a given width: rows → (cost, plan).

For each width in columns the sizer lists the heights the article can fill
exactly, varying the headline size (within the role's limits), air around
the headline group (`makeup.head_air_rows` rows at most), a row or two of slack under the body, and the photo's
height (cropping within limits). Each height keeps its cheapest plan; the
placer combines these into a page.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field, replace
from functools import cached_property

from layout.compose import Line, ParagraphSpec, Span, compose_paragraph
from layout.compose.remember import article_group
from layout.fonts import FontSet
from layout.model import Article, Photo
from layout.pages.body import Body
from layout.pages.legs import capacities
from layout.pages.grid import Grid
from layout.pages.headline import SetLines, set_part
from layout.pages.photos import PhotoRules, crop_for
from layout.style import HouseStyle, SIZE_NAMES, parse_size

MAX_BODY_SLACK = 2     # blank rows allowed under a body (never a visible hole)

# cost weights (dimensionless; only their ratios matter)
COST_HEAD_PAD = 3.0
COST_BODY_SLACK = 5.0
COST_SIZE_STEP = 3.0     # per 10 % away from the role's size
COST_OFF_RANK_SIZE = 500.0   # per 号 a brief's 主题 falls below the one size the page's briefs share
#                              (and a story's the 号 under its rank, for a title that breaks badly in it)
COST_HEAD_BLANK = 150.0   # per share of the measure a 主题 leaves empty that another size of its rank fills
COST_WIDE_BLANK = 75.0   # per share of the measure no size of its rank fills (the block is too wide for it)
COST_NARROW_PHOTO = 15.0  # a story's landscape photo one column wide (a portrait suits one)
COST_CROP = 12.0          # a photo cropped to the house style's limit (less in proportion)
COST_PHOTO_ACROSS = 8.0   # a story's photo across a three-column block rather than beside the text
COST_PORTRAITS_IN_ROW = 10.0  # a story's portraits side by side, a column each, its other photos across
WIDE_ASPECT = 0.6         # a photo wider than 5:3 (height / width below this) goes across its story
COST_SHORT_LEGS = 2.0
COST_FLAT_LEGS = 25.0    # per column and per line a leg is shorter than FLAT_LINES × columns
FLAT_LINES = 2
COST_TALL_LEGS = 10.0    # per square of the lines a leg is longer than TALL_LINES × columns
TALL_LINES = 14
COST_SHORT_OF_PHOTO = 300.0  # per line slot a body beside a photo leaves empty, being shorter than it
COST_PHOTO_AREA = 4.0    # per column-row of picture: photos grow when copy is short, not before
COST_MINOR_PHOTO_AREA = 30.0  # the same for a story below the lead: its photo grows less than the lead's
COST_ESSAY_WIDTH = 1500.0  # per column an essay on an essay page (副刊) is wider or narrower than the house style's
COST_ESSAY_WIDER = 0.1   # the same share per column wider than the least: deeper legs read better
COST_NARROW_LEAD = 1500.0  # per column a lead is narrower than four (more than a band of foot space)
# per line a lead's legs are shorter than twice makeup.min_leg_lines: a lead is a module several
# columns wide and as deep, not a strip across the page in legs of four lines (heads8, six p5)
COST_FLAT_LEAD = 5000.0
LEG_CHARS = (16, 22)       # widths of 破栏 legs worth offering, in characters
COST_BROKEN_COLUMNS = 4.0  # a 破栏 block reads well, but the page's own columns are the norm
COST_HEAD_LINES = 6.0
COST_VERSE_WRAP = 8.0      # a line of verse wider than its leg, wrapped under a hanging indent
# The faults a page editor sends a headline back for cost more than filling a whole page
# of honest space would (COST_FOOT_ROW × columns × rows): short copy never buys them.
COST_INSIDE_WORD = 2e4     # a 主题 line broken inside a word (夏季防溺|水安全): only if nothing else fits
COST_STUB = 2e4            # a 主题 line of one or two characters
COST_GAP_IGNORED = 5e3     # a 主题 on several lines with its phrase gap inside a line
COST_TOO_MANY_LINES = 2e4  # per 主题 line past the house style's max_lines
COST_THIN_LEGS = 5e3       # per line a leg holds fewer than makeup.min_leg_lines: a last resort
BIG = 1e6
FOUND = itertools.count()   # the order plans are found in: ties go to the first
CREDIT_GAP_EM = 2.0      # least space between a one-line caption and the credit set on its line


@dataclass(frozen=True, slots=True)
class HeadPlan:
    parts: tuple[tuple[str, SetLines], ...]   # (role, lines) from top to bottom
    rows: int


@dataclass(frozen=True, slots=True)
class PhotoPlan:
    photo: Photo
    rows: int                       # rows the picture itself takes
    caption: tuple[Line, ...]
    crop: tuple[float, float, float, float]
    beside: bool = False            # at the top right of the body, `photo_columns` wide (else across)
    offset: int | None = None       # beside, in a row of one-column photos: its column in the row


@dataclass(frozen=True, slots=True)
class Arrangement:
    """Where a story's photos go in a block: `across` it above the body (a panorama, or any
    photo in a narrow block), the others `beside` the body at its top right, `width`
    columns wide (a portrait one column, a landscape about half the block)."""

    across: tuple[Photo, ...]
    beside: tuple[Photo, ...] = ()
    width: int = 0
    cost: float = 0.0
    in_row: bool = False    # the photos beside side by side, one column each (else one above another)


@dataclass(frozen=True, slots=True)
class BlockPlan:
    article: Article
    columns: int
    rows: int
    cost: float
    head: HeadPlan | None
    photos: tuple[PhotoPlan, ...] = ()
    body_rows: int = 0              # rows given to the body (balanced legs + slack)
    legs: int = 0                   # body legs: the columns, or fewer in a 破栏 block
    leg_chars: int = 0              # characters across one leg
    photo_columns: int = 0          # width of the photos beside the body, over its last legs
    frame: object | None = None     # a box, tint or column logo around this block (boxes.py)
    vertical: object | None = None  # a 竖题 beside the body, or a vertical body (vertical_sizing.py)


@dataclass(frozen=True, slots=True)
class Legs:
    """How a block's width is divided for its body: `count` legs of `chars` characters."""

    count: int
    chars: int
    broken: bool     # a 破栏 re-division, not the page's columns


def leg_options(columns: int, column_chars: int, gutter_chars: int) -> list[Legs]:
    """The page's columns, and any 破栏 into fewer legs of whole characters.

    A span of n columns is n × c + (n − 1) × g characters; k legs keep a
    gutter of g between them, so k legs of whole characters exist when
    (span − (k − 1) × g) divides by k. Legs of LEG_CHARS characters are
    offered: three 13-character columns (41) make two legs of 20, six (83)
    four legs of 20.
    """
    options = [Legs(columns, column_chars, False)]
    span = columns * column_chars + (columns - 1) * gutter_chars
    for legs in range(columns - 1, 1, -1):
        chars, rest = divmod(span - (legs - 1) * gutter_chars, legs)
        if not rest and LEG_CHARS[0] <= chars <= LEG_CHARS[1]:
            options.append(Legs(legs, chars, True))
    return options


def _inked(line: Line) -> float:
    """Width of a (centred) line's characters, without the space before them."""
    return line.width - line.glyphs[0].slot_x if line.glyphs else 0.0


def _break_cost(head: HeadPlan) -> float:
    """Price of the headline group's bad breaks: inside a word, lines of one or two
    characters, a phrase gap left inside a line (a quarter as much in 引题 and 副题)."""
    cost = 0.0
    for role, s in head.parts:
        share = 1.0 if role == "title" else 0.25
        cost += share * (COST_INSIDE_WORD * s.inside_words + COST_STUB * s.stubs
                         + COST_GAP_IGNORED * s.gaps_ignored)
    return cost


def title_sizes(low: float, high: float) -> list[float]:
    """The standard sizes (号数) from `low` to `high`, and those two themselves."""
    candidates = set(SIZE_NAMES.values()) | {low, high}
    return sorted(v for v in candidates if low - 0.01 <= v <= high + 0.01)


@dataclass
class Sizer:
    """Block options of one article on one page."""

    article: Article
    style: HouseStyle
    grid: Grid
    fonts: FontSet
    lead: bool = False
    breaker: str = "total-fit"
    rank: int | None = None     # importance among the page's stories (0: the lead); None: from `lead`
    brief: bool = False         # a brief: its 主题 takes the house style's brief sizes
    essay: bool = False         # on a page of essays (makeup.essay_pages): deeper, narrower blocks
    _cache: dict = field(default_factory=dict)

    @cached_property
    def body(self) -> Body:
        return Body(self.article, self.style, self.fonts, self.breaker)

    def body_at(self, chars: int) -> Body:
        """The body composed at a leg of `chars` characters (cached)."""
        if chars == self.style.column_chars:
            return self.body
        key = ("body", chars)
        if key not in self._cache:
            self._cache[key] = Body(self.article, self.style, self.fonts, self.breaker,
                                    chars * self.style.body_size)
        return self._cache[key]

    @cached_property
    def photo_rules(self) -> PhotoRules:
        return PhotoRules.of(self.style, self.grid)

    @cached_property
    def widest_photo(self) -> int:
        """Most columns every photo of the article can span (see `photos`)."""
        return min((self.photo_rules.widest(p) for p in self.article.photos), default=self.grid.columns)

    def widths(self) -> range:
        """Block widths in columns: the editor's hint, else any; photos span the block's
        width, so a photo-width hint fixes the width of a photo-news block and is the
        least width of a story with photos. A photo-news block is no wider than its
        photo's resolution allows."""
        hints, most = self.article.hints, self.grid.columns
        if hints.columns:
            return range(min(hints.columns, most), min(hints.columns, most) + 1)
        if hints.photo_columns and self.article.photos:
            least = min(hints.photo_columns, most)
            return range(least, least + 1) if not self.article.paragraphs else range(least, most + 1)
        if self.article.photos and not self.article.paragraphs:
            return range(1, min(most, self.widest_photo) + 1)
        return range(1, most + 1)

    def options(self, columns: int) -> dict[int, BlockPlan]:
        """Cheapest plan for each height in rows the article can fill at `columns`."""
        if columns not in self._cache:
            with article_group(self.article.source or self.article.id, self.fonts):
                self._cache[columns] = self._options(columns)
        return self._cache[columns]

    def variants(self, columns: int, rows: int) -> tuple[BlockPlan, ...]:
        """Every plan `rows` high at `columns` wide whose body starts at another row (more or
        less air in the headline group, a row of slack more or less, another headline
        size): the cheapest for each row its body starts at, the cheapest first. The
        placer's alignment pass (pages/align.py) picks among them the one whose lines stand
        level with the lines beside the block. Only this class's own options have them."""
        if type(self).options is not Sizer.options:
            return ()
        chosen = self.options(columns).get(rows)
        found = self._cache.get(("variants", columns), {}).get(rows, ())
        return found if any(plan is chosen for plan in found) else ()  # else a subclass's own

    def _options(self, columns: int) -> dict[int, BlockPlan]:
        best: dict[tuple[int, int], tuple[float, int, tuple]] = {}
        for head, head_cost in self._heads(columns):
            for arrangement in self.photo_arrangements(columns):
                for photos, photo_cost in self._photo_sets_at(columns, arrangement):
                    cost = head_cost + arrangement.cost + photo_cost
                    if arrangement.beside:
                        self._add_photo_beside_options(best, columns, arrangement.width, head,
                                                       cost, photos)
                    else:
                        for legs in leg_options(columns, self.style.column_chars,
                                                self.style.gutter_chars):
                            self._add_leg_options(best, columns, legs, head, cost, photos)
        return self._cheapest(columns, best)

    def _cheapest(self, columns: int, best: dict) -> dict[int, BlockPlan]:
        """The cheapest plan per height (the first found on a tie, as one plan per height
        was always kept), and every height's plans per body start kept as `variants`."""
        chosen: dict[int, tuple[float, BlockPlan]] = {}
        variants: dict[int, list[tuple[float, int, BlockPlan]]] = {}
        for (rows, _start), (cost, seq, rest) in sorted(best.items(), key=lambda kv: kv[1][1]):
            plan = BlockPlan(self.article, columns, rows, cost, *rest)
            variants.setdefault(rows, []).append((cost, seq, plan))
            if rows not in chosen or cost < chosen[rows][0] - 1e-9:
                chosen[rows] = (cost, plan)
        self._cache[("variants", columns)] = {
            rows: tuple(p for _c, _s, p in sorted(found, key=lambda v: v[:2]))
            for rows, found in variants.items()}
        return {rows: chosen[rows][1] for rows in sorted(chosen)}

    def photo_arrangements(self, columns: int) -> list[Arrangement]:
        """Where the photos may go in a block of `columns`, with what each way costs. A
        photo-news item's photo spans its block; the editor's photo-width hint places every
        photo beside the body at that width (across, when it is the block's). Otherwise
        each photo by its shape: one wider than 5:3 across the story, the others beside
        the body — a portrait one column wide, a landscape about half the block (one column
        costs it COST_NARROW_PHOTO: it would print small; on a page short of copy,
        `makeup.wide_photos`, any width up to the block's columns − 1) — or, in a block of
        three columns or fewer, every photo across it."""
        a = self.article
        if not a.photos or not a.paragraphs:
            return [Arrangement(a.photos)]
        if a.hints.photo_columns:
            width = min(a.hints.photo_columns, columns)
            return [Arrangement(a.photos)] if width == columns else [
                Arrangement((), a.photos, width)]
        across = tuple(p for p in a.photos if p.aspect < WIDE_ASPECT)
        beside = tuple(p for p in a.photos if p.aspect >= WIDE_ASPECT)
        if not beside:
            return [Arrangement(a.photos)]
        out = []
        if columns <= 3:
            narrow = sum(COST_NARROW_PHOTO for p in a.photos if columns == 1 and p.aspect < 1)
            out.append(Arrangement(a.photos, cost=COST_PHOTO_ACROSS if columns == 3 else narrow))
        half = (columns + 1) // 2
        widths = set(range(half, columns)) if self.style.makeup.wide_photos else {half}
        if columns == 2 or any(p.aspect >= 1 for p in beside):
            widths.add(1)
        for width in sorted(w for w in widths if w < columns):
            narrow = sum(COST_NARROW_PHOTO for p in beside if width == 1 and p.aspect < 1)
            out.append(Arrangement(across, beside, width, narrow))
        return out + self._portraits_in_row(columns)

    def _portraits_in_row(self, columns: int) -> list[Arrangement]:
        """Two or more portraits side by side beside the body, a column each, the story's
        other photos across the block: stacked in one column they stand taller than the
        body, and two columns wide each stands taller than the house style allows."""
        portraits = tuple(p for p in self.article.photos if p.aspect >= 1)
        if not 2 <= len(portraits) < columns:
            return []
        others = tuple(p for p in self.article.photos if p not in portraits)
        return [Arrangement(others, portraits, len(portraits), COST_PORTRAITS_IN_ROW, True)]

    def _thin_legs(self, lengths: list[int], legs: int) -> float | None:
        """What legs shorter than the house style's least lines cost (the longest should
        hold that many, the shortest, the last of balanced legs, one fewer): COST_THIN_LEGS
        per line missing, so that only a 主题 that would otherwise break badly (a short
        lead in one column) buys them; None when a leg is empty. An editor's width hint
        may ask for shorter legs."""
        if legs == 1 or self.article.hints.columns is not None:
            return 0.0
        if len(lengths) != legs or min(lengths, default=0) < 1:
            return None
        least = self.style.makeup.min_leg_lines
        return COST_THIN_LEGS * (max(0, least - max(lengths)) + max(0, least - 1 - min(lengths)))

    @staticmethod
    def _keep(best: dict, rows: int, cost: float, rest: tuple, start: int = 0) -> None:
        """Keep the cheapest plan per (height, row its body starts at), with the order it
        was found in (ties go to the first)."""
        key = (rows, start)
        if key not in best or cost < best[key][0] - 1e-9:
            best[key] = (cost, next(FOUND), rest)

    def _add_photo_beside_options(self, best, columns, beside, head, cost, photos) -> None:
        """Photos over the last `beside` legs, the body flowing down the others and under
        (under the photos that go across the block, if any)."""
        across = sum(p.rows + len(p.caption) for p in photos if not p.beside)
        side_rows = beside_rows(photos) + 1  # a row before the text
        body_rows = self.body.rows_needed_around(columns, beside, side_rows)
        lines = self.body.line_count
        legs = self.body.flow_around(capacities(columns, beside, side_rows, body_rows)) or ()
        lengths, left = [len(leg) for leg in legs], columns - beside
        spare = body_rows * columns - side_rows * beside - lines  # empty line slots in the legs
        if 2 * beside >= columns and body_rows == side_rows and lengths and not any(lengths[left:]):
            # copy short of a photo half the block wide (a page short of copy): the body
            # stays in the legs beside the photo, photo and text side by side, the room
            # under the text priced as a hole; a narrower photo has the text run on under it
            if self._thin_legs(lengths[:left], left) != 0.0:
                return
            shape = self._shape_cost(left, body_rows) + COST_SHORT_OF_PHOTO * spare
        elif self._thin_legs(lengths, columns) != 0.0:
            return   # beside a photo, never a leg of a line or two under it
        else:
            shape = self._shape_cost(columns, body_rows) + COST_BODY_SLACK * max(0, spare - columns)
        head_rows = head.rows if head else 0
        chars = self.style.column_chars
        for pad in range(self.style.makeup.head_air_rows + 1 if head else 1):
            for slack in range(MAX_BODY_SLACK + 1):
                rows = head_rows + pad + across + body_rows + slack
                total = cost + shape + COST_HEAD_PAD * pad * pad + COST_BODY_SLACK * slack * columns
                self._keep(best, rows, total, (_padded(head, pad) if head else None, photos,
                                               body_rows + slack, columns, chars, beside),
                           head_rows + pad + across)

    def _add_leg_options(self, best, columns, legs: Legs, head, cost, photos) -> None:
        body = self.body_at(legs.chars) if self.article.paragraphs else None
        body_rows = body.rows_needed(legs.count) if body else 0
        thin = self._thin_legs(body.leg_lengths(legs.count), legs.count) if body else 0.0
        if thin is None or (legs.broken and not body_rows):
            return
        shape = thin + self._shape_cost(columns, body_rows) + (COST_BROKEN_COLUMNS if legs.broken else 0)
        shape += COST_VERSE_WRAP * body.verse_wraps if body else 0.0
        head_rows = head.rows if head else 0
        fixed = head_rows + sum(p.rows + len(p.caption) for p in photos)
        for pad in range(self.style.makeup.head_air_rows + 1 if head else 2):  # no head: a spare row at the foot
            for slack in range(MAX_BODY_SLACK + 1 if body_rows else 1):
                rows = fixed + pad + body_rows + slack
                total = cost + shape + COST_HEAD_PAD * pad * pad + COST_BODY_SLACK * slack * columns
                self._keep(best, rows, total, (_padded(head, pad) if head else None, photos,
                                               body_rows + slack, legs.count, legs.chars),
                           fixed + (pad if head else 0))

    def _shape_cost(self, columns: int, legs: int) -> float:
        """A body's shape: legs of a few lines across a wide block read as a strip, one
        long leg under a headline as a pole; both cost in proportion."""
        cost = 0.0
        if self.article.paragraphs:
            cost += (COST_SHORT_LEGS * max(0, 8 - legs) ** 2
                     + COST_FLAT_LEGS * columns * max(0, FLAT_LINES * columns - legs)
                     + COST_TALL_LEGS * max(0, legs - TALL_LINES * columns) ** 2)
        if self.lead:
            cost += COST_NARROW_LEAD * max(0, 4 - columns)
        if columns > 1 and self.article.paragraphs and not self.article.hints.columns:
            if self.lead or self.essay:
                cost += COST_FLAT_LEAD * max(0, 2 * self.style.makeup.min_leg_lines - legs)
        if self.essay and self.article.paragraphs:
            least, most = self.essay_columns, self.style.makeup.essay_max_columns
            cost += COST_ESSAY_WIDTH * (max(0, least - columns) + max(0, columns - most)
                                        + COST_ESSAY_WIDER * max(0, columns - least))
        return cost

    @cached_property
    def essay_columns(self) -> int:
        """The least width of an essay's module: `makeup.essay_columns`, narrower for an
        essay too short to fill that many legs of twice `makeup.min_leg_lines` lines (a
        350-character essay three columns wide, not a strip of four-line legs)."""
        deep = 2 * self.style.makeup.min_leg_lines
        return max(1, min(self.style.makeup.essay_columns, self.body.line_count // deep))

    def title_range(self) -> tuple[float, float]:
        """The 主题 sizes this article may take: its rank's range (house style
        `headlines`), a brief's up to the brief's usual size (the one size the page's
        briefs share), or the size the editor's hint names."""
        if self.article.hints.headline_size:
            size = parse_size(self.article.hints.headline_size)
            return size, size
        rank = self.rank if self.rank is not None else (0 if self.lead else 1)
        found = self.style.headlines.title_range(rank, self.brief)
        if self.brief:
            return found.min_size, max(found.min_size, min(found.size, found.max_size))
        return found.min_size, found.max_size

    def size_cost(self, size: float, columns: int) -> float:
        """What a 主题 size costs: a story's aims at a size that grows with the block's
        width within its rank's range; briefs, items of one rank, share one size on
        the page — the brief's usual size — and a smaller one is a fallback for a title
        that breaks badly at it at every width."""
        low, high = self.title_range()
        if self.brief and not self.article.hints.headline_size:
            return COST_OFF_RANK_SIZE * (len(title_sizes(size, high)) - 1)
        target = low + (high - low) * (columns - 1) / max(1, self.grid.columns - 1)
        return COST_SIZE_STEP * abs(size - target) / target * 10

    def most_title_lines(self) -> int:
        """Lines a 主题 may take: the house style's `max_lines`, a brief's at most
        `brief_max_lines`."""
        hl = self.style.headlines
        return min(hl.max_lines, hl.brief_max_lines) if self.brief else hl.max_lines

    def _heads(self, columns: int):
        """Headline groups at each 主题 size of the article's rank, with their costs: the size
        grows with the block's width within the rank; breaks inside words, lines of one or
        two characters and more than `max_lines` lines are priced so that a smaller size or
        another width that breaks cleanly wins."""
        a = self.article
        if not a.headline.title and not a.headline.kicker:
            yield None, 0.0
            return
        low, high = self.title_range()
        measure = self.grid.span(columns)
        face = self.style.headlines.faces[0]
        most = self.style.headlines.max_lines
        sizes = title_sizes(low, high)
        heads = []
        for size in sizes + self._below_rank(sizes[0]):
            head = self._head(measure, face, size)
            title = [s for r, s in head.parts if r == "title"]
            lines = sum(len(s.lines) for s in title)
            if size < sizes[0] and (lines > most or not heads
                                    or _break_cost(head) >= min(_break_cost(h[0]) for h in heads)):
                continue  # the size below the rank only where it breaks better than all its sizes
            if lines > most and size != sizes[0]:
                continue  # a long title may take more lines only at its smallest size
            widest = max((_inked(l) for s in title for l in s.lines), default=measure)
            heads.append((head, size, lines, min(widest, measure)))
        best = max((h[3] for h in heads), default=measure) or measure  # the fullest the rank can fill
        wide = 0.0 if a.hints.headline_size else COST_WIDE_BLANK  # the editor chose the size
        for head, size, lines, widest in heads:
            cost = (self.size_cost(size, columns) + COST_HEAD_LINES * (lines - 1)
                    + COST_OFF_RANK_SIZE * (size < sizes[0])
                    + COST_HEAD_BLANK * (1 - widest / best) + wide * (1 - best / measure)
                    + COST_TOO_MANY_LINES * max(0, lines - self.most_title_lines()) + _break_cost(head))
            yield head, cost

    def _below_rank(self, low: float) -> list[float]:
        """The 号 under the rank's least size, still above the briefs' sizes: a 主题 that
        breaks badly at every size of its rank at a width (a phrase gap left inside a
        line: 老年助餐点扩容至|36个　日均服务|老人2100余人次 at 24 pt in 10 ems) may take it
        at a price, rather than leave its phrases unbroken. None for a brief or a size
        the editor gave."""
        if self.brief or self.article.hints.headline_size:
            return []
        below = [v for v in SIZE_NAMES.values() if v < low - 0.01]
        floor = self.style.headlines.brief.max_size
        return [max(below)] if below and max(below) > floor + 0.01 else []

    def _head(self, measure: float, title_face: str, title_size: float) -> HeadPlan:
        """The headline group with its 主题 in `title_face` at `title_size`; 引题 and 副题
        sized by their ratios to it, in a family other than the 主题's."""
        a, parts, hl = self.article, [], self.style.headlines
        family = self.style.faces[title_face].family
        for role_name, text in (("kicker", a.headline.kicker), ("title", a.headline.title),
                                ("subtitle", a.headline.subtitle)):
            if not text:
                continue
            if role_name == "title":
                face, size = title_face, title_size
            else:
                part = hl.kicker if role_name == "kicker" else hl.subtitle
                face = next((f for f in part.faces if self.style.faces[f].family != family), part.faces[0])
                size = part.size_for(title_size)
            parts.append((role_name, set_part(text, face, size, measure, self.fonts, role_name)))
        height = sum(s.height for _, s in parts) + 0.5 * self.grid.pitch
        return HeadPlan(tuple(parts), self.grid.rows_for(height))

    def head_in(self, plan: BlockPlan, face: str, size: float | None = None) -> HeadPlan | None:
        """`plan`'s headline group with its 主题 in another face (and size), if it breaks as
        cleanly and fits the rows the plan gave its headline; else None."""
        if plan.head is None:
            return None
        title = next((s for r, s in plan.head.parts if r == "title"), None)
        if title is None:
            return None
        head = self._head(self.grid.span(plan.columns), face, size or title.size)
        if head.rows > plan.head.rows or _break_cost(head) > _break_cost(plan.head):
            return None
        return HeadPlan(head.parts, plan.head.rows)

    def _photo_sets_at(self, columns: int, arrangement: Arrangement) -> list:
        key = ("photos", columns, arrangement.across, arrangement.beside, arrangement.width,
               arrangement.in_row)
        if key not in self._cache:
            self._cache[key] = list(self._photo_sets(columns, arrangement))
        return self._cache[key]

    def _photo_sets(self, columns: int, arrangement: Arrangement):
        """Photo plans (across the block's `columns`, or beside the body at the arrangement's
        width) for each height the first may take within its resolution, crop and share of
        the page; the others at their most natural."""
        width = 1 if arrangement.in_row else arrangement.width
        placed = [(p, columns, None) for p in arrangement.across] + \
            [(p, width, k if arrangement.in_row else -1) for k, p in enumerate(arrangement.beside)]
        placed.sort(key=lambda item: self.article.photos.index(item[0]))
        if not placed:
            yield (), 0.0
            return
        hinted = bool(self.article.hints.photo_columns
                      or (self.article.hints.columns and not self.article.paragraphs))
        rules = self.photo_rules
        rest = []
        for photo, width, place in placed[1:]:
            allowed = rules.rows(photo, width, hinted)
            if not allowed:
                return
            rest.append(self._photo(photo, width, allowed[0], place))
        (first, width, place), points = placed[0], self.grid.span(placed[0][1])
        limit = math.log1p(rules.max_crop) or 1.0
        for rows in rules.rows(first, width, hinted):
            crop = rules.crop(first, points, rules.height(rows))
            area = self._area_cost * (width * rows + sum(p.rows * w for (_, w, _), p
                                                         in zip(placed[1:], rest)))
            yield (self._photo(first, width, rows, place), *rest), COST_CROP * crop / limit + area

    @property
    def _area_cost(self) -> float:
        """What a column-row of picture costs: a photo-news item's and the lead's photos grow
        to fill a page short of copy; a lesser story's stay near their natural size, so that
        they never outgrow the lead's."""
        if self.lead or not self.article.paragraphs:
            return COST_PHOTO_AREA
        return COST_MINOR_PHOTO_AREA

    def _photo(self, photo: Photo, columns: int, rows: int, place: int | None = None) -> PhotoPlan:
        """`place`: None across the block; beside the body, -1 in its photo column, k ≥ 0
        the k-th of a row of one-column photos."""
        width = self.grid.span(columns)
        height = self.photo_rules.height(rows)
        return PhotoPlan(photo, rows, self._caption(photo, width), crop_for(photo, width, height),
                         place is not None, place if place is not None and place >= 0 else None)

    def _caption(self, photo: Photo, measure: float) -> tuple[Line, ...]:
        """Caption lines, then the credit on a line of its own, flush right — on the caption's
        line when the caption takes one line and leaves room for it (cached)."""
        key = ("caption", photo, round(measure, 2))
        if key not in self._cache:
            self._cache[key] = self._set_caption(photo, measure)
        return self._cache[key]

    def _set_caption(self, photo: Photo, measure: float) -> tuple[Line, ...]:
        role = self.style.role("caption")
        lines: tuple[Line, ...] = ()
        if photo.caption:
            spec = ParagraphSpec(measure, breaker=self.breaker, punctuation=self.style.punctuation)
            lines = compose_paragraph((Span(photo.caption, role.face, role.size),), spec,
                                      self.fonts).lines
        credit: tuple[Line, ...] = ()
        if photo.credit:
            spec = ParagraphSpec(measure, indent_em=0, align="left", breaker=self.breaker)
            for line in compose_paragraph((Span(photo.credit, role.face, role.size),), spec,
                                          self.fonts).lines:
                credit += (shift_line(line, measure - line.width),)
        if len(lines) == 1 and len(credit) == 1 and credit[0].glyphs \
                and lines[0].width + CREDIT_GAP_EM * role.size <= credit[0].glyphs[0].slot_x:
            # a one-line caption takes the credit at its right end: two runs on one baseline
            return (Line(lines[0].glyphs + credit[0].glyphs, measure),)
        return lines + credit


def beside_rows(photos) -> int:
    """Rows the photos beside the body take: one above another, or the tallest of a row."""
    stacks: dict = {}
    for p in photos:
        if p.beside:
            stacks[p.offset] = stacks.get(p.offset, 0) + p.rows + len(p.caption)
    return max(stacks.values(), default=0)


def shift_line(line: Line, dx: float) -> Line:
    """The line moved right by `dx` points (a credit set flush right)."""
    glyphs = tuple(replace(g, x=g.x + dx) for g in line.glyphs)
    return replace(line, glyphs=glyphs, width=line.width + dx)


def _padded(head: HeadPlan, pad: int) -> HeadPlan:
    return HeadPlan(head.parts, head.rows + pad)
