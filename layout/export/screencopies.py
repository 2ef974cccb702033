"""Screen copies of a photo, made from one decode and one resize for every format.

The EPUB's phone JPEG (also the web edition's article photo) and the DOCX's
editing copy are the same picture: the photo upright (EXIF orientation
applied; an advertisement's PDF artwork rendered in RGB) with its long side
at most MAX_SIDE_PX, re-encoded without metadata. Decoding the photo and
resizing it with Lanczos is most of the cost of either, so whichever format
asks first makes both copies from one resized image and stores each in the
disk cache, keyed by the photo's content and the copy's size and quality;
the other format finds its copy there (the DOCX and the EPUB are written one
after the other by the same process, the web edition after the PDF).

A JPEG at least twice the copy's size is decoded by libjpeg at a half, a
quarter or an eighth of its size (`draft`, scaling in the DCT, several times
faster than a full decode), never below the copy's size; Lanczos takes it
from there.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from layout.errors import InputError
from layout.export.artwork import is_pdf, render_pdf
from layout.i18n import _

MAX_SIDE_PX = 1200       # a phone screen is at most about 1,300 device pixels across
VERSION = 1              # of the way the copies are made (part of their cache keys)


@dataclass(frozen=True, slots=True)
class Copy:
    """One kind of copy: its cache kind and JPEG settings."""

    kind: str
    quality: int
    optimize: bool
    keep_profile: bool   # the photo's ICC profile travels with it
    flatten: bool        # transparency laid on white (else simply dropped)


PHONE = Copy("epub-photo", 80, optimize=True, keep_profile=True, flatten=False)
EDITING = Copy("docx-photo", 82, optimize=False, keep_profile=False, flatten=True)
COPIES = (PHONE, EDITING)


def screen_copy(path: Path, copy: Copy) -> bytes:
    """The `copy` of the photo at `path`, from the disk cache or made with the others."""
    from layout.cache import entry_path, read_entry, write_entry

    path = Path(path)
    found = read_entry(entry_path(copy.kind, _inputs(path, copy)))
    if found is not None:
        return found
    made = _make_all(path)
    for other, data in made.items():
        write_entry(entry_path(other.kind, _inputs(path, other)), data)
    return made[copy]


def _inputs(path: Path, copy: Copy) -> tuple:
    return (path, MAX_SIDE_PX, copy.quality, copy.optimize, copy.keep_profile, copy.flatten,
            VERSION)


def _make_all(path: Path) -> dict[Copy, bytes]:
    from PIL import Image

    try:
        image, icc = _upright(path)
        return {copy: _encode(image, icc, copy) for copy in COPIES}
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise InputError(_("cannot read the photo for the DOCX, the EPUB or the web edition: "
                           "{error}").format(error=exc), path) from None


def _upright(path: Path):
    """The photo decoded, upright and at most MAX_SIDE_PX on its long side, and its ICC
    profile (None where it has none or its pixels had to change colour space)."""
    from PIL import Image, ImageOps

    with (render_pdf(path, cmyk=False) if is_pdf(path) else Image.open(path)) as source:
        icc = source.info.get("icc_profile")
        _draft(source)
        image = ImageOps.exif_transpose(source)
        if image.mode not in ("RGB", "L", "RGBA", "LA", "P"):
            image, icc = image.convert("RGB"), None  # a converted CMYK profile no longer applies
        if max(image.size) > MAX_SIDE_PX:
            scale = MAX_SIDE_PX / max(image.size)
            size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
            image = image.resize(size, Image.Resampling.LANCZOS)
    return image, icc


def _draft(source) -> None:
    """Let a JPEG decode at the smallest DCT scale that still covers the copy's size."""
    if source.format != "JPEG" or max(source.size) < 2 * MAX_SIDE_PX:
        return
    scale = MAX_SIDE_PX / max(source.size)
    source.draft(source.mode, (max(1, round(source.width * scale)),
                               max(1, round(source.height * scale))))


def _encode(image, icc: bytes | None, copy: Copy) -> bytes:
    from PIL import Image

    if image.mode in ("RGBA", "LA", "P") and copy.flatten and (
            "A" in image.mode or "transparency" in image.info):
        rgba = image.convert("RGBA")
        image = Image.new("RGB", rgba.size, "white")
        image.paste(rgba, mask=rgba.getchannel("A"))
    elif image.mode not in ("RGB", "L") or (copy.flatten and image.mode != "RGB"):
        image = image.convert("RGB")
    out = io.BytesIO()
    extra = {"icc_profile": icc} if icc and copy.keep_profile else {}
    image.save(out, "JPEG", quality=copy.quality, optimize=copy.optimize, progressive=False,
               **extra)
    return out.getvalue()
