"""The pages stage: from the model to placed pages, filled, every character accounted for.

`place_issue` sizes every article (sizing), chooses a guillotine layout per
page (placement), draws blocks, rules and furniture on the grid (render,
furniture) and reports the copy fit (copyfit).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from layout.errors import Diagnostics
from layout.fonts import FontSet
from layout.i18n import _
from layout.model import ArticleKind, Issue, Page
from layout.model.placed import PlacedIssue, PlacedPage, PlacedText
from layout.options import BuildOptions
from layout.pages.boxes import sizer_for
from layout.pages.briefs import gather as gather_briefs, with_items as briefs_items
from layout.pages.copyfit import ArticleFit, CopyFit, PageFit
from layout.pages.essays import essay_page, is_essay
from layout.pages.furniture import footer_rows, furniture, furniture_rows, guide_rows
from layout.pages.grid import Grid, grid_for
from layout.pages import kept
from layout.pages.jumps import merged, onward, part_sizers, with_jumps
from layout.pages.around import make_up
from layout.pages.overset import cut_tails
from layout.pages.ranks import headline_ranks, step_down
from layout.pages.render import Renderer
from layout.pages.reserved import AdSizer, check_resolution, underfilled
from layout.pages.roomy import has_room, keep_deeper, roomy_styles
from layout.pages.vertical import with_vertical_faces
from layout.pages.zhuangti import vary_faces


@dataclass(frozen=True, slots=True)
class PagesResult:
    placed: PlacedIssue
    copyfit: CopyFit
    placed_anew: tuple[int, ...] = ()   # numbers of the pages placed by this call (the
                                        # others were as placed before in this process: kept.py)


def place_page(issue: Issue, page: Page, grid: Grid, fonts: FontSet, options: BuildOptions,
               diag: Diagnostics | None = None, jumping: dict[str, int] | None = None,
               cut_tail: bool = True):
    """One placed page, its article and page fits, and the continuations it sends on
    (page, article); `jumping` names over-set articles that may jump (to a page); with
    `cut_tail`, copy that does not fit is cut from the least important stories (overset).

    A page short of copy is placed again with airier headline groups and, where a block
    stands in shallow legs, legs of `makeup.short_leg_lines` lines (roomy.py)."""
    trial = Diagnostics()
    result = _place_page(issue, page, grid, fonts, options, trial, jumping, cut_tail)
    styles = roomy_styles(issue.style, result[0].items, essay_page(page, issue.style)) \
        if has_room(1 - result[2].filled, issue.style, result[0].items) else ()
    ads = frozenset(a.id for a in page.articles if a.kind is ArticleKind.AD)
    for style in styles:
        deeper = Diagnostics()
        again = _place_page(replace(issue, style=style), page, grid, fonts, options, deeper,
                            jumping, cut_tail)
        airier = style.makeup.head_air_rows > issue.style.makeup.head_air_rows
        if keep_deeper(result, again, grid, airier, ads):
            result, trial = again, deeper
            break
    if diag is not None:
        diag.warnings.extend(trial.warnings)
    return result


def _place_page(issue: Issue, page: Page, grid: Grid, fonts: FontSet, options: BuildOptions,
                diag: Diagnostics | None = None, jumping: dict[str, int] | None = None,
                cut_tail: bool = True):
    """One placement of the page with the issue's house style (see place_page)."""
    page, gathered = gather_briefs(page, issue.style)
    top = furniture_rows(page) + guide_rows(issue, page, grid, fonts)
    bottom = footer_rows(issue, page, grid, fonts)
    free_rows = grid.rows - top - bottom
    ranks = headline_ranks(page.articles, issue.style)
    essays = essay_page(page, issue.style)
    sizers = [sizer_for(a, issue.style, grid, fonts, i == 0 and a.kind is not ArticleKind.BRIEF,
                        options.breaker, rank, brief, is_essay(a, essays))
              for i, (a, (rank, brief)) in enumerate(zip(page.articles, ranks))]
    sizers = with_jumps(sizers, jumping or {})
    for sizer in sizers:
        sizer.photo_rules.check(sizer.article)
        if isinstance(sizer, AdSizer):
            check_resolution(sizer, page.number)
    renderer = Renderer(grid, {s.article.id: s for s in sizers}, grid.rows - bottom)
    left_slots = free_rows * grid.columns
    if sizers:
        def placed(order):
            return make_up(order, grid.columns, free_rows, top, page.number)

        tree, left_slots = placed(sizers)
        if cut_tail and not jumping:
            tree, left_slots = cut_tails(sizers, placed, (tree, left_slots))
        tree = vary_faces(step_down(tree, sizers), sizers, grid, top)
        renderer.sizers.update(part_sizers(tree, sizers))
        renderer.cut(tree, 0, top)
    drawn = renderer.drawn
    warn = diag.warn if diag is not None else (lambda _m: None)
    for note in filter(None, (underfilled(s, page.number) for s in sizers
                              if isinstance(s, AdSizer))):
        warn(note)
    legs = tuple(sorted({round(t.x + (t.xs[0] if t.xs else 0.0), 1) for t in drawn.items
                         if isinstance(t, PlacedText) and t.role == "body" and not t.turn}))
    items = furniture(issue, page, grid, fonts, warn, legs) + drawn.items
    fits = []
    for sizer in sizers:
        plan, _, _, rows = drawn.blocks[sizer.article.id]
        a, sizer = plan.article, renderer.sizers[sizer.article.id]
        chars = sum(1 for c in a.all_text() if not c.isspace())
        set_chars = drawn.set_chars.get(a.id, 0)
        fits.append(ArticleFit(a.id, page.number, plan.columns, rows, chars, set_chars,
                               max(0, chars - set_chars),
                               drawn.empty_slots.get(a.id, 0) * issue.style.column_chars,
                               sizer.body_at(plan.leg_chars).lone_lines if a.paragraphs else 0,
                               drawn.widows.get(a.id, 0)))
    regions = renderer.regions()
    fits, regions = briefs_items(gathered, fits, regions, renderer.sizers, drawn.blocks, grid,
                                 renderer.limit, page.number)
    placed = PlacedPage(page.number, page.name, grid.page_width, grid.page_height,
                        tuple(items), tuple(drawn.bookmarks), regions=tuple(regions))
    sent = onward(drawn.blocks, sizers, page.number, issue.style.edition.jump_title_size)
    # a page that sends copy on (转版) is not short of it, whatever its holes
    return placed, fits, page_fill(page, issue.style, grid, free_rows,
                                  bool(sent) or any(f.over for f in fits),
                                  sum(drawn.empty_slots.values()) + drawn.holes + left_slots), sent


