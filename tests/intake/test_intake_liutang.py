"""The held-out paper of session 26 (《柳塘日报》, tests/intake/liutang.py): written, rendered
(article pages copied from a 数字报 web site with its furniture; a reporter's phone notes with
U+3000 indents and no blank lines) and measured before any change to the importer made in that
session. Its first figures are held as bounds: what it found, parts and bodies exact may only
rise, the misses only fall; no number, Latin word or address changed, ever."""
from __future__ import annotations

import pytest

from tests.intake import liutang

# (found, headline parts exact, bodies exact, false 小标题, not listed) of 9, first measured on
# main 81cbf60.
FIRST = {"epaper": (5, 0, 4, 0, 0), "notes": (9, 9, 9, 0, 0)}


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    return {shape: liutang.figures(shape, tmp_path_factory.mktemp(shape) / "issue")
            for shape in liutang.SHAPES}


@pytest.mark.parametrize("shape", liutang.SHAPES)
def test_the_held_out_paper_changes_no_number(figures, shape):
    assert figures[shape].tokens_changed == 0


@pytest.mark.parametrize("shape", liutang.SHAPES)
def test_the_held_out_paper_holds_its_first_figures(figures, shape):
    f = figures[shape]
    found, heads, bodies, false_subheads, unflagged = FIRST[shape]
    assert f.found >= found and f.heads_exact >= heads and f.bodies_exact >= bodies
    assert f.false_subheads <= false_subheads and f.unflagged <= unflagged
