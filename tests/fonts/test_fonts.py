"""Fonts: committed faces cover the characters papers print; fallback; metrics cache."""

import pytest

from layout.errors import BuildError
from layout.fonts import font_set, load_metrics
from layout.fonts.fallback import SYSTEM_FACES
from layout.style import default_style
from tests.conftest import HANZI_8105


def test_committed_faces_cover_the_8105_characters():
    fonts = font_set(default_style())
    table = HANZI_8105.read_text("utf-8")
    chars = {line.strip()[0] for line in table.splitlines() if line.strip()}
    for key in ("serif", "serif_bold", "sans", "sans_bold"):
        metrics = fonts.metrics(key)
        missing = [c for c in chars if not metrics.covers(c)]
        assert not missing, f"{key} lacks {len(missing)}: {''.join(missing[:20])}"


def test_rare_name_characters_are_covered():
    fonts = font_set(default_style(), "堃喆䶮𠅤𬌗")
    for char in "堃喆䶮𠅤𬌗":
        assert fonts.metrics(fonts.face_for("serif", char)).covers(char)


def test_noto_has_half_width_punctuation_data():
    metrics = font_set(default_style()).metrics("serif")
    assert {ord(c) for c in "，。、；：（）“”"} <= metrics.half_width


@pytest.mark.skipif(not SYSTEM_FACES[0][0].exists(), reason="fonts-noto-cjk not installed")
def test_characters_outside_the_subsets_come_from_the_system_font():
    rare = "\U0002000B"  # a CJK Extension B character outside GB 2312 and the 8,105
    base = font_set(default_style())
    assert base.missing(rare) == {rare}
    fonts = font_set(default_style(), "中" + rare)
    assert fonts.face_for("serif", rare) == "system"
    assert load_metrics(fonts.paths["system"]).covers(rare)


def test_a_character_no_font_has_is_named():
    with pytest.raises(BuildError, match=r"U\+E000"):
        font_set(default_style(), "中\ue000")
