"""Blocks as wide as their content: a short notice, a poem, a 简讯 list.

A page editor sets a 停水通知 of a hundred characters in a box of one or two
columns, a poem in a column or two with its lines whole, a 简讯 list as a
column — never across the page in legs of a line or two, even on a page
short of copy, where a wide band would fill more of the grid. For these
blocks the legs' depth bounds the width: a width is offered only when every
leg of the block's body holds at least

- `makeup.min_leg_lines` lines (4) — a boxed or tinted article without
  photos (a notice);
- `makeup.list_leg_lines` lines (10) — a poem or the 简讯 block, read line
  by line or item by item down a column;

one leg is always allowed, and the narrowest width the article may take is
always offered (so that copy never goes over-set for want of a width). A
width hint (`columns:`), photos and a vertical body keep the ordinary sizing.
"""
from __future__ import annotations

from functools import cache

from layout.model import Article, ArticleKind
from layout.pages.sizing import BlockPlan, Sizer
from layout.style import HouseStyle


def least_leg_lines(article: Article, style: HouseStyle) -> int:
    """Lines every leg of the article's block must hold (0: no bound beyond the sizer's)."""
    if article.hints.columns or article.photos or article.vertical or not article.paragraphs:
        return 0
    if article.kind in (ArticleKind.POEM, ArticleKind.BRIEF):
        return max(style.makeup.list_leg_lines, style.makeup.min_leg_lines)
    if article.box or article.tint:
        return style.makeup.min_leg_lines
    return 0


def leg_lines(sizer: Sizer, plan: BlockPlan) -> list[int]:
    """Lines in each leg of a plan's body (the content's, inside a frame)."""
    deco = plan.frame
    inner = getattr(deco, "inner", None)
    if inner is not None:
        sizer, plan = sizer.inner(plan.columns)[0], inner
    if plan.vertical is not None or plan.legs <= 1:
        return []
    return sizer.body_at(plan.leg_chars).leg_lengths(plan.legs)


@cache
def compact(kind: type[Sizer]) -> type[Sizer]:
    """The sizer class `kind` with its widths bounded by its content."""
    return type("Compact" + kind.__name__, (ContentWidths, kind), {})


class ContentWidths:
    """A sizer mixin: plans whose legs are shallower than `least_leg_lines` are dropped,
    and with them the widths that keep none (the narrowest width always stays)."""

    def options(self, columns: int) -> dict[int, BlockPlan]:
        key = ("compact", columns)
        if key not in self._cache:
            plans = super().options(columns)
            least = least_leg_lines(self.article, self.style)
            if least and columns != min(super().widths(), default=columns):
                plans = {rows: plan for rows, plan in plans.items()
                         if min(leg_lines(self, plan), default=least) >= least}
            self._cache[key] = plans
        return self._cache[key]

    def widths(self) -> tuple[int, ...]:
        key = ("compact-widths",)
        if key not in self._cache:
            every = tuple(super().widths())
            if least_leg_lines(self.article, self.style):
                every = tuple(w for w in every if w == every[0] or self.options(w))
            self._cache[key] = every
        return self._cache[key]
