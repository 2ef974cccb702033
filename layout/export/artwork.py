"""Artwork an exporter draws as an image: a photo file, or a one-page PDF (an advertisement).

A PDF is rendered with pymupdf in CMYK (its process colours kept as they are)
for print, at the pixels its placed size takes at the print resolution (vector
type stays sharp however large the ad is booked), in RGB at `ARTWORK_PPI` for
its own page size for screens; the exporters then resample it like any photo.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

ARTWORK_PPI = 400   # renders a PDF ad sharply at any size it is booked at


def is_pdf(path: Path) -> bool:
    return Path(path).suffix.lower() == ".pdf"


def render_pdf(path: Path, cmyk: bool, need: Callable[[tuple[float, float]], tuple[int, int]]
               | None = None):
    """The first page of the PDF at `path` as a Pillow image (CMYK or RGB): at
    `ARTWORK_PPI` for its own size, or with at least the pixels `need(page size in
    points)` asks for (an ad printed larger than its PDF's page stays sharp).

    Rendered by the helper process of `export/helper.py` where it can (MuPDF is ~40 MiB
    of a process's memory, and the build's process holds the most), here otherwise."""
    from PIL import Image

    from layout.export.helper import render_artwork

    dpi = ARTWORK_PPI if need is None else None
    if dpi is None:
        size = _page_size(path)
        if size is not None:
            dpi = _dpi(size, need)
    made = render_artwork(str(path), cmyk, dpi) if dpi is not None else None
    if made is not None:
        mode, size, raw = made
        return Image.frombytes(mode, size, raw)
    return render_here(str(path), cmyk, dpi, need)


def _dpi(size: tuple[float, float], need) -> int:
    return round(max(72.0, 72 * max(n / s for n, s in zip(need(size), size))))


def _page_size(path: Path) -> tuple[float, float] | None:
    """Width and height of the PDF's first page as MuPDF renders it (its CropBox, turned
    by /Rotate), read with pikepdf; None when pikepdf cannot read it."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            page = pdf.pages[0]
            x0, y0, x1, y1 = (float(v) for v in page.cropbox)
            turned = int(page.obj.get("/Rotate", 0)) % 180 != 0
    except (pikepdf.PdfError, OSError, ValueError, IndexError, TypeError):
        return None
    size = (abs(x1 - x0), abs(y1 - y0))
    return size[::-1] if turned else size


def render_here(path: str, cmyk: bool, dpi: int | None, need=None):
    """The page rendered by MuPDF in this process, at `dpi` (or as `need` asks)."""
    import pymupdf
    from PIL import Image

    with pymupdf.open(path) as doc:
        page = doc[0]
        if dpi is None:
            dpi = ARTWORK_PPI if need is None else _dpi((page.rect.width, page.rect.height), need)
        space = pymupdf.csCMYK if cmyk else pymupdf.csRGB
        pix = page.get_pixmap(dpi=round(dpi), colorspace=space, alpha=False)
        image = Image.frombytes("CMYK" if cmyk else "RGB", (pix.width, pix.height), pix.samples)
    del pix
    pymupdf.TOOLS.store_shrink(100)   # MuPDF keeps the ad's fonts and images it will not need again
    return image
