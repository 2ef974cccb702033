"""Text operators on a reportlab text object, cheaper than reportlab writes them.

A page of news is some 400 runs of text, each placed (Tm), spaced (Tc) and
shown (Tj). reportlab's `textOut` measures every string again only to move a
cursor we never use (each run is placed by its own Tm), formats every
number anew in Python, and shows a TrueType face through subsets of 256
glyphs (a run of Chinese switched subset, and wrote a Tf, every few
characters). Here Tm and Tc are written as reportlab writes them, with the
numbers remembered (the same baselines, column edges, spacings and sizes
recur all over a page), and a run is shown in its face's one Type0 font
(`cidfont.py`): a Tf where the face or the size changes, one Tj of two-byte
codes a run.
"""
from __future__ import annotations

from functools import lru_cache

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics

from layout.export.pdf.cidfont import cid_font

number = lru_cache(maxsize=16384)(fp_str)        # fp_str of one number, remembered


def origin(text, x: float, y: float) -> None:
    """`text.setTextOrigin(x, y)` of a bottom-up canvas."""
    text._code.append(f"1 0 0 1 {number(x)} {number(y)} Tm")
    text._x0 = text._x = x
    text._y0 = text._y = y


def char_space(text, spacing: float) -> None:
    """`text.setCharSpace(spacing)`."""
    text._charSpace = spacing
    text._code.append(f"{number(spacing)} Tc")


def forget_font(text) -> None:
    """Operators written by other means named another font: the next run names its own."""
    text._layout_tf = None


def show(text, string: str) -> None:
    """`text.textOut(string)` in the text object's TrueType font, as its Type0 font
    (`cidfont.py`), the cursor not moved (the next run is placed by its own `origin`)."""
    font = pdfmetrics.getFont(text._fontname)
    if not font._dynamicFont:       # a Type 1 face: reportlab's own way
        text._textOut(string)
        return
    doc = text._canvas._doc
    cid = cid_font(doc, text._fontname)
    if getattr(text, "_layout_tf", None) != (cid, text._fontsize):
        text._code.append(f"{cid.resource(doc)} {number(text._fontsize)} Tf")
        text._layout_tf = (cid, text._fontsize)
    text._code.append(cid.encode(string) + " Tj")
