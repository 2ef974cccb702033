"""Photo files: readable images of sane size and shape, checked before they are decoded.

The header gives the size: an image of more pixels than the house style's
`photos.max_pixels`, or longer than `photos.max_aspect` times its width (a
2 × 20,000 px strip), is refused with its dimensions before a byte of it is
decoded. A JPEG is then decoded at an eighth of its size (a truncated file
shows), other formats verified (chunk checksums); an embedded colour profile must be readable.
A photo that passed is remembered in the disk cache by its content and the limits it
passed under, so it is decoded once, not again for every page and every build that
shows it (a photo that fails is checked, and named, every time).
"""
from __future__ import annotations

import io
import struct
import warnings
from pathlib import Path

from layout.errors import InputError
from layout.i18n import _
from layout.style import HouseStyle

# Formats Pillow reads without help (no Ghostscript for EPS, no multi-frame surprises).
FORMATS = ("JPEG", "PNG", "TIFF", "WEBP")


def _check_size(name: str, width: int, height: int, style: HouseStyle, source: Path,
                line: int | None) -> None:
    if width < 1 or height < 1 or width * height > style.max_pixels:
        raise InputError(_("photo '{name}' is {width}×{height} pixels, more than the {most:,} "
                           "allowed; scale it down before use").format(
                               name=name, width=width, height=height, most=style.max_pixels),
                         source, line)
    if max(width, height) > style.max_aspect * min(width, height):
        raise InputError(_("photo '{name}' is {width}×{height} pixels, a strip more than "
                           "{ratio:g} times as long as it is wide; crop it to a printable "
                           "shape").format(name=name, width=width, height=height,
                                           ratio=style.max_aspect), source, line)


def _check_profile(img, name: str, source: Path, line: int | None) -> None:
    icc = img.info.get("icc_profile")
    if not icc:
        return
    from PIL import ImageCms

    try:
        ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        raise InputError(_("photo '{name}' carries a damaged colour profile (ICC); save it "
                           "again without the profile, or converted to sRGB").format(name=name),
                         source, line) from None


def _decode_check(img) -> None:
    """Decode enough of the file to find a truncated or corrupt one, cheaply."""
    if img.format == "JPEG":
        img.draft("RGB", (max(1, img.width // 8), max(1, img.height // 8)))
        img.load()
        return
    img.verify()  # chunk checksums and structure; the pixels are decoded by the exporters


def probe_photo(path: Path, style: HouseStyle, source: Path, line: int | None) -> tuple[int, int]:
    """Width and height in pixels; a corrupt, oversized or strip-shaped image is refused."""
    from layout.cache import cached

    def make() -> bytes:
        return struct.pack("<II", *_probe(path, style, source, line))

    try:
        return cached("probe", (Path(path), style.max_pixels, style.max_aspect, FORMATS), make,
                      lambda raw: struct.unpack("<II", raw))
    except OSError:          # unreadable for its key: the probe names what is wrong
        return _probe(path, style, source, line)


def _probe(path: Path, style: HouseStyle, source: Path, line: int | None) -> tuple[int, int]:
    from PIL import Image

    name = path.name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as img:
                width, height = img.size
                _check_size(name, width, height, style, source, line)
                _check_profile(img, name, source, line)
                _decode_check(img)
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise InputError(_("photo '{name}' is too large to decode safely (decompression bomb); "
                           "scale it down").format(name=name), source, line) from None
    except Image.UnidentifiedImageError:
        raise InputError(_("photo '{name}' is not a JPEG, PNG, TIFF or WebP image; re-export "
                           "it as JPEG or PNG").format(name=name), source, line) from None
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for bad files
        raise InputError(_("photo '{name}' cannot be read as an image ({problem}); re-export "
                           "it as JPEG or PNG").format(name=name, problem=exc), source,
                         line) from None
    return width, height
