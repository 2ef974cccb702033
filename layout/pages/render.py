"""Drawing a placed layout tree: blocks, headline groups, photos, body legs, rules.

Rows at or past `limit` (the foot of the type area) are not drawn; what
they would have held is counted as over-set in the copy-fit report.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from layout.model.placed import (ArticleRegion, Bookmark, PlacedBox, PlacedImage, PlacedItem,
                                 PlacedRule, PlacedText)
from layout.pages.legs import widows
from layout.pages.grid import ASCENT, Grid
from layout.pages.placement import SEPARATOR_ROWS, Cut
from layout.pages.runs import natural_line, placed_runs
from layout.pages.photos import PHOTO_GAP
from layout.pages.sizing import BlockPlan, HeadPlan, Sizer

RULE_WIDTH = 0.5
OVERSET_TINT = 0.15   # the box behind a 超 N 字 mark


@dataclass
class Drawn:
    """What rendering one page produced."""

    items: list[PlacedItem] = field(default_factory=list)
    bookmarks: list[Bookmark] = field(default_factory=list)
    set_chars: dict[str, int] = field(default_factory=dict)   # article id → characters drawn
    blocks: dict[str, tuple[BlockPlan, int, int, int]] = field(default_factory=dict)  # id → plan, col, row, rows
    empty_slots: dict[str, int] = field(default_factory=dict)  # id → unused line slots in its legs
    widows: dict[str, int] = field(default_factory=dict)  # id → legs opening with a paragraph's last line
    holes: int = 0                  # line slots of columns left empty beside blocks
    marks: dict[str, tuple[float, float]] = field(default_factory=dict)  # id → 超 N 字 mark's corner


def bookmark_title(article) -> str:
    """The headline, or for a photo-news item 图片新闻 and the start of its caption."""
    if article.headline.title:
        return article.headline.title.replace("\u3000", " ")
    caption = article.photos[0].caption if article.photos else ""
    if not caption:
        return article.id
    short = caption[:14] + ("…" if len(caption) > 14 else "")
    return f"图片新闻：{short}"


@dataclass
class Renderer:
    grid: Grid
    sizers: dict[str, Sizer]
    limit: int                      # first row past the type area
    drawn: Drawn = field(default_factory=Drawn)
    block_end: int = 10 ** 9        # first row past the block being drawn
    mark_at: tuple | None = None    # where an over-set block's mark goes: x, width, row

    def cut(self, node: Cut, column: int, row: int) -> None:
        if node.plan is not None:
            self.block(node.plan, column, row, node.rows)
            return
        if node.empty:   # columns left empty beside a block, or a free area no article took
            self.drawn.holes += node.columns * max(0, min(node.rows, self.limit - row))
            return
        first, second = node.first, node.second
        if node.vertical:
            self.cut(first, column, row)
            self.cut(second, column + first.columns, row)
            if second.empty:
                return  # no rule beside empty columns
            x = self.grid.column_x(column + first.columns) - self.grid.gutter / 2
            bottom = min(row + node.rows, self.limit)
            self.rule(x, self.grid.row_y(row) + 2, x, self.grid.row_y(bottom) - 2)
            return
        self.cut(first, column, row)
        rule_row = row + first.rows
        if rule_row < self.limit:
            y = self.grid.row_y(rule_row) + self.grid.pitch * SEPARATOR_ROWS / 2
            x0 = self.grid.column_x(column)
            self.rule(x0, y, x0 + self.grid.span(node.columns), y)
        self.cut(second, column, rule_row + SEPARATOR_ROWS)

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.drawn.items.append(PlacedRule(x0, y0, x1, y1, RULE_WIDTH))

    def text(self, article_id: str, line, x: float, baseline: float, role: str, row: int) -> None:
        if row >= min(self.limit, self.block_end):
            return  # over-set: counted in the copy-fit report
        runs = placed_runs(line, x, baseline, role, article_id)
        self.drawn.items.extend(runs)
        if role == "jump":
            return  # 下转/上接 lines are furniture of a jump, not the article's text
        count = sum(len(r.text.replace(" ", "").replace("\u3000", "")) for r in runs)
        self.drawn.set_chars[article_id] = self.drawn.set_chars.get(article_id, 0) + count

    def block(self, plan: BlockPlan, column: int, row: int, rows: int) -> None:
        if plan.frame is not None:   # boxed, tinted, under a column logo, or an ad's artwork
            plan.frame.draw(self, plan, column, row, rows)
            return
        article = plan.article
        self.block_end = row + rows
        self.drawn.blocks[article.id] = (plan, column, row, rows)
        self.drawn.set_chars.setdefault(article.id, 0)
        x = self.grid.column_x(column)
        self.drawn.bookmarks.append(Bookmark(bookmark_title(article), self.grid.row_y(row)))
        self.mark_at = None
        if not plan.body_rows:   # a photo-news item: rows past its plan are empty
            self.drawn.empty_slots[article.id] = max(0, rows - plan.rows) * plan.columns
        if plan.vertical is not None:   # a 竖题 or a vertical body
            from layout.pages.vertical_render import draw_vertical

            draw_vertical(self, plan, column, row)
        else:
            self.draw_parts(plan, column, row)
        if rows < plan.rows:   # a 竖题's block too: yiliao, 8 characters set, went unmarked
            self.mark_overset(article, column, row)

    def draw_parts(self, plan: BlockPlan, column: int, row: int) -> None:
        """Headline group, the photos across the block, then the body (with the photos
        beside it at its top right, if any)."""
        article, x, r = plan.article, self.grid.column_x(column), row
        if plan.head:
            self.head(article.id, plan.head, x, r, plan.columns)
            r += plan.head.rows
        for photo in plan.photos:
            if not photo.beside:
                r = self.photo(article.id, photo, x, r, plan.columns)
        if any(photo.beside for photo in plan.photos):
            self.photos_beside(article.id, plan, column, r)
            return
        if plan.body_rows:
            self.body(article.id, plan, column, r)

    def head(self, article_id: str, head: HeadPlan, x: float, row: int, columns: int) -> None:
        content = sum(part.height for _, part in head.parts)
        y = self.grid.row_y(row) + (head.rows * self.grid.pitch - content) / 2
        for role, part in head.parts:
            for line in part.lines:
                baseline = y + (part.leading - part.size) / 2 + ASCENT * part.size
                line_row = row + int((baseline - self.grid.row_y(row)) // self.grid.pitch)
                self.text(article_id, line, x, baseline, role, line_row)
                y += part.leading

    def photo(self, article_id: str, photo, x: float, row: int, columns: int) -> int:
        width = self.grid.span(columns)
        height = photo.rows * self.grid.pitch - PHOTO_GAP * self.grid.pitch
        if row + photo.rows <= min(self.limit, self.block_end):
            self.drawn.items.append(PlacedImage(x, self.grid.row_y(row), width, height,
                                                photo.photo.path, photo.crop, photo.photo.caption))
        row += photo.rows
        for line in photo.caption:
            self.text(article_id, line, x, self.grid.baseline(row, line.glyphs[0].size), "caption", row)
            row += 1
        return row

    @property
    def bottom(self) -> int:
        """First row the block being drawn may not use."""
        return min(self.limit, self.block_end)

    def _legs(self, body, room: list[int], fits: bool, balanced):
        """The rows of each leg: balanced when the block holds its copy; when it is shorter
        (an over-set proof), in reading order, the last row kept for the 超 N 字 mark."""
        legs = balanced() if fits else None
        if legs is not None:
            return legs
        room = [max(0, c) for c in room]
        if room:
            room[-1] = max(0, room[-1] - 1)
        return body.flow_in_order(room)[0]

    def body(self, article_id: str, plan: BlockPlan, column: int, row: int) -> None:
        """The body's legs side by side: the page's columns, or a 破栏's wider legs."""
        body = self.sizers[article_id].body_at(plan.leg_chars)
        room = min(plan.body_rows, self.bottom - row)
        legs = self._legs(body, [room] * plan.legs, room >= plan.body_rows,
                          lambda: body.flow(plan.legs, plan.body_rows))
        leg_width = plan.leg_chars * self.grid.body_size
        span = self.grid.span(plan.columns)
        step = leg_width + ((span - plan.legs * leg_width) / (plan.legs - 1) if plan.legs > 1 else 0)
        x0 = self.grid.column_x(column)
        empty = 0
        self.drawn.widows[article_id] = widows(legs)
        for n, leg in enumerate(legs):
            self.leg(article_id, leg, x0 + n * step, row, leg_width)
            empty += max(0, room - len(leg))
        empty += (plan.legs - len(legs)) * room
        # counted in slots of the page's columns, so that it compares with a normal block
        empty = round(empty * plan.leg_chars / self.grid_chars)
        empty += max(0, self.block_end - row - plan.body_rows) * plan.columns  # rows under the plan
        self.drawn.empty_slots[article_id] = empty
        self.mark_at = (x0 + (plan.legs - 1) * step, leg_width, self.bottom - 1)

    def leg(self, article_id: str, leg, x: float, top: int, width: float) -> None:
        """One leg of body rows from row `top` down: lines, and the rules between 简讯 items."""
        for k, item in enumerate(leg):
            if item.line is not None:
                role = item.kind if item.kind in ("subhead", "byline", "jump") else "body"
                self.text(article_id, item.line, x, self.grid.baseline(top + k, item.size), role,
                          top + k)
            elif item.kind == "rule" and top + k < self.bottom:
                y = self.grid.row_y(top + k) + self.grid.pitch / 2   # between 简讯 items
                self.rule(x, y, x + width, y)

    def photos_beside(self, article_id: str, plan: BlockPlan, column: int, row: int) -> None:
        """Photos at the top right of the body area, the body flowing down the legs."""
        from layout.pages.legs import capacities

        first_under = plan.columns - plan.photo_columns
        tops: dict = {}   # photos one above another (offset None), or side by side in a row
        for photo in (p for p in plan.photos if p.beside):
            at, width = (0, plan.photo_columns) if photo.offset is None else (photo.offset, 1)
            tops[at] = self.photo(article_id, photo, self.grid.column_x(column + first_under + at),
                                  tops.get(at, row), width)
        side = max(tops.values(), default=row) - row + 1
        body = self.sizers[article_id].body
        caps = body.capacities_around(plan.columns, plan.photo_columns, side, plan.body_rows)
        height = min(plan.body_rows, self.bottom - row)
        legs = self._legs(body, capacities(plan.columns, plan.photo_columns, side, height),
                          height >= plan.body_rows, lambda: body.flow_around(caps))
        self.drawn.widows[article_id] = widows(legs)
        for n, leg in enumerate(legs):
            self.leg(article_id, leg, self.grid.column_x(column + n),
                     row + (side if n >= first_under else 0), self.grid.column_width)
        room = capacities(plan.columns, plan.photo_columns, side, height)
        empty = sum(max(0, cap - len(leg)) for cap, leg in zip(room, legs)) + sum(room[len(legs):])
        empty += max(0, self.block_end - row - plan.body_rows) * plan.columns
        self.drawn.empty_slots[article_id] = empty
        self.mark_at = (self.grid.column_x(column + plan.columns - 1), self.grid.column_width,
                        self.bottom - 1)

    def mark_overset(self, article, column: int, row: int) -> None:
        """A 超 N 字 mark where an over-set article stops (red on a proof; see export)."""
        total = sum(1 for c in article.all_text() if not c.isspace())
        if total <= self.drawn.set_chars.get(article.id, 0):
            return
        x, width, mark_row = self.mark_at or (self.grid.column_x(column), self.grid.column_width,
                                              self.bottom - 1)
        mark_row = max(row, mark_row)
        self.hide_under(article.id, x, self.grid.row_y(mark_row))
        over = total - self.drawn.set_chars.get(article.id, 0)
        sizer = self.sizers[article.id]
        role = sizer.style.role("dateline")
        line = natural_line(f"超{over}字", role.face, self.grid.body_size, sizer.fonts)
        y = self.grid.row_y(mark_row)
        self.drawn.items.append(PlacedBox(x, y, width, self.grid.pitch, OVERSET_TINT))
        self.drawn.marks[article.id] = (x, y)
        self.drawn.items.extend(placed_runs(line, x + width - line.width - self.grid.body_size / 2,
                                            self.grid.baseline(mark_row), "overset"))

    def hide_under(self, article_id: str, x: float, top: float) -> None:
        """The article's characters the 超 N 字 mark (its row, from `x` rightwards) would
        cover are not drawn and not counted set: a kicker in a block of one row stood under
        the mark, counted set by the copy fit and lost by the PDF's read-back (gudu 268/271)."""
        kept, bottom = [], top + self.grid.pitch
        for item in self.drawn.items:
            if not (isinstance(item, PlacedText) and item.article == article_id
                    and top < item.y <= bottom and item.role != "jump"):
                kept.append(item)
                continue
            keep = sum(1 for dx in item.xs if item.x + dx + item.size <= x)
            hidden = item.text[keep:]
            self.drawn.set_chars[article_id] -= len(hidden.replace(" ", "").replace("\u3000", ""))
            if keep:
                kept.append(replace(item, text=item.text[:keep], xs=item.xs[:keep]))
        self.drawn.items = kept

    def regions(self) -> list[ArticleRegion]:
        """Each block's box, from which the build reads its text back; an over-set block's
        超 N 字 mark (which reaches to the block's right edge) is left out of it."""
        grid, out = self.grid, []
        for aid, (plan, column, row, rows) in self.drawn.blocks.items():
            x, y, w = grid.column_x(column), grid.row_y(row), grid.span(plan.columns)
            bottom = grid.row_y(min(row + rows, self.limit))
            if aid not in self.drawn.marks:
                out.append(ArticleRegion(aid, x, y, w, bottom - y))
                continue
            mark_x, mark_y = self.drawn.marks[aid]
            out.append(ArticleRegion(aid, x, y, w, mark_y - y))
            out.append(ArticleRegion(aid, x, mark_y, mark_x - x, bottom - mark_y))
        return out

    @property
    def grid_chars(self) -> int:
        return round(self.grid.column_width / self.grid.body_size)
