"""Advertisements (kind: ad) and pinned blocks: their artwork, booked size and place.

An ad is an article file with `kind: ad`, `file:` (its artwork under ads/: a
JPEG, PNG, TIFF or WebP image, or a one-page PDF), `size:` (columns × rows,
`3x20`, or a width and height, `120mm x 80mm`, or one of each) and
optionally `epub: true` (it then appears in the EPUB; never in the DOCX);
its `title:` only names the advertiser (bookmarks, alt text). Where it goes
is the page's business: the manifest entry's `position:` (a corner, or top /
bottom / left / right; bottom-right by default) or `at:`.

`at: {column: 1, row: 40}` on any manifest entry pins the article's block
with its top-left corner at that column and row (both from 1; rows counted
from the top of the type area, masthead or page header included).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from layout.errors import InputError
from layout.i18n import _
from layout.manifest.files import inside_issue
from layout.manifest.photos import probe_photo
from layout.model import Raster, Reserve
from layout.style import HouseStyle
from layout.style.schema import Context, Invalid, shown
from layout.style.sizes import parse_length

_SIZE = re.compile(r"^\s*(\S+?)\s*[x×X*]\s*(\S+)\s*$")
AD_FOLDER = "ads"
ARTWORK_PPI = 300   # nominal pixels of a PDF's page, for its proportions


@dataclass(frozen=True, slots=True)
class AdSize:
    """`3x20` (columns × rows), `120mm x 80mm`, or one of each (`3 x 80mm`)."""

    def __call__(self, value: Any, ctx: Context) -> tuple[int, int, float, float] | None:
        if value is None:
            return None
        match = _SIZE.match(str(value)) if isinstance(value, str) else None
        if not match:
            raise Invalid(_("{value} is not a size: write columns × rows (3x20) or a width "
                            "and height (120mm x 80mm)").format(value=shown(value)))
        across, down = (_side(v, value) for v in match.groups())
        columns, width = across
        rows, height = down
        if (columns or width) <= 0 or (rows or height) <= 0:
            raise Invalid(_("{value}: a size is larger than nothing").format(value=shown(value)))
        return columns, rows, width, height


def _side(text: str, value: Any) -> tuple[int, float]:
    """(whole grid units, 0.0) or (0, a length in points)."""
    if text.isdigit():
        return int(text), 0.0
    try:
        return 0, parse_length(text)
    except ValueError:
        raise Invalid(_("{value} is not a size: write columns × rows (3x20) or a width and "
                        "height (120mm x 80mm)").format(value=shown(value))) from None


@dataclass(frozen=True, slots=True)
class At:
    """`{column: 1, row: 40}`: where a pinned block's top-left corner goes (from 1)."""

    def __call__(self, value: Any, ctx: Context) -> tuple[int, int] | None:
        if value is None:
            return None
        if not isinstance(value, dict) or set(value) != {"column", "row"}:
            raise Invalid(_("write at: {column: 1, row: 40} (both, counted from 1)"))
        column, row = value["column"], value["row"]
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in (column, row)):
            raise Invalid(_("column and row are whole numbers from 1"))
        if ctx.columns and column > ctx.columns:
            raise Invalid(_("column {column} is past the grid's {columns} columns").format(
                column=column, columns=ctx.columns))
        return column, row


def artwork_aspect(path: Path, style: HouseStyle, source: Path, line: int | None) -> float:
    """Height over width of an ad's artwork; a PDF must have exactly one page."""
    if path.suffix.lower() != ".pdf":
        width, height = probe_photo(path, style, source, line)
        return height / width
    return _pdf_aspect(path, source, line)


def artwork_raster(path: Path, style: HouseStyle, source: Path, line: int | None
                   ) -> Raster | None:
    """The raster image that limits how large an ad's artwork may print: the image file
    itself, or the coarsest image drawn in a PDF ad (None: vector only)."""
    if path.suffix.lower() != ".pdf":
        width, height = probe_photo(path, style, source, line)
        return Raster(path.name, width, height)
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            page = pdf.pages[0]
            return _coarsest(path.name, _page_size(page), list(_drawn_images(page)))
    except (pikepdf.PdfError, OSError, ValueError, IndexError, KeyError, TypeError,
            AttributeError) as exc:   # a broken file
        raise InputError(_("ad artwork '{name}' cannot be read as a PDF ({problem}); export "
                           "it again").format(name=path.name, problem=exc), source, line) from None


def _page_size(page) -> tuple[float, float]:
    """Width and height of a PDF page as shown (its CropBox, turned by /Rotate)."""
    x0, y0, x1, y1 = (float(v) for v in page.cropbox)
    size = (abs(x1 - x0), abs(y1 - y0))
    return size[::-1] if int(page.obj.get("/Rotate", 0)) % 180 else size


