"""Positioned output of the pages stage: what the PDF exporter draws, nothing more.

Coordinates are points from the top-left corner of the trimmed page, y down;
a text line's y is its baseline. The PDF exporter flips them. Kept apart
from the pages stage so exporters never touch layout internals.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Union


@dataclass(frozen=True, slots=True)
class PlacedText:
    """Characters in one face and size, each at its own x (and y, in a vertical column).

    A horizontal line has one baseline. In a vertical column (竖排) the pages
    stage gives each upright character its own baseline (`ys`), turns a Latin
    run 90° clockwise about its origin (`turn`: its xs then run down the page)
    and squeezes a 纵中横 pair into one em (`scale`); vertical forms of
    punctuation come from the face itself (a `…@vert` face), so the exporter
    only draws what it is given.
    """

    x: float                 # of the line's origin; char i is at x + xs[i]
    y: float                 # baseline
    face: str                # face key of the FontSet
    size: float
    text: str
    xs: tuple[float, ...]    # offset of each character from x (along the run when turned)
    role: str = "body"       # body, title, caption, furniture, overset … (colour, overprint)
    ys: tuple[float, ...] = ()   # offset of each character's baseline from y (empty: all on y)
    turn: int = 0            # quarter turns clockwise about (x, y): 1 = a rotated run
    scale: float = 1.0       # horizontal scale of the glyphs (纵中横)
    article: str = ""        # id of the article the characters belong to ("" for furniture)

    @property
    def free(self) -> bool:
        """Drawn glyph by glyph (a vertical column), not as a line."""
        return bool(self.ys) or self.turn != 0 or self.scale != 1.0


@dataclass(frozen=True, slots=True)
class PlacedRule:
    """A straight rule from (x0, y0) to (x1, y1)."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5
    dotted: bool = False     # a row of round dots (a dotted 花边), not a solid line


@dataclass(frozen=True, slots=True)
class PlacedImage:
    """A photo placed in the box (x, y, w, h), cropped to `crop` (fractions of the source)."""

    x: float
    y: float
    w: float
    h: float
    path: Path
    crop: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)  # left, top, right, bottom
    alt: str = ""


@dataclass(frozen=True, slots=True)
class PlacedBox:
    """A filled rectangle (a tint behind the masthead, a photo frame)."""

    x: float
    y: float
    w: float
    h: float
    tint: float = 0.1   # share of black, 0..1
    stroke: bool = False
    cmyk: tuple[float, float, float, float] | None = None   # a colour tint instead (0..1 each)


PlacedItem = Union[PlacedText, PlacedRule, PlacedImage, PlacedBox]


@dataclass(frozen=True, slots=True)
class ArticleRegion:
    """The box of an article's block: the build reads the article's text back from it."""

    article: str
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Bookmark:
    title: str
    y: float
    level: Literal[0, 1] = 1


@dataclass(frozen=True, slots=True)
class PlacedPage:
    number: int            # 版次
    name: str              # 版名
    width: float           # trim size, points
    height: float
    items: tuple[PlacedItem, ...]
    bookmarks: tuple[Bookmark, ...] = ()
    colour: bool = True    # False: a black-and-white page (photos printed in grey)
    regions: tuple[ArticleRegion, ...] = ()


@dataclass(frozen=True, slots=True)
class PlacedIssue:
    """Every page of an edition, ready to draw, and what the PDF needs to describe it."""

    paper: str
    date: dt.date
    pages: tuple[PlacedPage, ...]
    fonts: dict[str, Path]   # face key → TrueType file
    bleed: float
    publisher: str = ""
