"""A headline segmented with only its own words of jieba's dictionary gives the words and
tags of the whole dictionary (rjieba as imported), on the team's copy and on generated text."""
from __future__ import annotations

import random
from pathlib import Path

import rjieba
from hypothesis import given, settings
from hypothesis import strategies as st

from layout.compose import dictionary
from layout.compose.dictionary import REST, _Words, build, segmenter, tag

ROOT = Path(__file__).parents[2]


def copy_lines() -> list[str]:
    """Every line of every article and fixture the repository holds, cut to headline length."""
    lines = []
    for path in sorted(ROOT.glob("issues/*/articles/*.md")) + sorted(ROOT.glob("tests/fixtures/**/*.md")):
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            for start in range(0, min(len(line), 240), 60):
                lines.append(line[start:start + 60])
    return [line for line in lines if line]


def test_same_words_and_tags_on_the_copy():
    lines = copy_lines()
    assert len(lines) > 2000
    differ = [line for line in lines if tag(line) != rjieba.tag(line)]
    assert differ == []


def test_same_search_words_on_the_copy():
    """The web edition's fine breaks (cut_for_search) look for words inside words."""
    lines = copy_lines()[::7]
    assert [segmenter(t).cut_for_search(t) for t in lines] == [rjieba.cut_for_search(t) for t in lines]


def test_shuffled_headlines():
    """New text as make bench makes it: the sample's characters in another order."""
    rng = random.Random(14)
    chars = [c for line in copy_lines()[:400] for c in line]
    for _ in range(600):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(2, 40)))
        assert tag(text) == rjieba.tag(text), text


ALPHABET = st.sampled_from("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
                           "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
                           "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
                           "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
                           "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
                           "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
                           "12345678９0.%万亿年月日ABCabc《》“”，、：—…·（）区街社第届类")


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, min_size=1, max_size=48))
def test_generated_text(text):
    assert tag(text) == rjieba.tag(text)


def test_the_rest_word_in_a_text_is_rjiebas_own():
    text = f"社区{REST}志愿者"
    assert segmenter(text) is rjieba
    assert tag(text) == rjieba.tag(text)


def test_word_list_from_dict_txt(tmp_path):
    """The list keeps a word's last line, its frequency and tag; blocks by first character."""
    source = tmp_path / "dict.txt"
    source.write_text("社区 500 n\n社区服务 20 n\n志愿者 300 n\n社区 600 n\nB超 3 n\n", "utf-8")
    target = tmp_path / "words.bin"
    build(source, target)
    words = _Words(target)
    assert words.total == 600 + 20 + 300 + 3
    assert words.longest == 4
    assert words.within("社区服务志愿者做B超") == {
        "社区": (600, "n"), "社区服务": (20, "n"), "志愿者": (300, "n"), "B超": (3, "n")}
    assert words.within("街道") == {}


def test_a_damaged_word_list_is_not_read(tmp_path, monkeypatch):
    broken = tmp_path / "words.bin"
    broken.write_bytes(dictionary.MAGIC + b"\x01\x02")
    monkeypatch.setattr(dictionary, "DATA", broken)
    _Words.load.cache_clear()
    try:
        assert _Words.load() is None
        assert segmenter("社区志愿者") is rjieba
    finally:
        _Words.load.cache_clear()
