"""`Pricer.widths_from`, the headline search's one loop over the lines from a start, gives
for every line exactly what `natural` and `cost` give (the same floats: a headline's
breaks depend on them), up to the first line that does not fit, across hanging marks,
hyphenated Latin words, spaces at line ends, both punctuation styles and vertical lines."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.compose.linebreak import OVERFULL, candidates
from layout.compose.paragraph import prepare
from layout.compose.types import ParagraphSpec, Span

PIECES = ["夏季", "防溺水", "安全教育", "进校园", "区政务服务中心", "12类", "18.6万人次", "“红心物业”",
          "2025年", "，", "。", "、", "：", "\u3000", " ", "——", "《社区》", "www.songlin.gov.cn",
          "Open Day", "international cooperation", "20250601", "（上）", "！", "……", "「旧城」"]
text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=16).map("".join)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(text, st.sampled_from(["quanjiao", "kaiming"]), st.booleans(), st.booleans(),
       st.floats(20, 300), st.floats(10, 300))
def test_widths_from_is_natural_and_cost(fonts, text_, punctuation, hanging, vertical,
                                         measure, avail):
    spec = ParagraphSpec(measure, indent_em=0, punctuation=punctuation, hanging=hanging,
                         vertical=vertical)
    items, pricer = prepare((Span(text_, "serif", 18.0),), spec, fonts)
    ends = candidates(items)
    for a in [0] + ends[:-1]:
        following = [b for b in ends if b > a]
        expected = []
        for b in following:
            fits = pricer.cost(a, b, avail, True, float("inf")) is not OVERFULL
            expected.append((b, pricer.natural(a, b)[0], fits))
            if not fits:
                break
        assert pricer.widths_from(a, following, avail) == expected
