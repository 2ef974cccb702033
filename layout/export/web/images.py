"""Page images and photos for the web edition: AVIF with a JPEG fallback, two widths each.

**Page images** are the print pages themselves: the pages stage's placed
pages drawn by the PDF exporter's own drawing code as a screen copy
(`layout/export/pdf/screen.py`: RGB, trim size, photos at the resolution
of the largest image), rasterised by pymupdf (MuPDF) at each width. So the
image is the printed page — the same placement, the same fonts and line
breaks — and a hotspot drawn from a block's rectangle lies exactly on it.
Drawing a screen copy rather than rendering the print PDF the build writes
keeps the web edition independent of the PDF (`--format web` alone works,
nothing waits on another output) and its photos in their own RGB rather
than converted to newsprint CMYK and back; it costs about as much as
opening the print PDF would (one page drawn in tens of milliseconds).

Widths: 750 px (a phone of 375 CSS px at 2×, the page filling the screen)
and 1500 px (3× phones, zooming in, desktops), chosen by the browser from
the `srcset`; a 360-px thumbnail for the edition's index. Measured on the
sample's A3 page (see README "The web edition"): AVIF at quality 45 is a
fifth to a third smaller than WebP at the same sharpness of body text and
encodes as fast at speed 9; JPEG at quality 60 (progressive) is the
fallback for browsers without AVIF. Every image is keyed by the bytes of
its page's screen copy (or the photo's content) in the disk cache, so an
unchanged page is never encoded again.

**Photos** of the article pages: the EPUB's phone JPEG (1200 px, quality
80, no metadata; `layout/export/html/photos.py`) and a 600-px one, each
also in AVIF.
"""
from __future__ import annotations

import io
import marshal
from dataclasses import dataclass
from pathlib import Path

from layout.errors import BuildError
from layout.i18n import _

PAGE_WIDTHS = (750, 1500)
THUMB_WIDTH = 360
PHOTO_WIDTHS = (600, 1200)
AVIF_OPTIONS = {"quality": 45, "speed": 9}
JPEG_OPTIONS = {"quality": 60, "progressive": True}   # progressive: Huffman tables optimised
PHOTO_JPEG_OPTIONS = {"quality": 80, "optimize": True, "progressive": True}
VERSION = 1           # of the encoding choices above (part of every cache key)


@dataclass(frozen=True, slots=True)
class Variant:
    """One encoded image: its width and height in pixels and its bytes."""

    width: int
    height: int
    kind: str            # avif or jpg
    data: bytes


def screen_ppi(page_width_pt: float) -> float:
    """Photo resolution of the screen copy: enough for the largest page image."""
    return max(PAGE_WIDTHS) / (page_width_pt / 72)


def _require_avif() -> None:
    from PIL import features

    if not features.check("avif"):
        raise BuildError(_("this Pillow cannot write AVIF images for the web edition; "
                           "install Pillow 11.3 or later (pip install -U pillow)"))


def _encode(image, kind: str, options: dict) -> bytes:
    from layout.export.memory import give_back

    if kind == "avif":
        from layout.export.helper import encode_avif

        done = encode_avif(image, options)     # a large one in a process of its own
        if done is not None:
            return done
    out = io.BytesIO()
    image.save(out, "AVIF" if kind == "avif" else "JPEG", **options)
    give_back()          # the AVIF encoder's ~82 MiB of a page, not kept for the next
    return out.getvalue()


def _variants(image, widths: tuple[int, ...], jpeg: dict) -> list[Variant]:
    from PIL import Image

    out = []
    for width in widths:
        scaled = image if width >= image.width else image.resize(
            (width, max(1, round(image.height * width / image.width))), Image.Resampling.LANCZOS)
        for kind, options in (("avif", AVIF_OPTIONS), ("jpg", jpeg)):
            out.append(Variant(scaled.width, scaled.height, kind, _encode(scaled, kind, options)))
    return out


def _pack(variants: list[Variant]) -> bytes:
    return marshal.dumps([(v.width, v.height, v.kind, v.data) for v in variants])


def _unpack(raw: bytes) -> list[Variant]:
    return [Variant(int(w), int(h), str(k), bytes(d)) for w, h, k, d in marshal.loads(raw)]


def _raster(pdf: bytes, width: int):
    """The one page of `pdf` as an RGB image `width` pixels wide."""
    import pymupdf
    from PIL import Image

    from layout.export.memory import give_back

    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        page = doc[0]
        zoom = width / page.rect.width
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False,
                              colorspace=pymupdf.csRGB)
        image = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    pymupdf.TOOLS.store_shrink(100)   # MuPDF keeps fonts and glyphs it will not need again
    del pix
    give_back()
    return image


def _page_variants(pdf: bytes) -> bytes:
    out = []
    for width in (*PAGE_WIDTHS, THUMB_WIDTH):
        out += _variants(_raster(pdf, width), (width,), JPEG_OPTIONS)
    return _pack(out)


def page_images(pdf: bytes) -> list[Variant]:
    """The page whose screen copy is `pdf`: AVIF and JPEG at each page width, then the
    thumbnail's two (from the disk cache when this page was published before)."""
    import hashlib

    from layout.cache import cached

    _require_avif()
    key = (hashlib.blake2b(pdf, digest_size=16).hexdigest(), PAGE_WIDTHS, THUMB_WIDTH,
           sorted(AVIF_OPTIONS.items()), sorted(JPEG_OPTIONS.items()), VERSION)
    return cached("web-page", key, lambda: _made_page_variants(pdf), _unpack)


def _made_page_variants(pdf: bytes) -> bytes:
    """`_page_variants(pdf)`, made by the helper process (`export/helper.py`) where it can."""
    from layout.export.helper import page_images

    made = page_images(pdf)
    return made if made is not None else _page_variants(pdf)


def _photo_variants(path: Path) -> bytes:
    """The phone JPEG as it is (no second JPEG generation) and smaller and AVIF copies."""
    from PIL import Image

    from layout.export.html.photos import phone_jpeg

    jpeg = phone_jpeg(path)
    with Image.open(io.BytesIO(jpeg)) as image:
        image.load()
        rgb = image.convert("RGB")
    smaller = tuple(w for w in PHOTO_WIDTHS if w < rgb.width)
    out = _variants(rgb, smaller, PHOTO_JPEG_OPTIONS)
    out.append(Variant(rgb.width, rgb.height, "avif", _encode(rgb, "avif", AVIF_OPTIONS)))
    out.append(Variant(rgb.width, rgb.height, "jpg", jpeg))
    return _pack(out)


def photo_images(path: Path) -> list[Variant]:
    """A photo for an article page: AVIF and JPEG at 600 px and its phone size (1200 px)."""
    from layout.cache import cached

    _require_avif()
    key = (Path(path), PHOTO_WIDTHS, sorted(AVIF_OPTIONS.items()),
           sorted(PHOTO_JPEG_OPTIONS.items()), VERSION)
    return cached("web-photo", key, lambda: _made_photo_variants(Path(path)), _unpack)


def _made_photo_variants(path: Path) -> bytes:
    """`_photo_variants(path)`, made by the helper process (`export/helper.py`) where it can."""
    from layout.export.helper import photo_images

    made = photo_images(str(path))
    return made if made is not None else _photo_variants(path)