def place_jumping(issue: Issue, page: Page, fonts: FontSet, options: BuildOptions,
                  diag: Diagnostics | None, later: int | None):
    """A page placed; with `jumps: auto`, when copy is over, placed again letting its
    stories jump to the next page when it has any. Every story may jump, not only those
    the trial over-set: the overrun goes to as few articles as can take it, often a
    short one beside a long story that would fit whole — and the long one should jump."""
    grid = grid_for(issue.style, page.number)
    trial = Diagnostics()
    may_jump = bool(issue.jumps and later)
    result = place_page(issue, page, grid, fonts, options, trial, cut_tail=not may_jump)
    over = ({a.id: later for a in page.articles} if may_jump
            and any(f.over > 0 for f in result[1]) else {})
    if over:
        return place_page(issue, page, grid, fonts, options, diag, jumping=over)
    if diag is not None:
        diag.warnings.extend(trial.warnings)
    return result


def page_fill(page: Page, style, grid: Grid, free_rows: int, over: bool, empty_slots: int) -> PageFit:
    """How much of the page's grid holds something, and what its empty space would hold
    (a page whose copy is over is not short, whatever its holes)."""
    slots = free_rows * grid.columns
    filled = 1 - empty_slots / slots if slots else 1.0
    return PageFit(page.number, round(filled, 4), empty_slots * style.column_chars,
                   bool(slots) and not over and empty_slots / slots > style.makeup.short_page)


def place_issue(issue: Issue, fonts: FontSet, options: BuildOptions,
                diag: Diagnostics | None = None) -> PagesResult:
    """Place every page of the issue."""
    pages, article_fits, page_fits, anew = [], [], [], []
    sent: dict[int, list] = {}           # page → continuations of jumps sent to it
    for index, page in enumerate(issue.pages):
        page = replace(page, articles=page.articles + tuple(sent.pop(page.number, ())))
        later = issue.pages[index + 1].number if index + 1 < len(issue.pages) else None
        (placed, fits, page_fit, onward_parts), fresh = kept.place(
            lambda: kept.inputs(issue, page, later, fonts, options), page.number, diag,
            lambda local, page=page, later=later: place_jumping(issue, page, fonts, options,
                                                                local, later))
        if fresh:
            anew.append(page.number)
        for to_page, part in onward_parts:
            sent.setdefault(to_page, []).append(part)
        pages.append(placed); article_fits += fits; page_fits.append(page_fit)
    article_fits = merged(article_fits, {a.id: a for a in issue.articles()})
    copyfit = CopyFit(tuple(article_fits), tuple(page_fits))
    for fit in article_fits:
        if fit.lone_lines and diag is not None:
            diag.warn(_("article '{id}': {count} paragraph(s) end in a 孤字 that could not be "
                        "avoided (see copyfit.json)").format(id=fit.id, count=fit.lone_lines))
    for fit in copyfit.short_pages():
        if diag is not None:
            diag.warn(copyfit.short_message(fit))
    placed_issue = PlacedIssue(issue.paper, issue.date, tuple(pages),
                               with_vertical_faces(pages, fonts), issue.style.bleed,
                               issue.style.paper.publisher)
    from layout.cache import flush_groups

    flush_groups()      # the articles' compositions, one cache file each
    return PagesResult(placed_issue, copyfit, tuple(anew))
