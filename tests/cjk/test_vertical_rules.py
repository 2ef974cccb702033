"""The vertical table (layout/cjk/vertical.yaml): complete, cited, and its 纵中横 runs."""
from __future__ import annotations

import pytest
import yaml

from layout.cjk import rules
from layout.cjk.vertical import VERTICAL_PATH, _compile, vertical_rules


def test_every_class_stands_one_way_and_the_rows_cite_their_source():
    data = yaml.safe_load(VERTICAL_PATH.read_text("utf-8"))
    assert set(data["orientation"]) == set(rules().names)
    assert "clreq" in data["orientation_cite"] and "GB/T 15835" in data["orientation_cite"]
    assert "clreq" in data["tate_chu_yoko"]["cite"] and "clreq" in data["kinsoku"]["cite"]


@pytest.mark.parametrize("char, how", [("中", "upright"), ("，", "form"), ("。", "form"),
                                       ("“", "form"), ("《", "form"), ("—", "form"),
                                       ("…", "form"), ("A", "rotated"), ("7", "rotated")])
def test_orientation(char, how):
    assert vertical_rules().orientation_of(char) == how


@pytest.mark.parametrize("text, runs", [
    ("9月24日", [(0, 1), (2, 4)]),     # one and two digits: upright, side by side
    ("12月", [(0, 2)]),
    ("2025年", []),                    # four digits: rotated
    ("AI产业", [(0, 2)]),
    ("Citywalk", []),
    ("25%的人", []),                   # a number with its unit turns as one run
    ("第3届", [(1, 2)]),
    ("约1.5米", []),
])
def test_tate_chu_yoko_runs(text, runs):
    assert vertical_rules().tcy_runs(text) == runs


def test_a_table_missing_a_class_is_refused():
    data = yaml.safe_load(VERTICAL_PATH.read_text("utf-8"))
    del data["orientation"]["han"]
    with pytest.raises(ValueError, match="missing"):
        _compile(data, rules())
