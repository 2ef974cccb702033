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
punctuation its vertical form): its glyphs are subset by reportlab
(`makeSubset`, as for its own subsets) into one CIDFontType2 per face, a
CID per character in order of first use, the CIDToGIDMap and the
ToUnicode map (the original characters, not vertical presentation forms)
written beside it.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from reportlab.pdfbase import pdfdoc, pdfmetrics

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


class VerticalFont:
    """The upright glyphs of one registered TrueType face, as a CIDFontType2 font
    written with Identity-V in one PDF document."""

    def __init__(self, font_name: str, advances: dict[int, float]):
        self.font = pdfmetrics.getFont(font_name)
        self.face = self.font.face
        self.advances = advances            # code point → vertical advance in em, if not 1
        self.cids: dict[int, int] = {}      # code point → CID, in order of first use
        self.name: str | None = None        # resource name in the document

    @property
    def ascent(self) -> float:
        """Em above the baseline of a glyph's vertical origin (DW2)."""
        return self.face.ascent / 1000.0

    def width(self, code: int) -> float:
        return self.face.charWidths.get(code, self.face.defaultWidth) / 1000.0

    def advance(self, code: int) -> float:
        return self.advances.get(code, 1.0)

    def resource(self, doc) -> str:
        """The font's resource name, registering it with the document once."""
        if self.name is None:
            self.name = f"/FV{len(doc.fontMapping) + 1}"
            doc.fontMapping[f"vertical:{self.font.fontName}"] = self.name
            doc.delayedFonts.append(self)
        return self.name

    def encode(self, text: str) -> str:
        """The characters as a hex string of two-byte CIDs."""
        out = []
        for ch in text:
            cid = self.cids.setdefault(ord(ch), len(self.cids) + 1)
            out.append(f"{cid:04X}")
        return "<" + "".join(out) + ">"

    def addObjects(self, doc) -> None:      # reportlab's name: called when the document is saved
        codes = list(self.cids)             # CID k is codes[k - 1]
        base = _tag(self.face.name, codes) + "+" + self.face.name.decode("pdfdoc")
        gids = _gids(self.face, codes)
        cid_font = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Font"), "Subtype": pdfdoc.PDFName("CIDFontType2"),
            "BaseFont": pdfdoc.PDFName(base),
            "CIDSystemInfo": pdfdoc.PDFDictionary({
                "Registry": pdfdoc.PDFString("Adobe"), "Ordering": pdfdoc.PDFString("Identity"),
                "Supplement": 0}),
            "FontDescriptor": self.face.addSubsetObjects(doc, base, [0] + codes),
            "DW": 1000,
            "W": pdfdoc.PDFArray(_widths(self, codes)),
            "DW2": pdfdoc.PDFArray([_num(self.ascent * 1000), -1000]),
            "W2": pdfdoc.PDFArray(_vertical_widths(self, codes)),
            "CIDToGIDMap": doc.Reference(_stream(doc, bytes(b for g in [0] + gids
                                                                for b in g.to_bytes(2, "big")))),
        })
        font = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Font"), "Subtype": pdfdoc.PDFName("Type0"),
            "BaseFont": pdfdoc.PDFName(base + "-Identity-V"),
            "Encoding": pdfdoc.PDFName("Identity-V"),
            "DescendantFonts": pdfdoc.PDFArray([doc.Reference(cid_font)]),
            "ToUnicode": doc.Reference(_stream(doc, _to_unicode(codes))),
        })
        doc.idToObject["BasicFonts"].dict[self.name[1:]] = doc.Reference(font)


def _tag(name: bytes, codes: list[int]) -> str:
    """The subset's six-letter tag, from its glyphs: apart from reportlab's own subsets
    of the same face (AAAAAA+, AAAAAB+ …), which hold other glyphs under that name."""
    digest = hashlib.sha1(name + ",".join(map(str, codes)).encode()).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def _num(v: float) -> float | int:
    r = round(v, 3)
    return int(r) if r == int(r) else r


def _gids(face, codes: list[int]) -> list[int]:
    """The glyph each code gets in `face.makeSubset([0] + codes)`: new glyphs in order of
    first use after .notdef (composite parts come after all of them)."""
    order = {0: 0}
    out = []
    for code in codes:
        glyph = face.charToGlyph.get(code, 0)
        out.append(order.setdefault(glyph, len(order)))
    return out


def _widths(font: VerticalFont, codes: list[int]) -> list:
    """W: the CIDs 1…n are consecutive, so one run of their horizontal advances."""
    return [1, pdfdoc.PDFArray([_num(font.width(code) * 1000) for code in codes])]


def _vertical_widths(font: VerticalFont, codes: list[int]) -> list:
    out: list = []
    for cid, code in enumerate(codes, 1):
        if code in font.advances:
            out += [cid, cid, _num(-font.advance(code) * 1000),
                    _num(font.width(code) * 500), _num(font.ascent * 1000)]
    return out


def _to_unicode(codes: list[int]) -> bytes:
    lines = [f"<{cid:04X}> <{chr(code).encode('utf-16-be').hex().upper()}>"
             for cid, code in enumerate(codes, 1)]
    blocks = []
    for i in range(0, len(lines), 100):
        chunk = lines[i:i + 100]
        blocks.append(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar")
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + "\n".join(blocks) + "\nendcmap\nCMapName currentdict /CMap defineresource pop\n"
            "end\nend\n").encode("ascii")


def _stream(doc, content: bytes):
    stream = pdfdoc.PDFStream(content=content)
    if doc.compression:
        stream.filters = [pdfdoc.PDFZCompress]
    return stream


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
