"""Text runs: characters grouped by equal spacing still land exactly where placed."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from layout.errors import BuildError
from layout.export.pdf.draw import text_runs
from layout.model.placed import PlacedText

ADVANCE = {"中": 1.0, "，": 1.0, "a": 0.5, "　": 1.0}


def advance(ch):
    return ADVANCE.get(ch)


def positions(item: PlacedText) -> dict[int, float]:
    """Where a PDF viewer puts each drawn character: run origin plus advances and Tc."""
    out = {}
    for run in text_runs(item, advance):
        x = item.xs[run.start]
        for j, ch in enumerate(run.text):
            out[run.start + j] = x
            x += advance(ch) * item.size + run.spacing
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("中，a"), st.sampled_from([0.0, 0.0, 0.5, -4.5, 1.25])),
                min_size=1, max_size=40))
def test_every_character_is_drawn_once_at_its_place(chars):
    size, xs, x = 9.0, [], 0.0
    for ch, extra in chars:
        xs.append(x)
        x += advance(ch) * size + extra
    text = "".join(ch for ch, _ in chars)
    item = PlacedText(10, 20, "serif", size, text, tuple(xs))
    placed = positions(item)
    assert sorted(placed) == list(range(len(text)))
    for i, got in placed.items():
        assert got == pytest.approx(xs[i], abs=0.011 * len(text))


def test_justified_line_is_one_run():
    xs = tuple(i * 9.3 for i in range(10))
    runs = list(text_runs(PlacedText(0, 0, "serif", 9.0, "中" * 10, xs), advance))
    assert len(runs) == 1 and runs[0].spacing == pytest.approx(0.3)


def test_a_character_without_a_glyph_is_refused_not_drawn_as_notdef():
    with pytest.raises(BuildError, match="U\\+4E01"):
        list(text_runs(PlacedText(0, 0, "serif", 9.0, "中丁", (0.0, 9.0)), advance))
