"""A PNG per page of a PDF and a contact sheet, for a look without a PDF reader.

Renders each page with pymupdf and lays the thumbnails side by side with
Pillow. `layout preview` (the pipeline's `preview`) builds the proof PDF and
hands it here; this module reads a finished PDF and never builds one.
"""
from __future__ import annotations

import io
from pathlib import Path

PAGE_DPI = 100
THUMB_WIDTH = 420


def write_pngs(pdf: Path, out: Path) -> list[Path]:
    """Write page-N.png for every page of `pdf` and contact.png into `out`; return their paths."""
    import pymupdf
    from PIL import Image

    out.mkdir(parents=True, exist_ok=True)
    paths, thumbs = [], []
    with pymupdf.open(pdf) as doc:
        for number, page in enumerate(doc, start=1):
            path = out / f"page-{number}.png"
            png = page.get_pixmap(dpi=PAGE_DPI).tobytes("png")
            _write(path, png)
            paths.append(path)
            thumbs.append(Image.open(io.BytesIO(png)).convert("RGB"))
    paths.append(_contact_sheet(thumbs, out / "contact.png"))
    return paths


def _contact_sheet(pages: list, target: Path) -> Path:
    from PIL import Image

    scaled = [p.resize((THUMB_WIDTH, round(p.height * THUMB_WIDTH / p.width))) for p in pages]
    gap = 16
    height = max(s.height for s in scaled) + 2 * gap
    sheet = Image.new("RGB", (len(scaled) * (THUMB_WIDTH + gap) + gap, height), (200, 200, 200))
    for n, thumb in enumerate(scaled):
        sheet.paste(thumb, (gap + n * (THUMB_WIDTH + gap), gap))
    png = io.BytesIO()
    sheet.save(png, "PNG")
    _write(target, png.getvalue())
    return target


def _write(path: Path, data: bytes) -> None:
    """Write by Python, naming the file in the error (MuPDF's own write on a full disk is
    an internal error, and a failed write() names no file)."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
