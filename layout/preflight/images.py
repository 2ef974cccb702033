"""Preflight of the images in a PDF: colour space, effective resolution, total ink.

The effective resolution is the image's pixels over its size on the page
(from the placement matrix the content walk found, so a clipped image is
judged by its full placement; nothing is decoded to find it). CMYK images are decoded to find their highest total ink, which
must stay within the output profile's limit (300 % without a profile).
"""
from __future__ import annotations

import io

import pikepdf

from layout.i18n import _
from layout.preflight.content import space_family
from layout.preflight.report import FAIL, PASS

DEFAULT_INK_LIMIT = 300.0
INK_BAND_PIXELS = 1 << 20   # pixels summed at a time when measuring total ink
INK_FULL_PIXELS = 16_000_000   # larger images are measured at a reduced scale or by bands
INK_TOLERANCE = 2.0


def profile_ink_limit(profile: bytes | None) -> float:
    """The total ink of the darkest colour the profile separates to, in percent."""
    if not profile:
        return DEFAULT_INK_LIMIT
    from PIL import Image, ImageCms

    try:
        transform = ImageCms.buildTransform(
            ImageCms.createProfile("sRGB"), ImageCms.ImageCmsProfile(io.BytesIO(profile)),
            "RGB", "CMYK", renderingIntent=ImageCms.Intent.PERCEPTUAL)
        black = ImageCms.applyTransform(Image.new("RGB", (1, 1)), transform)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return DEFAULT_INK_LIMIT
    return sum(black.getpixel((0, 0))) / 2.55


def max_total_ink(obj: pikepdf.Object) -> float | None:
    """Highest C+M+Y+K of a CMYK image, in percent (None if it cannot be measured).

    Memory stays within a few times INK_FULL_PIXELS whatever the image's size
    (bounded before by `preflight.limits`): a large JPEG is decoded at a
    reduced scale (its DCT draft), a large Flate image a band of rows at a time.
    """
    width, height = int(obj.get("/Width", 0)), int(obj.get("/Height", 0))
    filters = [str(f) for f in (obj.Filter if isinstance(obj.get("/Filter"), pikepdf.Array)
                                else [obj.get("/Filter")] if "/Filter" in obj else [])]
    try:
        if width * height <= INK_FULL_PIXELS:
            return _ink_of(pikepdf.PdfImage(obj).as_pil_image())
        if filters == ["/DCTDecode"]:
            return _ink_of_large_jpeg(obj.read_raw_bytes(), width, height)
        if filters == ["/FlateDecode"] and "/DecodeParms" not in obj:
            return _ink_of_flate(obj, width, height)
    except Exception:  # noqa: BLE001 - any undecodable image is just not measured
        return None
    return None


def _ink_of(img) -> float | None:
    """The highest total ink of a PIL image, summed a band of rows at a time."""
    import numpy as np

    if img.mode != "CMYK":
        return None
    band = max(1, INK_BAND_PIXELS // max(img.width, 1))
    highest = 0
    for top in range(0, img.height, band):
        rows = np.asarray(img.crop((0, top, img.width, min(img.height, top + band))), dtype=np.uint8)
        highest = max(highest, int(rows.sum(axis=2, dtype=np.uint16).max()))
    return highest / 2.55


def _ink_of_large_jpeg(data: bytes, width: int, height: int) -> float | None:
    from PIL import Image

    scale = 1
    while scale < 8 and (width // scale) * (height // scale) > INK_FULL_PIXELS:
        scale *= 2
    with Image.open(io.BytesIO(data)) as img:
        img.draft(img.mode, (width // scale, height // scale))
        return _ink_of(img.convert("CMYK") if img.mode != "CMYK" else img)


def _ink_of_flate(obj: pikepdf.Object, width: int, height: int) -> float | None:
    """Total ink of an 8-bit CMYK Flate image, inflated a band of rows at a time."""
    import zlib

    import numpy as np

    if int(obj.get("/BitsPerComponent", 8)) != 8 or space_family(obj.get("/ColorSpace")) != "CMYK":
        return None
    row = width * 4
    band = row * max(1, INK_BAND_PIXELS // max(width, 1))
    inflate, raw, pending, highest, rows = zlib.decompressobj(), obj.read_raw_bytes(), b"", 0, 0
    for start in range(0, len(raw), 1 << 16):
        data = raw[start:start + (1 << 16)]
        while data and rows < height:
            pending += inflate.decompress(data, band)
            data = inflate.unconsumed_tail
            whole = len(pending) // row * row
            if whole:
                pixels = np.frombuffer(pending[:whole], dtype=np.uint8).reshape(-1, 4)
                highest = max(highest, int(pixels.sum(axis=1, dtype=np.uint16).max()))
                rows, pending = rows + whole // row, pending[whole:]
    return highest / 2.55


def _placements(uses):
    """(page number, object, pixel size, size on the page in points) of every image drawn."""
    for number, use in enumerate(uses, 1):
        for image in use.images:
            yield number, image.objgen, (image.width, image.height)


def image_findings(pdf: pikepdf.Pdf, uses, profile: bytes | None, min_ppi: float, report) -> None:
    """Add the findings on the images drawn (`uses`, from `content.paint_use`) to `report`."""
    limit = profile_ink_limit(profile)
    count, lowest, inks, spaces, fails = 0, None, {}, set(), []
    for number, objgen, size in _placements(uses):
        obj = pdf.get_object(objgen)
        if size[0] < 0.5 or size[1] < 0.5 or obj.get("/ImageMask", False):
            continue
        count += 1
        family = space_family(obj.get("/ColorSpace", pikepdf.Name.DeviceGray))
        spaces.add(family)
        pixels = (int(obj.get("/Width", 0)), int(obj.get("/Height", 0)))
        ppi = min(pixels[0] / (size[0] / 72), pixels[1] / (size[1] / 72))
        lowest = ppi if lowest is None else min(lowest, ppi)
        label = _("page {page} image {number} ({width:.0f} × {height:.0f} mm)").format(
            page=number, number=objgen[0], width=size[0] / 72 * 25.4, height=size[1] / 72 * 25.4)
        if family in ("RGB", "Lab"):
            fails.append(_("{label} is {space}, not CMYK or grey").format(label=label, space=family))
        if ppi < min_ppi - 0.5:
            fails.append(_("{label} is {ppi:.0f} ppi, below {min:.0f}").format(label=label, ppi=ppi, min=min_ppi))
        if family == "CMYK" and objgen not in inks:
            inks[objgen] = max_total_ink(obj)
            if inks[objgen] is not None and inks[objgen] > limit + INK_TOLERANCE:
                fails.append(_("{label} reaches {ink:.0f} % total ink, over {limit:.0f} %").format(
                    label=label, ink=inks[objgen], limit=limit))
    for message in fails:
        report.add(FAIL, "images", message)
    if count and not fails:
        measured = [v for v in inks.values() if v is not None]
        ink = _(", total ink ≤ {ink:.0f} % (limit {limit:.0f} %)").format(
            ink=max(measured), limit=limit) if measured else ""
        report.add(PASS, "images", _("{n} image(s) in {spaces}, ≥ {ppi:.0f} ppi").format(
            n=count, spaces=", ".join(sorted(spaces)), ppi=lowest) + ink)
    elif not count:
        report.add(PASS, "images", _("no images"))
