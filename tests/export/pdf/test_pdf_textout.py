"""layout.export.pdf.textout writes the operators reportlab's own text object writes, byte
for byte (the faster path draws the same page): the same Tm, Tc, subset switches (Tf) and
escaped strings, and leaves the text object in the same subset."""
from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from layout.export.pdf import textout
from layout.export.pdf.fonts import _register
from layout.style import FONT_DIR

# Chinese, punctuation, Latin, digits and the characters a PDF literal escapes
CHARS = st.sampled_from(list("新闻社区医院今日开展义诊活动居民排队检查，。、；：！？（）《》“”")
                        + list("ABCxyz0129 ()\\%") + [chr(c) for c in range(0x4E00, 0x4E40)])
NUMBERS = st.floats(min_value=-5000, max_value=5000, allow_nan=False) | st.sampled_from(
    [0, 0.0, -0.0, 1e-8, 0.1234567, 12.5, 9, 1000.0005])
RUNS = st.lists(st.tuples(st.text(CHARS, min_size=1, max_size=30), NUMBERS, NUMBERS,
                          st.floats(min_value=-2, max_value=2, allow_nan=False).map(lambda v: round(v, 3)),
                          st.sampled_from([9.0, 10.5, 16, 24.0])), min_size=1, max_size=12)


def _text_objects():
    font = _register(FONT_DIR / "NotoSerifSC-Regular.ttf", "serif")
    texts = []
    for _ in range(2):   # each on its own document: subsets are numbered per document
        canvas = Canvas(io.BytesIO(), invariant=1)
        text = canvas.beginText()
        texts.append((text, font))
    return texts


@settings(max_examples=60, deadline=None)
@given(RUNS)
def test_the_operators_are_reportlab_s_own(runs):
    (ours, font), (theirs, _) = _text_objects()
    for string, x, y, spacing, size in runs:
        for text in (ours, theirs):
            text.setFont(font, size)
        textout.origin(ours, x, y)
        textout.char_space(ours, spacing)
        textout.show(ours, string)
        theirs.setTextOrigin(x, y)
        theirs.setCharSpace(spacing)
        theirs.textOut(string)
        assert ours._code == theirs._code
        assert ours._curSubset == theirs._curSubset
        assert (ours._x0, ours._y0) == (theirs._x0, theirs._y0)
