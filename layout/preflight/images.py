"""Preflight of the images in a PDF: colour space, effective resolution, total ink.

The effective resolution is the image's pixels over its size on the page
(from the placement matrix, so a clipped image is judged by its full
placement). CMYK images are decoded to find their highest total ink, which
must stay within the output profile's limit (300 % without a profile).
"""
from __future__ import annotations

import io
import math
from pathlib import Path

import pikepdf

from layout.preflight.content import space_family

DEFAULT_INK_LIMIT = 300.0
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
    """Highest C+M+Y+K of a CMYK image, in percent (None if it cannot be decoded)."""
    from PIL import ImageMath

    try:
        img = pikepdf.PdfImage(obj).as_pil_image()
    except Exception:  # noqa: BLE001 - any undecodable image is just not measured
        return None
    if img.mode != "CMYK":
        return None
    c, m, y, k = img.split()
    total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"],
                                  c=c, m=m, y=y, k=k)
    return total.getextrema()[1] / 2.55


def _placements(path: Path):
    """(page number, xref, pixel size, size on the page in points) of every image drawn."""
    import pymupdf

    with pymupdf.open(path) as doc:
        for number, page in enumerate(doc, 1):
            for info in page.get_image_info(xrefs=True):
                a, b, c, d, _, _ = info["transform"]
                yield (number, info.get("xref", 0), (info["width"], info["height"]),
                       (math.hypot(a, b), math.hypot(c, d)))


def image_findings(path: Path, pdf: pikepdf.Pdf, profile: bytes | None, min_ppi: float,
                   report) -> None:
    """Add the image findings of the PDF at `path` to `report`."""
    from layout.preflight.pdfcheck import FAIL, PASS

    limit = profile_ink_limit(profile)
    count, lowest, inks, spaces, fails = 0, None, {}, set(), []
    for number, xref, pixels, size in _placements(path):
        if not xref or size[0] < 0.5 or size[1] < 0.5:
            continue
        obj = pdf.get_object(xref, 0)
        if obj.get("/ImageMask", False):
            continue
        count += 1
        family = space_family(obj.get("/ColorSpace", pikepdf.Name.DeviceGray))
        spaces.add(family)
        ppi = min(pixels[0] / (size[0] / 72), pixels[1] / (size[1] / 72))
        lowest = ppi if lowest is None else min(lowest, ppi)
        label = f"page {number} image {xref} ({size[0] / 72 * 25.4:.0f} × {size[1] / 72 * 25.4:.0f} mm)"
        if family in ("RGB", "Lab"):
            fails.append(f"{label} is {family}, not CMYK or grey")
        if ppi < min_ppi - 0.5:
            fails.append(f"{label} is {ppi:.0f} ppi, below {min_ppi:.0f}")
        if family == "CMYK" and xref not in inks:
            inks[xref] = max_total_ink(obj)
            if inks[xref] is not None and inks[xref] > limit + INK_TOLERANCE:
                fails.append(f"{label} reaches {inks[xref]:.0f} % total ink, over {limit:.0f} %")
    for message in fails:
        report.add(FAIL, "images", message)
    if count and not fails:
        measured = [v for v in inks.values() if v is not None]
        ink = f", total ink ≤ {max(measured):.0f} % (limit {limit:.0f} %)" if measured else ""
        report.add(PASS, "images", f"{count} image(s) in {', '.join(sorted(spaces))}, "
                   f"≥ {lowest:.0f} ppi{ink}")
    elif not count:
        report.add(PASS, "images", "no images")
