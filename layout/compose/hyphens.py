"""Hyphenation of long Latin words in Chinese text, at the points of the word's own
dictionary (pyphen's English patterns, two letters kept before a break, three after).

A 13-character column holds some 26 Latin letters: a name or an institution
(International Energy Agency, Development Programme) left whole either spreads the
lines around it (a line 0.4 em loose before 'International') or is broken at its word
space, which a reader takes for one word cut in two. A word of `MIN_LETTERS` letters
or more may break at a hyphenation point instead, at `PENALTY` (about the price of a
line 0.12 em loose): the line ends with a hyphen, drawn as U+00AD (the soft hyphen
every face of the house style maps to its hyphen glyph), so the text read back from
the PDF is the source with soft hyphens in it. Words of a URL or an e-mail address
(a . / @ : _ beside them) are never hyphenated: a hyphen there would read as part of
the address. A line's `text` leaves its soft hyphen out (`compose.types.Line`): the
lines of a paragraph still join to its text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from layout.compose.types import SOFT_HYPHEN

MIN_LETTERS = 5         # Energy, Nations, Taylor: en-ergy, na-tions, tay-lor
PENALTY = 100
ADDRESS = set("./@:_\\=&?%#~")
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"   # ASCII and accented Latin letters
_TOKEN = re.compile(rf"[!-~{_LETTER[6:]}]+")   # a run of printable Latin: a word, a name, an address
_COMPOUND = re.compile(rf"(?<=[{_LETTER}0-9]{{2}})-(?=[{_LETTER}]{{3}})")
_WORD = re.compile(rf"[{_LETTER}][{_LETTER}']*[{_LETTER}]")


@lru_cache(maxsize=1)
def _dictionary():
    import pyphen

    return pyphen.Pyphen(lang="en_US", left=2, right=3)


@lru_cache(maxsize=4096)
def points(word: str) -> tuple[int, ...]:
    """Offsets inside `word` where it may break with a hyphen."""
    return tuple(_dictionary().positions(word))


def compound_breaks(text: str):
    """Offsets after the hyphen of a compound where a line may end: two letters or digits
    before it, three letters after (Hans-|Christian, 5G-|Advanced; not COVID-|19, USB-|C,
    Wi-|Fi), outside addresses (a token holding any of `ADDRESS`)."""
    for token in _TOKEN.finditer(text):
        if ADDRESS.intersection(token.group()):
            continue
        for part in _COMPOUND.finditer(token.group()):
            yield token.start() + part.end()


def words(text: str):
    """(start, end) of each run of ASCII letters long enough to hyphenate, outside
    addresses (a token of Latin characters holding any of `ADDRESS`)."""
    for token in _TOKEN.finditer(text):
        if ADDRESS.intersection(token.group()):
            continue
        for word in _WORD.finditer(token.group()):
            if word.end() - word.start() >= MIN_LETTERS:
                yield token.start() + word.start(), token.start() + word.end()
