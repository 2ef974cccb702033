"""A screen copy of each placed page: the print PDF's drawing, in RGB, for page images.

The web edition shows each 版 as it is printed, so its page images come from
the same placed pages and the same drawing code as the print PDF (never a
second layout): each page is drawn by `PageDrawer` with the inks of a proof
(RGB, nothing overprinted) on a page of the trim size — no bleed, marks or
校样 stamp — its photos resampled to the screen resolution asked for, and the
web exporter rasterises it (pymupdf). Each page is a document of its own, so
its bytes name its content: the web exporter keeps its images by them, and a
page that did not change costs nothing to publish again.
"""
from __future__ import annotations

import io

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from layout.errors import Diagnostics
from layout.export.pdf import _PhotoCache
from layout.export.pdf.draw import PageDrawer, PageFrame
from layout.export.pdf.fonts import register_faces
from layout.export.pdf.settings import DEFAULT_CONDITION, DEFAULT_PROFILE, PdfSettings
from layout.model.placed import PlacedIssue

SCREEN_JPEG_QUALITY = 88     # photos inside the screen copy; the page image is encoded again


def screen_settings(ppi: float) -> PdfSettings:
    """A proof's inks, photos at `ppi` at their placed size."""
    return PdfSettings(proof=True, marks=False, pdfx="X-4", profile=DEFAULT_PROFILE,
                       condition=DEFAULT_CONDITION, target_ppi=ppi, min_ppi=0.0,
                       jpeg_quality=SCREEN_JPEG_QUALITY)


def screen_pages(placed: PlacedIssue, ppi: float, diag: Diagnostics) -> list[bytes]:
    """Each placed page as a one-page RGB PDF of its trim size."""
    saved, rl_config.useA85 = rl_config.useA85, 0   # pure-Python ASCII85 costs 0.1 s a photo
    try:
        photos = _PhotoCache(screen_settings(ppi), diag)
        fonts = register_faces(placed)
        out = []
        for page in placed.pages:
            buffer = io.BytesIO()
            canvas = Canvas(buffer, pagesize=(page.width, page.height), invariant=1,
                            pageCompression=1, initialFontName=next(iter(fonts.values())),
                            initialFontSize=9, lang="zh-CN")
            mono = not page.colour
            PageDrawer(canvas, PageFrame(0.0, page.height), fonts, True,
                       lambda item, mono=mono: photos.get(item, mono)).draw(page)
            canvas.showPage()
            canvas.save()
            out.append(buffer.getvalue())
        return out
    finally:
        rl_config.useA85 = saved
