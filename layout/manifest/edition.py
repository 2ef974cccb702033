"""Edition keys: pages numbered in order from 1 without a gap; boxes and tints.

The masthead prints 今日X版 from the number of pages, the page headers their
版次; the two agree only when an edition that has its page 1 numbers its
pages 1, 2, 3 … without a gap. A manifest without page 1 (inside pages made
up on their own) needs only increasing numbers. `Box` and `Tint` are the
specs of the front-matter keys `box:` and `tint:` (rows of keys.ARTICLE).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from layout.errors import InputError
from layout.i18n import _
from layout.model import ArticleKind, Page
from layout.style.schema import Context, Invalid, shown


def check_page_numbers(pages: tuple[Page, ...], lines: list[int | None], path: Path) -> None:
    """Raise InputError at the first page out of order, or at a gap after page 1."""
    whole = bool(pages) and pages[0].number == 1
    for index, (page, line) in enumerate(zip(pages, lines)):
        previous = pages[index - 1].number if index else 0
        if page.number <= previous:
            raise InputError(_("page {number} comes after page {previous}: list the pages "
                               "once each, in order").format(number=page.number,
                                                            previous=previous), path, line)
        if whole and page.number != index + 1:
            raise InputError(_("page {number} is page {expected} of the edition: number the "
                               "pages 1, 2, 3 … without a gap, so that 今日{count}版 and the "
                               "版次 agree").format(number=page.number, expected=index + 1,
                                                   count=len(pages)), path, line)


FRAMES = ("plain", "double", "dotted")   # 花边 styles a box may ask for
HOUSE_FRAME = "house"                    # `box: true`: the house style's boxes.frame
MAX_TINT = 15.0                          # percent per ink: black text on it stays legible


@dataclass(frozen=True, slots=True)
class Box:
    """`box:` true (the house frame), false, or a frame style: plain, double, dotted."""

    def __call__(self, value: Any, ctx: Context) -> str:
        if value is None or value is False:
            return ""
        if value is True:
            return HOUSE_FRAME
        if isinstance(value, str) and value.strip().lower() in FRAMES:
            return value.strip().lower()
        raise Invalid(_("{value} is not a frame: write true, or one of {frames}").format(
            value=shown(value), frames=", ".join(FRAMES)))


@dataclass(frozen=True, slots=True)
class Tint:
    """`tint:` a percentage of black (10), or [c, m, y, k] in percent; none above 15."""

    def __call__(self, value: Any, ctx: Context) -> tuple[float, float, float, float] | None:
        if value is None or value is False:
            return None
        inks = value if isinstance(value, list) else [0, 0, 0, value]
        numbers = [_percent(v) for v in inks]
        if len(numbers) != 4 or any(n is None for n in numbers):
            raise Invalid(_("{value} is not a tint: write a percentage of black (10) or "
                            "[c, m, y, k] in percent ([0, 0, 10, 0])").format(value=shown(value)))
        if any(not 0 <= n <= MAX_TINT for n in numbers) or not any(numbers):
            raise Invalid(_("{value}: a tint takes at most {most} % of each ink (and some "
                            "ink), so that black text printed over it stays legible").format(
                                value=shown(value), most=f"{MAX_TINT:g}"))
        return tuple(n / 100 for n in numbers)


def _percent(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip().rstrip("%").strip()
        try:
            return float(value)
        except ValueError:
            return None
    return float(value) if isinstance(value, (int, float)) else None


def check_jumps(pages: tuple[Page, ...], raw: list, path: Path) -> None:
    """A `continue:` names a later page of the issue, on an article that can be cut."""
    numbers = [p.number for p in pages]
    for page, entry in zip(pages, raw):
        items = (entry.get("articles") or []) if isinstance(entry, dict) else []
        for article, item in zip(page.articles, items):
            target = article.hints.continue_on
            if target is None:
                continue
            line = item.line_of("continue") if hasattr(item, "line_of") else None
            if target not in numbers or target <= page.number:
                raise InputError(_("'{id}' on page {page} continues on page {target}, which is "
                                   "not a later page of this issue ({pages})").format(
                                       id=article.id, page=page.number, target=target,
                                       pages=", ".join(map(str, numbers))), path, line)
            if article.kind is not ArticleKind.STORY or article.box or article.tint \
                    or article.column or article.hints.at:
                raise InputError(_("'{id}' cannot continue on another page: only a story that "
                                   "is not boxed, tinted, under a column logo or pinned jumps")
                                 .format(id=article.id), path, line)
