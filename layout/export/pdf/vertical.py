"""Vertical columns written as vertical text: a Type0 font in Identity-V (WMode 1).

A simple TrueType font (all reportlab writes) only runs across, so a column
drawn glyph by glyph in one reads as one-character lines: copy, search and
the text layer of a viewer get a character per line. The upright
characters of a column are written instead in a Type0 font whose CMap is
Identity-V: one TJ per column, the glyphs one under another, each at the
vertical origin the font's vertical metrics give it (DW2: the face's ascent
above the baseline, half its width across; W2: the vertical advance of the
glyphs not one em tall), the gaps of justification and of halved
punctuation as TJ adjustments. The glyphs land exactly where they were drawn
across before (the same pixels in MuPDF and Poppler); Poppler's pdftotext
reads each column as one line, MuPDF's text trace gives its glyphs WMode 1
(MuPDF's text device since 1.25 still cuts a vertical column into
one-character lines: it takes the vertical advance, negative by the
specification, as a step back up).

The face is the column's vertical twin (`…@vert`, whose character map gives
punctuation its vertical form), written as the text across is
(`cidfont.py`): one CIDFontType2 per face, a CID per character (its code point in the BMP), the CIDToGIDMap and the ToUnicode map (the original characters,
not vertical presentation forms) beside it.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfdoc, pdfmetrics

from layout.export.pdf.cidfont import CidFont, num as _num
from layout.fonts.vertical import SUFFIX, vertical_metrics

SAME_ORIGIN = 0.01     # points: glyphs whose vertical origins differ more across start a new run


def column_font(doc, fonts: dict[str, str], face: str) -> "VerticalFont | None":
    """The Identity-V font of the vertical twin `face` (`…@vert`) in the reportlab
    document `doc`, made when a column first uses it; None for any other face."""
    if not face.endswith(SUFFIX) or face not in fonts:
        return None
    made = doc.__dict__.setdefault("layout_vertical_fonts", {})
    if face not in made:
        twin = Path(pdfmetrics.getFont(fonts[face]).face.filename)
        made[face] = VerticalFont(fonts[face], vertical_metrics(twin).advances)
    return made[face]


class VerticalFont(CidFont):
    """The upright glyphs of one registered TrueType face, as a CIDFontType2 font
    written with Identity-V in one PDF document."""

    ENCODING = "Identity-V"
    PREFIX = "FV"

    def __init__(self, font_name: str, advances: dict[int, float]):
        super().__init__(font_name)
        self.advances = advances            # code point → vertical advance in em, if not 1

    @property
    def ascent(self) -> float:
        """Em above the baseline of a glyph's vertical origin (DW2)."""
        return self.face.ascent / 1000.0

    def advance(self, code: int) -> float:
        return self.advances.get(code, 1.0)

    def extra(self, pairs: list[tuple[int, int]]) -> dict:
        return {"DW2": pdfdoc.PDFArray([_num(self.ascent * 1000), -1000]),
                "W2": pdfdoc.PDFArray(_vertical_widths(self, pairs))}


def _vertical_widths(font: VerticalFont, pairs: list[tuple[int, int]]) -> list:
    out: list = []
    for cid, code in pairs:
        if code in font.advances:
            out += [cid, cid, _num(-font.advance(code) * 1000),
                    _num(font.width(code) * 500), _num(font.ascent * 1000)]
    return out


def column_operators(font: VerticalFont, doc, chars: list[tuple[str, float, float]],
                     size: float) -> list[str]:
    """PDF operators drawing upright glyphs in `font` at `size`: `chars` holds each
    character with its horizontal origin (PDF coordinates, y up) as drawn across; a run
    of glyphs on one vertical line is one TJ, its gaps as adjustments."""
    ops = [f"{font.resource(doc)} {_num(size)} Tf"]
    run: list[str] = []
    last = None                          # (x, y of the vertical origin, advance) of the last glyph
    for ch, x, y in chars:
        code = ord(ch)
        vx, vy = x + font.width(code) * size / 2, y + font.ascent * size
        if last is not None and abs(vx - last[0]) <= SAME_ORIGIN:
            gap = (last[1] - vy - last[2] * size) * 1000 / size
            if abs(gap) > 0.0005:
                run.append(f"{_num(gap)}")
        else:
            if run:
                ops.append("[" + " ".join(run) + "] TJ")
            ops.append(f"1 0 0 1 {_num(vx)} {_num(vy)} Tm")
            run = []
        run.append(font.encode(ch))
        last = (vx, vy, font.advance(code))
    if run:
        ops.append("[" + " ".join(run) + "] TJ")
    return ops
