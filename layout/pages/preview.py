"""`layout preview`: a PNG per page and a contact sheet, for a look without a PDF reader.

Builds the screen (proof) PDF into a temporary folder, renders each page with
pymupdf and lays the thumbnails side by side with Pillow.
"""
from __future__ import annotations

import io
import tempfile
from pathlib import Path

from layout.errors import Diagnostics
from layout.options import BuildOptions

PAGE_DPI = 100
THUMB_WIDTH = 420


def write_previews(issue_dir: Path, out: Path | None, diag: Diagnostics,
                   allow_overflow: bool = False) -> list[Path]:
    """Write page-N.png files and contact.png; return their paths."""
    import pymupdf
    from PIL import Image

    from layout.pipeline import build, default_out_dir

    out = Path(out) if out else default_out_dir(issue_dir) / "preview"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        options = BuildOptions(formats=("pdf",), out_dir=Path(tmp), proof=True,
                               allow_overflow=allow_overflow)
        report = build(Path(issue_dir), options, diag)
        paths, thumbs = [], []
        with pymupdf.open(report.outputs["pdf"]) as doc:
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
