"""Photos made ready for the page: cropped, resampled, converted to CMYK, ink-checked, JPEG.

A photo is cropped to `PlacedImage.crop`, resampled down to the target
resolution at its placed size (never up), converted from its own profile
(sRGB when it has none) to the output CMYK profile with Pillow's ImageCms,
or to grey for a black-and-white page, and encoded as a JPEG at a quality
chosen for newsprint. A photo below the minimum resolution is named in a
warning; a pixel above the profile's total ink limit is pulled back to it.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable

from PIL import Image, ImageCms, ImageMath, ImageOps

from layout.errors import BuildError, Diagnostics
from layout.export.artwork import is_pdf, render_pdf
from layout.export.memory import give_back
from layout.export.pdf.settings import PdfSettings
from layout.i18n import _
from layout.model.placed import PlacedImage

ORIENTATION = 0x0112  # EXIF tag
TURNED = (5, 6, 7, 8)  # EXIF orientations that turn the photo a quarter
INK_TOLERANCE = 2.0   # percent above the profile's own maximum before we intervene
JPEG_INK_MARGIN = 5.0   # percent pulled back below the limit: JPEG's rounding adds up to ~6
ASPECT_SLACK = 0.005  # a crop this close to the box's proportions is drawn as it is
STRIP = 128           # rows of a photo whose ink is measured or pulled back at once


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    jpeg: bytes
    mode: str            # CMYK, L or RGB
    pixels: tuple[int, int]
    source_ppi: float    # resolution of the source crop at its placed size
    max_ink: float       # percent, CMYK only (0 otherwise)


@cache
def _profile(path: Path) -> ImageCms.ImageCmsProfile:
    return ImageCms.getOpenProfile(str(path))


@cache
def _to_cmyk(source_icc: bytes | None, profile: Path) -> ImageCms.ImageCmsTransform:
    source = (ImageCms.ImageCmsProfile(io.BytesIO(source_icc)) if source_icc
              else ImageCms.createProfile("sRGB"))
    # NOCACHE: Little CMS's one-pixel cache is not safe when threads share a transform
    return ImageCms.buildTransform(source, _profile(profile), "RGB", "CMYK",
                                   renderingIntent=ImageCms.Intent.PERCEPTUAL,
                                   flags=ImageCms.Flags.NOCACHE)


@cache
def ink_limit(profile: Path) -> float:
    """The profile's total ink limit in percent, read off its darkest separation."""
    darkest = ImageCms.applyTransform(Image.new("RGB", (1, 1)), _to_cmyk(None, profile))
    return sum(darkest.getpixel((0, 0))) / 2.55


def _strips(img: Image.Image):
    """The image in bands of `STRIP` rows, each with the row it starts at: the ink is
    measured and pulled back a band at a time, per pixel as over the whole, so what
    it costs in memory is a band's, not the photo's (a 2-megapixel photo's four
    32-bit bands were ~60 MiB, two photos at once on the PDF's threads)."""
    for top in range(0, img.height, STRIP):
        yield top, img.crop((0, top, img.width, min(top + STRIP, img.height)))


def total_ink(img: Image.Image) -> float:
    """Highest C+M+Y+K of any pixel, in percent."""
    return max(_total_ink(band) for _top, band in _strips(img)) if img.height else 0.0


def _total_ink(img: Image.Image) -> float:
    c, m, y, k = img.split()
    total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"],
                                  c=c, m=m, y=y, k=k)
    return total.getextrema()[1] / 2.55


def limit_ink(img: Image.Image, limit: float) -> Image.Image:
    """Scale down C, M and Y where C+M+Y+K exceeds `limit` percent, keeping K."""
    out = Image.new("CMYK", img.size)
    for top, band in _strips(img):
        out.paste(_limit_ink(band, limit), (0, top))
    return out


def _limit_ink(img: Image.Image, limit: float) -> Image.Image:
    c, m, y, k = (band.convert("F") for band in img.split())
    cap = limit * 2.55

    def pulled_back(a):
        room = a["max"](a["cap"] - a["k"], 0)
        cmy = a["max"](a["c"] + a["m"] + a["y"], 1)
        return a["min"](a["band"], a["band"] * room / cmy)

    bands = [ImageMath.lambda_eval(pulled_back, band=band, c=c, m=m, y=y, k=k, cap=cap)
             .convert("L") for band in (c, m, y)]
    return Image.merge("CMYK", (*bands, k.convert("L")))


def _open(path: Path, need: Callable[[tuple[int, int]], tuple[int, int]]
          ) -> tuple[Image.Image, float]:
    """The photo decoded, turned upright when its EXIF orientation says so (a PDF ad's
    artwork rendered, in CMYK), and how many of its own pixels one decoded pixel stands for.

    A JPEG is decoded by libjpeg at a half, a quarter or an eighth of its size (DCT
    scaling) when that still holds `need(upright size)` pixels: the resample to the
    placed size would throw the rest away, at several times the cost."""
    if is_pdf(path):
        img = render_pdf(path, cmyk=True, need=need)
        img.info["icc_profile"] = None
        return img, 1.0
    try:
        with Image.open(path) as src:
            icc = src.info.get("icc_profile")
            orientation = src.getexif().get(ORIENTATION, 1)
            full = src.size
            if src.format == "JPEG":
                turned = orientation in TURNED
                w, h = need(full[::-1] if turned else full)
                src.draft(src.mode, (h, w) if turned else (w, h))
            src.load()
            factor = full[0] / src.size[0]
            img = src if orientation == 1 else ImageOps.exif_transpose(src)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise BuildError(_("photo {path} cannot be read: {problem}").format(
            path=path, problem=exc)) from None
    img.info["icc_profile"] = icc
    return img, factor


