"""One face in one PDF as one Type0 font with two-byte codes (a CIDFontType2).

A simple TrueType font (all reportlab writes) holds 256 glyphs: reportlab
embeds a Chinese face as many subsets of 256, and a run of Chinese switches
subset every few characters (27k Tj and 24.6k Tf for the 16-page bench
edition). A Type0 font with two-byte codes holds every glyph of the face the
document uses: a run is one Tf (where its face or size changes) and one Tj.
The codes are CIDs, one per character: a character of the BMP is its own
code point, one beyond it (𠅤) one of the 2,048 CIDs of the surrogate range
in order of first use (two characters that share a glyph keep codes of
their own, so each extracts as itself). So a page's text is the same bytes
whatever else the document holds: `layout watch` draws an unchanged page as
the same stream (its loss check reads it from memory) and a face's subset
changes only with its characters. The glyphs are subset once per face by
reportlab (`makeSubset`, as for its own subsets, in the order of the CIDs),
the CIDToGIDMap maps each CID to its glyph in that subset, the W array
gives each CID the advance reportlab's simple fonts gave it (`charWidths`:
the same glyph positions), and the ToUnicode map gives the character back
(pdftotext, MuPDF, the loss check).

Written across, the encoding is Identity-H; `vertical.py` writes the
upright glyphs of vertical columns in the same kind of font, Identity-V.
"""
from __future__ import annotations

import hashlib

from reportlab.pdfbase import pdfdoc, pdfmetrics

SURROGATES = (0xD800, 0xE000)    # CIDs of the characters beyond the BMP (no character's own)


class CidFont:
    """The glyphs of one registered TrueType face, as a CIDFontType2 font written with
    Identity-H (across) in one PDF document."""

    ENCODING = "Identity-H"
    PREFIX = "FH"              # of its resource name

    def __init__(self, font_name: str):
        self.font = pdfmetrics.getFont(font_name)
        self.face = self.font.face
        self.cids: dict[int, int] = {}      # code point → CID (`cid`)
        self.hexes: dict[str, str] = {}     # character → its CID as four hex digits
        self.name: str | None = None        # resource name in the document

    def width(self, code: int) -> float:
        """The advance across, in em."""
        return self.face.charWidths.get(code, self.face.defaultWidth) / 1000.0

    def resource(self, doc) -> str:
        """The font's resource name, registering it with the document once."""
        if self.name is None:
            self.name = f"/{self.PREFIX}{len(doc.fontMapping) + 1}"
            doc.fontMapping[f"{self.ENCODING}:{self.font.fontName}"] = self.name
            doc.delayedFonts.append(self)
        return self.name

    def encode(self, text: str) -> str:
        """The characters as a hex string of two-byte CIDs."""
        hexes = self.hexes
        try:
            return "<" + "".join([hexes[ch] for ch in text]) + ">"
        except KeyError:
            for ch in text:
                if ch not in hexes:
                    hexes[ch] = f"{self.cid(ord(ch)):04X}"
            return "<" + "".join([hexes[ch] for ch in text]) + ">"

    def cid(self, code: int) -> int:
        """The CID of a code point: itself in the BMP, else the next of the surrogates'."""
        found = self.cids.get(code)
        if found is None:
            if 0 < code <= 0xFFFF and not SURROGATES[0] <= code < SURROGATES[1]:
                found = code
            else:
                found = SURROGATES[0] + sum(1 for c in self.cids if c > 0xFFFF)
                if found >= SURROGATES[1]:
                    raise ValueError("more than 2048 characters beyond the BMP in one face")
            self.cids[code] = found
        return found

    def codes(self) -> list[tuple[int, int]]:
        """(CID, code point) of every character used, in the order of the CIDs."""
        return sorted((cid, code) for code, cid in self.cids.items())

    def extra(self, pairs: list[tuple[int, int]]) -> dict:
        """Entries of the CIDFont dictionary beyond the horizontal ones (none across)."""
        return {}

    def addObjects(self, doc) -> None:      # reportlab's name: called when the document is saved
        pairs = self.codes()
        codes = [code for _cid, code in pairs]
        base = tag(self.face.name, codes) + "+" + self.face.name.decode("pdfdoc")
        to_gid = bytearray(2 * (pairs[-1][0] + 1 if pairs else 1))
        for (cid, _code), gid in zip(pairs, glyph_ids(self.face, codes)):
            to_gid[2 * cid:2 * cid + 2] = gid.to_bytes(2, "big")
        cid_font = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Font"), "Subtype": pdfdoc.PDFName("CIDFontType2"),
            "BaseFont": pdfdoc.PDFName(base),
            "CIDSystemInfo": pdfdoc.PDFDictionary({
                "Registry": pdfdoc.PDFString("Adobe"), "Ordering": pdfdoc.PDFString("Identity"),
                "Supplement": 0}),
            "FontDescriptor": self.face.addSubsetObjects(doc, base, [0] + codes),
            "DW": 1000,
            "W": pdfdoc.PDFArray(widths(self, pairs)),
            **self.extra(pairs),
            "CIDToGIDMap": doc.Reference(stream(doc, bytes(to_gid))),
        })
        font = pdfdoc.PDFDictionary({
            "Type": pdfdoc.PDFName("Font"), "Subtype": pdfdoc.PDFName("Type0"),
            "BaseFont": pdfdoc.PDFName(f"{base}-{self.ENCODING}"),
            "Encoding": pdfdoc.PDFName(self.ENCODING),
            "DescendantFonts": pdfdoc.PDFArray([doc.Reference(cid_font)]),
            "ToUnicode": doc.Reference(stream(doc, to_unicode(pairs))),
        })
        doc.idToObject["BasicFonts"].dict[self.name[1:]] = doc.Reference(font)


