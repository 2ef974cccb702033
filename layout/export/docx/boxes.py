"""A boxed or tinted article in the DOCX: its paragraphs share one border and shading.

Word (and WPS, LibreOffice) draw consecutive paragraphs with the same
borders as one box, so every paragraph of a boxed article gets the frame's
four borders (single, double or dotted, as the house style's 花边) and a
tinted one the shading nearest its CMYK tint. The column logo (栏目头) is a
paragraph of its own in the style 栏目, anchored as the `column` field so a
copy editor's correction to it comes back into the front matter.
"""
from __future__ import annotations

from docx.oxml.ns import qn

from layout.export.docx.xmlparts import element
from layout.style import HouseStyle

BORDERS = {"plain": "single", "double": "double", "dotted": "dotted"}
SIDES = ("top", "left", "bottom", "right")
EIGHTHS = 8          # border widths are in eighths of a point
SPACE = 4            # points between the text and the border


def rgb_of(cmyk: tuple[float, float, float, float]) -> str:
    """The screen colour nearest a CMYK tint, as RRGGBB."""
    c, m, y, k = cmyk
    return "".join(f"{round(255 * (1 - v) * (1 - k)):02X}" for v in (c, m, y))


def _ppr(paragraph):
    ppr = paragraph._p.get_or_add_pPr()
    return ppr


def frame(paragraphs, frame_style: str, tint, style: HouseStyle) -> None:
    """Give each paragraph the article's borders and shading."""
    width = str(max(2, round(style.edition.box_rule * EIGHTHS)))
    for paragraph in paragraphs:
        ppr = _ppr(paragraph)
        if frame_style:
            borders = element("w:pBdr")
            for side in SIDES:
                borders.append(element(f"w:{side}", val=BORDERS[frame_style], sz=width,
                                       space=str(SPACE), color="000000"))
            _insert(ppr, borders)
        if tint:
            _insert(ppr, element("w:shd", val="clear", color="auto", fill=rgb_of(tint)))


# w:pPr children must keep the schema's order; these come after w:pStyle … w:pageBreakBefore
_AFTER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
          "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr")


def _insert(ppr, child) -> None:
    existing = ppr.find(child.tag)
    if existing is not None:
        ppr.remove(existing)
    last = None
    for tag in _AFTER:
        found = ppr.find(qn(tag))
        if found is not None:
            last = found
    if last is None:
        ppr.insert(0, child)
    else:
        last.addnext(child)
