"""The copy-fit report: per article its space, characters set, over (超) or under (缺).

Printed as a table after every build and written as copyfit.json beside the
outputs. An article with characters over its space fails the build unless
overflow is allowed, and the message names each article and its overrun.
"""
from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass

from layout.i18n import _


def _pad(text: str, width: int, left: bool = False) -> str:
    """`text` padded to `width` terminal columns (a Chinese character takes two)."""
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    space = " " * max(0, width - shown)
    return text + space if left else space + text


@dataclass(frozen=True, slots=True)
class ArticleFit:
    id: str
    page: int
    columns: int
    rows: int
    chars: int        # characters of the article (whitespace aside)
    set: int          # characters drawn on the page
    over: int         # 超: characters that did not fit
    under: int        # 缺: empty line slots in its columns, in characters
    lone_lines: int   # 孤字 the composer could not avoid


@dataclass(frozen=True, slots=True)
class PageFit:
    number: int
    filled: float     # share of the type area's grid filled by blocks


@dataclass(frozen=True, slots=True)
class CopyFit:
    articles: tuple[ArticleFit, ...]
    pages: tuple[PageFit, ...]

    def overflows(self) -> list[ArticleFit]:
        return [a for a in self.articles if a.over > 0]

    def overflow_message(self) -> str:
        parts = [_("{id} (page {page}) is over by {over} characters").format(
            id=a.id, page=a.page, over=a.over) for a in self.overflows()]
        return _("copy does not fit: {parts}. Cut the text, move an article, or build with "
                 "--allow-overflow").format(parts=_("; ").join(parts))

    def to_json(self) -> dict:
        return {"articles": [asdict(a) for a in self.articles],
                "pages": [asdict(p) for p in self.pages]}

    def table(self) -> str:
        head = (_pad(_("article"), 14, left=True) + _pad(_("page"), 5) + _pad(_("cols×rows"), 11)
                + _pad(_("chars"), 7) + _pad(_("set"), 7) + _pad("超", 7) + _pad("缺", 7)
                + _pad("孤字", 6))
        lines = [head]
        for a in self.articles:
            lines.append(f"{a.id:<14}{a.page:>5}{f'{a.columns}×{a.rows}':>11}{a.chars:>7}"
                         f"{a.set:>7}{a.over:>7}{a.under:>7}{a.lone_lines:>6}")
        for p in self.pages:
            lines.append(_("page {n}: {filled:.1%} of the grid filled").format(
                n=p.number, filled=p.filled))
        return "\n".join(lines)
