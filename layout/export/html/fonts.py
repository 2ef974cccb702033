"""Embedded fonts: a WOFF2 subset of each face the edition's text is set in.

Every role of the house style (body, 主题, 引题, 副题, byline, 电头, 小标题,
caption) names a face; the EPUB and the web edition embed each face used, cut
down to exactly the characters set in it (`faces.py` decides which text is
set in which face), so a phone shows the paper's 宋, 标宋, 黑 and 楷 whatever
fonts it has.

What a subset keeps:

- the layout features phones need for Chinese punctuation: `halt`/`palt`
  (half-width and proportional punctuation, which `text-spacing-trim` uses
  to close up `》，`), `vhal`/`vpal`/`vert`/`vrt2` (the same in vertical
  text), `chws`/`vchw` where a face has them; kerning is dropped. A face
  with no positioning features at all (LXGW WenKai, the 楷) is given a `halt`
  for its full-width punctuation, made from each glyph's outline;
- the whole `name` table, with the licence (IDs 13 and 14) and copyright;
  the EPUB and the web edition also carry `fonts/OFL.txt` (OFL-1.1 §2);
- the glyphs exactly as in the committed font: those have no hinting
  instructions, so the subset copies glyph data unchanged.

Speed (README "The EPUB" and "Speed" have the measurements): the subset is
cut by HarfBuzz's subsetter (`uharfbuzz`, C++: about 2 ms a face, where
fontTools' took 0.2–0.3 s parsing a face's cmap, metrics and layout tables
in Python, as much again to import it); fontTools only wraps the small
subset as WOFF2 (and adds the 楷's `halt`), so Brotli is then most of the
time. It runs at quality 9: the sample's five subsets take 0.020 s of CPU
and 185.5 KiB at quality 5, 0.035 s and 184.6 KiB at 7, 0.113 s and 182.5
KiB at 9, 0.587 s and 178.5 KiB at 11. Quality 5 would save a tenth of a
second of a new edition's build for 3 KiB more once per phone, but the
sample's book would then pass the EPUB's size bound (at most 70 % of the
710 KB it was: 510,475 bytes against 508,928); 11 costs half a second for
4 KiB less. The glyf and loca tables are stored with WOFF2's null transform
(version 3 in the W3C Recommendation, read by the woff2 decoder of Chromium,
Firefox and WebKit): fontTools' glyph transform, in pure Python, cost more
than the subset (157 → 182 KB for the sample's five subsets). Subsets are
cached by face file and character set.
"""
from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

FEATURES = ("halt", "palt", "vhal", "vpal", "vert", "vrt2", "chws", "vchw")
BROTLI_QUALITY = 9          # see the docstring: the figures
LICENCE_HREF = "fonts/OFL.txt"
# Full-width punctuation a reader may close up to half its width (text-spacing-trim).
TRIMMABLE = "，。、；：！？）》」』〉】〕（《「『〈【〔"
ALWAYS = " \u3000"          # spaces every subset keeps (headline phrase gaps)


@dataclass(frozen=True, slots=True)
class EmbeddedFont:
    href: str        # e.g. fonts/serif.woff2
    family: str      # CSS family, e.g. "Edition Serif"
    weight: str      # CSS font-weight
    data: bytes


def woff2_subset(path: Path, text: str) -> bytes:
    """The font at `path` reduced to the characters of `text`, as WOFF2, cached on disk."""
    from layout.cache import cached_bytes

    chars = "".join(sorted({c for c in text if not c.isspace()} | set(ALWAYS)))
    inputs = (Path(__file__), Path(path), chars, FEATURES, BROTLI_QUALITY)
    return cached_bytes("epub-font", inputs, lambda: _make_woff2(path, chars))


@contextlib.contextmanager
def _brotli_quality(quality: int):
    """Make fontTools' WOFF2 writer compress at `quality` (it always asks for 11)."""
    import brotli
    from fontTools.ttLib import woff2

    class Shim:
        MODE_FONT = brotli.MODE_FONT
        decompress = staticmethod(brotli.decompress)

        @staticmethod
        def compress(data, mode=brotli.MODE_GENERIC, **_):
            return brotli.compress(data, mode=mode, quality=quality)

    saved, woff2.brotli = woff2.brotli, Shim
    try:
        yield
    finally:
        woff2.brotli = saved


