"""Paragraph ends that fall at a full line's end, chosen by the paragraphs' lengths.

In copy cut at a count of characters (a PDF's text pasted with hard breaks every
~17 characters, a fixed-width e-mail) with no indent, a sentence ending a full
line may end its paragraph or go on: nothing in the line tells. Paragraphs of
one copy are much of a length (a story's paragraphs spread about ±40 % around
their median in news copy), so between two certain paragraph ends the cuts are
chosen that give paragraphs most like the copy's others: two paragraphs run
together make one about twice the usual length, and a sentence cut off from its
paragraph makes one much shorter. Each place stays a decision for the editor.

The cost of a paragraph of `n` characters is its squared log distance from the
typical length (in units of the usual spread) plus a constant for every
paragraph, so a cut is made only where it brings two pieces both close to the
usual length out of one well beyond it.
"""
from __future__ import annotations

import math
from statistics import median

SPREAD = 0.4          # the spread of ln(paragraph length) in news copy (±40 %)
PER_PARAGRAPH = 0.5   # the cost of one paragraph more, in the same units
DEFAULT_LENGTH = 90   # characters, when the copy has too few certain paragraphs to tell
_MIN_SAMPLE = 5
_MAX_CANDIDATES = 40  # more in one run is no paragraph: no cut is made


def typical_length(lengths: list[int]) -> float:
    """The usual paragraph length of the copy, from paragraphs whose ends are certain."""
    return float(median(lengths)) if len(lengths) >= _MIN_SAMPLE else float(DEFAULT_LENGTH)


def _cost(n: int, typical: float) -> float:
    return (math.log(max(n, 1) / typical) / SPREAD) ** 2 / 2 + PER_PARAGRAPH


def cuts(size: int, offsets: list[int], typical: float) -> list[int]:
    """Of the possible paragraph ends at `offsets` inside a run of `size` characters, those to
    cut at: the cheapest division of the run into paragraphs (dynamic programming)."""
    points = [0] + sorted(o for o in offsets if 0 < o < size) + [size]
    if len(points) - 2 > _MAX_CANDIDATES:
        return []
    best = [0.0] + [math.inf] * (len(points) - 1)
    back = [0] * len(points)
    for j in range(1, len(points)):
        for i in range(j):
            c = best[i] + _cost(points[j] - points[i], typical)
            if c < best[j]:
                best[j], back[j] = c, i
    out, j = [], len(points) - 1
    while j:
        j = back[j]
        if j:
            out.append(points[j])
    return sorted(out)
