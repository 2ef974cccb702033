"""Drawing a placed layout tree: blocks, headline groups, photos, body legs, rules.

Rows at or past `limit` (the foot of the type area) are not drawn; what
they would have held is counted as over-set in the copy-fit report.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from layout.model.placed import Bookmark, PlacedImage, PlacedItem, PlacedRule
from layout.pages.grid import ASCENT, Grid
from layout.pages.placement import SEPARATOR_ROWS, Cut
from layout.pages.runs import placed_runs
from layout.pages.sizing import PHOTO_GAP, BlockPlan, HeadPlan, Sizer

RULE_WIDTH = 0.5


@dataclass
class Drawn:
    """What rendering one page produced."""

    items: list[PlacedItem] = field(default_factory=list)
    bookmarks: list[Bookmark] = field(default_factory=list)
    set_chars: dict[str, int] = field(default_factory=dict)   # article id → characters drawn
    blocks: dict[str, tuple[BlockPlan, int, int, int]] = field(default_factory=dict)  # id → plan, col, row, rows
    empty_slots: dict[str, int] = field(default_factory=dict)  # id → unused line slots in its legs


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

    def cut(self, node: Cut, column: int, row: int) -> None:
        if node.plan is not None:
            self.block(node.plan, column, row, node.rows)
            return
        if node.first is None:   # an area left empty (beside a reserved block)
            return
        first, second = node.first, node.second
        if node.vertical:
            self.cut(first, column, row)
            self.cut(second, column + first.columns, row)
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
        runs = placed_runs(line, x, baseline, role)
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
        if plan.vertical is not None:   # a 竖题 or a vertical body
            from layout.pages.vertical_render import draw_vertical

            draw_vertical(self, plan, column, row)
            return
        r = row
        if plan.head:
            self.head(article.id, plan.head, x, r, plan.columns)
            r += plan.head.rows
        if plan.photo_columns and plan.photo_columns < plan.columns:
            self.photos_beside(article.id, plan, column, r)
            return
        for photo in plan.photos:
            r = self.photo(article.id, photo, x, r, plan.columns)
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

    def body(self, article_id: str, plan: BlockPlan, column: int, row: int) -> None:
        """The body's legs side by side: the page's columns, or a 破栏's wider legs."""
        body = self.sizers[article_id].body_at(plan.leg_chars)
        legs = body.flow(plan.legs, plan.body_rows) or ()
        leg_width = plan.leg_chars * self.grid.body_size
        span = self.grid.span(plan.columns)
        step = leg_width + ((span - plan.legs * leg_width) / (plan.legs - 1) if plan.legs > 1 else 0)
        x0 = self.grid.column_x(column)
        empty = 0
        for n, leg in enumerate(legs):
            for k, item in enumerate(leg):
                if item.line is not None:
                    role = item.kind if item.kind in ("subhead", "byline", "jump") else "body"
                    self.text(article_id, item.line, x0 + n * step,
                              self.grid.baseline(row + k, item.size), role, row + k)
                elif item.kind == "rule" and row + k < min(self.limit, self.block_end):
                    y = self.grid.row_y(row + k) + self.grid.pitch / 2   # between 简讯 items
                    self.rule(x0 + n * step, y, x0 + n * step + leg_width, y)
            empty += max(0, plan.body_rows - len(leg))
        empty += (plan.legs - len(legs)) * plan.body_rows
        # counted in slots of the page's columns, so that it compares with a normal block
        empty = round(empty * plan.leg_chars / self.grid_chars)
        empty += max(0, self.block_end - row - plan.body_rows) * plan.columns  # rows under the plan
        self.drawn.empty_slots[article_id] = empty

    def photos_beside(self, article_id: str, plan: BlockPlan, column: int, row: int) -> None:
        """Photos at the top right of the body area, the body flowing down the legs."""
        from layout.pages.body import capacities

        first_under = plan.columns - plan.photo_columns
        r = row
        for photo in plan.photos:
            r = self.photo(article_id, photo, self.grid.column_x(column + first_under), r,
                           plan.photo_columns)
        side = r - row + 1
        body = self.sizers[article_id].body
        caps = capacities(plan.columns, plan.photo_columns, side, plan.body_rows)
        legs = body.flow_around(caps) or ()
        for n, leg in enumerate(legs):
            top = row + (side if n >= first_under else 0)
            for k, item in enumerate(leg):
                if item.line is not None:
                    role = item.kind if item.kind in ("subhead", "byline", "jump") else "body"
                    self.text(article_id, item.line, self.grid.column_x(column + n),
                              self.grid.baseline(top + k, item.size), role, top + k)
        empty = sum(cap - len(leg) for cap, leg in zip(caps, legs)) + sum(caps[len(legs):])
        empty += max(0, self.block_end - row - plan.body_rows) * plan.columns
        self.drawn.empty_slots[article_id] = empty

    @property
    def grid_chars(self) -> int:
        return round(self.grid.column_width / self.grid.body_size)
