"""The PDF exporter: draws placed pages into a print-ready PDF/X (or a screen proof).

`write_pdf(job, target)` reads only `job.placed` (a `PlacedIssue`), the
house style's photo and PDF settings, and the issue's metadata. reportlab
draws every page (fonts embedded and subset, per-character positions, 100 %
K overprinting text, CMYK photos); pikepdf then adds the page boxes and the
PDF/X identification (see `pdfx.py`).
"""
from __future__ import annotations

import io
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from layout.errors import BuildError
from layout.export.pdf.draw import PageDrawer, PageFrame, draw_proof_marker
from layout.export.pdf.fonts import register_faces
from layout.export.pdf.images import PreparedPhoto, prepare_photo
from layout.export.pdf.marks import draw_marks
from layout.export.pdf.metadata import describe
from layout.export.pdf.pdfx import Geometry, finish
from layout.export.pdf.settings import PdfSettings, settings_for
from layout.model.placed import PlacedImage, PlacedIssue, PlacedPage

__all__ = ["write_pdf"]


class _PhotoCache:
    """Each photo prepared once per build, whatever number of pages shows it."""

    def __init__(self, settings: PdfSettings, diag, mono: bool = False):
        self.settings, self.diag, self.mono = settings, diag, mono
        self.done: dict[tuple, PreparedPhoto] = {}

    def __call__(self, item: PlacedImage) -> PreparedPhoto:
        key = (str(item.path), item.crop, round(item.w, 2), round(item.h, 2), self.mono)
        if key not in self.done:
            self.done[key] = prepare_photo(item, self.settings, self.diag, self.mono)
        return self.done[key]


def _geometry(placed: PlacedIssue, settings: PdfSettings) -> Geometry:
    sizes = {(round(p.width, 2), round(p.height, 2)) for p in placed.pages}
    if len(sizes) != 1:
        raise BuildError("all pages of an edition must have the same trim size")
    return Geometry(sizes.pop(), placed.bleed, settings.mark_space())


def _draw(placed: PlacedIssue, settings: PdfSettings, geometry: Geometry, diag) -> tuple[bytes, dict]:
    saved, rl_config.useA85 = rl_config.useA85, 0   # pure-Python ASCII85 costs 0.1 s a photo
    try:
        return _draw_pages(placed, settings, geometry, diag)
    finally:
        rl_config.useA85 = saved


def _draw_pages(placed: PlacedIssue, settings: PdfSettings, geometry: Geometry,
                diag) -> tuple[bytes, dict]:
    fonts = register_faces(placed)
    boxes = geometry.boxes()["/MediaBox"]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(boxes[2], boxes[3]), invariant=1, pageCompression=1,
                    initialFontName=next(iter(fonts.values())), initialFontSize=9,
                    lang="zh-CN", enforceColorSpace=None if settings.proof else "sep_cmyk")
    frame = PageFrame(geometry.bleed + geometry.marks, geometry.trim[1])
    colour_photos = _PhotoCache(settings, diag)
    grey_photos = _PhotoCache(settings, diag, mono=True)
    for page in placed.pages:
        photos = colour_photos if getattr(page, "colour", True) else grey_photos
        PageDrawer(canvas, frame, fonts, settings.proof, photos).draw(page)
        if settings.proof:
            draw_proof_marker(canvas, frame, geometry.trim[0], _marker_font(fonts))
        elif settings.marks:
            draw_marks(canvas, frame, geometry.trim[0], geometry.bleed, geometry.marks)
        _bookmarks(canvas, frame, page)
        canvas.showPage()
    canvas.showOutline()
    canvas.save()
    stats = {"photos": {**colour_photos.done, **grey_photos.done}, "fonts": len(fonts)}
    return out.getvalue(), stats


def _marker_font(fonts: dict[str, str]) -> str:
    return fonts.get("sans_bold") or fonts.get("serif_bold") or next(iter(fonts.values()))


def _bookmarks(canvas: Canvas, frame: PageFrame, page: PlacedPage) -> None:
    """Outline: the page (版次 and 版名), then its articles at their headlines."""
    key = f"p{page.number}"
    canvas.bookmarkPage(key, fit="XYZ", top=frame.y(0), left=0)
    canvas.addOutlineEntry(f"第{page.number}版 {page.name}".strip(), key, level=0, closed=False)
    for i, mark in enumerate(page.bookmarks):
        sub = f"{key}a{i}"
        canvas.bookmarkPage(sub, fit="XYZ", top=frame.y(max(mark.y - 24, 0)), left=0)
        canvas.addOutlineEntry(mark.title, sub, level=1 if mark.level else 0)


def write_pdf(job, target: Path) -> str:
    """Draw `job.placed` into the PDF at `target`; return a one-line summary."""
    placed: PlacedIssue | None = job.placed
    if placed is None or not placed.pages:
        raise BuildError("the PDF needs placed pages; none were given")
    settings = settings_for(job)
    geometry = _geometry(placed, settings)
    raw, stats = _draw(placed, settings, geometry, job.diagnostics)
    about = describe(job.issue, placed)
    finish(raw, Path(target), geometry, about, settings)
    kind = "proof (RGB, screen)" if settings.proof else f"PDF/{settings.pdfx}, CMYK"
    photos = stats["photos"].values()
    low = min((p.source_ppi for p in photos), default=None)
    ppi = f", photos ≥ {min(low, settings.target_ppi):.0f} ppi" if low is not None else ""
    marks = ", crop marks" if settings.marks else ""
    return (f"{len(placed.pages)} page(s), {kind}{marks}, {stats['fonts']} font(s) embedded"
            f"{ppi}, bleed {placed.bleed / 72 * 25.4:.0f} mm")
