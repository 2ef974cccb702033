"""Page furniture: the masthead (报头) on page 1, the page header (眉头) elsewhere."""
from __future__ import annotations

from layout.fonts import FontSet
from layout.model import Issue, Page
from layout.model.placed import PlacedBox, PlacedItem, PlacedRule
from layout.pages.dates import masthead_date, solar, weekday
from layout.pages.grid import Grid
from layout.pages.runs import natural_line, placed_runs
from layout.style import HouseStyle

MASTHEAD_ROWS = 8
HEADER_ROWS = 2


def furniture_rows(page: Page) -> int:
    """Rows at the top of the type area taken by the masthead or page header."""
    return MASTHEAD_ROWS if page.number == 1 else HEADER_ROWS


def masthead_lines(issue: Issue, page: Page) -> list[str]:
    """The masthead's information lines, from the house style and the manifest."""
    paper = issue.style.paper
    total = f"总第{issue.number}期　" if issue.number else ""
    editor = f"　责任编辑　{page.editor}" if page.editor else ""
    return [
        paper.owner,
        f"国内统一连续出版物号　{paper.serial}　邮发代号　{paper.postal_code}",
        masthead_date(issue.date),
        f"{total}今日{len(issue.pages)}版　第{page.number}版　{page.name}{editor}",
    ]


def masthead(issue: Issue, page: Page, grid: Grid, fonts: FontSet) -> list[PlacedItem]:
    style: HouseStyle = issue.style
    items: list[PlacedItem] = []
    name_role = style.role("masthead")
    name = natural_line(issue.paper, name_role.face, name_role.size, fonts)
    band = (MASTHEAD_ROWS - 1) * grid.pitch
    name_base = grid.top + (band - name_role.size) / 2 + 0.88 * name_role.size
    items += placed_runs(name, grid.left, name_base, "masthead")
    info_role = style.role("furniture")
    size = max(info_role.size, style.body_size)
    lines = masthead_lines(issue, page)
    leading = band / (len(lines) + 1)
    right = grid.left + grid.width
    for n, text in enumerate(lines):
        line = natural_line(text, info_role.face, size, fonts)
        baseline = grid.top + leading * (n + 1) + 0.35 * size
        items += placed_runs(line, right - line.width, baseline, "furniture")
    info_left = right - max(natural_line(t, info_role.face, size, fonts).width for t in lines)
    items += ear(issue, page, grid, fonts, grid.left + name.width, info_left, band)
    rule_y = grid.row_y(MASTHEAD_ROWS) - grid.pitch * 0.55
    items.append(PlacedRule(grid.left, rule_y, right, rule_y, 2.0))
    items.append(PlacedRule(grid.left, rule_y + 3, right, rule_y + 3, 0.5))
    return items


def ear(issue: Issue, page: Page, grid: Grid, fonts: FontSet, left: float, right: float,
        band: float) -> list[PlacedItem]:
    """The 报眼 between the paper's name and the information lines: 今日导读, this page's stories."""
    margin = 2 * grid.gutter
    x0, x1 = left + margin, right - margin
    size = issue.style.role("furniture").size
    titles = [a.headline.title for a in page.articles if a.headline.title]
    if x1 - x0 < 8 * size or not titles:
        return []
    heading = natural_line("今日导读", "sans_bold", size, fonts)
    leading = size * 1.55
    usable = int((band - 2 * leading) // leading)
    entries = [natural_line("■ " + t, issue.style.role("body").face, size, fonts) for t in titles]
    entries = [e for e in entries if e.width <= x1 - x0 - size][:usable]
    top = grid.top + (band - leading * (len(entries) + 1)) / 2
    items: list[PlacedItem] = [PlacedBox(x0, grid.top, x1 - x0, band, tint=0.0, stroke=True)]
    items += placed_runs(heading, x0 + size, top + size, "furniture")
    for n, entry in enumerate(entries, start=1):
        items += placed_runs(entry, x0 + size, top + size + n * leading, "furniture")
    return items


def page_header(issue: Issue, page: Page, grid: Grid, fonts: FontSet) -> list[PlacedItem]:
    role = issue.style.role("furniture")
    size = max(role.size, issue.style.body_size)
    baseline = grid.baseline(0, size)
    right = grid.left + grid.width
    left = natural_line(f"第{page.number}版　{page.name}", "sans_bold", size, fonts)
    middle = natural_line(f"{issue.paper}　{solar(issue.date)}　{weekday(issue.date)}",
                          role.face, size, fonts)
    credit = natural_line(f"责任编辑　{page.editor}" if page.editor else "", role.face, size, fonts)
    items: list[PlacedItem] = []
    items += placed_runs(left, grid.left, baseline, "furniture")
    items += placed_runs(middle, grid.left + (grid.width - middle.width) / 2, baseline, "furniture")
    items += placed_runs(credit, right - credit.width, baseline, "furniture")
    y = grid.row_y(1) + grid.pitch * 0.3
    items.append(PlacedRule(grid.left, y, right, y, 1.0))
    return items


def furniture(issue: Issue, page: Page, grid: Grid, fonts: FontSet) -> list[PlacedItem]:
    if page.number == 1:
        return masthead(issue, page, grid, fonts)
    return page_header(issue, page, grid, fonts)
