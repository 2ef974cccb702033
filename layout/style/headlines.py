"""The house style's headline hierarchy: 主题 sizes by rank, 引题/副题 ratios, 主题 faces.

Read from the `headlines:` section of the house style (see default.yaml; each
value is checked by `schema.STYLE`, the ranks' order by `schema.RELATIONS`):

- `ranks`: the 主题 size range of each story by its importance on the page
  (manifest order; the first is the lead; the last entry serves every later
  story). Ranks step down: a rank's largest size may not exceed the
  smallest of the rank above, so a later story never gets a larger 主题
  (within the last rank, shared by every later story, the pages stage keeps
  the sizes in order: `pages/ranks.step_down`).
- `brief` and `brief_chars`: a story with fewer body characters than
  `brief_chars` is a brief (简讯-like); its 主题 takes the `brief` range,
  which lies below every rank, so a brief never outranks a longer story;
  the page's briefs share one size, the brief's `size` (smaller only for a
  title that breaks badly at it, or to tell neighbours apart: 撞题). A short
  item with a longer story after it is ranked instead (`pages/ranks.py`).
- `kicker`, `subtitle`: the 引题/副题 size as a share of the 主题's
  (`ratio: [low, high]`), kept between `min_size` and `max_size`, and the
  faces it may take — the first whose family differs from the 主题's.
- `faces`: the faces a 主题 may take, the first the usual one; neighbours
  side by side take different families (撞题, `layout/pages/zhuangti.py`).
- `max_lines`: the most lines a 主题 may take; `brief_max_lines`, a brief's.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.i18n import _
from layout.style.sizes import SIZE_NAMES


@dataclass(frozen=True, slots=True)
class SizeRange:
    size: float       # the usual size
    min_size: float
    max_size: float


@dataclass(frozen=True, slots=True)
class PartSize:
    """How a 引题 or 副题 follows its 主题."""

    ratio: tuple[float, float]
    min_size: float
    max_size: float
    faces: tuple[str, ...]

    def size_for(self, title: float) -> float:
        """The smallest standard size (号数) within the ratio of `title`, kept within limits."""
        low, high = self.ratio[0] * title, self.ratio[1] * title
        sizes = sorted(v for v in SIZE_NAMES.values() if low - 0.01 <= v <= high + 0.01)
        size = sizes[0] if sizes else low
        return min(max(size, self.min_size), self.max_size)


@dataclass(frozen=True, slots=True)
class HeadlineStyle:
    ranks: tuple[SizeRange, ...]
    brief: SizeRange
    brief_chars: int
    kicker: PartSize
    subtitle: PartSize
    faces: tuple[str, ...]
    max_lines: int
    brief_max_lines: int = 2

    def title_range(self, rank: int, brief: bool = False) -> SizeRange:
        """The 主题 size range of the story of importance `rank` (0: the lead)."""
        if brief:
            return self.brief
        return self.ranks[min(rank, len(self.ranks) - 1)]


def steps_problem(ranks: tuple[SizeRange, ...], brief: SizeRange) -> str | None:
    """Why the ranks do not step down (each rank's largest size, and the brief's, at most
    the smallest of the rank above), or None."""
    for i, (upper, lower) in enumerate(zip(ranks, ranks[1:] + (brief,))):
        if lower.max_size > upper.min_size + 1e-9:
            name = f"headlines.ranks[{i + 1}]" if i + 1 < len(ranks) else "headlines.brief"
            return _("{name}: max_size {size}pt is larger than the min_size {least}pt of the "
                     "rank above; ranks step down").format(
                name=name, size=f"{lower.max_size:g}", least=f"{upper.min_size:g}")
    return None
