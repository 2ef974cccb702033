"""Properties of the normaliser: idempotent, nothing lost but the mapped marks, spaces and dots
(and the brackets a web page writes around a whole photo credit)."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from layout.intake.normalise import normalise
from layout.intake.rules import HALF_TO_FULL

# Characters the rules react to, mixed with Han, Latin, digits and spaces.
ALPHABET = (list("中文社区铁东aZx09 \u3000\t,;:?!().\"'-—―…⋯。，（）“”‘’《》＂１Ａｚ．@/*_`")
            + ["http://a.b/c", "x@y.cn", "**", "__", "<<", ">>", "摄", "（本报记者 王琳 摄）"])
texts = st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join)
roles = st.sampled_from(["body", "caption", "heading", "verse", "credit"])

# Each mark and its full-width form fold to one class; dots, ellipses, dashes and
# title marks (whose counts the rules change: `...` → `……`, `<<` → `《`) and spaces
# drop out.
_FOLD = {**{full: half for half, full in HALF_TO_FULL.items()},
         "“": '"', "”": '"', "‘": "'", "’": "'"}
_DROPPED = set(".。．…⋯-—―<>《》") | set(" \t\u3000")


def _fold(text: str) -> Counter:
    out = Counter()
    for ch in text:
        if "\uff01" <= ch <= "\uff5e" and ch.isalnum():
            ch = chr(ord(ch) - 0xFEE0)
        ch = _FOLD.get(ch, ch)
        if ch not in _DROPPED:
            out[ch] += 1
    return out


@settings(max_examples=400, deadline=None)
@given(texts, roles, st.booleans())
def test_normalising_twice_equals_once(text, role, markdown):
    once = normalise(text, role, markdown).text
    assert normalise(once, role, markdown).text == once
    assert normalise(once, role, markdown).changes == ()


@settings(max_examples=400, deadline=None)
@given(texts, roles)
def test_characters_survive_modulo_the_mapping(text, role):
    out = normalise(text, role).text
    assert not _fold(out) - _fold(text)
    lost = _fold(text) - _fold(out)   # only a credit's own brackets: `（本报记者 王琳 摄）`
    assert not lost or (role == "credit" and lost == Counter("()") and out.endswith("摄"))


@settings(max_examples=200, deadline=None)
@given(texts, roles)
def test_same_input_same_output(text, role):
    assert normalise(text, role) == normalise(text, role)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("中文社区") + [",", ";", ":", "?", "!", " ", "(", ")"]),
                max_size=30).map("".join))
def test_no_ascii_mark_left_touching_han(text):
    out = normalise(text).text
    for i, ch in enumerate(out):
        if ch in ",;:?!()":
            near = out[max(0, i - 1):i] + out[i + 1:i + 2]
            assert not any("\u4e00" <= c <= "\u9fff" for c in near), out
