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
    points)` asks for (an ad printed larger than its PDF's page stays sharp)."""
    import pymupdf
    from PIL import Image

    with pymupdf.open(path) as doc:
        page = doc[0]
        dpi = ARTWORK_PPI if need is None else max(
            72.0, 72 * max(n / s for n, s in zip(need((page.rect.width, page.rect.height)),
                                                  (page.rect.width, page.rect.height))))
        space = pymupdf.csCMYK if cmyk else pymupdf.csRGB
        pix = page.get_pixmap(dpi=round(dpi), colorspace=space, alpha=False)
        image = Image.frombytes("CMYK" if cmyk else "RGB", (pix.width, pix.height), pix.samples)
    del pix
    pymupdf.TOOLS.store_shrink(100)   # MuPDF keeps the ad's fonts and images it will not need again
    return image
