"""Over-set copy cut where a page editor cuts it: at the tail of the least important stories.

When a page's copy does not fit, the placer alone charges the overrun to as
few articles as can take it — usually the longest, the lead, set as a stub
of one row while the short items at the foot stand whole. A page editor
keeps the lead and the top stories whole and cuts the stories at the foot
of the page, the last in the manifest's order (its order is importance).

`cut_tails` keeps the longest run of leading articles that can stand whole
(found by bisection over the placer's own results) and offers every later
article — the tail — each height down to one row, the rows it loses priced
below any whole article's over-set and the more the higher it ranks (each
half its predecessor's): the first article of the tail keeps most of its
copy, the last loses first. The
renderer marks each cut 超 N 字 and the copy fit counts it per article.
"""
from __future__ import annotations

from dataclasses import replace

from layout.model import ArticleKind
from layout.pages.placement import Cut
from layout.pages.sizing import BlockPlan, Sizer

COST_TAIL_ROW = 1000.0  # per column and row the tail's first article loses; halved for each after


def over_set(node: Cut) -> set[str]:
    """Ids of the articles whose block is shorter than their plan (copy cut)."""
    if node.plan is not None:
        return {node.plan.article.id} if node.rows < node.plan.rows else set()
    if node.first is None:
        return set()
    return over_set(node.first) | over_set(node.second)


class TailSizer:
    """An article of the tail: its own plans, and below its shortest every height from
    one row, the shortest plan cut at the foot, at `weight` per column and row cut."""

    def __init__(self, sizer: Sizer, weight: float):
        self.sizer, self.weight, self._cut = sizer, weight, {}

    def __getattr__(self, name):
        return getattr(self.sizer, name)

    def options(self, columns: int) -> dict[int, BlockPlan]:
        if columns not in self._cut:
            plans = dict(self.sizer.options(columns))
            if plans:
                shortest = plans[min(plans)]
                for rows in range(1, shortest.rows):
                    lost = self.weight * columns * (shortest.rows - rows)
                    plans[rows] = replace(shortest, cost=shortest.cost + lost)
            self._cut[columns] = dict(sorted(plans.items()))
        return self._cut[columns]


def _cuttable(sizer: Sizer) -> bool:
    """A flow article the tail may cut: not an ad, nor one the editor pinned."""
    return sizer.article.kind is not ArticleKind.AD and not sizer.article.hints.at


def with_tail(sizers: list[Sizer], whole: int, last: int | None = None) -> list:
    """The sizers with every cuttable article from index `whole` to `last` (to the end when
    None) made a TailSizer, each priced half its predecessor."""
    end = len(sizers) if last is None else last + 1
    cut = [i for i, s in enumerate(sizers) if whole <= i < end and _cuttable(s)]
    return [TailSizer(s, COST_TAIL_ROW / 2 ** cut.index(i)) if i in cut else s
            for i, s in enumerate(sizers)]


def cut_tails(sizers: list[Sizer], make_up, first: tuple[Cut, int]) -> tuple[Cut, int]:
    """The layout with the leading articles whole and the overrun cut from the tail;
    `make_up(sizers)` places a page, `first` is its layout of `sizers` as given.
    The longest run of leading articles that can stand whole is found by bisection.
    The first article after that run is cut alone when every later one then stands whole
    (a lead too long for its page beside short items), else the tail from it on is cut.
    Unchanged when nothing is over-set."""
    if not over_set(first[0]):
        return first
    ids = [s.article.id for s in sizers]
    best, low, high = None, 0, len(sizers) - 1   # whole: at most all but the last
    while low <= high:
        whole = (low + high) // 2
        found = make_up(with_tail(sizers, whole))
        if over_set(found[0]) & set(ids[:whole]):
            high = whole - 1
        else:
            best, low = found, whole + 1
    whole = low - 1   # the first article that cannot stand whole after those before it
    if whole < len(sizers) - 1:
        alone = make_up(with_tail(sizers, whole, whole))
        if over_set(alone[0]) <= {ids[whole]}:
            return alone
    return best or first
