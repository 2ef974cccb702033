"""A face's squeezable marks as glyphs half an em wide, for a mark squeezed at a line's edge.

The composer sets a ，。、；：？！ or a closing bracket that ends a line in half an em (its
ink sits in the left half of its em box; clreq's line-end adjustment, the font's `halt`).
Drawn with the face's own glyph, its box — the advance the font program gives, which is
what a reader of the PDF measures (pymupdf's glyph boxes) — still reaches half an em past
the column's edge into the gutter, and the line reads as running on into the next leg's
line beside it. So the mark is drawn from a small face made from the face itself: those
marks' outlines as they are, each advance halved, under a name of its own (`…-Halt`). The
ink is where it always was; only the box the PDF states now ends with the slot. An opening
mark squeezed at a line's start (“闲着) is drawn half an em into the gutter, its ink in the
right half of its em: its derived glyph has the outline moved half an em left, so it is
drawn at its slot with its box starting at the column's edge.

The small face is reportlab's own subset of the parsed face (a few ms), its cmap and
advances rewritten with fontTools (~20 ms), kept in the cache (`layout.cache`).
"""
from __future__ import annotations

import io
import os
import tempfile
from functools import cache
from pathlib import Path

HALT = "-Halt"


@cache
def line_end_marks() -> frozenset[str]:
    """The marks whose ink sits left and whose right half a line's end squeezes away
    (rules.yaml: `ink: left` with a squeeze level)."""
    return _squeezable("left")


@cache
def line_start_marks() -> frozenset[str]:
    """The opening marks, whose ink sits right and whose left half a line's start squeezes
    away (rules.yaml: `ink: right` with a squeeze level)."""
    return _squeezable("right")


def _squeezable(side: str) -> frozenset[str]:
    from layout.cjk import rules

    table = rules()
    return frozenset(ch for ch, c in table.explicit.items() if table.ink[c] == side and table.squeeze[c])


def _make(path: Path) -> bytes:
    """reportlab's own subset of the face holding the marks (a few ms from the parsed face),
    its cmap set back to their code points, their advances halved, its names `…-Halt`."""
    from fontTools.ttLib import TTFont, newTable
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    from layout.export.pdf.facecache import load_ttfont

    face = load_ttfont("halfmarks", path).face
    codes = sorted(ord(ch) for ch in line_end_marks() | line_start_marks() if ord(ch) in face.charToGlyph)
    font = TTFont(io.BytesIO(face.makeSubset(codes)), recalcTimestamp=False)
    by_index = font["cmap"].tables[0].cmap          # reportlab's subset: index → glyph
    table = CmapSubtable.newSubtable(4)
    table.platformID, table.platEncID, table.language = 3, 1, 0
    table.cmap = {code: by_index[i] for i, code in enumerate(codes)}
    font["cmap"] = newTable("cmap")
    font["cmap"].tableVersion, font["cmap"].tables = 0, [table]
    hmtx, glyf = font["hmtx"], font["glyf"]
    openers = {table.cmap[ord(ch)] for ch in line_start_marks() if ord(ch) in table.cmap}
    for name in set(table.cmap.values()):
        advance, lsb = hmtx[name]
        shift = advance // 2 if name in openers else 0    # an opening mark's ink: its slot's right half
        glyph = glyf[name]
        if shift and glyph.isComposite():
            for component in glyph.components:
                component.x -= shift
        elif shift and glyph.numberOfContours > 0:
            glyph.coordinates.translate((-shift, 0))
        glyph.recalcBounds(glyf)
        hmtx[name] = (advance // 2, lsb - shift)
    for record in font["name"].names:
        if record.nameID in (1, 3, 4, 6, 16):
            record.string = record.toUnicode() + HALT
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def half_marks_file(path: Path) -> Path:
    """A font file holding the face's line-end marks at half their advance (made once,
    kept in the cache)."""
    from layout.cache import cache_dir, cached_bytes, content_hash

    path = Path(path).resolve()
    key = (str(path), content_hash(path), "".join(sorted(line_end_marks() | line_start_marks())))
    data = cached_bytes("halfmarks", key, lambda: _make(path))
    name = f"halfmarks-{content_hash(path)[:16]}.ttf"
    for folder in (cache_dir(), Path(tempfile.gettempdir())):   # a cache one cannot write
        out = folder / name
        try:
            if not out.exists() or out.read_bytes() != data:
                folder.mkdir(parents=True, exist_ok=True)
                tmp = out.with_name(f".{name}.{os.getpid()}.tmp")
                tmp.write_bytes(data)
                tmp.replace(out)
            return out
        except OSError:
            continue
    raise OSError(f"no folder to write {name} to")
