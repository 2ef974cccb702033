"""The held-out paper (《临川晚报》, tests/intake/linchuan.py): written and measured before the
changes it checks, never tuned on. Its first figures, before those changes and unchanged by
them, are held here as floors; a known miss (a 主题 and 副题 with no dash read as 引题 and 主题)
is open; a short caption under a story taken for a photo-news item was fixed where gaps part
the copy's stories (not in chunked copy, where nothing parts them); the third, a phone
number's space lost at a 13-em line's end, was fixed by the general rule of `joins.break_at`."""
from __future__ import annotations

import pytest

from tests.intake import linchuan

FIRST = {"a": (8, 7), "b": (8, 7), "b-naive": (8, 7), "b-ragged": (8, 7), "c": (8, 7),
         "md": (9, 8), "pdf-13": (8, 6)}   # (found, bodies exact) of 9, first measured
# Bodies exact since a caption with no gap before it, in copy whose stories gaps part, stays
# with the story above (session 25): the figures this paper now gives, as floors.
NOW = {"a": 7, "b": 8, "b-naive": 8, "b-ragged": 7, "c": 8, "md": 9, "pdf-13": 8}


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    return {shape: linchuan.figures(shape, tmp_path_factory.mktemp(shape) / "issue")
            for shape in linchuan.SHAPES}


@pytest.mark.parametrize("shape", linchuan.SHAPES)
def test_the_held_out_paper_loses_nothing_and_lists_every_miss(figures, shape):
    f = figures[shape]
    assert (f.chars_lost, f.false_subheads, f.unflagged) == (0, 0, 0)
    assert f.tokens_changed == 0   # `0794-8821 6600` cut at its space at 13 ems keeps it


@pytest.mark.parametrize("shape", linchuan.SHAPES)
def test_the_held_out_paper_holds_its_first_figures(figures, shape):
    found, bodies = FIRST[shape]
    assert figures[shape].found >= found and figures[shape].heads_exact >= found
    assert figures[shape].bodies_exact >= bodies
    assert figures[shape].bodies_exact >= NOW[shape]
