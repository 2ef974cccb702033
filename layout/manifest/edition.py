"""Edition-wide checks of issue.yaml: pages numbered in order, from 1 without a gap.

The masthead prints 今日X版 from the number of pages, the page headers their
版次; the two agree only when an edition that has its page 1 numbers its
pages 1, 2, 3 … without a gap. A manifest without page 1 (inside pages made
up on their own) needs only increasing numbers.
"""
from __future__ import annotations

from pathlib import Path

from layout.errors import InputError
from layout.i18n import _
from layout.model import Page


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
