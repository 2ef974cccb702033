"""Title, author, subject and keywords of the PDF, from the issue and its placed pages.

Title: paper, date and 版次 (`铁东新闻 2025年6月18日 第1版`); Author: the
paper; Subject: the edition (总第…期) and the pages' names; Keywords: the
paper, the page names and the articles' titles from the bookmarks.
"""
from __future__ import annotations

from layout.export.pdf.pdfx import Description
from layout.model.placed import PlacedIssue


def _pages_label(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"第{numbers[0]}版"
    return f"第{numbers[0]}–{numbers[-1]}版"


def describe(issue, placed: PlacedIssue) -> Description:
    """The document description of an edition (`issue` is a `layout.model.Issue`)."""
    day = placed.date
    date_text = f"{day.year}年{day.month}月{day.day}日"
    numbers = sorted(p.number for p in placed.pages)
    title = f"{placed.paper} {date_text} {_pages_label(numbers)}"
    names = [f"第{p.number}版 {p.name}".strip() for p in placed.pages]
    number = getattr(issue, "number", None)
    edition = f"总第{number}期 " if number else ""
    subject = f"{placed.paper} {date_text} {edition}{'、'.join(names)}".strip()
    titles = [b.title for p in placed.pages for b in p.bookmarks]
    keywords = "; ".join(dict.fromkeys([placed.paper, *(p.name for p in placed.pages), *titles]))
    return Description(title, placed.paper, subject, keywords, day)
