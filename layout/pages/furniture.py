"""Page furniture: the masthead (报头) with its 报眼 on page 1, the page header (眉头)
elsewhere, mirrored (版次 at the outer edge), and the 报尾 on an edition's last page."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from layout.compose import Line
from layout.fonts import FontSet
from layout.model import Issue, Page
from layout.model.placed import PlacedBox, PlacedItem, PlacedRule
from layout.pages.dates import masthead_date, solar, weekday
from layout.pages.grid import Grid
from layout.pages.guide import ELLIPSIS, MARK, guide_entries, page_reference, ranked
from layout.pages.guideband import Band, band_items, band_shape
from layout.pages.runs import natural_line, placed_runs
from layout.style import HouseStyle
from layout.style.sizes import SIZE_NAMES

MASTHEAD_ROWS = 8
INFO_ROW = 2           # the masthead's information lines and the 导读's entries from this row down
EAR_LINES = MASTHEAD_ROWS - 1 - INFO_ROW   # entries the 报眼 holds, one to a row
HEADER_ROWS = 2
IMPRINT_GAP = "　　"   # between the 报尾's fields
FIELD_GAP = "\u2002"   # an en space between the masthead's information fields

Warn = Callable[[str], None]


def _no_warning(_message: str) -> None:
    return None


def furniture_rows(page: Page) -> int:
    """Rows at the top of the type area taken by the masthead or page header (and
    `guide_rows` more on a page 1 whose 导读 runs in a band under the masthead)."""
    return MASTHEAD_ROWS if page.number == 1 else HEADER_ROWS


def guide_rows(issue: Issue, page: Page, grid: Grid, fonts: FontSet) -> int:
    """Rows the 导读 band takes under page 1's masthead (0: it is in the 报眼, or none)."""
    band = guide_band(issue, page, grid, fonts)
    return band.rows if band is not None else 0


def guide_band(issue: Issue, page: Page, grid: Grid, fonts: FontSet) -> Band | None:
    """The 导读's band when page 1's 报眼 is too narrow for it (see guideband.py)."""
    if page.number != 1:
        return None
    left, right = _ear_span(issue, page, grid, fonts)
    smallest = min(issue.style.role("furniture").size, issue.style.body_size)
    if right - left - 4 * grid.gutter >= 8 * smallest:
        return None
    return band_shape(issue, grid, fonts)


def _ear_span(issue: Issue, page: Page, grid: Grid, fonts: FontSet) -> tuple[float, float]:
    """Left and right of the space between the paper's name and the information lines."""
    style = issue.style
    name_role, info_role = style.role("masthead"), style.role("furniture")
    name = natural_line(issue.paper, name_role.face, name_role.size, fonts)
    size = max(info_role.size, style.body_size)
    widest = max(natural_line(t, info_role.face, size, fonts).width
                 for t in masthead_lines(issue, page))
    return grid.left + name.width, grid.left + grid.width - widest


def masthead_lines(issue: Issue, page: Page) -> list[str]:
    """The masthead's information lines, from the house style and the manifest, their
    fields half an em apart (FIELD_GAP): each line reads as one line, not as fields
    standing in the columns under the masthead."""
    paper = issue.style.paper
    total = f"总第{issue.number}期　" if issue.number else ""
    editor = f"　责任编辑　{page.editor}" if page.editor else ""
    return [line.replace("　", FIELD_GAP) for line in (   # the date before the numbers: no
        paper.owner,                                         # line ends in a figure the next
        masthead_date(issue.date),                           # line starts with (8-68|2025年)
        f"国内统一连续出版物号　{paper.serial}　邮发代号　{paper.postal_code}",
        f"{total}今日{len(issue.pages)}版　第{page.number}版　{page.name}{editor}",
    )]


