"""A page short of copy has room for deeper legs.

A page whose empty space is more than `ROOMY_SHARE` of its grid and that
stands any block in shallow legs — the longest under `makeup.short_leg_lines`
lines, or the last of its balanced legs two under (a story of 160 characters
three columns of five lines across the top of an empty page, where a page
editor sets it two columns of eight) — is placed again with every leg holding
that many lines (`roomy_style`: the house style with `makeup.min_leg_lines`
raised to them). The deeper layout is kept when all its copy still fits and it
opens no more than `MORE_WHITE_ROWS` rows of white among the blocks: the page's
honest space stays in one band at its foot, not in holes between modules.

A 副刊 (an essay page, essays.py) keeps its own rules: its essays already
stand in legs of twice `makeup.min_leg_lines`, and raising that would set
them one column wide.
"""
from __future__ import annotations

from dataclasses import replace

from layout.model.placed import PlacedText
from layout.style import HouseStyle

ROOMY_SHARE = 0.25    # of the page's grid left empty: room for deeper legs
# rows of white among the blocks (across the page) that deeper legs may add: more would
# trade a strip for holes in the middle of the page
MORE_WHITE_ROWS = 1


def roomy_style(style: HouseStyle) -> HouseStyle:
    """The house style with legs of at least `makeup.short_leg_lines` lines."""
    makeup = style.makeup
    return replace(style, makeup=replace(makeup, min_leg_lines=makeup.short_leg_lines))


def leg_lines(items) -> dict[str, list[int]]:
    """Lines of each leg of each article's body, as drawn: its body lines by their x (one
    leg per x), in reading order."""
    found: dict[str, dict[int, set]] = {}
    for item in items:
        if isinstance(item, PlacedText) and item.role == "body" and item.article and not item.free:
            found.setdefault(item.article, {}).setdefault(round(item.x), set()).add(round(item.y, 1))
    return {a: [len(ys) for _, ys in sorted(xs.items())] for a, xs in found.items()}


def shallow(items, style: HouseStyle) -> bool:
    """Whether a block stands in legs shallower than `makeup.short_leg_lines`."""
    least = style.makeup.short_leg_lines
    return any(len(lines) > 1 and (max(lines) < least or min(lines) < least - 1)
               for lines in leg_lines(items).values())


def has_room(style: HouseStyle, empty_share: float, items, essays: bool) -> bool:
    """A page to place again with deeper legs (module doc)."""
    makeup = style.makeup
    return (not essays and empty_share > ROOMY_SHARE
            and makeup.short_leg_lines > makeup.min_leg_lines and shallow(items, style))


def keep_deeper(first_fits, deeper_fits, first_sent, deeper_sent, first_white: int,
                deeper_white: int, columns: int) -> bool:
    """Whether the deeper layout replaces the first: all its copy set, the same jumps, and
    at most MORE_WHITE_ROWS more rows of white among the blocks."""
    return (not any(f.over for f in deeper_fits) and len(deeper_sent) == len(first_sent)
            and deeper_white <= first_white + MORE_WHITE_ROWS * columns)
