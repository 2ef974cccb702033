"""Headlines: one line when it fits (phrase gap one em), the phrase gap when it
does not, balanced lines otherwise, prohibitions kept."""
from __future__ import annotations

import pytest

from layout.cjk import rules
from layout.compose import compose_headline, headline_fits, headline_width

SIZE = 26.0
TWO_PHRASES = "党建引领添活力　基层治理见真章"


def test_fits_on_one_line_with_a_one_em_phrase_gap(fonts):
    lines = compose_headline(TWO_PHRASES, "serif_bold", SIZE, 20 * SIZE, fonts)
    assert len(lines) == 1
    gap = next(g for g in lines[0].glyphs if g.char == "\u3000")
    assert gap.advance == pytest.approx(SIZE)
    assert lines[0].glyphs[0].x == pytest.approx((20 * SIZE - 15 * SIZE) / 2)   # centred


def test_two_phrases_break_at_the_gap(fonts):
    lines = compose_headline(TWO_PHRASES, "serif_bold", SIZE, 10 * SIZE, fonts)
    assert [ln.text.strip("\u3000") for ln in lines] == ["党建引领添活力", "基层治理见真章"]


def test_a_space_between_chinese_phrases_is_a_phrase_gap(fonts):
    lines = compose_headline("五星擂台 比武练兵", "serif_bold", SIZE, 6 * SIZE, fonts)
    assert [ln.text.strip() for ln in lines] == ["五星擂台", "比武练兵"]


@pytest.mark.parametrize("text", ["铁东区持续深化城市党建引领基层治理记事",
                                  "“红心物业”让居民住得更舒心、更安心"])
def test_two_lines_are_balanced(fonts, text):
    width = headline_width(text, "serif_bold", SIZE, fonts)
    measure = width * 0.7
    lines = compose_headline(text, "serif_bold", SIZE, measure, fonts)
    assert len(lines) == 2
    widths = [ln.width - ln.glyphs[0].slot_x for ln in lines]
    assert abs(widths[0] - widths[1]) <= 1.5 * SIZE
    table = rules()
    assert not table.no_start[table.class_of(lines[1].text[0])]
    assert not table.no_end[table.class_of(lines[0].text.rstrip()[-1])]


def test_headline_fits_tries_smaller_sizes(fonts):
    text = "铁东区持续深化城市党建引领基层治理记事"
    measure = 8 * 26.0
    assert not headline_fits(text, "serif_bold", 36, measure, fonts, max_lines=2)
    assert headline_fits(text, "serif_bold", 22, measure, fonts, max_lines=3)


def test_every_character_once(fonts):
    text = "“智慧社区”上线满月　居民点赞“家门口”服务"
    for measure in (6, 9, 12, 30):
        lines = compose_headline(text, "serif_bold", SIZE, measure * SIZE, fonts)
        assert "".join(ln.text for ln in lines) == text
        assert all(ln.width <= measure * SIZE + 0.01 for ln in lines)
