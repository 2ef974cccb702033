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
_TIME_TAG = "t"
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


def time_word(text: str) -> bool:
    """`text` opens with a word the dictionary tags as one of time (凌晨, 今天, 近日)."""
    words = _tagged(text[:_LOOK])
    return bool(words) and words[0][1] == _TIME_TAG and len(words[0][0]) >= 2


def ends_with_name(text: str) -> bool:
    """`text` ends with a person's name as the dictionary reads one (`回乡接班的王晓琳`; a
    surname it tags alone before a given name of one or two characters: `老手艺人王德顺`)."""
    words = _tagged(text[-_LOOK:])
    if not words or not all(_han(c) for c in words[-1][0]):
        return False
    word, tag = words[-1]
    if tag == _NAME_TAG and _NAME_CHARS[0] <= len(word) <= _NAME_CHARS[1]:
        return True
    return len(words) >= 2 and words[-2][1] == _NAME_TAG and len(words[-2][0]) == 1 \
        and len(word) <= 2


def name_before_word(text: str) -> str:
    """A name of 2 or 3 characters opening `text` that the dictionary does not know, read by
    the word after it: the one length after which a word of two or more characters begins
    (`韩冬冬日的` → `韩冬`: 冬日, where 日 alone would follow 韩冬冬), or '' when none or both,
    or when the text opens with a word of the dictionary rather than a surname standing alone."""
    if not text or len(_cut(text[:_LOOK])[0]) > 1:
        return ""   # the text opens with a word of the dictionary (社区居民…), not a surname
    fits = []
    for k in (2, 3):
        if len(text) > k and all(_han(c) for c in text[:k]) and _han(text[k]):
            words = _cut(text[k:k + _LOOK])
            if words and len(words[0]) >= 2:
                fits.append(text[:k])
    return fits[0] if len(fits) == 1 else ""


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
