"""Headline ranks: which 主题 sizes each article of a page may take.

Manifest order is importance. The first story is the lead (rank 0); the
stories after it take ranks 1, 2, … in order; a story whose body has fewer
characters than the house style's `headlines.brief_chars`, a photo-news
item and the 简讯 block (`briefs.py`, its heading at its own size) is a brief, whose 主题 takes the brief sizes below every rank — so a
brief never outranks a longer story, wherever the editor listed it. The
lead is never a brief: the editor put it first.

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
    """(rank, brief) for each article, in order (module doc)."""
    out, rank = [], 0
    for i, article in enumerate(articles):
        brief = i > 0 and is_brief(article, style)
        out.append((rank, brief))
        if not brief:
            rank += 1
    return out


def step_down(tree: Cut, sizers: list[Sizer]) -> Cut:
    """The layout with story 主题 sizes that never grow down the manifest. Ranks step
    down by themselves; the stories sharing the last rank's range are sized by the
    placer for their widths, and this pass sets a later one that came out larger than
    an earlier at the largest size allowed (it only ever shrinks, so the headline still
    fits its rows). A size the editor gave (`headline_size`) is left alone."""
    plans = {plan.article.id: plan for plan, _column, _row in leaves(tree, 0, 0)}
    changed: dict[str, BlockPlan] = {}
    cap = float("inf")
    for sizer in (s for s in sizers if not s.brief):
        plan = plans.get(sizer.article.id)
        size = _title_size(plan)
        if size is None:
            continue
        if size > cap + 0.01 and not sizer.article.hints.headline_size:
            smaller = _shrunk(sizer, plan, cap)
            if smaller is not None:
                changed[sizer.article.id] = plan = smaller
                size = _title_size(plan)
        cap = min(cap, size)
    return with_plans(tree, changed)


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
