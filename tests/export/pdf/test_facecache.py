"""The disk cache of parsed faces gives exactly the PDF a fresh parse gives."""
from __future__ import annotations

import io

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from layout.export.pdf import facecache
from tests.export.pdf.placed_fixture import REPO

TEXT = "党建引领添活力　基层治理见真章，ABC 123。"


def pdf_with(font) -> bytes:
    pdfmetrics.registerFont(font)
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, initialFontName=font.fontName)
    canvas.setFont(font.fontName, 12)
    canvas.drawString(20, 700, TEXT)
    canvas.save()
    return out.getvalue()


def test_cached_face_equals_a_fresh_parse(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = REPO / "fonts" / "LayoutKai-Regular.ttf"
    fresh = facecache.load_ttfont("LCacheTest", path)
    assert list(tmp_path.rglob("rlface-*")), "the parse was not stored"
    cached = facecache.load_ttfont("LCacheTest", path)
    assert cached is not fresh
    assert cached.face.name.ustr == fresh.face.name.ustr
    assert pdf_with(cached) == pdf_with(fresh)


def test_a_damaged_cache_falls_back_to_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = REPO / "fonts" / "LayoutKai-Regular.ttf"
    facecache.load_ttfont("LCacheBroken", path)
    (target,) = tmp_path.rglob("rlface-*")
    target.write_bytes(b"not marshal data")
    font = facecache.load_ttfont("LCacheBroken", path)
    assert font.face.charWidths[ord("党")] > 0


def test_the_cached_tables_answer_as_the_parsed_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = REPO / "fonts" / "NotoSansSC-Regular.ttf"
    fresh = facecache.load_ttfont("LTables", path).face
    cached = facecache.load_ttfont("LTables", path).face
    assert isinstance(cached.charToGlyph, facecache.CodeMap)
    for name in ("charToGlyph", "charWidths"):
        mine, theirs = getattr(cached, name), getattr(fresh, name)
        assert dict(mine.items()) == theirs and len(mine) == len(theirs)
        assert 0x10FFFF not in mine and mine.get(0x10FFFF, -1) == -1 and "x" not in mine
    assert list(cached.hmetrics) == list(fresh.hmetrics)
    assert list(cached.glyphPos) == list(fresh.glyphPos)
    cached.charToGlyph[0xE000] = 7          # reportlab's shaping adds private codes
    assert cached.charToGlyph[0xE000] == 7 and 0xE000 in cached.charToGlyph
    assert len(cached.charToGlyph) == len(fresh.charToGlyph) + 1


def test_kept_subsets_embed_the_same_bytes_and_are_not_cut_again(tmp_path, monkeypatch):
    """`layout watch` keeps each face's subsets (keep_subsets): a PDF drawn again with
    the same subsets embeds them as made before, byte for byte what cutting and deflating
    them again gives; a subset with a new character is cut anew; switched off, nothing
    is kept."""
    from reportlab.pdfbase.ttfonts import TTFontFace

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cut = []
    original = TTFontFace.makeSubset
    monkeypatch.setattr(TTFontFace, "makeSubset", lambda self, s: cut.append(1) or original(self, s))
    path = REPO / "fonts" / "LayoutKai-Regular.ttf"

    def pdf(text: str, name: str) -> bytes:
        font = facecache.load_ttfont(name, path)
        assert isinstance(font.face, facecache.Face)
        pdfmetrics.registerFont(font)
        out = io.BytesIO()
        canvas = Canvas(out, invariant=1, initialFontName=name)
        canvas.setFont(name, 12)
        canvas.drawString(20, 700, text)
        canvas.save()
        return out.getvalue()

    plain = pdf(TEXT, "LKeepA")
    assert len(cut) == 1
    facecache.keep_subsets()
    try:
        font_b = "LKeepB"
        first, again = pdf(TEXT, font_b), pdf(TEXT, font_b)
        assert len(cut) == 2                      # the second drawing cut nothing
        assert first == again == plain.replace(b"LKeepA", font_b.encode())
        grown = pdf(TEXT + "新", font_b)
        assert len(cut) == 3 and grown != first    # a new character: the subset cut anew
    finally:
        facecache.keep_subsets(False)
    pdf(TEXT, font_b)
    assert len(cut) == 4
