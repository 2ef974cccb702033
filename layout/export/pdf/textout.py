"""Text operators on a reportlab text object, byte for byte as reportlab writes them, cheaper.

A page of news is some 400 runs of text, each placed (Tm), spaced (Tc) and
shown (Tf/Tj per TrueType subset: reportlab's subsets hold 256 glyphs each, so a
run of Chinese switches subset every few characters). reportlab's `textOut`
measures every string again only to move a cursor we never use (each run is
placed by its own Tm), and formats every number and escapes every string anew
in Python. Here the same operators are written with the string's width left
unmeasured and the numbers and escaped strings remembered: the same numbers
(baselines, column edges, spacings, sizes) and the same few-character strings
recur all over a page. The output is the same bytes
(tests/export/pdf/test_pdf_textout.py compares them with reportlab's own).
"""
from __future__ import annotations

from functools import lru_cache

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics

number = lru_cache(maxsize=16384)(fp_str)        # fp_str of one number, remembered
escaped = lru_cache(maxsize=16384)(escapePDF)    # a subset's string as a PDF literal's inside


def origin(text, x: float, y: float) -> None:
    """`text.setTextOrigin(x, y)` of a bottom-up canvas."""
    text._code.append(f"1 0 0 1 {number(x)} {number(y)} Tm")
    text._x0 = text._x = x
    text._y0 = text._y = y


def char_space(text, spacing: float) -> None:
    """`text.setCharSpace(spacing)`."""
    text._charSpace = spacing
    text._code.append(f"{number(spacing)} Tc")


def show(text, string: str) -> None:
    """`text.textOut(string)` in the text object's TrueType font, the cursor not moved
    (the next run is placed by its own `origin`)."""
    font = pdfmetrics.getFont(text._fontname)
    if not font._dynamicFont:       # a Type 1 face: reportlab's own way
        text._textOut(string)
        return
    doc = text._canvas._doc
    code, size = [], None
    for subset, chunk in font.splitString(string, doc):
        if subset != text._curSubset:
            size = size or f"{number(text._fontsize)} Tf {number(text._leading)} TL"
            code.append(f"{font.getSubsetInternalName(subset, doc)} {size}")
            text._curSubset = subset
        code.append(f"({escaped(chunk)}) Tj")
    text._code.append(" ".join(code))
