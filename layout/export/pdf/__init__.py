"""The PDF exporter: draws placed pages into a print-ready PDF/X (or a screen proof).

`write_pdf(job, target)` reads only `job.placed` (a `PlacedIssue`), the
house style's photo and PDF settings, and the issue's metadata. reportlab
draws every page (fonts embedded and subset, per-character positions, 100 %
K overprinting text, CMYK photos); pikepdf then adds the page boxes and the
PDF/X identification (see `pdfx.py`).
"""
from __future__ import annotations

import io
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path

from layout.export.pdf.unshaped import import_reportlab

import_reportlab()   # before any other reportlab import here: see unshaped.py

from reportlab import rl_config  # noqa: E402
from reportlab.pdfgen.canvas import Canvas

from layout.errors import BuildError, Diagnostics
from layout.export.pdf.draw import PageDrawer, PageFrame, draw_proof_marker
from layout.export.pdf.fonts import half_mark_face, register_faces
from layout.export.pdf.images import PreparedPhoto, prepare_photo
from layout.export.pdf.marks import draw_marks
from layout.export.pdf.metadata import describe
from layout.export.pdf.pdfx import Geometry, finish
from layout.export.pdf.settings import PdfSettings, settings_for
from layout.i18n import _
from layout.model.placed import PlacedImage, PlacedIssue, PlacedPage

__all__ = ["write_pdf"]

PHOTO_THREADS = 2
PREPARED_FORM = 3   # of a cached prepared photo: 2, a PDF ad rendered for its placed size; 3, ink pulled back below the limit


class _PhotoCache:
    """Each photo prepared once per build, whatever number of pages shows it.

    `start` prepares every photo of the edition on worker threads (Pillow
    releases the GIL while decoding, resampling, converting and encoding)
    while the main thread parses the fonts; warnings keep the page order.
    """

    def __init__(self, settings: PdfSettings, diag):
        self.settings, self.diag = settings, diag
        self.done: dict[tuple, PreparedPhoto] = {}
        self.pending: dict[tuple, Future] = {}

    @staticmethod
    def key(item: PlacedImage, mono: bool) -> tuple:
        return (str(item.path), item.crop, round(item.w, 2), round(item.h, 2), mono)

    def _prepare(self, item: PlacedImage, mono: bool) -> tuple[PreparedPhoto, Diagnostics]:
        """The prepared photo and its warnings, from the disk cache when the inputs match."""
        import marshal

        from layout.cache import cached

        st = self.settings
        inputs = (PREPARED_FORM, Path(item.path), item.crop, round(item.w, 2), round(item.h, 2),
                  mono, st.proof, st.profile, st.target_ppi, st.min_ppi, st.jpeg_quality)

        def make() -> bytes:
            local = Diagnostics()
            photo = prepare_photo(item, st, local, mono)
            return marshal.dumps((photo.jpeg, photo.mode, photo.pixels, photo.source_ppi,
                                  photo.max_ink, [(w.message, w.path, w.line) for w in local.warnings]))

        def load(raw: bytes) -> tuple:
            jpeg, mode, pixels, ppi, ink, warnings = marshal.loads(raw)
            return bytes(jpeg), str(mode), tuple(pixels), ppi, ink, list(warnings)

        jpeg, mode, pixels, ppi, ink, warnings = cached("pdf-photo", inputs, make, load)
        local = Diagnostics()
        for message, path, line in warnings:
            local.warn(message, path, line)
        return PreparedPhoto(jpeg, mode, tuple(pixels), ppi, ink), local

    def start(self, pool: ThreadPoolExecutor, pages) -> None:
        for page in pages:
            mono = not page.colour
            for item in page.items:
                key = self.key(item, mono) if isinstance(item, PlacedImage) else None
                if key is not None and key not in self.pending:
                    self.pending[key] = pool.submit(self._prepare, item, mono)

    def get(self, item: PlacedImage, mono: bool) -> PreparedPhoto:
        key = self.key(item, mono)
        if key not in self.done:
            future = self.pending.pop(key, None)
            photo, local = future.result() if future else self._prepare(item, mono)
            self.diag.warnings.extend(local.warnings)
            self.done[key] = photo
        return self.done[key]


def _geometry(placed: PlacedIssue, settings: PdfSettings) -> Geometry:
    sizes = {(round(p.width, 2), round(p.height, 2)) for p in placed.pages}
    if len(sizes) != 1:
        raise BuildError(_("all pages of an edition must have the same trim size"))
    return Geometry(sizes.pop(), placed.bleed, settings.mark_space())


def _draw(placed: PlacedIssue, settings: PdfSettings, geometry: Geometry, diag) -> tuple[bytes, dict]:
    saved, rl_config.useA85 = rl_config.useA85, 0   # pure-Python ASCII85 costs 0.1 s a photo
    try:
        return _draw_pages(placed, settings, geometry, diag)
    finally:
        rl_config.useA85 = saved


def _draw_pages(placed: PlacedIssue, settings: PdfSettings, geometry: Geometry,
                diag) -> tuple[bytes, dict]:
    photos = _PhotoCache(settings, diag)
    with ThreadPoolExecutor(max_workers=PHOTO_THREADS) as pool:
        photos.start(pool, placed.pages)
        fonts = register_faces(placed)
        canvas = _canvas(out := io.BytesIO(), geometry, fonts, settings)
        frame = PageFrame(geometry.bleed + geometry.marks, geometry.trim[1])
        half = cache(lambda key: half_mark_face(placed.fonts[key]))   # a face's file hashed once
        for page in placed.pages:
            mono = not page.colour
            PageDrawer(canvas, frame, fonts, settings.proof,
                       lambda item, mono=mono: photos.get(item, mono), half).draw(page)
            if settings.proof:
                draw_proof_marker(canvas, frame, geometry.trim[0], _marker_font(fonts))
            elif settings.marks:
                draw_marks(canvas, frame, geometry.trim[0], geometry.bleed, geometry.marks)
            _bookmarks(canvas, frame, page)
            canvas.showPage()
    canvas.showOutline()
    canvas.save()
    stats = {"photos": photos.done, "fonts": len(fonts)}
    return out.getvalue(), stats


def _canvas(out: io.BytesIO, geometry: Geometry, fonts: dict[str, str],
            settings: PdfSettings) -> Canvas:
    media = geometry.boxes()["/MediaBox"]
    return Canvas(out, pagesize=(media[2], media[3]), invariant=1, pageCompression=1,
                  initialFontName=next(iter(fonts.values())), initialFontSize=9,
                  lang="zh-CN", enforceColorSpace=None if settings.proof else "sep_cmyk")


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
        raise BuildError(_("the PDF needs placed pages; none were given"))
    settings = settings_for(job)
    geometry = _geometry(placed, settings)
    raw, stats = _draw(placed, settings, geometry, job.diagnostics)
    about = describe(job.issue, placed)
    finish(raw, Path(target), geometry, about, settings)
    kind = _("proof (RGB, screen)") if settings.proof else f"PDF/{settings.pdfx}, CMYK"
    photos = stats["photos"].values()
    low = min((p.source_ppi for p in photos), default=None)
    ppi = _(", photos ≥ {ppi:.0f} ppi").format(ppi=min(low, settings.target_ppi)) \
        if low is not None else ""
    marks = _(", crop marks") if settings.marks else ""
    return _("{pages} page(s), {kind}{marks}, {fonts} font(s) embedded{ppi}, bleed {bleed:.0f} mm"
             ).format(pages=len(placed.pages), kind=kind, marks=marks, fonts=stats["fonts"],
                      ppi=ppi, bleed=placed.bleed / 72 * 25.4)
