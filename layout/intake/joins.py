"""Rejoining a line broken by extraction without changing a number, word, URL or address.

`31.` + `6%` is `31.6%`; `https://www.example.` + `cn/a` is one address;
ASCII punctuation at a line start stays with the text before it. Nothing
goes between Chinese text. Between two Latin pieces a space goes back only
where the raw copy had whitespace at the break, or where both pieces are
words the copy uses elsewhere while the two together are not, or a lower-case
letter meets a capital (`Smart` + `City`: the space of a typeset line end
is dropped by PDF extraction); otherwise a word broken across the line is
made whole again. Both guesses are reported.

Where the copy's lines were set to a measure in ems (a PDF's lines), the
line's own width is evidence too (`BreakAt`): a line that ends with a digit or
letter and still had room for the next line's first one was not cut inside a
run — its break was a space the extraction dropped (`0794-8821` + `6600`
with half an em left is `0794-8821 6600`); a full line may be either, and a
number rejoined there without a space is reported (`number-join`).
"""
from __future__ import annotations

import re
from collections import Counter
from enum import Enum

from layout.intake import patterns as P
from layout.intake.chars import is_cjk_text

_WORD = re.compile(r"[A-Za-z]+")
_LEFT_WORD = re.compile(r"[A-Za-z]+$")
_ADDRESS = re.compile(r"(?:://|www\.|@)[!-~]*$")
_ADDRESS_AHEAD = re.compile(r"[!-~]*?(?:://|@)")


class BreakAt(str, Enum):
    """What a line's width says about a break between two Latin letters or digits."""

    SPACE = "space"     # room was left for the next line's first character: a space broke it
    RUN = "run"         # the copy was cut at a count and keeps its spaces: a run was cut
    UNKNOWN = "unknown"  # a full line: cut inside a run, or at a space that fell at its end


def break_at(room: float, next_width: float) -> BreakAt:
    """The reading of a break in copy set to a measure, `room` ems left on the line and the
    next line's first character `next_width` ems wide: a greedy setter (or one that keeps
    runs whole) cuts inside a run only when the next character does not fit."""
    return BreakAt.SPACE if room >= next_width - 1e-6 else BreakAt.UNKNOWN


def vocabulary(texts) -> Counter:
    """Latin words that appear whole inside a line (not touching either end), by count."""
    words: Counter = Counter()
    for text in texts:
        for match in _WORD.finditer(text):
            if match.start() and match.end() < len(text):
                words[match.group()] += 1
    return words


def separator(left: str, right: str, spaced: bool, words: Counter,
              at: BreakAt = BreakAt.RUN) -> tuple[str, str]:
    """What goes between the end of `left` and the start of `right` (`spaced`: whitespace
    touched the break in the raw copy; `at`: what the line's width says), and the kind of
    decision to report when that was a guess ('' when it was not)."""
    a, b = left[-1], right[0]
    if is_cjk_text(a) or is_cjk_text(b):
        return "", ""
    if spaced:
        return " ", ""
    if not (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()):
        return "", ""      # marks: one token broken across the line
    if _ADDRESS.search(left) or _ADDRESS_AHEAD.match(right):
        return "", ""      # inside a URL or e-mail address, which has no spaces
    if at is BreakAt.SPACE:
        return " ", ""     # the line had room for more: the break was a dropped space
    if not (a.isalpha() and b.isalpha()):
        # a number cut in two (`0794-88` + `216600`) — on a full line maybe at its space
        return "", ("number-join" if at is BreakAt.UNKNOWN else "")
    head = _LEFT_WORD.search(left).group()
    tail = _WORD.match(right).group()
    if words[head + tail]:
        return "", ""
    if (words[head] and words[tail]) or (a.islower() and b.isupper()):
        return " ", "latin-join"   # two words (`Smart` `City`), the space lost at the line end
    return "", "latin-join"


def dateline_separator(left: str, right: str) -> str:
    """Inside an 电头's brackets a staff title and a name are set apart by one space."""
    if P.STAFF_TITLE.search(left) or P.STAFF_TITLE_START.match(right):
        return " "
    return ""


def runs_on(left: str, right: str) -> bool:
    """A mark that may not start a line opens `right`, or one that may not end a line closes
    `left` (typography.md §1), ASCII punctuation of an address or word stands at the break
    (`service@` + `example.cn`, `Wi-` + `Fi`), or a number or Latin word is cut in two
    (digits or letters on both sides, or digits after a point or colon): the two are one
    piece of text."""
    a, b = left[-1], right[0]
    if b in P.NO_LINE_START or a in P.NO_LINE_END or b in P.ASCII_RUNS_ON \
            or a in P.ASCII_RUNS_ON or a == "-":
        return True
    if b in "-*" and right[1:2] not in ("", " ", "*"):
        return True   # `-Fi`, not a `- ` list item nor `**bold**`
    if b.isascii() and b.isalnum() and _ADDRESS.search(left[-80:]):
        return True   # `service@example.` + `cn`: an address goes on
    if a in ".:" and left[-2:-1].isdigit() and b.isdigit():
        return True   # a number cut after its point or colon: `31.` + `6%`, `17:` + `00`
    return a.isascii() and b.isascii() and ((a.isdigit() and b.isdigit())
                                            or (a.isalpha() and b.isalpha()))
