"""The glyphs a PDF draws, read from its content streams with pikepdf and its embedded
fonts with fontTools: for each shown character, its font, its outline and its text matrix.
(pymupdf gives glyph ids, but not which subset of a font drew them.) Simple TrueType
subsets (one-byte codes through the subset's cmap) and the Type0 fonts of vertical columns
(two-byte CIDs through the CIDToGIDMap) are both read, in Tj and TJ."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pikepdf
from fontTools.ttLib import TTFont

_BFCHAR = re.compile(rb"<([0-9A-Fa-f]{2,4})>\s*<([0-9A-Fa-f]+)>")


@dataclass(frozen=True)
class Shown:
    page: int
    font: str           # BaseFont without the subset tag, e.g. NotoSerifCJKsc-Regular-Vert
    char: str
    outline: tuple      # the glyph's points and contour ends
    matrix: tuple       # the text matrix it was shown with (a, b, c, d, e, f)


def outline(font: TTFont, glyph: str) -> tuple:
    glyf = font["glyf"]
    coords, ends, _flags = glyf[glyph].getCoordinates(glyf)
    return tuple(map(tuple, coords)), tuple(ends)


def _unicode_map(font_dict) -> dict[int, str]:
    data = font_dict.ToUnicode.read_bytes()
    out = {}
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, target in _BFCHAR.findall(section):
            out[int(code, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
    return out


@cache
def _embedded(data: bytes) -> TTFont:
    return TTFont(io.BytesIO(data))


def _cid_to_gid(font_dict, font: TTFont) -> dict[int, str]:
    """CID → glyph name of a Type0 font's CIDFontType2 (its CIDToGIDMap stream)."""
    data = font_dict.DescendantFonts[0].CIDToGIDMap.read_bytes()
    order = font.getGlyphOrder()
    return {cid: order[int.from_bytes(data[2 * cid:2 * cid + 2], "big")]
            for cid in range(len(data) // 2)}


def _font(font_dict):
    two_bytes = font_dict.Subtype == "/Type0"
    described = font_dict.DescendantFonts[0] if two_bytes else font_dict
    font = _embedded(described.FontDescriptor.FontFile2.read_bytes())
    glyphs = _cid_to_gid(font_dict, font) if two_bytes else next(t.cmap for t in font["cmap"].tables)
    name = str(described.BaseFont)[1:].split("+", 1)[-1]
    return name, font, glyphs, _unicode_map(font_dict), two_bytes


def _codes(data: bytes, two_bytes: bool) -> list[int]:
    if two_bytes:
        return [(data[i] << 8) | data[i + 1] for i in range(0, len(data) - 1, 2)]
    return list(data)


def shown_glyphs(path: Path) -> list[Shown]:
    out = []
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            fonts = page.Resources.get("/Font", {})
            current, matrix = None, (1, 0, 0, 1, 0, 0)
            for operands, op in pikepdf.parse_content_stream(page):
                op = str(op)
                if op == "Tf":
                    current = _font(fonts[operands[0]])
                elif op == "Tm":
                    matrix = tuple(float(v) for v in operands)
                elif op in ("Tj", "TJ") and current is not None:
                    name, font, glyphs, unicode, two_bytes = current
                    strings = [operands[0]] if op == "Tj" else [
                        item for item in operands[0] if isinstance(item, pikepdf.String)]
                    for code in (c for string in strings for c in _codes(bytes(string), two_bytes)):
                        out.append(Shown(number, name, unicode.get(code, "\ufffd"),
                                         outline(font, glyphs[code]), matrix))
    return out


@cache
def committed_faces() -> dict[str, TTFont]:
    """PostScript name → the committed font of that name."""
    folder = Path(__file__).resolve().parents[1] / "fonts"
    faces = {}
    for path in folder.glob("*.ttf"):
        font = TTFont(path)
        faces[font["name"].getDebugName(6)] = font
    return faces
