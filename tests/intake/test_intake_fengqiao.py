"""The second held-out paper of session 25 (《枫桥晚报》, tests/intake/fengqiao.py): written,
rendered (pasted from a WeChat article that lost its blank lines; a Word document saved as text
with typed indents) and measured before any change made for 云溪's WeChat misses, never tuned on.
Its first figures are held as bounds: what it found, parts and bodies exact may only rise, the
misses only fall; no number, Latin word or address changed, and nothing lost but the marks
that are decoration (a credit's brackets, 【】 around a heading, ▲ before a caption)."""
from __future__ import annotations

import pytest

from tests.intake import fengqiao

# (found, headline parts exact, bodies exact, false 小标题, not listed) of 8, first measured:
# WeChat's 【】 around two 小标题 kept (2 false 小标题), ▲ kept at the head of two captions.
FIRST = {"wechat": (8, 8, 5, 2, 2), "word": (8, 8, 8, 0, 0)}
# Since WeChat's 【】 around a whole heading and ▲ before a caption go (rules heading-brackets,
# caption-mark, made on 云溪 and measured here after): every body exact, no false 小标题.
NOW = {"wechat": (8, 8, 8, 0, 0), "word": (8, 8, 8, 0, 0)}
# Marks that are decoration, not text, dropped by normalising rules (listed in the report): the
# credits' brackets (通讯员 钟一鸣 摄), two 【】 and two ▲ — counted as lost by the figures.
LOST = {"wechat": 10, "word": 0}


@pytest.fixture(scope="module")
def figures(tmp_path_factory):
    return {shape: fengqiao.figures(shape, tmp_path_factory.mktemp(shape) / "issue")
            for shape in fengqiao.SHAPES}


@pytest.mark.parametrize("shape", fengqiao.SHAPES)
def test_the_held_out_paper_changes_no_number_and_loses_nothing(figures, shape):
    assert figures[shape].tokens_changed == 0 and figures[shape].chars_lost <= LOST[shape]


@pytest.mark.parametrize("shape", fengqiao.SHAPES)
def test_the_held_out_paper_holds_its_first_figures(figures, shape):
    f = figures[shape]
    for found, heads, bodies, false_subheads, unflagged in (FIRST[shape], NOW[shape]):
        assert f.found >= found and f.heads_exact >= heads and f.bodies_exact >= bodies
        assert f.false_subheads <= false_subheads and f.unflagged <= unflagged
