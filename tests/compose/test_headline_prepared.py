"""A headline's items are made once and shared by every measure that opens no emergency
break (`headline._prepared_at`): at every measure they must be exactly the items, phrase
gaps and break ranks made anew for that measure, also where a URL, a long number or a
Latin word is wider than half the measure (then they are made anew)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.compose.headline import _made, _prepared_at, break_ranks

PIECES = ["夏季", "防溺水", "安全教育", "进校园", "区政务服务中心", "12类", "18.6万人次", "“红心物业”",
          "2025年", "，", "、", "：", "\u3000", " ", "——", "《社区》", "www.songlin.gov.cn",
          "ylfw@songlin.gov.cn", "Open Day", "David Miller", "20250601", "（上）", "！"]
text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=9).map("".join)


def made_anew(text_: str, face: str, size: float, measure: float, fonts, vertical: bool):
    fresh = _made(text_, face, size, measure, fonts, vertical)
    return fresh.items, fresh.gaps, break_ranks(text_, fresh.items, fresh.gaps)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(text, st.sampled_from([18.0, 24.0, 36.0]), st.booleans(),
       st.lists(st.floats(20, 900), min_size=1, max_size=6))
def test_shared_items_are_those_made_for_the_measure(fonts, text_, size, vertical, measures):
    for measure in measures:
        shared = _prepared_at(text_, "serif_bold", size, measure, fonts, vertical)
        items, gaps, ranks = made_anew(text_, "serif_bold", size, measure, fonts, vertical)
        assert shared.items == items
        assert shared.gaps == gaps
        assert shared.ranks(text_) == ranks


def test_a_run_wider_than_half_the_measure_is_made_anew(fonts):
    """A URL wider than half a narrow measure opens emergency breaks there (not in the items
    made for an unbounded measure), so those items are not shared."""
    url = "区政务网站www.songlin.gov.cn"
    wide = _prepared_at(url, "serif_bold", 24.0, 2000.0, fonts)
    narrow = _prepared_at(url, "serif_bold", 24.0, 120.0, fonts)
    assert narrow is not wide
    assert narrow.items.penalty != wide.items.penalty
    assert _prepared_at(url, "serif_bold", 24.0, 1900.0, fonts) is wide
