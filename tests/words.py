"""Word boundaries by the segmenter (rjieba), for tests that check where a headline breaks."""
from __future__ import annotations

import rjieba


def word_ends(text: str) -> set[int]:
    """The offsets in `text` at which a word ends; a lone 不 ends no word before a short
    word (不|透明 is read 不透明: a line ending on 不 splits what it negates)."""
    words = rjieba.cut(text, hmm=False)
    ends, pos = set(), 0
    for word, nxt in zip(words, words[1:] + [""]):
        pos += len(word)
        if not (word == "不" and 0 < len(nxt) <= 3):
            ends.add(pos)
    return ends
