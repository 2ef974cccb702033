"""The 导读 in page 1's 报眼: the edition's leading stories with their 版 (▶ 2版).

Entries are chosen by rank: the leading story of every inside page first,
then the second story of each page, and so on, as long as lines remain (a
later story only when it fits without being cut). A lead's entry is fitted
to the box by shortening, never by dropping it: the 主题 as
written if it fits, else the article's `teaser:`, else the 主题's first
phrase, else that phrase cut with an ellipsis. Only when there are more
inside pages than lines in the box does a page's lead go unlisted, and then
a warning names the pages. A one-page edition lists its own headlines,
without page numbers.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from layout.i18n import _
from layout.model import Article, ArticleKind, Issue
from layout.pages.briefs import is_brief
from layout.pages.grid import Grid

ELLIPSIS = "…"
MARK = "■"


@dataclass(frozen=True, slots=True)
class GuideEntry:
    text: str      # the headline as it will print (maybe shortened)
    page: int      # its 版; 0 in a one-page edition (no page reference)
    rank: int      # 1 for a page's leading story
    whole: bool = True   # the 主题 as written (not shortened)


def first_phrase(title: str) -> str:
    """The 主题 up to its phrase gap (a full-width space), or all of it."""
    return title.split("\u3000")[0].strip()


def shortenings(article: Article) -> list[str]:
    """What the 导读 may print for an article, longest first."""
    title = article.headline.title.strip()
    out = [title, article.teaser.strip(), first_phrase(title)]
    return [t for i, t in enumerate(out) if t and t not in out[:i]]


def fitted(article: Article, fits: Callable[[str], bool]) -> str:
    """The longest shortening that fits, else the teaser (or the first phrase) cut with
    an ellipsis."""
    options = shortenings(article)
    for text in options:
        if fits(text):
            return text
    text = article.teaser.strip() or (options[-1] if options else article.id)
    while len(text) > 1 and not fits(text + ELLIPSIS):
        text = text[:-1]
    return text + ELLIPSIS


def ranked(issue: Issue) -> list[tuple[Article, int, int]]:
    """(article, page, rank) of the stories a 导读 may list, best first (not an ad, nor
    an item of the page's 简讯 block)."""
    pages = [p for p in issue.pages if p.number != 1] or list(issue.pages[:1])
    titled = {p.number: [a for a in p.articles if a.headline.title and a.kind is not ArticleKind.AD
                         and not is_brief(a, p, issue.style)] for p in pages}
    out = []
    for rank in range(1, 1 + max((len(v) for v in titled.values()), default=0)):
        for page in pages:
            if len(titled[page.number]) >= rank:
                out.append((titled[page.number][rank - 1], page.number, rank))
    return out


def guide_entries(issue: Issue, lines: int, fits: Callable[[str, int], bool],
                  warn: Callable[[str], None] = lambda _m: None) -> list[GuideEntry]:
    """At most `lines` entries, in page order; `fits(text, page)` says whether one fits."""
    one_page = len(issue.pages) == 1
    chosen = []
    for article, page, rank in ranked(issue)[:max(lines, 0)]:
        shown_page = 0 if one_page else page
        text = fitted(article, lambda t: fits(t, shown_page))
        if rank > 1 and text.endswith(ELLIPSIS):
            continue   # a page's second story is listed only when it reads whole
        chosen.append(GuideEntry(text, shown_page, rank, text == article.headline.title.strip()))
    listed = {e.page for e in chosen if e.rank == 1}
    missing = [str(p.number) for p in issue.pages
               if p.number != 1 and not one_page and p.number not in listed
               and any(a.headline.title for a in p.articles)]
    if missing:
        warn(_("the 报眼 has room for {lines} 导读 lines: the leading story of page(s) {pages} "
               "is not listed").format(lines=lines, pages=", ".join(missing)))
    return sorted(chosen, key=lambda e: (e.page, e.rank))


def page_reference(page: int) -> str:
    """`▶2版`, or nothing for a story on the page itself."""
    return f"▶{page}版" if page else ""


def guide_leading(grid: Grid, size: float) -> float:
    """The 导读's entries one to a body line (the page's pitch), as the columns under it:
    two body lines to an entry where one is too tight for the size."""
    return grid.pitch * max(1, math.ceil(size * 1.25 / grid.pitch - 1e-9))
