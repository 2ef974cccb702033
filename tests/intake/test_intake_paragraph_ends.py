"""Paragraph ends at a full line's end, chosen by length (layout/intake/paragraph_ends.py), and
on copy cut at a count of characters through the whole import."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.errors import Diagnostics
from layout.intake.paragraph_ends import DEFAULT_LENGTH, cuts, typical_length
from layout.intake.text_import import plan_import


def test_two_paragraphs_run_together_are_cut_apart():
    assert cuts(180, [90], 90.0) == [90]


def test_a_sentence_is_not_cut_off_its_paragraph():
    assert cuts(100, [20], 90.0) == [] and cuts(100, [80], 90.0) == []


def test_of_several_places_the_one_that_makes_paragraphs_of_the_usual_length():
    assert cuts(180, [30, 88, 150], 90.0) == [88]


def test_the_usual_length_is_the_copys_own():
    assert typical_length([40, 50, 60, 45, 55]) == 50
    assert typical_length([200]) == DEFAULT_LENGTH   # too few to tell


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 2000), st.lists(st.integers(-5, 2005), max_size=30),
       st.floats(10, 400))
def test_cuts_are_some_of_the_places_offered(size, offsets, typical):
    chosen = cuts(size, offsets, typical)
    assert chosen == sorted(set(chosen))
    assert all(o in offsets and 0 < o < size for o in chosen)


def _para(n: int, seed: str) -> str:
    words = [f"{seed}第{i}项工作有序推进。" for i in range(40)]
    return "".join(words)[:n - 1] + "。"


def test_copy_cut_every_17_characters_gets_its_paragraph_ends_back(tmp_path):
    # five paragraphs of 85 characters (a multiple of 17): every paragraph end falls at a full
    # line's end, where nothing but the paragraphs' length tells an end from a sentence
    paras = [_para(85, seed) for seed in "甲乙丙丁戊"]
    lines = ["社区工作扎实推进", "本报讯"] + [p[i:i + 17] for p in paras for i in range(0, 85, 17)]
    raw = tmp_path / "copy.txt"
    raw.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plan = plan_import(raw, tmp_path / "issue", Diagnostics())
    article = next(text for path, text in plan.files.items() if path.suffix == ".md")
    blocks = [b.strip() for b in article.split("---\n", 2)[2].split("\n\n") if b.strip()]
    assert blocks[-5:] == paras
    assert sum(d.what == "paragraph-length" for d in plan.decisions) >= 3
