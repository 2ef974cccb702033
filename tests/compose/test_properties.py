"""Hypothesis properties over generated Chinese/Latin/digit/punctuation text and
measures of 5–20 em: kinsoku, nothing split, nothing wider than the measure,
every character placed once in order, justified lines, determinism."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.cjk import rules
from layout.compose import ParagraphSpec, Span, compose_paragraph
from layout.compose.paragraph import set_paragraph
from tests.compose.conftest import RARE, SIZE

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你" + RARE
han_word = st.text(HAN, min_size=1, max_size=6)
# Every unbreakable run stays narrower than the shortest first line (3.2 em at
# 6 em less the 2-em indent), so a forced split is never the only way out.
number = st.builds(lambda d, u: d + u, st.from_regex(r"[1-9][0-9]{0,2}|[1-9]\.[0-9]", fullmatch=True),
                   st.sampled_from(["", "年", "个", "%", "℃", "km", "万人"]))
latin = st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=3)
latin_words = st.lists(latin, min_size=1, max_size=2).map(" ".join)
quoted = st.builds(lambda pair, w: pair[0] + w + pair[1],
                   st.sampled_from(["“”", "《》", "（）", "‘’", "【】"]), han_word)
mark = st.sampled_from(list("，。、；：？！") + ["——", "……", "”。", "。”", "）。", "！”"])
token = st.one_of(han_word, number, latin_words, quoted, mark, st.just("\u3000"))
# A Han word before every token, so that numbers and Latin words never run together.
paragraph = st.lists(st.tuples(han_word, token), min_size=1, max_size=25).map(
    lambda pairs: "".join(a + b for a, b in pairs))


def compose(fonts, text, measure_em, breaker, dateline="", memo=True):
    spans = ((Span(dateline, "sans_bold", SIZE),) if dateline else ()) + (Span(text, "serif", SIZE),)
    indent = 2 if measure_em >= 6 else 1      # a 5-em column keeps a 4-em first line
    spec = ParagraphSpec(measure_em * SIZE, indent_em=indent, breaker=breaker)
    return (compose_paragraph if memo else set_paragraph)(spans, spec, fonts)


def _check(par, text, measure):
    table = rules()
    assert par.text == text                                   # every character once, in order
    lines = par.lines
    for n, line in enumerate(lines):
        assert line.width <= measure + 0.01, line.text
        if n < len(lines) - 1 and len(line.glyphs) > 1:
            # justified, not ragged (a line of one glyph before a run too wide to
            # join it, possible in 5-em columns, cannot be justified)
            assert abs(line.width - measure) <= 0.01, line.text
        if n > 0:
            assert not table.no_start[table.class_of(line.text[0])], line.text
        if n < len(lines) - 1:
            end, nxt = line.text[-1], lines[n + 1].text[0]
            assert not table.no_end[table.class_of(end)], line.text
            for pair in ("——", "……"):
                assert end + nxt != pair
            assert not (end.isdigit() and nxt.isdigit()), (line.text, nxt)
            assert not (end.isascii() and end.isalpha() and nxt.isascii() and nxt.isalpha())
            assert not (end.isdigit() and table.names[table.class_of(nxt)] == "postfix")
    solid = [c for c in lines[-1].text if table.solid[table.class_of(c)]]
    assert par.lone_last_line == (len(lines) > 1 and len(solid) == 1)


@settings(max_examples=150, deadline=None)
@given(text=paragraph, measure_em=st.integers(5, 20),
       breaker=st.sampled_from(["total-fit", "first-fit"]))
def test_composition_properties(fonts, text, measure_em, breaker):
    par = compose(fonts, text, measure_em, breaker)
    _check(par, text, measure_em * SIZE)
    again = compose(fonts, text, measure_em, breaker, memo=False)
    assert again == par and again is not par                         # deterministic


@settings(max_examples=40, deadline=None)
@given(text=paragraph, measure_em=st.integers(8, 20))
def test_dateline_span_keeps_every_character(fonts, text, measure_em):
    par = compose(fonts, text, measure_em, "total-fit", dateline="本报讯（记者 常欣月）")
    assert par.text == "本报讯（记者 常欣月）" + text
    assert par.lines[0].glyphs[0].slot_x == 2 * SIZE           # the 2-em indent of the first span
    assert par.lines[0].glyphs[0].face == "sans_bold"


@settings(max_examples=60, deadline=None)
@given(text=st.lists(st.tuples(han_word, token), min_size=1, max_size=6).map(
           lambda pairs: "".join(a + b for a, b in pairs)),
       measure_em=st.integers(6, 20))
def test_headline_properties(fonts, text, measure_em):
    from layout.compose import compose_headline, headline_fits

    table = rules()
    measure = measure_em * 20.0
    lines = compose_headline(text, "serif_bold", 20.0, measure, fonts)
    assert "".join(ln.text for ln in lines) == text
    for n, line in enumerate(lines):
        if n > 0:
            assert not table.no_start[table.class_of(line.text[0])], line.text
        if n < len(lines) - 1:
            assert not table.no_end[table.class_of(line.text.rstrip()[-1])], line.text
    if headline_fits(text, "serif_bold", 20.0, measure, fonts):
        assert all(ln.width <= measure + 0.01 for ln in lines)
