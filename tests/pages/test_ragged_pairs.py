"""`Placer._ragged` counts the ragged lines of two parts' legs once per pair of distinct
rows of legs and gathers them per (height, upper rows): it must give exactly what
`_ragged_lines` gives over every (h, t) of the joined parts, the lower part's legs at
h − SEP − t (none below 0), as `_joined` prices them."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from layout.pages.placement import LINES_BITS, Placer, _ragged_lines

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
