"""layout.export.pdf.textout writes the placing operators reportlab's own text object writes,
byte for byte (the same Tm and Tc: the faster path draws the same page), and shows each run
in its face's one Type0 font (cidfont.py): one Tj of two-byte codes that read back as the
run's characters, a Tf only where the size changes."""
from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from layout.export.pdf import cidfont, textout
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
def test_the_operators_are_reportlab_s_own_and_one_tj_a_run(runs):
    (ours, font), (theirs, _) = _text_objects()
    cid_font = cidfont.cid_font(ours._canvas._doc, font)
    size_before = None
    for string, x, y, spacing, size in runs:
        for text in (ours, theirs):
            text.setFont(font, size)
        theirs.setTextOrigin(x, y)
        theirs.setCharSpace(spacing)
        textout.origin(ours, x, y)
        textout.char_space(ours, spacing)
        placing = list(ours._code[-2:])
        assert placing == theirs._code[-2:]          # Tm, Tc as reportlab writes them
        assert (ours._x0, ours._y0) == (theirs._x0, theirs._y0)
        before = len(ours._code)
        textout.show(ours, string)
        shown = ours._code[before:]
        if size != size_before:
            assert shown[0] == f"{cid_font.name} {textout.number(size)} Tf"
            shown = shown[1:]
        size_before = size
        assert len(shown) == 1 and shown[0].startswith("<") and shown[0].endswith("> Tj")
        codes = bytes.fromhex(shown[0][1:-4])
        back = {cid: chr(code) for code, cid in cid_font.cids.items()}
        assert "".join(back[int.from_bytes(codes[i:i + 2], "big")]
                       for i in range(0, len(codes), 2)) == string
    assert len(set(cid_font.cids.values())) == len(cid_font.cids)   # a code per character
