"""Per-character font fallback: coverage is checked before drawing, a character
missing from the role's face comes from the next face that has it."""
from __future__ import annotations

import pytest

from layout.compose import ParagraphSpec, Span, compose_headline, compose_paragraph
from layout.errors import BuildError
from layout.fonts import font_set
from layout.style import default_style

RARE_OUTSIDE_SUBSETS = "丂丄"   # in the system's Noto CJK, not in the committed subsets


def test_character_outside_the_role_face_comes_from_a_fallback():
    fonts = font_set(default_style(), RARE_OUTSIDE_SUBSETS)
    if "system" not in fonts.paths:
        pytest.skip("fonts-noto-cjk is not installed")
    text = "姓名：王" + RARE_OUTSIDE_SUBSETS + "，堃喆䶮𠅤𬌗。"
    par = compose_paragraph((Span(text, "kai", 9.0),), ParagraphSpec(117.0), fonts)
    faces = {g.char: g.face for ln in par.lines for g in ln.glyphs}
    assert faces["王"] == "kai"
    for char in RARE_OUTSIDE_SUBSETS:
        assert faces[char] != "kai"
        assert fonts.metrics(faces[char]).covers(char)
    for char in "堃喆䶮𠅤𬌗":
        assert fonts.metrics(faces[char]).covers(char)
    lines = compose_headline(text, "serif_bold", 26.0, 300.0, fonts)
    assert all(fonts.metrics(g.face).covers(g.char) for ln in lines for g in ln.glyphs
               if not g.char.isspace())


def test_a_character_no_face_has_is_an_error_not_a_notdef():
    fonts = font_set(default_style())
    with pytest.raises(BuildError, match="U\\+"):
        compose_paragraph((Span("中\ue000文", "serif", 9.0),), ParagraphSpec(117.0), fonts)