def widths(font: CidFont, pairs: list[tuple[int, int]]) -> list:
    """W: each run of consecutive CIDs with their advances across."""
    out: list = []
    run: list = []
    last = None
    for cid, code in pairs:
        if last is None or cid != last + 1:
            if run:
                out += [first, pdfdoc.PDFArray(run)]
            first, run = cid, []
        run.append(num(font.width(code) * 1000))
        last = cid
    if run:
        out += [first, pdfdoc.PDFArray(run)]
    return out


def cid_font(doc, font_name: str) -> CidFont:
    """The Identity-H font of the registered TrueType face `font_name` in the reportlab
    document `doc`, made when text first uses it."""
    made = doc.__dict__.setdefault("layout_cid_fonts", {})
    found = made.get(font_name)
    if found is None:
        found = made[font_name] = CidFont(font_name)
    return found


def tag(name: bytes, codes: list[int]) -> str:
    """The subset's six-letter tag, from its glyphs: apart from reportlab's own subsets
    of the same face (AAAAAA+, AAAAAB+ …), which hold other glyphs under that name."""
    digest = hashlib.sha1(name + ",".join(map(str, codes)).encode()).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def num(v: float) -> float | int:
    r = round(v, 3)
    return int(r) if r == int(r) else r


def glyph_ids(face, codes: list[int]) -> list[int]:
    """The glyph each code gets in `face.makeSubset([0] + codes)`: new glyphs in order of
    first use after .notdef (composite parts come after all of them)."""
    order = {0: 0}
    out = []
    for code in codes:
        glyph = face.charToGlyph.get(code, 0)
        out.append(order.setdefault(glyph, len(order)))
    return out


def to_unicode(pairs: list[tuple[int, int]]) -> bytes:
    """The ToUnicode CMap of (CID, code point) pairs (UTF-16BE: a pair of surrogates
    beyond the BMP)."""
    lines = [f"<{cid:04X}> <{chr(code).encode('utf-16-be').hex().upper()}>"
             for cid, code in pairs]
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


def stream(doc, content: bytes):
    out = pdfdoc.PDFStream(content=content)
    if doc.compression:
        out.filters = [pdfdoc.PDFZCompress]
    return out