def _drawn_images(page) -> "Iterator[tuple[float, float, int, int]]":
    """Each raster image the page's content draws (inside forms too, and inline ones), as
    the width and height of its box on the page (points) and its pixels across and down.
    Read with pikepdf (the PDF/X finishing's library): pymupdf here would cost the build's
    process ~40 MiB, which every process forked from it would carry too."""
    rotated = int(page.obj.get("/Rotate", 0)) % 180 != 0
    for ctm, width, height in _images_in(page.obj, page.obj.get("/Resources"), (1, 0, 0, 1, 0, 0), 0):
        a, b, c, d, _e, _f = ctm
        w, h = abs(a) + abs(c), abs(b) + abs(d)   # the unit square's box, turned by the CTM
        yield (h, w, width, height) if rotated else (w, h, width, height)


def _images_in(stream, resources, ctm: tuple, depth: int):
    import pikepdf

    stack = []
    for instruction in pikepdf.parse_content_stream(stream, "q Q cm Do BI ID EI"):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            image = instruction.iimage
            yield ctm, int(image.width), int(image.height)
            continue
        op, operands = str(instruction.operator), instruction.operands
        if op == "q":
            stack.append(ctm)
        elif op == "Q" and stack:
            ctm = stack.pop()
        elif op == "cm":
            ctm = _multiply(tuple(float(v) for v in operands), ctm)
        elif op == "Do" and resources is not None and "/XObject" in resources:
            xobject = resources.XObject.get(operands[0])
            if xobject is None:
                continue
            if xobject.get("/Subtype") == "/Image":
                yield ctm, int(xobject.Width), int(xobject.Height)
            elif xobject.get("/Subtype") == "/Form" and depth < 8:
                matrix = tuple(float(v) for v in xobject.get("/Matrix", (1, 0, 0, 1, 0, 0)))
                yield from _images_in(xobject, xobject.get("/Resources", resources),
                                      _multiply(matrix, ctm), depth + 1)


def _multiply(m: tuple, n: tuple) -> tuple:
    """m × n (m applied first), as PDF concatenates matrices."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def _coarsest(name: str, page: tuple[float, float],
              images: list[tuple[float, float, int, int]]) -> Raster | None:
    """Of the images drawn on a PDF's page (`_drawn_images`), the one of least resolution."""
    coarsest, least = None, float("inf")
    page_w, page_h = page
    for box_w, box_h, width, height in images:
        share_w, share_h = box_w / page_w, box_h / page_h
        if share_w <= 0.001 or share_h <= 0.001 or not (width and height):
            continue
        raster = Raster(_("an image of {w} × {h} px inside {name}").format(
            w=width, h=height, name=name), width, height, share_w, share_h)
        ppi = raster.ppi_at(page_w, page_h)
        if ppi < least:
            coarsest, least = raster, ppi
    return coarsest


def _pdf_aspect(path: Path, source: Path, line: int | None) -> float:
    """Height over width of a PDF ad's one page (its trim box)."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
            box = pdf.pages[0].trimbox if pages else None
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        raise InputError(_("ad artwork '{name}' cannot be read as a PDF ({problem}); export "
                           "it again").format(name=path.name, problem=exc), source, line) from None
    if pages != 1:
        raise InputError(_("ad artwork '{name}' has {pages} pages; give a one-page PDF").format(
            name=path.name, pages=pages), source, line)
    try:
        x0, y0, x1, y1 = (float(v) for v in box)
    except (TypeError, ValueError):
        x0 = y0 = x1 = y1 = 0.0
    width, height = abs(x1 - x0), abs(y1 - y0)
    if not (width >= 1 and height >= 1 and max(width, height) <= 50 * min(width, height)
            and max(width, height) <= 200 * 72):  # a degenerate box, or a sign as long as a wall
        raise InputError(_("ad artwork '{name}' has a page of {width:.0f} × {height:.0f} pt; "
                           "export it at the ad's size").format(
                               name=path.name, width=width, height=height), source, line)
    return height / width


def load_reserve(v: dict, meta, root: Path, path: Path, style: HouseStyle) -> Reserve:
    """The artwork and size of an ad from its checked front matter `v`."""
    for key in ("file", "size"):
        if not v.get(key):
            raise InputError(_("an ad (kind: ad) needs '{key}': its artwork under ads/ and "
                               "its size (3x20, or 120mm x 80mm)").format(key=key), path,
                             meta.line_of("kind", 2))
    line = meta.line_of("file", 2)
    file = inside_issue(root, AD_FOLDER, v["file"], path, line, _("ad artwork"))
    columns, rows, width, height = v["size"]
    return Reserve(file, artwork_aspect(file, style, path, line), columns, rows, width, height,
                   bool(v.get("epub")), v.get("title") or "",
                   artwork_raster(file, style, path, line))
