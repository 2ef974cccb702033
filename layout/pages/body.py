"""An article's body as rows on the grid, and its flow into balanced columns.

Body paragraphs are composed once at the column measure; a 小标题 is a group
of rows (a blank row, then its lines) kept with the line that follows it. The
flow fills columns to a common height so legs differ by at most a line (two,
where a line over an even share would stand alone on the legs' last row); the
cutting into legs and the mending of widows are `pages.legs`'.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from layout.compose import ComposedParagraph, Line, ParagraphSpec, Span, compose_paragraph
from layout.compose.verse import set_stanza, set_verse_line
from layout.fonts import FontSet
from layout.model import Article, ParagraphKind
from layout.pages.headline import set_part
from layout.pages.legs import Group, Row, capacities, fill, fill_into, widows, without_widows
from layout.pages.runs import natural_line
from layout.style import HouseStyle


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
        return self.groups_of(self.paragraphs)

    def groups_of(self, paragraphs: tuple[ComposedParagraph, ...]) -> tuple[Group, ...]:
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

    def _balanced(self, columns: int) -> tuple[tuple[Row, ...], ...]:
        """The balanced legs into `columns` columns (kept; see `legs.without_widows`)."""
        key = ("flow", columns)
        if key not in self._memo:
            legs = fill(self.groups, columns)
            if widows(legs):
                legs = without_widows(self, lambda groups: fill(groups, columns), legs,
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
            legs = fill_into(self.groups, capacities)
            if legs is not None and widows(legs):
                legs = without_widows(self, lambda groups: fill_into(groups, capacities), legs,
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


