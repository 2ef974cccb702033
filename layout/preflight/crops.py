"""`layout check ISSUE_DIR`: every picture in the built PDF keeps its source's proportions.

Measured as a reader of the PDF measures it: the box each image is drawn in
(its width over its height on the page) against the proportions of the
issue's sources — its photos, and its ads' artwork, which is drawn whole. An
image whose box is further than `photos.max_crop` (±15 %) from every source
was cropped past the house style's limit (or is no picture of the issue).
Images smaller than MIN_SIDE points (a rule, a logo's dot) are not pictures.
"""
from __future__ import annotations

import math
from pathlib import Path

from layout.i18n import _
from layout.preflight.report import FAIL, PASS, Report

MIN_SIDE = 20.0        # points: smaller images are ornaments, not pictures
SLACK = 1e-3           # the drawn box is rounded to hundredths of a point


def crop_report(pdf: Path, sources: dict[str, float], max_crop: float) -> Report:
    """One line per image cropped past `max_crop` from every source (name → width over
    height), or one line saying all of them keep their proportions."""
    import pymupdf

    report = Report(pdf, title=_("Photo proportions in {path}").format(path=pdf),
                    verdict=(_("PASSED: every picture within its crop limit"),
                             _("FAILED: {n} picture(s) cropped past the limit")))
    limit, count = math.log1p(max_crop) + SLACK, 0
    with pymupdf.open(pdf) as doc:
        for number, page in enumerate(doc, 1):
            for info in page.get_image_info():
                x0, y0, x1, y1 = info["bbox"]
                if min(x1 - x0, y1 - y0) < MIN_SIDE or not sources:
                    continue
                count += 1
                drawn = (x1 - x0) / (y1 - y0)
                name, aspect = min(sources.items(), key=lambda s: abs(math.log(drawn / s[1])))
                off = abs(math.log(drawn / aspect))
                if off > limit:
                    report.add(FAIL, "crop", _(
                        "page {page}: a picture drawn at {drawn:.2f}:1 is {off:.0%} off the "
                        "nearest source ({name}, {aspect:.2f}:1), past photos.max_crop "
                        "({limit:.0%})").format(page=number, drawn=drawn, off=math.expm1(off),
                                                 name=name, aspect=aspect, limit=max_crop))
    if report.ok:
        report.add(PASS, "crop", _("{n} picture(s) within ±{limit:.0%} of their sources' "
                                   "proportions").format(n=count, limit=max_crop))
    return report
