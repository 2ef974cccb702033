"""Character classes the intake rules test against (typography.md §9, GB/T 15834-2011).

Kept as data: a Han range table, the full-width marks that make a "Chinese
context", and the marks that may end a sentence.
"""
from __future__ import annotations

import re

# CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B–H
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))

# Marks only Chinese text uses (GB/T 15834-2011 §4): full-width forms and CJK
# symbols and punctuation. Their presence makes a "Chinese context".
CJK_MARKS = frozenset("，。、；：？！（）《》〈〉【】〔〕〖〗［］｛｝「」『』～／\u3000")
# Marks Chinese shares with Latin text (quotes, dash, ellipsis, middle dot): a
# context search looks through them to the character beyond.
SHARED_MARKS = frozenset("“”‘’—…·")

# A sentence may end with one of these (GB/T 15834-2011 §4.1–4.3, §4.11) ...
SENTENCE_FINAL = frozenset("。！？…!?")
# ... followed by any number of closing quotes or brackets.
CLOSERS = frozenset("”’）》」』】〕〗〉\"')")

HORIZONTAL_SPACE = " \t\u3000\u00a0\u2002\u2003\u2009\u202f"

_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)[!-~]+")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_URL_TRAIL = ".,;:!?)'\"]"


def is_han(ch: str) -> bool:
    if len(ch) != 1:
        return False
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in HAN_RANGES)


def is_chinese(ch: str) -> bool:
    """A Han character or a mark that only Chinese text uses."""
    return is_han(ch) or ch in CJK_MARKS


def is_cjk_text(ch: str) -> bool:
    """A character of Chinese running text: Han, a Chinese mark, or a shared mark."""
    return is_chinese(ch) or ch in SHARED_MARKS


def is_space(ch: str) -> bool:
    return ch in HORIZONTAL_SPACE


def neighbour(text: str, index: int, step: int) -> str:
    """The nearest character from `index` in direction `step` that is neither a space nor a
    mark shared with Latin text ('' at the edge)."""
    i = index + step
    while 0 <= i < len(text) and (is_space(text[i]) or text[i] in SHARED_MARKS):
        i += step
    return text[i] if 0 <= i < len(text) else ""


def protected_spans(text: str) -> list[tuple[int, int]]:
    """URLs and e-mail addresses: kept exactly as written (typography.md §9)."""
    spans = []
    for match in _URL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in _URL_TRAIL:
            url = text[match.start():end]
            if url.endswith(")") and url.count("(") >= url.count(")"):
                break  # a balanced bracket belongs to the address, as in wiki links
            end -= 1
        spans.append((match.start(), end))
    spans += [m.span() for m in _EMAIL.finditer(text)]
    return sorted(spans)


def ends_sentence(text: str) -> bool:
    """Whether `text` ends with a sentence-final mark (closing quotes/brackets allowed after it)."""
    stripped = text.rstrip(HORIZONTAL_SPACE)
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in SENTENCE_FINAL
