"""Words of raw copy, from jieba's dictionary (rjieba): whether a word runs across a line
break, and the person's name that opens a text.

Two questions the patterns alone cannot answer: whether a line was cut inside
a word (`…送达，快` + `递第二天`: 快递), as a column cuts running text and a
headline never is, and where a name run straight into the text after a staff
title ends (`本报记者 冯洁清晨6时` → `冯洁`; jieba tags names `nr`). Both answers
are guesses, listed as decisions where they decide a story's parts.
"""
from __future__ import annotations

from functools import lru_cache

_NAME_TAG = "nr"
_NAME_CHARS = (2, 4)     # a Chinese name as bylines print it: 2 to 4 characters
_LOOK = 12               # characters enough to read a name and the word after it


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[tuple[str, str], ...]:
    import rjieba

    return tuple(rjieba.tag(text))


@lru_cache(maxsize=4096)
def _cut(text: str) -> tuple[str, ...]:
    """Words of the dictionary only (no guessing of unknown words)."""
    import rjieba

    return tuple(rjieba.cut(text, hmm=False))


def leading_name(text: str) -> str:
    """The person's name that opens `text` (`冯洁` of `冯洁清晨6时`), or '' when jieba does not
    read one there."""
    words = _tagged(text[:_LOOK])
    if not words:
        return ""
    word, tag = words[0]
    low, high = _NAME_CHARS
    if tag == _NAME_TAG and low <= len(word) <= high and all("\u4e00" <= c <= "\u9fff" for c in word):
        return word
    return ""


def word_cut(left: str, right: str) -> bool:
    """A word of jieba's dictionary runs across the break between `left` and `right`
    (`…送达，快` + `递第二天`: 快递): the line was cut mid-word, as a column cuts running text,
    where a headline ends on a word."""
    a, b = left[-4:], right[:4]
    if not (a and b and _han(a[-1]) and _han(b[0])):
        return False
    pos = 0
    for word in _cut(a + b):
        if pos < len(a) < pos + len(word):
            return True
        pos += len(word)
    return False


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
