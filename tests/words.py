"""Word boundaries by the segmenter (rjieba), for tests that check where a headline breaks."""
from __future__ import annotations

import rjieba


def word_ends(text: str) -> set[int]:
    """The offsets in `text` at which a word ends."""
    ends, pos = set(), 0
    for word in rjieba.cut(text, hmm=False):
        pos += len(word)
        ends.add(pos)
    return ends
