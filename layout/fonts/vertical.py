"""The faces' vertical forms (OpenType `vert`), their vertical metrics, and vertical faces.

`vertical_metrics(path)` reads the GSUB `vert` feature of a committed face
with fontTools, for its Simplified Chinese language system (and `vrt2` where
it only adds full-width forms — GB/T 15834's ﹃﹄ for “”, ︽︾ for 《》): which code
points have a vertical form, the vertical advance of the glyph a character
stands as in a column (vmtx), the horizontal advance of its form (to centre
it across the column), and which of them `vhal` sets half an em (the
vertical twin of `halt`, for the squeeze of adjacent marks). Read once per
font and cached on disk.

`vertical_face(path)` is the face a vertical column is drawn in: a copy of
the font whose character map sends each character with a vertical form to
that form, named apart (`…-Vert`: reportlab merges faces of one PostScript
name). Text drawn in it stays the original characters — the PDF's ToUnicode
map is built from them — while the glyphs are the vertical ones.
Made once per font file (half a second) and kept in the cache folder.
"""
from __future__ import annotations

import io
import marshal
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CACHE_VERSION = 3
SUFFIX = "@vert"          # face key of a face's vertical twin: "serif@vert"
NAME_SUFFIX = "-Vert"     # its PostScript name: another font to the PDF (and to reportlab)
FULL_WIDTH = 0.9          # em: a vrt2 form at least this wide is a full-width form


@dataclass(frozen=True, slots=True)
class VerticalMetrics:
    """What a face does in a vertical column (advances in em)."""

    forms: frozenset[int]            # code points with a vertical form
    advances: dict[int, float]       # vertical advances other than 1 em
    form_widths: dict[int, float]    # horizontal advance of each form (to centre it)
    half: frozenset[int]             # code points whose vertical glyph vhal sets half an em

    def advance(self, char: str) -> float:
        return self.advances.get(ord(char), 1.0)

    def has_form(self, char: str) -> bool:
        return ord(char) in self.forms


def vertical_key(face: str) -> str:
    """The face key of `face`'s vertical twin."""
    return face if face.endswith(SUFFIX) else face + SUFFIX


def base_key(face: str) -> str:
    return face.removesuffix(SUFFIX)


LANGUAGE = ("hani", "ZHS ")   # Simplified Chinese: GB/T 15834's ﹃﹄ for “” in vertical text


def _feature_indices(table) -> list[int]:
    """The features of the Simplified Chinese language system: `hani`/`ZHS ` where the
    font has it, else the script's default, else the font's DFLT default (in Noto CJK
    SC the default is the SC one; JAN, KOR, ZHT, ZHH turn quotes instead)."""
    scripts = {r.ScriptTag: r.Script for r in table.ScriptList.ScriptRecord}
    for tag in (LANGUAGE[0], "DFLT"):
        script = scripts.get(tag)
        if script is None:
            continue
        for record in script.LangSysRecord:
            if record.LangSysTag == LANGUAGE[1]:
                return list(record.LangSys.FeatureIndex)
        if script.DefaultLangSys is not None:
            return list(script.DefaultLangSys.FeatureIndex)
    return list(range(len(table.FeatureList.FeatureRecord)))


def _lookups(table, tag: str) -> list:
    indices = set()
    for i in _feature_indices(table):
        record = table.FeatureList.FeatureRecord[i]
        if record.FeatureTag == tag:
            indices.update(record.Feature.LookupListIndex)
    return [table.LookupList.Lookup[i] for i in sorted(indices)]


def _subtables(lookup):
    for sub in lookup.SubTable:
        yield sub.ExtSubTable if lookup.LookupType in (7, 9) else sub


def substitutions(font) -> dict[str, str]:
    """Glyph → vertical glyph: `vert`, and the full-width forms `vrt2` adds."""
    if "GSUB" not in font:
        return {}
    gsub, hmtx, upm = font["GSUB"].table, font["hmtx"].metrics, font["head"].unitsPerEm
    found: dict[str, str] = {}
    for lookup in _lookups(gsub, "vert"):
        for sub in _subtables(lookup):
            found.update(getattr(sub, "mapping", {}) or {})
    for lookup in _lookups(gsub, "vrt2"):
        for sub in _subtables(lookup):
            for glyph, form in (getattr(sub, "mapping", {}) or {}).items():
                if glyph not in found and hmtx[form][0] / upm >= FULL_WIDTH:
                    found[glyph] = form
    return found


def _vhal_glyphs(font) -> set[str]:
    if "GPOS" not in font:
        return set()
    glyphs: set[str] = set()
    for lookup in _lookups(font["GPOS"].table, "vhal"):
        for sub in _subtables(lookup):
            if hasattr(sub, "Coverage"):
                glyphs.update(sub.Coverage.glyphs)
    return glyphs


def _read(path: Path) -> dict:
    from fontTools.ttLib import TTFont

    font = TTFont(path, lazy=True)
    upm = font["head"].unitsPerEm
    forms = substitutions(font)
    cmap = font.getBestCmap() or {}
    vmtx = font["vmtx"].metrics if "vmtx" in font else {}
    hmtx = font["hmtx"].metrics
    half_glyphs = _vhal_glyphs(font)
    out = {"v": CACHE_VERSION, "forms": [], "advances": {}, "widths": {}, "half": []}
    for cp, glyph in cmap.items():
        drawn = forms.get(glyph, glyph)
        if glyph in forms:
            out["forms"].append(cp)
            out["widths"][cp] = hmtx[drawn][0] / upm
        if vmtx.get(drawn, (upm,))[0] not in (0, upm):   # 0: a font's slip (WenKai's 晕)
            out["advances"][cp] = vmtx[drawn][0] / upm
        if drawn in half_glyphs:
            out["half"].append(cp)
    return out


@cache
def vertical_metrics(path: Path) -> VerticalMetrics:
    """The vertical metrics of the font at `path` (cached on disk by its content)."""
    from layout.cache import cached

    def load(raw: bytes) -> VerticalMetrics:
        data = marshal.loads(raw)
        return VerticalMetrics(frozenset(data["forms"]), data["advances"], data["widths"],
                               frozenset(data["half"]))

    return cached(f"vmetrics{CACHE_VERSION}", (Path(path),),
                  lambda: marshal.dumps(_read(Path(path))), load)


def _make_face(path: Path) -> bytes:
    from fontTools.ttLib import TTFont

    font = TTFont(path, lazy=True)
    forms = substitutions(font)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap = {cp: forms.get(glyph, glyph) for cp, glyph in table.cmap.items()}
    for record in font["name"].names:
        if record.nameID in (3, 4, 6):   # unique id, full name, PostScript name
            suffix = NAME_SUFFIX if record.nameID == 6 else " Vertical"
            record.string = record.toUnicode() + suffix
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def vertical_face(path: Path) -> Path:
    """A file of the face at `path` whose characters map to their vertical forms.

    The file lives in the disk cache, which evicts its least recently used files
    (`layout.cache.prune`) and can be emptied (`layout cache clear`): a file made
    earlier in this process is used only while it is still there, else made again."""
    made = _vertical_face(Path(path))
    if made.is_file():
        return made
    _vertical_face.cache_clear()
    return _vertical_face(Path(path))


@cache
def _vertical_face(path: Path) -> Path:
    from layout.cache import cached_bytes
    from layout.fonts.fallback import face_file

    return face_file(cached_bytes(f"vface{CACHE_VERSION}", (path,), lambda: _make_face(path)))
