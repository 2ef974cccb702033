"""Photos for phones: at most 1200 px on the long side, baseline JPEG at quality 80, no metadata.

A phone screen is at most about 1,300 device pixels across, so 1200 px is
as sharp as any reader shows a photo, and quality 80 is where JPEG
artefacts stop being visible at that size; together they take a 1600 px,
quality-82 photo from about 265 KB to about 115 KB.

Every photo is re-encoded, even one already small enough, so that camera
metadata (EXIF, GPS positions) never reaches readers and the output depends
only on the pixels. Orientation from EXIF is applied first; an embedded
ICC profile is kept so colours stay right. The copy is made together with
the DOCX's editing copy from one decode and resize (`layout/export/screencopies.py`).
"""
from __future__ import annotations

from pathlib import Path

from layout.export.screencopies import MAX_SIDE_PX, PHONE, screen_copy

JPEG_QUALITY = PHONE.quality
__all__ = ["MAX_SIDE_PX", "JPEG_QUALITY", "phone_jpeg"]


def phone_jpeg(path: Path) -> bytes:
    """The photo at `path` as JPEG bytes no larger than MAX_SIDE_PX pixels (cached on disk)."""
    return screen_copy(Path(path), PHONE)
