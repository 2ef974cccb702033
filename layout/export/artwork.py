"""Artwork an exporter draws as an image: a photo file, or a one-page PDF (an advertisement).

A PDF is rendered with pymupdf at `ARTWORK_PPI` for its own page size, in
CMYK (its process colours kept as they are) for print, in RGB for screens;
the exporters then resample it like any photo.
"""
from __future__ import annotations

from pathlib import Path

ARTWORK_PPI = 400   # renders a PDF ad sharply at any size it is booked at


def is_pdf(path: Path) -> bool:
    return Path(path).suffix.lower() == ".pdf"


def render_pdf(path: Path, cmyk: bool):
    """The first page of the PDF at `path` as a Pillow image (CMYK or RGB)."""
    import pymupdf
    from PIL import Image

    with pymupdf.open(path) as doc:
        space = pymupdf.csCMYK if cmyk else pymupdf.csRGB
        pix = doc[0].get_pixmap(dpi=ARTWORK_PPI, colorspace=space, alpha=False)
        return Image.frombytes("CMYK" if cmyk else "RGB", (pix.width, pix.height), pix.samples)
