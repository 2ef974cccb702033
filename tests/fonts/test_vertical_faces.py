"""The faces' vertical forms read from GSUB `vert` (fontTools), and the vertical twins."""
from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

from layout.fonts.vertical import substitutions, vertical_face, vertical_metrics

FONTS = Path(__file__).resolve().parents[2] / "fonts"
FACES = ["NotoSerifSC-Regular.ttf", "NotoSansSC-Regular.ttf", "NotoSerifSC-Black.ttf",
         "LayoutKai-Regular.ttf"]


def bounds(font, glyph):
    pen = BoundsPen(font.getGlyphSet())
    font.getGlyphSet()[glyph].draw(pen)
    return pen.bounds


@pytest.mark.parametrize("face", FACES)
def test_pause_and_stop_marks_have_forms_in_the_upper_right(face):
    font = TTFont(FONTS / face)
    forms, cmap = substitutions(font), font.getBestCmap()
    upm, ascent = font["head"].unitsPerEm, font["OS/2"].sTypoAscender
    middle = (ascent + font["OS/2"].sTypoDescender) / 2
    for char in "，。、":
        form = forms[cmap[ord(char)]]
        x0, y0, x1, y1 = bounds(font, form)
        assert x0 >= upm / 2 - 0.05 * upm and y0 >= middle - 0.05 * upm, (face, char, (x0, y0))
        hx0, hy0, _x, _y = bounds(font, cmap[ord(char)])
        assert hx0 < upm / 2 and hy0 < middle, (face, char)     # the horizontal one sits low left


@pytest.mark.parametrize("face", FACES)
def test_the_vertical_twin_maps_characters_to_their_forms(face):
    source = TTFont(FONTS / face)
    twin = TTFont(vertical_face(FONTS / face))
    forms, cmap, twin_cmap = substitutions(source), source.getBestCmap(), twin.getBestCmap()
    checked = 0
    for char in "，。、：；！？“”‘’《》（）「」…":
        glyph = cmap.get(ord(char))
        if glyph in forms:
            assert twin.getGlyphID(twin_cmap[ord(char)]) == source.getGlyphID(forms[glyph]), char
            checked += 1
    assert checked >= 12
    assert twin.getGlyphID(twin_cmap[ord("中")]) == source.getGlyphID(cmap[ord("中")])
    name = twin["name"].getDebugName(6)
    assert name.endswith("-Vert") and name != source["name"].getDebugName(6)


def test_metrics_know_which_forms_vhal_sets_half_width():
    vm = vertical_metrics(FONTS / "NotoSerifSC-Regular.ttf")
    for char in "，。、“”《》（）":
        assert vm.has_form(char) and ord(char) in vm.half, char
    assert not vm.has_form("中") and vm.advance("中") == 1.0
    assert not vm.has_form("—")        # turned instead: Noto CJK has no vertical em dash


def test_a_twin_evicted_from_the_cache_is_made_again(tmp_path, monkeypatch):
    """The disk cache evicts its least recently used files (and `layout cache clear`
    empties it); a twin made earlier in the process must not be handed out gone."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    face = FONTS / "LayoutKai-Regular.ttf"
    first = vertical_face(face)
    first.unlink()
    again = vertical_face(face)
    assert again.is_file() and TTFont(again).getBestCmap()
