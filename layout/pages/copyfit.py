"""The copy-fit report: per article its space, characters set, over (超) or under (缺).

Printed as a table after every build and written as copyfit.json beside the
outputs. Per page: the share of the grid holding copy, photos and headlines,
and how many characters of body its empty space would hold (缺约 N 字) —
empty rows at the foot of the page, at the feet of blocks and in their legs.
A page whose empty space would hold more than the house style's
`makeup.short_page` share of its grid is reported as short of copy.

An article over its space fails the build unless overflow is allowed; the
message names, page by page, only the articles that do not fit given the
others (the placer charges the overrun to as few articles as it can), with
what the page holds and how much to cut or jump.
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
    widows: int = 0   # 孤行: legs opening with the last line of a paragraph from the leg before
    continued_on: int = 0  # a jumped article (转版): the page its continuation stands on


@dataclass(frozen=True, slots=True)
class PageFit:
    number: int
    filled: float     # share of the type area's grid holding copy, photos and headlines
    short: int = 0    # characters of body the page's empty space would hold (缺约 N 字)
    warn: bool = False  # short by more than the house style's makeup.short_page


def about(chars: int) -> int:
    """A shortfall as an editor states it: to the nearest ten characters."""
    return max(10, round(chars, -1)) if chars else 0


@dataclass(frozen=True, slots=True)
class CopyFit:
    articles: tuple[ArticleFit, ...]
    pages: tuple[PageFit, ...]

    def overflows(self) -> list[ArticleFit]:
        return [a for a in self.articles if a.over > 0]

    def short_pages(self) -> list[PageFit]:
        return [p for p in self.pages if p.warn]

    def short_message(self, page: PageFit) -> str:
        if not any(a.page == page.number for a in self.articles):   # nothing listed for it
            return _("page {n} has no copy: it would hold about {chars} characters (缺约 {chars} "
                     "字); list its articles under the page in issue.yaml").format(
                n=page.number, chars=about(page.short))
        return _("page {n} is short of copy: its empty space would hold about {chars} characters "
                 "(缺约 {chars} 字); add copy, a photo or a short item").format(
            n=page.number, chars=about(page.short))

    def overflow_message(self) -> str:
        """Page by page, the articles over on it; a jumped article over on the page it
        continues on on its own, with both pages (its characters are on two pages)."""
        parts = []
        jumped = [a for a in self.overflows() if a.continued_on]
        for number in sorted({a.page for a in self.overflows() if not a.continued_on}):
            on_page = [a for a in self.articles if a.page == number]
            over = [a for a in on_page if a.over > 0]
            total = sum(a.chars for a in on_page)
            names = "; ".join(_("'{id}' is over by {over} characters (超 {over} 字)").format(
                id=a.id, over=a.over) for a in over)
            parts.append(_("page {n} holds about {held} of the {total} characters of its "
                           "articles: {names}").format(n=number, held=total - sum(a.over for a in over),
                                                       total=total, names=names))
        for a in jumped:
            parts.append(_("'{id}' (page {n}, continued on page {to}) is over by {over} characters "
                           "(超 {over} 字) of its {total}").format(
                id=a.id, n=a.page, to=a.continued_on, over=a.over, total=a.chars))
        return (_("copy does not fit: ") + ". ".join(parts)
                + _(". Cut that much, or jump the rest of the article to another page (转版) or "
                    "move it; build with --allow-overflow for a proof that marks where it stops"))

    def to_json(self) -> dict:
        # continued_on only on a jumped article's line: the others' lines stay as they were
        return {"articles": [{k: v for k, v in asdict(a).items() if k != "continued_on" or v}
                             for a in self.articles],
                "pages": [asdict(p) for p in self.pages]}

    def table(self) -> str:
        head = (_pad(_("article"), 14, left=True) + _pad(_("page"), 5) + _pad(_("cols×rows"), 11)
                + _pad(_("chars"), 7) + _pad(_("set"), 7) + _pad("超", 7) + _pad("缺", 7)
                + _pad("孤字", 6) + _pad("孤行", 6))
        lines = [head]
        for a in self.articles:
            lines.append(f"{a.id:<14}{a.page:>5}{f'{a.columns}×{a.rows}':>11}{a.chars:>7}"
                         f"{a.set:>7}{a.over:>7}{a.under:>7}{a.lone_lines:>6}{a.widows:>6}")
        for p in self.pages:
            line = _("page {n}: {filled:.1%} of the grid filled").format(n=p.number, filled=p.filled)
            if p.short:
                line += _(", 缺约 {chars} 字").format(chars=about(p.short))
            lines.append(line)
        return "\n".join(lines)
