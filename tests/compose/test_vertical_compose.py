"""Vertical columns (竖排) from the composer: the horizontal rules at a column's top and foot,
纵中横 runs one em, rotated runs never broken, every character once and in order."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.cjk import rules
from layout.cjk.vertical import vertical_rules
from layout.compose import ParagraphSpec, Span, compose_paragraph, headline_set
from layout.compose.vertical import ROTATED, TCY, UPRIGHT, pieces
from tests.compose.conftest import SIZE
from tests.compose.test_properties import paragraph


def vertical(fonts, text, measure_em, indent=2):
    spec = ParagraphSpec(measure_em * SIZE, indent_em=indent, vertical=True)
    return compose_paragraph((Span(text, "serif", SIZE),), spec, fonts)


@settings(max_examples=60, deadline=None)
@given(text=paragraph, measure_em=st.integers(8, 30))
def test_columns_keep_the_rules(fonts, text, measure_em):
    table, vrules = rules(), vertical_rules()
    par = vertical(fonts, text, measure_em)
    assert par.text == text
    lines = par.lines
    for n, line in enumerate(lines):
        assert line.width <= measure_em * SIZE + 0.01, line.text
        if n > 0:
            assert not table.no_start[table.class_of(line.text[0])], line.text
        if n < len(lines) - 1:
            assert not table.no_end[table.class_of(line.text[-1])], line.text
            end, nxt = line.text[-1], lines[n + 1].text[0]
            assert not (table.latinish[table.class_of(end)] and table.latinish[table.class_of(nxt)])
        kinds = [p.kind for p in pieces(line, fonts)]
        covered = [i for p in pieces(line, fonts) for i in range(p.start, p.end)]
        assert covered == list(range(len(line.glyphs)))
        assert set(kinds) <= {UPRIGHT, ROTATED, TCY}
    glyphs = [g for line in lines for g in line.glyphs]
    for start, end in vrules.tcy_runs(text):
        run = glyphs[start:end]
        assert all(abs(g.x - run[0].x) < 1e-6 for g in run), text[start:end]   # side by side


def test_a_two_digit_date_takes_one_em_and_a_year_turns(fonts):
    line = vertical(fonts, "9月24日到2025年", 40, indent=0).lines[0]
    xs = {g.char + str(i): g.x for i, g in enumerate(line.glyphs)}
    assert xs["月1"] - xs["90"] == SIZE                 # 9 stands in one em
    assert xs["日4"] - xs["22"] == SIZE and xs["43"] == xs["22"]  # 24 too, side by side
    assert [p.kind for p in pieces(line, fonts)] == [TCY, UPRIGHT, TCY, UPRIGHT, ROTATED, UPRIGHT]


def test_a_vertical_headline_breaks_between_words(fonts):
    found = headline_set("区图书馆延长开放时间", "biaosong", 26.0, 26 * 6, fonts, align="left",
                         vertical=True)
    assert [l.text for l in found.lines] == ["区图书馆", "延长开放时间"]
    assert found.inside_words == found.stubs == 0
