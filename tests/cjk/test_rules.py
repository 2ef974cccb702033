"""The rule tables: every class cites a source, classes of characters, and
(before, after) → may break, including the cases of typography.md §1–§2."""
from __future__ import annotations

import pytest
import yaml

from layout.cjk import RULES_PATH, rules


def test_every_class_pair_and_squeeze_level_cites_a_source():
    data = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    for name, spec in data["classes"].items():
        assert spec.get("cite"), name
    for row in data["pairs"] + data["squeeze_order"]:
        assert row.get("cite"), row


def test_rules_are_loaded_once():
    assert rules() is rules()


@pytest.mark.parametrize("char, name", [
    ("中", "han"), ("堃", "han"), ("喆", "han"), ("䶮", "han"), ("𠅤", "han"), ("𬌗", "han"),
    ("，", "pause"), ("、", "pause"), ("。", "stop"), ("？", "stop"), ("“", "open"), ("《", "open"),
    ("”", "close"), ("）", "close"), ("—", "dash"), ("…", "ellipsis"), ("·", "middle"),
    ("7", "digit"), ("k", "latin"), ("é", "latin"), ("%", "postfix"), ("℃", "postfix"),
    ("￥", "prefix"), ("$", "prefix"), ("/", "ascii_punct"), (" ", "space"), ("\u3000", "ideo_space"),
])
def test_class_of(char, name):
    table = rules()
    assert table.names[table.class_of(char)] == name


NO_START = "，。、：；？！．”’）》〉】〕〗］｝」』·–～－／%‰℃"
NO_END = "“‘（《〈【〔〖［｛「『￥$£№"


@pytest.mark.parametrize("mark", list(NO_START))
def test_line_start_prohibitions_of_typography_md(mark):
    assert not rules().may_break("中", mark)


@pytest.mark.parametrize("mark", list(NO_END))
def test_line_end_prohibitions_of_typography_md(mark):
    assert not rules().may_break(mark, "中")


@pytest.mark.parametrize("before, after, expected", [
    ("中", "文", True),          # between two Han characters
    ("，", "中", True),          # after a comma
    ("。", "“", True),          # before an opening quote
    ("”", "中", True),
    ("中", "“", True),
    ("中", "（", True),
    ("中", "—", True),          # a —— may start a line …
    ("—", "—", False),          # … but is never split
    ("…", "…", False),
    ("—", "中", True),
    ("2", "0", False),          # 2025
    ("5", "年", False),          # 2025年 stays whole …
    ("年", "6", True),          # … and may break after 年
    ("1", "个", False),          # 91个
    ("5", "%", False),          # 25%
    ("0", "℃", False),          # 30℃
    ("3", ".", False), (".", "5", False), ("5", "k", False), ("k", "m", False),  # 3.5km
    ("D", "1", False),          # D10
    ("￥", "5", False),
    ("w", "o", False),          # a Latin word
    ("d", " ", False),          # never before a space …
    (" ", "w", True),           # … a line breaks after it
    ("中", "A", True), ("A", "中", True), ("中", "3", True),
])
def test_may_break(before, after, expected):
    assert rules().may_break(before, after) is expected


def test_kaiming_keeps_sentence_stops_full_width_and_halves_the_rest():
    table = rules()
    for mark in "。？！":
        assert table.kaiming_box[table.class_of(mark)] == 1.0
    for mark in "，、；：“”（）《》":
        assert table.kaiming_box[table.class_of(mark)] == 0.5
        assert table.box[table.class_of(mark)] == 1.0


def test_squeeze_order_of_typography_md():
    assert rules().level_names == ("bracket", "pause", "glue", "stop")
