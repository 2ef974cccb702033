"""孤行 (widows): a leg that opens with the last line of a paragraph begun in the leg before
is counted for the copy-fit report — and nothing else is."""
from __future__ import annotations

import json
import subprocess
import sys

from layout.compose import Line
from layout.pages.body import Row, widows


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
