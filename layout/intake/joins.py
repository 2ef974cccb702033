"""Rejoining a line broken by extraction without changing a number, word, URL or address.

`31.` + `6%` is `31.6%`; `https://www.example.` + `cn/a` is one address;
ASCII punctuation at a line start stays with the text before it. Nothing
goes between Chinese text. Between two Latin pieces a space goes back only
where the raw copy had whitespace at the break, or where both pieces are
words the copy uses elsewhere while the two together are not, or a lower-case
letter meets a capital (`Smart` + `City`: the space of a typeset line end
is dropped by PDF extraction); otherwise a word broken across the line is
made whole again. Both guesses are reported.
"""
from __future__ import annotations

import re
from collections import Counter

from layout.intake import patterns as P
from layout.intake.chars import is_cjk_text

_WORD = re.compile(r"[A-Za-z]+")
_LEFT_WORD = re.compile(r"[A-Za-z]+$")
_ADDRESS = re.compile(r"(?:://|www\.|@)[!-~]*$")
_ADDRESS_AHEAD = re.compile(r"[!-~]*?(?:://|@)")


def vocabulary(texts) -> Counter:
    """Latin words that appear whole inside a line (not touching either end), by count."""
    words: Counter = Counter()
    for text in texts:
        for match in _WORD.finditer(text):
            if match.start() and match.end() < len(text):
                words[match.group()] += 1
    return words


def separator(left: str, right: str, spaced: bool, words: Counter) -> tuple[str, bool]:
    """What goes between the end of `left` and the start of `right` (`spaced`: whitespace
    touched the break in the raw copy), and whether that was a guess."""
    a, b = left[-1], right[0]
    if is_cjk_text(a) or is_cjk_text(b):
        return "", False
    if spaced:
        return " ", False
    if not (a.isascii() and a.isalpha() and b.isascii() and b.isalpha()):
        return "", False   # digits, marks: one token broken across the line
    if _ADDRESS.search(left) or _ADDRESS_AHEAD.match(right):
        return "", False   # inside a URL or e-mail address, which has no spaces
    head = _LEFT_WORD.search(left).group()
    tail = _WORD.match(right).group()
    if words[head + tail]:
        return "", False
    if (words[head] and words[tail]) or (a.islower() and b.isupper()):
        return " ", True   # two words (`Smart` `City`), the space lost at the line end
    return "", True


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
