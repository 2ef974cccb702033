"""`Placer._ragged` counts the ragged lines of two parts' legs once per pair of distinct
rows of legs and gathers them per (height, upper rows): it must give exactly what
`_ragged_lines` gives over every (h, t) of the joined parts, the lower part's legs at
h − SEP − t (none below 0), as `_joined` prices them."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from layout.pages.placement import (COST_MIXED_LINE, COST_MIXED_MEASURE, LINES_BITS, Placer,
                                     _mixing_cost, _ragged_lines)

LEG = st.sampled_from([0, 0, (13 << LINES_BITS) | 4, (13 << LINES_BITS) | 9,
                       (20 << LINES_BITS) | 4, (20 << LINES_BITS) | 12, (11 << LINES_BITS) | 7])


@st.composite
def legs(draw, rows: int, columns: int):
    """Legs per height: a few distinct rows, each over a run of heights (as plans fill)."""
    kinds = draw(st.lists(st.lists(LEG, min_size=columns, max_size=columns), min_size=1,
                          max_size=4))
    return np.array([kinds[draw(st.integers(0, len(kinds) - 1))] for _ in range(rows)],
                    dtype=np.int32)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.integers(3, 24), st.integers(1, 4), st.data())
def test_pairs_gathered_are_the_lines_counted_per_height(rows, columns, data):
    placer = Placer([], columns, rows)
    upper = data.draw(legs(placer.length, columns))
    lower = data.draw(legs(placer.length, columns))
    below = np.concatenate((np.zeros((len(placer._pad), columns), dtype=np.int32),
                            lower))[placer._gather]
    direct = _ragged_lines(upper[None, :, :], below).sum(axis=2)
    got = placer._ragged(upper, lower)
    assert got.dtype == direct.dtype and got.shape == direct.shape
    assert (got == direct).all()


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.integers(3, 24), st.integers(1, 4), st.data())
def test_legs_of_two_measures_reading_ragged_are_refused_not_priced(rows, columns, data):
    """Where one part's legs start at a column's x over the other's of another measure and
    the narrower lines read ragged, the join costs COST_MIXED_MEASURE for that column on top
    of COST_MIXED_LINE a line: more than any layout short of over-set copy (wenti: a 破栏
    story's legs of 20 over a column of 13 printed 5 ragged lines at COST_MIXED_LINE alone)."""
    placer = Placer([], columns, rows)
    upper = data.draw(legs(placer.length, columns))
    lower = data.draw(legs(placer.length, columns))
    below = np.concatenate((np.zeros((len(placer._pad), columns), dtype=np.int32),
                            lower))[placer._gather]
    ragged = _ragged_lines(upper[None, :, :], below)
    cost = placer._pairs(_mixing_cost, upper, lower)
    assert np.allclose(cost, COST_MIXED_LINE * ragged.sum(axis=2)
                       + COST_MIXED_MEASURE * (ragged > 0).sum(axis=2))
    assert ((cost >= COST_MIXED_MEASURE) == (ragged.sum(axis=2) > 0)).all()
