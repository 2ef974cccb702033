"""简讯: a page's short items gathered into one block under a small heading.

Articles marked `kind: brief` — and, on a page with `briefs: true`, stories
of at most `briefs.max_chars` characters without photos — become one block:
the heading (`briefs.heading`, 简讯, at `briefs.heading_size`), then each item:
its title on a line of its own in the 小标题 role (黑体, a size above the body),
marked ■ (or the items separated by a thin rule: `briefs.separator`), and its
text as a paragraph indented like any other, opening with its byline and 电头
in bold. An item's last line ends its paragraph like any paragraph's, and the
next item's title stands apart in its own face and size, as a page editor sets
a 简讯 column. The block takes the place of
the first item in the page's order (after the lead, should an item come
first), and is placed like any article.

The items stay articles of their own everywhere else: the copy-fit report
lists each (its share of the block's set characters), the loss check reads
each one's text from the rows it was drawn in, and DOCX and EPUB keep them
as separate articles.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from layout.model import Article, ArticleKind, Headline, Hints, Page, Paragraph, ParagraphKind
from layout.model.placed import ArticleRegion
from layout.pages.copyfit import ArticleFit
from layout.pages.grid import Grid
from layout.pages.sizing import BlockPlan, Sizer
from layout.style import HouseStyle

BLOCK_ID = "简讯#{page}"    # never an article file's name: ids come from file names without '#'
MARK = "■"
GAP = "\u3000"


@dataclass(frozen=True, slots=True)
class Gathered:
    """The 简讯 block of a page and, for each of its paragraphs, the item it belongs to."""

    block: Article
    items: tuple[Article, ...]
    owners: tuple[str, ...]


def _chars(article: Article) -> int:
    return sum(1 for c in article.all_text() if not c.isspace())


def is_brief(article: Article, page: Page, style: HouseStyle) -> bool:
    if article.photos:
        return False   # the manifest refuses a brief with photos; a story with one stays one
    if article.kind is ArticleKind.BRIEF:
        return True
    return (page.briefs and article.kind is ArticleKind.STORY and not article.photos
            and _chars(article) <= style.edition.brief_max_chars)


def item_title(item: Article, style: HouseStyle) -> str:
    """The line that heads an item: ■ (with `briefs.separator: ■`) and its title."""
    mark = MARK if style.edition.brief_separator == MARK else ""
    h = item.headline
    return mark + " ".join(t for t in (h.kicker, h.title.replace(GAP, " "), h.subtitle) if t)


def runin(item: Article) -> str:
    """The bold words that open an item's text: its byline and 电头."""
    words = GAP.join(t for t in (item.byline, item.dateline) if t)
    return words + ("" if item.dateline or not words else GAP)   # a 电头 runs straight into the text


def _block(items: list[Article], page: Page, style: HouseStyle) -> Gathered:
    paragraphs, owners = [], []
    for item in items:
        body = list(item.paragraphs) or [Paragraph("")]
        for n, para in enumerate(body):
            title, lead = (item_title(item, style), runin(item)) if n == 0 else ("", "")
            if title and para.kind is not ParagraphKind.BODY:   # a title before a subhead or verse
                paragraphs.append(Paragraph("", runin=lead, title=title, line=para.line))
                owners.append(item.id)
                title = lead = ""
            paragraphs.append(replace(para, runin=lead, title=title)); owners.append(item.id)
    heading = style.edition.brief_heading
    block = Article(BLOCK_ID.format(page=page.number), Headline(heading), tuple(paragraphs),
                    kind=ArticleKind.BRIEF,
                    hints=Hints(headline_size=str(style.edition.brief_heading_size)))
    return Gathered(block, tuple(items), tuple(owners))


def gather(page: Page, style: HouseStyle) -> tuple[Page, Gathered | None]:
    """The page with its briefs replaced by one 简讯 block, and that block (or None)."""
    items = [a for a in page.articles if is_brief(a, page, style)]
    explicit = any(a.kind is ArticleKind.BRIEF for a in items)
    if not items or (len(items) < 2 and not explicit):
        return page, None
    gathered = _block(items, page, style)
    rest = [a for a in page.articles if a not in items]
    at = page.articles.index(items[0])
    at = max(1, at) if rest else 0          # the lead stays a story when there is one
    rest.insert(min(at, len(rest)), gathered.block)
    return replace(page, articles=tuple(rest)), gathered


def _leg_rows(sizer: Sizer, plan: BlockPlan):
    """(leg, row in the body, Row) of every body row, as the renderer flows them."""
    body = sizer.body_at(plan.leg_chars)
    for n, leg in enumerate(body.flow(plan.legs, plan.body_rows) or ()):
        for k, row in enumerate(leg):
            yield n, k, row


def itemise(gathered: Gathered, sizer: Sizer, block: tuple[BlockPlan, int, int, int],
            grid: Grid, limit: int, page: int) -> tuple[list[ArticleFit], list[ArticleRegion]]:
    """Each item's copy fit and the regions (one per leg it runs in) its rows were drawn in."""
    plan, column, row, rows = block
    first = row + (plan.head.rows if plan.head else 0)
    end = min(limit, row + rows)
    leg_width = plan.leg_chars * grid.body_size
    span = grid.span(plan.columns)
    step = leg_width + ((span - plan.legs * leg_width) / (plan.legs - 1) if plan.legs > 1 else 0)
    drawn: dict[str, int] = {}
    spans: dict[tuple[str, int], list[int]] = {}
    for n, k, body_row in _leg_rows(sizer, plan):
        if body_row.line is None or body_row.paragraph < 0:
            continue
        owner = gathered.owners[body_row.paragraph]
        if first + k < end:
            text = body_row.line.text
            drawn[owner] = drawn.get(owner, 0) + sum(1 for c in text if not c.isspace()) \
                - text.count(MARK)
            spans.setdefault((owner, n), []).append(first + k)
    regions = [ArticleRegion(owner, grid.column_x(column) + n * step, grid.row_y(min(ks)),
                             leg_width, (max(ks) - min(ks) + 1) * grid.pitch)
               for (owner, n), ks in spans.items()]
    fits = []
    for item in gathered.items:
        chars = _chars(item)
        done = min(chars, drawn.get(item.id, 0))
        fits.append(ArticleFit(item.id, page, plan.columns, rows, chars, done, chars - done, 0,
                               0))
    return fits, regions


def with_items(gathered: Gathered | None, fits: list[ArticleFit], regions: list[ArticleRegion],
               sizers: dict[str, Sizer], blocks: dict, grid: Grid, limit: int,
               page: int) -> tuple[list[ArticleFit], list[ArticleRegion]]:
    """The page's fits and regions with the 简讯 block's replaced by its items'."""
    if gathered is None or gathered.block.id not in blocks:
        return fits, regions
    block_id = gathered.block.id
    item_fits, item_regions = itemise(gathered, sizers[block_id], blocks[block_id], grid, limit,
                                      page)
    at = next(i for i, f in enumerate(fits) if f.id == block_id)
    fits = fits[:at] + item_fits + fits[at + 1:]
    return fits, [r for r in regions if r.article != block_id] + item_regions
