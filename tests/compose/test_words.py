"""Headline word boundaries: jieba's words (rjieba) joined where a reader reads one word."""
from __future__ import annotations

import pytest
import rjieba
from hypothesis import given, settings
from hypothesis import strategies as st

from layout.compose.words import bounds_of, word_bounds


def pieces(text: str) -> list[str]:
    out, start = [], 0
    for end in list(word_bounds(text)) + [len(text)]:
        out.append(text[start:end])
        start = end
    return out


@pytest.mark.parametrize("text, whole", [
    ("夏季防溺水安全教育进校园", ["溺水", "安全", "教育"]),
    ("区政务服务中心延时服务覆盖12类事项", ["区政务服务中心", "12类"]),
    ("建设大街北段提前半个月恢复通车", ["建设大街", "半个月"]),
    ("区图书馆延长开放时间", ["区图书馆"]),
    ("假期接待游客18.6万人次", ["18.6万人次"]),
    ("社区篮球联赛开赛", ["篮球联赛"]),
    ("第五届社区运动会开幕", ["第五届", "运动会"]),
    ("2025年全区民生实事项目全部开工", ["2025年"]),
    ("今年1至5月新增就业", ["1至5月"]),
    ("首届农民丰收节筹备工作启动", ["丰收节"]),
    ("新增充电端口2600个　“飞线充电”明显减少", ["2600个", "“飞线充电”"]),
])
def test_numbers_places_and_quotations_stay_whole(text, whole):
    words = pieces(text)
    assert "".join(words) == text
    for word in whole:
        assert word in words, f"{word} split in {'|'.join(words)}"


def test_a_verb_before_a_place_word_stays_apart():
    assert pieces("走进社区") == ["走进", "社区"]


def test_one_in_a_word_is_not_a_quantity():
    assert pieces("统一部署") == ["统一", "部署"]


def test_short_texts_have_no_bounds():
    assert word_bounds("") == () and word_bounds("区") == ()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="区政务服务中心延时覆盖12类事项第五届建设大街北段半个月“”　，。的了人", min_size=2,
               max_size=30))
def test_the_rules_only_join_words(text):
    """Every boundary kept is one the segmenter gave: joining never invents a break."""
    raw, pos = set(), 0
    for word, _tag in rjieba.tag(text):
        pos += len(word)
        raw.add(pos)
    assert set(bounds_of(text, rjieba.tag(text))) <= raw
