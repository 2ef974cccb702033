"""A paragraph's items are made once and shared by every measure that opens no emergency
break (`paragraph._prepare_shared`): at every measure they must be exactly the items made
anew for that measure and indent, also where a URL or a long number is wider than half the
measure or than its first line (then they are made anew)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.compose.paragraph import _prepare_shared, prepare
from layout.compose.types import ParagraphSpec, Span

PIECES = ["夏季", "防溺水", "安全教育", "进校园", "区政务服务中心", "12类", "18.6万人次", "“红心物业”",
          "2025年", "，", "。", "、", "：", "\u3000", " ", "——", "《社区》", "www.songlin.gov.cn",
          "ylfw@songlin.gov.cn", "Open Day", "David Miller", "20250601", "（上）", "！", "……"]
text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=24).map("".join)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(text, st.sampled_from([0.0, 2.0]), st.sampled_from(["quanjiao", "kaiming"]),
       st.booleans(), st.booleans(), st.lists(st.floats(20, 400), min_size=1, max_size=5))
def test_shared_items_are_those_made_for_the_measure(fonts, text_, indent, punctuation,
                                                     hanging, vertical, measures):
    spans = (Span(text_, "serif", 9.0),)
    for measure in measures:
        spec = ParagraphSpec(measure, indent_em=indent, punctuation=punctuation,
                             hanging=hanging, vertical=vertical)
        shared, _ = _prepare_shared(spans, spec, fonts)
        made, _ = prepare(spans, spec, fonts)
        assert shared == made


def test_a_run_wider_than_half_the_measure_is_made_anew(fonts):
    spans = (Span("详见区政务网站www.songlin.gov.cn。", "serif", 9.0),)
    wide, _ = _prepare_shared(spans, ParagraphSpec(900.0), fonts)
    narrow, _ = _prepare_shared(spans, ParagraphSpec(60.0), fonts)
    assert narrow is not wide and narrow == prepare(spans, ParagraphSpec(60.0), fonts)[0]
    assert wide is _prepare_shared(spans, ParagraphSpec(800.0), fonts)[0]
