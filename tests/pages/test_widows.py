"""孤行 (widows): a leg that opens with the last line of a paragraph begun in the leg before
is counted for the copy-fit report — and nothing else is."""
from __future__ import annotations

import json
import subprocess
import sys

from layout.compose import Line
from layout.pages.legs import Row, widows


def _rows(*paragraphs: int, kind: str = "body") -> tuple[Row, ...]:
    return tuple(Row(Line(glyphs=(), width=0.0), kind, 9.0, p) for p in paragraphs)


def test_a_leg_opening_with_a_paragraph_s_last_line_is_a_widow():
    assert widows([_rows(0, 0, 1, 1), _rows(1, 2, 2), _rows(2, 2, 3)]) == 1


def test_a_leg_opening_with_a_new_paragraph_or_its_middle_is_none():
    assert widows([_rows(0, 0, 0), _rows(1, 1, 1)]) == 0        # a paragraph ends with its leg
    assert widows([_rows(0, 0, 0), _rows(0, 0, 1)]) == 0        # two lines carried over
    assert widows([_rows(0, 0), _rows(0), _rows(1, 1)]) == 1    # one line carried over, alone


def test_a_leg_opening_with_a_subhead_or_space_is_none():
    space = (Row(None, "space", 9.0, 1),)
    assert widows([_rows(0, 0), space + _rows(1, kind="subhead") + _rows(2, 2)]) == 0


def test_the_build_s_report_lists_widows_per_article(tmp_path, sample_dir):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "layout", "build", str(sample_dir), "-o", str(out),
                           "--format", "pdf"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    fits = json.loads((out / "copyfit.json").read_text("utf-8"))["articles"]
    assert all(isinstance(a["widows"], int) and a["widows"] >= 0 for a in fits)
    assert "孤行" in done.stdout + done.stderr


# --- avoided: the leg breaks moved, a paragraph set a line looser or tighter -----------

from itertools import product
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layout.pages import legs as legs_module
from layout.pages.legs import NOTCH_FROM, Group, WIDOW_REACH, _lone_rows, _steps, fill


def _groups(lines: list[int], subheads: set[int]) -> tuple[Group, ...]:
    """Paragraphs of `lines` lines, one group a line; a paragraph in `subheads` opens
    with a blank row and a subhead kept with its first line."""
    out = []
    for p, n in enumerate(lines):
        for k in range(n):
            rows = _rows(p)
            if k == 0 and p in subheads:
                rows = (Row(None, "space", 9.0, p),) + _rows(p, kind="subhead") + rows
            out.append(Group(rows))
    return tuple(out)


def _unmended(groups, columns):
    """The balanced legs as the fill cuts them before any break moves, and their counts of
    groups."""
    seen = []

    def plain(g, counts, limits, strip_all):
        seen.append(counts)
        return legs_module._Cuts(g, strip_all).legs(counts)

    with mock.patch.object(legs_module, "mended", plain):
        return fill(groups, columns), seen[0]


def _cut_options(groups, counts, height, lone):
    """Every cutting of `groups` into as many legs, each break within WIDOW_REACH groups of
    the balanced one, no leg over `height`, no more rows alone at the foot, no leg a line
    short before a longer one in legs under NOTCH_FROM lines: the legs."""
    cuts = legs_module._Cuts(groups, False)
    breaks = [sum(counts[:k + 1]) for k in range(len(counts) - 1)]
    for shifts in product(range(-WIDOW_REACH, WIDOW_REACH + 1), repeat=len(breaks)):
        edges = [0] + [b + s for b, s in zip(breaks, shifts)] + [len(groups)]
        if any(b <= a for a, b in zip(edges, edges[1:])):
            continue
        option = cuts.legs(tuple(b - a for a, b in zip(edges, edges[1:])))
        lengths = [len(leg) for leg in option]
        limits = [height] * len(lengths)
        notched = _steps(lengths, limits) > _steps(cuts.lengths(counts), limits)
        if max(lengths) <= height and _lone_rows(lengths, limits) <= lone \
                and not (notched and max(lengths) < NOTCH_FROM):
            yield option


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 9), min_size=1, max_size=14), st.integers(2, 6),
       st.sets(st.integers(1, 13), max_size=3))
def test_balanced_legs_open_with_no_widow_where_moving_a_break_avoids_it(lines, columns, subheads):
    """Over bodies × leg counts: the legs hold the same lines in order, no leg taller than
    the balanced legs' tallest, no more rows alone at the foot, and no widow where some
    cutting within WIDOW_REACH groups of the balanced breaks has none."""
    groups = _groups(lines, subheads)
    (plain, counts), legs = _unmended(groups, columns), fill(groups, columns)
    assert len(legs) == len(plain)
    def text(legs):   # a blank row before a subhead is left out at a leg's top
        return [r for leg in legs for r in leg if r.kind != "space"]

    assert text(legs) == text(plain)
    height = max(map(len, plain))
    lone = _lone_rows([len(leg) for leg in plain], [height] * len(plain))
    assert max(map(len, legs)) <= height
    assert _lone_rows([len(leg) for leg in legs], [height] * len(legs)) <= lone
    assert widows(legs) <= widows(plain)
    if widows(legs):
        assert all(widows(option) for option in _cut_options(groups, counts, height, lone))


def test_a_widow_the_breaks_cannot_avoid_is_avoided_by_setting_a_paragraph_a_line_tighter():
    """weekly4's 充电 story in three legs: at the composer's best setting its third leg
    opens with 体化。 and no break can move (three legs of 8, no room at the foot); set a
    line tighter, as a page editor asks, within the composer's limits, none does."""
    from pathlib import Path

    from layout.compose.linebreak import LOOSENESS_CAP
    from layout.fonts.registry import font_set
    from layout.manifest.issue import load_issue
    from layout.pages.body import Body

    issue = load_issue(Path(__file__).parents[1] / "fixtures" / "editions" / "weekly4")
    article = next(a for a in issue.articles() if a.id == "chongdian")
    body = Body(article, issue.style, font_set(issue.style, article.all_text()))
    plain, _ = _unmended(body.groups, 3)
    legs = body.flow(3)
    assert widows(plain) >= 1 and widows(legs) == 0
    assert max(map(len, legs)) <= max(map(len, plain))
    drawn = [r.line for leg in legs for r in leg if r.line is not None and r.kind == "body"]
    assert max(line.spacing for line in drawn) <= LOOSENESS_CAP * issue.style.body_size + 1e-6
    assert "".join(line.text for line in drawn).replace(" ", "") == \
        "".join(line.text for p in body.paragraphs for line in p.lines).replace(" ", "")