def _subset_ttf(path: Path, chars: str) -> bytes:
    """The face at `path` cut by HarfBuzz to `chars` (and the glyphs FEATURES reach from
    them), every name record kept, the .notdef outline kept."""
    import uharfbuzz as hb

    face = hb.Face(hb.Blob.from_file_path(str(path)))
    wanted = hb.SubsetInput()
    wanted.unicode_set.update(ord(c) for c in chars)
    features = wanted.layout_feature_tag_set
    features.clear()
    features.update(int.from_bytes(tag.encode("ascii"), "big") for tag in FEATURES)
    for every in (wanted.name_id_set, wanted.name_lang_id_set):   # copyright, licence, URL
        every.clear()
        every.invert()
    wanted.flags = hb.SubsetFlags.NOTDEF_OUTLINE
    cut = hb.subset(face, wanted)
    if cut is None:
        from layout.errors import BuildError
        from layout.i18n import _

        raise BuildError(_("the font {path} cannot be cut down for the EPUB or the web edition; "
                           "check that the file is a whole TrueType or OpenType font").format(path=path))
    return cut.blob.data


def _make_woff2(path: Path, chars: str) -> bytes:
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.woff2 import WOFF2FlavorData

    font = TTFont(io.BytesIO(_subset_ttf(path, chars)), recalcTimestamp=False, lazy=True,
                  recalcBBoxes=False)
    _add_halt(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.flavorData = WOFF2FlavorData(transformedTables=())   # glyf as it is: see the docstring
    with _brotli_quality(BROTLI_QUALITY):
        font.save(out)
    return out.getvalue()


def _halt_rules(font) -> list[str]:
    """`halt` positionings for the full-width punctuation of a face that has none: the
    half without ink is taken away (left-set marks lose their right half, right-set
    opening brackets their left half), judged from each glyph's own outline."""
    upm = font["head"].unitsPerEm
    half, slack = upm // 2, upm // 20
    cmap, glyf, hmtx = font.getBestCmap(), font["glyf"], font["hmtx"]
    rules = []
    for char in TRIMMABLE:
        name = cmap.get(ord(char))
        if name is None or hmtx[name][0] != upm:
            continue
        glyph = glyf[name]
        glyph.recalcBounds(glyf)
        if glyph.numberOfContours == 0:
            continue
        if glyph.xMax <= half + slack:
            rules.append(f"  pos {name} <0 0 -{half} 0>;")
        elif glyph.xMin >= half - slack:
            rules.append(f"  pos {name} <-{half} 0 -{half} 0>;")
    return rules


def _add_halt(font) -> None:
    """Give a face without `halt` (LXGW WenKai) one for its punctuation, so reading
    systems can close up `》，` in captions and bylines too."""
    from fontTools.feaLib.builder import addOpenTypeFeaturesFromString

    rules = [] if "GPOS" in font else _halt_rules(font)
    if not rules:
        return
    features = "\n".join(["languagesystem DFLT dflt;", "languagesystem hani dflt;",
                          "feature halt {", *rules, "} halt;"])
    addOpenTypeFeaturesFromString(font, features, tables=["GPOS"])


def font_face_css(fonts: tuple[EmbeddedFont, ...], css_dir_depth: int = 1,
                  display: str = "") -> str:
    """@font-face rules for `fonts`, as seen from the stylesheet's folder; `display`
    adds a font-display descriptor (the web edition's `swap`: text shows at once in
    the phone's own face, the edition's face replacing it when it has arrived)."""
    up = "../" * css_dir_depth
    shown = f"  font-display: {display};\n" if display else ""
    rules = [f'@font-face {{\n  font-family: "{f.family}";\n  font-weight: {f.weight};\n'
             f'  font-style: normal;\n{shown}  src: url("{up}{f.href}") format("woff2");\n}}\n'
             for f in fonts]
    return "\n".join(rules)


def licence_text(fonts: tuple[EmbeddedFont, ...], ofl: str) -> bytes:
    """OFL.txt for the package: each embedded font's copyright, then the licence; cached
    on disk by the subsets' bytes (reading their name tables imports fontTools, which an
    edition whose subsets are all cached would otherwise not need)."""
    import hashlib

    from layout.cache import cached_bytes

    inputs = (Path(__file__), ofl, tuple((f.href, f.family, hashlib.blake2b(f.data).hexdigest())
                                         for f in fonts))
    return cached_bytes("font-licence", inputs, lambda: _licence_text(fonts, ofl))


def _licence_text(fonts: tuple[EmbeddedFont, ...], ofl: str) -> bytes:
    from fontTools.ttLib import TTFont

    lines = []
    for f in fonts:
        name = TTFont(io.BytesIO(f.data))["name"]
        full = name.getDebugName(4) or f.family
        notice = name.getDebugName(0) or ""
        lines.append(f"{f.href.rsplit('/', 1)[-1]}: {full}. {notice}".strip())
    head = "\n".join(dict.fromkeys(lines))
    return (head + "\n\n" + ofl.strip() + "\n").encode("utf-8")
