"""A vertical article (竖排, `direction: vertical`) in the page view of the DOCX.

In `--docx-layout pages` the article gets a section of its own, of the
page's size in one column, whose text runs top to bottom, right to left
(`w:textDirection w:val="tbRl"`, Word's 文字方向 — a section property, so
the article starts a new page in Word, WPS and LibreOffice); the page's
other articles go on in a section like the page's. In the editing view (the
default) its paragraphs stay across, where copy editors correct them; either
way `layout import` finds every part by its bookmark.
"""
from __future__ import annotations

from layout.export.docx.xmlparts import element


def vertical_section(sect):
    """`sect` (a page's w:sectPr) for a vertical article: one column, text tbRl."""
    cols = sect.find(element("w:cols").tag)
    if cols is not None:
        sect.replace(cols, element("w:cols", num=1, space=0))
    direction = element("w:textDirection", val="tbRl")
    margins = sect.find(element("w:pgMar").tag)
    (margins if margins is not None else sect[-1]).addnext(direction)
    return sect