def _crop_box(size: tuple[int, int], crop: tuple[float, float, float, float],
              aspect: float) -> tuple[int, int, int, int]:
    """The `crop` fractions of a photo of `size`, trimmed about its centre to the box's
    aspect (height over width) so a photo is never stretched."""
    left, top, right, bottom = crop
    w, h = size
    box = [left * w, top * h, right * w, bottom * h]
    if not (0 <= box[0] < box[2] <= w and 0 <= box[1] < box[3] <= h):
        raise BuildError(_("crop {crop} lies outside the photo").format(crop=crop))
    bw, bh = box[2] - box[0], box[3] - box[1]
    if bh / bw > aspect * (1 + ASPECT_SLACK):        # too tall: trim top and bottom
        cut = (bh - bw * aspect) / 2
        box[1], box[3] = box[1] + cut, box[3] - cut
    elif bh / bw < aspect / (1 + ASPECT_SLACK):      # too wide: trim the sides
        cut = (bw - bh / aspect) / 2
        box[0], box[2] = box[0] + cut, box[2] - cut
    return tuple(round(v) for v in box)


def _crop(img: Image.Image, crop: tuple[float, float, float, float],
          aspect: float) -> Image.Image:
    box = _crop_box(img.size, crop, aspect)
    return img.crop(box) if box != (0, 0, *img.size) else img


def _wanted(placed: PlacedImage, ppi: float) -> tuple[int, int]:
    """Pixels of the photo at `ppi` at its placed size."""
    return (max(1, round(placed.w / 72 * ppi)), max(1, round(placed.h / 72 * ppi)))


def _needed(placed: PlacedImage, ppi: float) -> Callable[[tuple[int, int]], tuple[int, int]]:
    """For a photo of a given size: the smallest size whose crop still holds the pixels
    the placed photo takes at `ppi`."""
    def need(size: tuple[int, int]) -> tuple[int, int]:
        box = _crop_box(size, placed.crop, placed.h / placed.w)
        want = _wanted(placed, ppi)
        scale = max(want[0] / (box[2] - box[0]), want[1] / (box[3] - box[1]))
        return (math.ceil(size[0] * scale) + 1, math.ceil(size[1] * scale) + 1)
    return need


def _resample(img: Image.Image, placed: PlacedImage, ppi: float) -> Image.Image:
    """Down to `ppi` at the placed size; a photo that has fewer pixels keeps them."""
    want = _wanted(placed, ppi)
    if want[0] >= img.width or want[1] >= img.height:
        return img
    return img.resize(want, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _convert(img: Image.Image, settings: PdfSettings, mono: bool) -> Image.Image:
    icc = img.info.get("icc_profile")
    if img.mode == "CMYK":
        return img.convert("L") if mono else img
    if mono or img.mode in ("L", "LA", "1", "I", "I;16"):
        return img.convert("L")
    rgb = img if img.mode == "RGB" else img.convert("RGB")
    if settings.proof:
        return rgb
    try:
        return ImageCms.applyTransform(rgb, _to_cmyk(icc if icc else None, settings.profile))
    except ImageCms.PyCMSError:
        return ImageCms.applyTransform(rgb, _to_cmyk(None, settings.profile))


def prepare_photo(placed: PlacedImage, settings: PdfSettings, diag: Diagnostics,
                  mono: bool = False) -> PreparedPhoto:
    """The photo of `placed` as the print (or proof) PDF embeds it."""
    # one image alive at a time (the decoded photo, its crop, the resampled and the
    # converted one held together were four times a photo's memory)
    img, factor = _open(Path(placed.path), _needed(placed, settings.target_ppi))
    img = _crop(img, placed.crop, placed.h / placed.w)
    source_ppi = factor * min(img.width / (placed.w / 72), img.height / (placed.h / 72))
    if source_ppi < settings.min_ppi and not settings.proof:
        diag.warn(_("photo {name} is {ppi:.0f} ppi at its placed size ({w:.0f} × {h:.0f} mm); "
                    "the plant needs {least:.0f}").format(
                        name=Path(placed.path).name, ppi=source_ppi, w=placed.w / 72 * 25.4,
                        h=placed.h / 72 * 25.4, least=settings.min_ppi), placed.path)
    img = _resample(img, placed, settings.target_ppi)
    img = _convert(img, settings, mono)
    max_ink = 0.0
    if img.mode == "CMYK":
        limit = ink_limit(settings.profile)
        max_ink = total_ink(img)
        if max_ink > limit + INK_TOLERANCE:
            if not settings.proof:   # a proof or screen copy repeats what the print PDF says
                diag.warn(_("photo {name} reaches {ink:.0f} % total ink, over the profile's "
                            "{limit:.0f} %; reduced").format(name=Path(placed.path).name,
                                                             ink=max_ink, limit=limit), placed.path)
            img = limit_ink(img, limit - JPEG_INK_MARGIN)   # preflight allows INK_TOLERANCE
            max_ink = total_ink(img)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=settings.jpeg_quality, optimize=True,
             subsampling=0 if img.mode == "L" else 2)
    photo = PreparedPhoto(out.getvalue(), img.mode, img.size, source_ppi, max_ink)
    del img
    give_back()          # the decoded, resampled and converted copies' memory
    return photo