def masthead(issue: Issue, page: Page, grid: Grid, fonts: FontSet,
             warn: Warn = _no_warning, legs: tuple[float, ...] = ()) -> list[PlacedItem]:
    style: HouseStyle = issue.style
    items: list[PlacedItem] = []
    name_role = style.role("masthead")
    name = natural_line(issue.paper, name_role.face, name_role.size, fonts)
    band = (MASTHEAD_ROWS - 1) * grid.pitch
    name_base = grid.top + (band - name_role.size) / 2 + 0.88 * name_role.size
    items += placed_runs(name, grid.left, name_base, "masthead")
    info_role = style.role("furniture")
    lines = masthead_lines(issue, page)
    right = grid.left + grid.width
    guide = guide_band(issue, page, grid, fonts)
    plan = None if guide is not None else ear_plan(issue, page, grid, fonts, grid.left + name.width, warn)
    size = plan.size if plan is not None else max(info_role.size, style.body_size)
    leading = band / (len(lines) + 1)
    for n, text in enumerate(lines):
        line = natural_line(text, info_role.face, size, fonts)
        baseline = (grid.baseline(INFO_ROW + n, size) if plan is not None   # the 导读's rows
                    else grid.top + leading * (n + 1) + 0.35 * size)
        items += placed_runs(line, right - line.width, baseline, "furniture")
    if plan is not None:
        items += _guide_items(issue, grid, fonts, plan)
    elif guide is not None:
        items += band_items(issue, grid, fonts, MASTHEAD_ROWS, guide, warn, legs)
    rule_y = grid.row_y(MASTHEAD_ROWS) - grid.pitch * 0.55
    items.append(PlacedRule(grid.left, rule_y, right, rule_y, 2.0))
    items.append(PlacedRule(grid.left, rule_y + 3, right, rule_y + 3, 0.5))
    return items


@dataclass(frozen=True, slots=True)
class Ear:
    """The 报眼's 导读: its box's left and right, the entries' size and the entries."""

    x0: float
    x1: float
    size: float
    entries: tuple


def ear_plan(issue: Issue, page: Page, grid: Grid, fonts: FontSet, left: float,
             warn: Warn = _no_warning) -> Ear | None:
    """The 报眼 between the paper's name and the information lines: 今日导读, the leading
    story of every inside page with its 版 (see guide.py), one entry to a body line on
    the page's rows, at the furniture size, or at the body size when that lists more
    leads, cuts fewer headlines or shortens fewer. The information lines take the
    entries' size and stand on the same rows (one set of baselines across the band)."""
    if not ranked(issue):
        return None
    margin = 2 * grid.gutter
    x0 = left + margin
    best = None
    for size in (issue.style.role("furniture").size, issue.style.body_size):
        x1 = grid.left + grid.width - margin - max(
            natural_line(t, issue.style.role("furniture").face, size, fonts).width
            for t in masthead_lines(issue, page))
        if x1 - x0 < 8 * size:
            continue
        notes: list[str] = []
        entries = guide_entries(issue, EAR_LINES, _fits(issue, fonts, size, x1 - x0 - 2 * size),
                                notes.append)
        score = (len(notes), sum(e.text.endswith(ELLIPSIS) for e in entries),
                 sum(not e.whole for e in entries))
        if best is None or score < best[0]:
            best = (score, Ear(x0, x1, size, tuple(entries)), notes)
    if best is None:
        return None
    for note in best[2]:
        warn(note)
    return best[1]


def _fits(issue: Issue, fonts: FontSet, size: float, inner: float):
    """Whether an entry's text (and its page reference) fits a line of the box."""
    face = issue.style.role("body").face

    def fits(text: str, number: int) -> bool:
        ref = natural_line(page_reference(number), "sans_bold", size, fonts).width + size \
            if number else 0.0
        return natural_line(f"{MARK} {text}", face, size, fonts).width + ref <= inner
    return fits


def _guide_items(issue: Issue, grid: Grid, fonts: FontSet, ear: Ear) -> list[PlacedItem]:
    """The 导读's box: its heading on the row over the entries, the entries on the body
    rows from INFO_ROW down (centred on them when fewer than EAR_LINES)."""
    face, size = issue.style.role("body").face, ear.size
    first = INFO_ROW + (EAR_LINES - len(ear.entries)) // 2
    top = grid.row_y(first - 1) - 0.2 * grid.pitch
    foot = grid.row_y(first + len(ear.entries)) + 0.15 * grid.pitch
    heading = natural_line("今日导读", "sans_bold", heading_size(size), fonts)
    items: list[PlacedItem] = [PlacedBox(ear.x0, top, ear.x1 - ear.x0, foot - top, tint=0.0, stroke=True)]
    items += placed_runs(heading, ear.x0 + size, grid.baseline(first - 1, heading_size(size)), "furniture")
    for n, entry in enumerate(ear.entries):
        baseline = grid.baseline(first + n, size)
        items += placed_runs(natural_line(f"{MARK} {entry.text}", face, size, fonts),
                             ear.x0 + size, baseline, "furniture")
        if entry.page:
            ref = natural_line(page_reference(entry.page), "sans_bold", size, fonts)
            items += placed_runs(ref, ear.x1 - size - ref.width, baseline, "furniture")
    return items


