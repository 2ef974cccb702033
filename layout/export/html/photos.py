"""Photos for phones: at most 1200 px on the long side, baseline JPEG at quality 80, no metadata.

A phone screen is at most about 1,300 device pixels across, so 1200 px is
as sharp as any reader shows a photo, and quality 80 is where JPEG
artefacts stop being visible at that size; together they take a 1600 px,
quality-82 photo from about 265 KB to about 115 KB.

Every photo is re-encoded, even one already small enough, so that camera
metadata (EXIF, GPS positions) never reaches readers and the output depends
only on the pixels. Orientation from EXIF is applied first; an embedded
ICC profile is kept so colours stay right.
"""
from __future__ import annotations

import io
from pathlib import Path

from layout.errors import InputError
from layout.export.artwork import is_pdf, render_pdf
from layout.i18n import _

MAX_SIDE_PX = 1200
JPEG_QUALITY = 80


def phone_jpeg(path: Path, max_side: int = MAX_SIDE_PX, quality: int = JPEG_QUALITY) -> bytes:
    """The photo at `path` as JPEG bytes no larger than `max_side` pixels (cached on disk)."""
    from layout.cache import cached_bytes

    return cached_bytes("epub-photo", (Path(path), max_side, quality),
                        lambda: _phone_jpeg(Path(path), max_side, quality))


def _phone_jpeg(path: Path, max_side: int, quality: int) -> bytes:
    from PIL import Image, ImageOps

    try:
        with (render_pdf(path, cmyk=False) if is_pdf(path) else Image.open(path)) as source:
            icc = source.info.get("icc_profile")
            image = ImageOps.exif_transpose(source)
            if image.mode not in ("RGB", "L"):
                image, icc = image.convert("RGB"), None  # a converted CMYK profile no longer applies
            if max(image.size) > max_side:
                scale = max_side / max(image.size)
                size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
                image = image.resize(size, Image.Resampling.LANCZOS)
            out = io.BytesIO()
            extra = {"icc_profile": icc} if icc else {}
            image.save(out, "JPEG", quality=quality, optimize=True, progressive=False, **extra)
    except OSError as exc:
        raise InputError(_("cannot read the photo for the EPUB or the web edition: {error}").format(error=exc),
                         path) from None
    return out.getvalue()
