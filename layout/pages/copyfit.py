"""The copy-fit report: per article its space, characters set, over (超) or under (缺).

Printed as a table after every build and written as copyfit.json beside the
outputs. An article with characters over its space fails the build unless
overflow is allowed, and the message names each article and its overrun.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass


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
        parts = [f"{a.id} (page {a.page}) is over by {a.over} characters" for a in self.overflows()]
        return ("copy does not fit: " + "; ".join(parts)
                + ". Cut the text, move an article, or build with --allow-overflow")

    def to_json(self) -> dict:
        return {"articles": [asdict(a) for a in self.articles],
                "pages": [asdict(p) for p in self.pages]}

    def table(self) -> str:
        head = f"{'article':<14}{'page':>5}{'cols×rows':>11}{'chars':>7}{'set':>7}{'超':>6}{'缺':>6}{'孤字':>5}"
        lines = [head]
        for a in self.articles:
            lines.append(f"{a.id:<14}{a.page:>5}{f'{a.columns}×{a.rows}':>11}{a.chars:>7}"
                         f"{a.set:>7}{a.over:>7}{a.under:>7}{a.lone_lines:>6}")
        for p in self.pages:
            lines.append(f"page {p.number}: {p.filled:.1%} of the grid filled")
        return "\n".join(lines)
