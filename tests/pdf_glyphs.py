"""The glyphs a PDF draws, read from its content streams with pikepdf and its embedded
fonts with fontTools: for each shown character, its font, its outline and its text matrix.
(pymupdf gives glyph ids, but not which subset of a font drew them.)"""
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


def _font(font_dict):
    data = font_dict.FontDescriptor.FontFile2.read_bytes()
    font = _embedded(data)
    cmap = next(t.cmap for t in font["cmap"].tables)
    return str(font_dict.BaseFont)[1:].split("+", 1)[-1], font, cmap, _unicode_map(font_dict)


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
                elif op == "Tj" and current is not None:
                    name, font, cmap, unicode = current
                    for code in bytes(operands[0]):
                        out.append(Shown(number, name, unicode.get(code, "\ufffd"),
                                         outline(font, cmap[code]), matrix))
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
