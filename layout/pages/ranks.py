"""Headline ranks: which 主题 sizes each article of a page may take.

Manifest order is importance. The first story is the lead (rank 0); the
stories after it take ranks 1, 2, … in order; a story whose body has fewer
characters than the house style's `headlines.brief_chars`, a photo-news
item and the 简讯 block (`briefs.py`, its heading at its own size) is a
brief, whose 主题 takes the brief sizes below every rank — so a brief never
outranks a longer story. The lead is never a brief: the editor put it first.

A short item with a longer story after it (a poem or a 时评 listed second, a
lead shorter than brief_chars) cannot be a brief without a later story
outgrowing it, nor keep its place's rank without outgrowing a longer story:
it follows the page's order, and the run from it to the last longer story
after it shares one rank — that story's place's — and, after placement, one
size (`step_down`).

Every story after the last rank of the house style shares that rank's
range; after placement `step_down` keeps their sizes in manifest order.
Briefs share one rank and one size on the page (`Sizer.size_cost`); where a
brief steps down to tell it from its neighbours (撞题, `zhuangti`), the
briefs after it step down too.
"""
from __future__ import annotations

from layout.model import Article, ArticleKind
from layout.pages.placement import Cut
from layout.pages.sizing import BlockPlan, Sizer, title_sizes
from layout.pages.tree import leaves, with_head, with_plans
from layout.style import HouseStyle


def body_chars(article: Article) -> int:
    """Characters of the article's body (paragraphs and 小标题), spaces left out."""
    return sum(1 for p in article.paragraphs for c in p.text if not c.isspace())


def is_brief(article: Article, style: HouseStyle) -> bool:
    return (article.kind in (ArticleKind.PHOTO, ArticleKind.BRIEF)
            or body_chars(article) < style.headlines.brief_chars)


def headline_ranks(articles: tuple[Article, ...] | list[Article],
                   style: HouseStyle) -> list[tuple[int, bool]]:
    """(rank, brief) for each article, in order (module doc). A short item with a longer
    story after it follows the page's order instead: it is ranked by its place, and the
    run from it to the last longer story takes one rank, the rank of that story's place
    (`step_down` then gives the run one size), so that neither a later story outgrows it
    nor it a longer one."""
    out, rank, runs = [], 0, []
    for i, article in enumerate(articles):
        longer = _last_longer(articles, i, style) if _ranked_text(article) else -1
        brief = i > 0 and is_brief(article, style) and longer < 0
        if is_brief(article, style) and longer >= 0:
            runs.append((i, longer))
        out.append((rank, brief))
        if not brief:
            rank += 1
    for start, end in reversed(runs):   # a run inside a later one takes its rank
        for k in range(start, end + 1):
            out[k] = (out[end][0], out[k][1])
    return out


def _ranked_text(article: Article) -> bool:
    """A story or poem whose 主题 takes a rank's size (not a size the editor or a jump gave)."""
    return (article.kind in (ArticleKind.STORY, ArticleKind.POEM)
            and not article.hints.headline_size and bool(article.headline.title))


def is_longer(article: Article, style: HouseStyle) -> bool:
    """A ranked story of at least `headlines.brief_chars` body characters."""
    return _ranked_text(article) and not is_brief(article, style)


def _last_longer(articles, i: int, style: HouseStyle) -> int:
    """Index of the last story after article i that is no brief (-1: none)."""
    return max((j for j in range(i + 1, len(articles)) if is_longer(articles[j], style)),
               default=-1)


def step_down(tree: Cut, sizers: list[Sizer]) -> Cut:
    """The layout with story 主题 sizes that never grow down the manifest. Ranks step
    down by themselves; the stories sharing a rank's range are sized by the placer for
    their widths, and this pass sets a later one that came out larger than an earlier
    at the largest size allowed — and a short item ranked by its place (headline_ranks)
    no larger than a longer story after it, so that such a run of stories ends at one
    size. It only ever shrinks, so each headline still fits its rows. A size the editor
    gave (`headline_size`) is left alone."""
    plans = {plan.article.id: plan for plan, _column, _row in leaves(tree, 0, 0)}
    ranked = [s for s in sizers if not s.brief and _title_size(plans.get(s.article.id)) is not None]
    changed: dict[str, BlockPlan] = {}
    moved = True
    while moved:
        moved = False
        sizes = [_title_size(changed.get(s.article.id) or plans[s.article.id]) for s in ranked]
        for i, sizer in enumerate(ranked):
            cap = _cap(i, ranked, sizes, sizer.style)
            if sizes[i] > cap + 0.01 and not sizer.article.hints.headline_size:
                smaller = _shrunk(sizer, changed.get(sizer.article.id) or plans[sizer.article.id], cap)
                if smaller is not None:
                    changed[sizer.article.id] = smaller
                    sizes[i] = _title_size(smaller)
                    moved = True
    return with_plans(tree, changed)


def _cap(i: int, ranked: list[Sizer], sizes: list[float], style) -> float:
    """The largest 主题 size story i may keep: none above an earlier story's; a short
    item's none above a longer story's after it."""
    cap = min(sizes[:i], default=float("inf"))
    if is_brief(ranked[i].article, style):
        cap = min([cap] + [sizes[j] for j in range(i + 1, len(ranked))
                           if is_longer(ranked[j].article, style)])
    return cap


def _title_size(plan: BlockPlan | None) -> float | None:
    if plan is None or plan.head is None:
        return None
    return next((s.size for role, s in plan.head.parts if role == "title"), None)


def _shrunk(sizer: Sizer, plan: BlockPlan, cap: float) -> BlockPlan | None:
    """`plan` with its 主题 at the largest size of its range not above `cap` that fits."""
    low, _high = sizer.title_range()
    face = next(s.face for role, s in plan.head.parts if role == "title")
    for size in reversed(title_sizes(min(low, cap), cap)):
        head = sizer.head_in(plan, face, size)
        if head is not None:
            return with_head(plan, head)
    return None
