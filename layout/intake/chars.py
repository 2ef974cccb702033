"""Character classes the intake rules test against (typography.md §9, GB/T 15834-2011).

Kept as data: a Han range table, the full-width marks that make a "Chinese
context", and the marks that may end a sentence.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

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
_SEE_THROUGH = re.compile("[" + re.escape(HORIZONTAL_SPACE + "".join(sorted(SHARED_MARKS))) + "]+")

# Both patterns start only where a token starts and bound their repeats, so a long run of
# letters costs one pass, not one pass per letter (issue 17: import is linear in its input).
_URL = re.compile(r"(?<![A-Za-z0-9+.\-])(?:[A-Za-z][A-Za-z0-9+.\-]{0,15}://|www\.)[!-~]+")
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9.\-]{1,253}"
                    r"\.[A-Za-z]{2,}")
_URL_TRAIL = ".,;:!?)'\"]"


_HAN = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in HAN_RANGES) + "]")


def is_han(ch: str) -> bool:
    return len(ch) == 1 and _HAN.match(ch) is not None


def is_chinese(ch: str) -> bool:
    """A Han character or a mark that only Chinese text uses."""
    return is_han(ch) or ch in CJK_MARKS


def is_cjk_text(ch: str) -> bool:
    """A character of Chinese running text: Han, a Chinese mark, or a shared mark."""
    return is_chinese(ch) or ch in SHARED_MARKS


def is_space(ch: str) -> bool:
    return ch in HORIZONTAL_SPACE


@lru_cache(maxsize=8)
def _see_through_runs(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the runs of spaces and shared marks in `text` (found once a text)."""
    starts, ends = [], []
    for match in _SEE_THROUGH.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
    return starts, ends


def neighbour(text: str, index: int, step: int) -> str:
    """The nearest character from `index` in direction `step` that is neither a space nor a
    mark shared with Latin text ('' at the edge). A run of such characters is stepped over
    at once, so finding neighbours costs time linear in the text."""
    i = index + step
    if 0 <= i < len(text) and (is_space(text[i]) or text[i] in SHARED_MARKS):
        starts, ends = _see_through_runs(text)
        k = bisect.bisect_right(starts, i) - 1
        i = ends[k] if step > 0 else starts[k] - 1
    return text[i] if 0 <= i < len(text) else ""


def protected_spans(text: str) -> list[tuple[int, int]]:
    """URLs and e-mail addresses: kept exactly as written (typography.md §9)."""
    spans = []
    for match in _URL.finditer(text):
        end = match.end()
        url = match.group()
        opened, closed = url.count("("), url.count(")")
        while end > match.start() and text[end - 1] in _URL_TRAIL:
            if text[end - 1] == ")":
                if opened >= closed:
                    break  # a balanced bracket belongs to the address, as in wiki links
                closed -= 1
            end -= 1
        spans.append((match.start(), end))
    spans += [m.span() for m in _EMAIL.finditer(text)]
    return _merged(sorted(spans))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def ends_sentence(text: str) -> bool:
    """Whether `text` ends with a sentence-final mark (closing quotes/brackets allowed after it)."""
    stripped = text.rstrip(HORIZONTAL_SPACE)
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in SENTENCE_FINAL
