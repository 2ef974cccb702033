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
    """Characters on one baseline in one face and size, each at its own x."""

    x: float                 # of the line's origin; char i is at x + xs[i]
    y: float                 # baseline
    face: str                # face key of the FontSet
    size: float
    text: str
    xs: tuple[float, ...]    # offset of each character from x
    role: str = "body"       # body, title, caption, furniture … (colour, overprint)


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