def heading_size(size: float) -> float:
    """The 导读's heading: the next 号 above its entries, a heading and not one of them."""
    return min((v for v in SIZE_NAMES.values() if v > size + 0.01), default=size)


def page_header(issue: Issue, page: Page, grid: Grid, fonts: FontSet) -> list[PlacedItem]:
    """第X版 and 版名 at the outer edge (left on even pages, right on odd), the paper and
    date in the middle, 责任编辑 at the inner edge; a rule under them."""
    role = issue.style.role("furniture")
    size = max(role.size, issue.style.body_size)
    baseline = grid.baseline(0, size)
    right = grid.left + grid.width
    even = page.number % 2 == 0
    folio_text = f"第{page.number}版　{page.name}" if even else f"{page.name}　第{page.number}版"
    folio = natural_line(folio_text, "sans_bold", size, fonts)
    middle = natural_line(f"{issue.paper}　{solar(issue.date)}　{weekday(issue.date)}",
                          role.face, size, fonts)
    credit = natural_line(f"责任编辑　{page.editor}" if page.editor else "", role.face, size, fonts)
    outer, inner = (folio, credit)
    left_line, right_line = (outer, inner) if even else (inner, outer)
    items: list[PlacedItem] = []
    items += placed_runs(left_line, grid.left, baseline, "furniture")
    items += placed_runs(middle, grid.left + (grid.width - middle.width) / 2, baseline, "furniture")
    items += placed_runs(right_line, right - right_line.width, baseline, "furniture")
    y = grid.row_y(1) + grid.pitch * 0.3
    items.append(PlacedRule(grid.left, y, right, y, 1.0))
    return items


def is_last_page(issue: Issue, page: Page) -> bool:
    """The last page of a whole edition (from page 1, two pages or more): it has the 报尾."""
    pages = issue.pages
    return len(pages) > 1 and pages[0].number == 1 and page.number == pages[-1].number


def imprint_lines(issue: Issue, grid: Grid, fonts: FontSet) -> list[Line]:
    """The 报尾's lines: its fields in order, as many to a line as fit, never split."""
    role = issue.style.role("furniture")
    size = min(role.size, issue.style.body_size)
    publisher = issue.style.paper.publisher
    fields = [f"{publisher}出版"] if publisher else []
    fields += [f"{label}：{text}" for label, text in issue.style.edition.imprint]
    lines, current = [], ""
    for field_text in fields:
        joined = f"{current}{IMPRINT_GAP}{field_text}" if current else field_text
        if current and natural_line(joined, role.face, size, fonts).width > grid.width:
            lines.append(current)
            joined = field_text
        current = joined
    if current:
        lines.append(current)
    return [natural_line(t, role.face, size, fonts) for t in lines]


def footer_rows(issue: Issue, page: Page, grid: Grid, fonts: FontSet) -> int:
    """Rows at the foot of the type area taken by the 报尾 (the last page of an edition)."""
    if not is_last_page(issue, page):
        return 0
    lines = imprint_lines(issue, grid, fonts)
    return len(lines) + 1 if lines else 0


def imprint(issue: Issue, page: Page, grid: Grid, fonts: FontSet) -> list[PlacedItem]:
    """The 报尾 under a rule at the foot of the last page, each line centred."""
    rows = footer_rows(issue, page, grid, fonts)
    if not rows:
        return []
    first = grid.rows - rows
    y = grid.row_y(first) + grid.pitch * 0.5
    right = grid.left + grid.width
    items: list[PlacedItem] = [PlacedRule(grid.left, y, right, y, 1.0)]
    for n, line in enumerate(imprint_lines(issue, grid, fonts), start=1):
        baseline = grid.baseline(first + n, line.glyphs[0].size)
        items += placed_runs(line, grid.left + (grid.width - line.width) / 2, baseline,
                             "furniture")
    return items


def furniture(issue: Issue, page: Page, grid: Grid, fonts: FontSet,
              warn: Warn = _no_warning, legs: tuple[float, ...] = ()) -> list[PlacedItem]:
    """The masthead (page 1) or page header, and the 报尾 on the last page; `legs`: the
    x's the page's body legs start at (the 导读 band keeps its references off them)."""
    top = masthead(issue, page, grid, fonts, warn, legs) if page.number == 1 else \
        page_header(issue, page, grid, fonts)
    return top + imprint(issue, page, grid, fonts)
