"""Preflight of any PDF for a newspaper plant: boxes, intent, colour, text, fonts, photos.

`preflight_pdf(path)` returns a `Report` of findings, each passed, a warning
or a failure, under a topic. Failures are what a plant rejects: no TrimBox,
less than 3 mm bleed, no CMYK output intent, an RGB colour or image, small
text not in 100 % K, a font not embedded, a photo under the minimum
resolution, transparency in PDF/X-1a, an image over the total ink limit.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from layout.i18n import _
from layout.preflight.content import paint_use
from layout.preflight.images import image_findings

MM = 72 / 25.4
MIN_BLEED = 3 * MM
SMALL_TEXT = 14.0     # points: text up to this size must be 100 % K
PASS, WARN, FAIL = "ok", "warning", "FAIL"


@dataclass(frozen=True, slots=True)
class Finding:
    level: str      # PASS, WARN or FAIL
    topic: str
    message: str


@dataclass(slots=True)
class Report:
    """Findings under a title; `verdict` is (all clear, "{n} problem(s)"), counting
    failures, and warnings too when `strict`."""

    path: Path
    findings: list[Finding] = field(default_factory=list)
    title: str = ""
    verdict: tuple[str, str] = ()
    strict: bool = False
    readable: bool = True

    def add(self, level: str, topic: str, message: str) -> None:
        self.findings.append(Finding(level, topic, message))

    @property
    def ok(self) -> bool:
        return all(f.level != FAIL for f in self.findings)

    def failures(self) -> list[Finding]:
        return [f for f in self.findings if f.level == FAIL]

    def text(self) -> str:
        mark = {PASS: "  ok  ", WARN: " warn ", FAIL: " FAIL "}
        lines = [self.title or _("Preflight of {path}").format(path=self.path)]
        lines += [f"[{mark[f.level]}] {f.topic:<10} {f.message}" for f in self.findings]
        counted = [f for f in self.findings if f.level == FAIL or (self.strict and f.level == WARN)]
        good, bad = self.verdict or (_("PASSED: ready for the plant"),
                                     _("FAILED: {n} problem(s) the plant would reject"))
        lines.append(bad.format(n=len(counted)) if counted else good)
        return "\n".join(lines)


def _box(page: pikepdf.Page, name: str) -> list[float] | None:
    box = page.obj.get(name)
    return [float(v) for v in box] if box is not None else None


def check_boxes(pdf: pikepdf.Pdf, report: Report, min_bleed: float = MIN_BLEED) -> None:
    bad = []
    for number, page in enumerate(pdf.pages, 1):
        trim, bleed = _box(page, "/TrimBox"), _box(page, "/BleedBox")
        media = _box(page, "/MediaBox")
        if trim is None:
            bad.append(f"page {number} has no TrimBox")
            continue
        bleed = bleed or media
        margin = min(trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2],
                     bleed[3] - trim[3])
        if margin < min_bleed - 0.01:
            bad.append(f"page {number} has {margin / MM:.1f} mm bleed (need {min_bleed / MM:.0f})")
    for message in bad:
        report.add(FAIL, "boxes", message)
    if not bad:
        trim = _box(pdf.pages[0], "/TrimBox")
        report.add(PASS, "boxes", f"{len(pdf.pages)} page(s), trim {(trim[2] - trim[0]) / MM:.0f}"
                   f" × {(trim[3] - trim[1]) / MM:.0f} mm, bleed ≥ {min_bleed / MM:.0f} mm")


def output_profile(pdf: pikepdf.Pdf) -> bytes | None:
    """The CMYK profile of the PDF/X output intent, if there is one."""
    for intent in pdf.Root.get("/OutputIntents", []):
        if intent.get("/S") == pikepdf.Name.GTS_PDFX and "/DestOutputProfile" in intent:
            return intent.DestOutputProfile.read_bytes()
    return None


def check_intent(pdf: pikepdf.Pdf, report: Report) -> str:
    """The PDF/X version claimed ('' when none)."""
    version = str(pdf.docinfo.get("/GTS_PDFXVersion", ""))
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == pikepdf.Name.GTS_PDFX]
    if not intents:
        report.add(FAIL, "intent", "no PDF/X output intent (the plant cannot tell the print condition)")
        return version
    intent = intents[0]
    profile = intent.get("/DestOutputProfile")
    n = int(profile.get("/N", 0)) if profile is not None else 0
    condition = str(intent.get("/OutputConditionIdentifier", "?"))
    if n != 4 and not (profile is None and condition not in ("", "Custom")):
        report.add(FAIL, "intent", f"output intent '{condition}' has no CMYK profile")
    else:
        report.add(PASS, "intent", f"{version or 'PDF/X (version not stated)'}, output condition "
                   f"'{condition}'" + (", CMYK profile embedded" if n == 4 else ""))
    if not version:
        report.add(WARN, "intent", "GTS_PDFXVersion missing from the document information")
    if str(pdf.docinfo.get("/Trapped", "")) not in ("/False", "/True"):
        report.add(WARN, "intent", "Trapped is not set to True or False")
    return version


def check_colour(pdf: pikepdf.Pdf, report: Report, pdfx: str) -> None:
    uses = paint_use(pdf)
    families = set()
    for use in uses:
        families |= {f for f, n in use.vector.items() if n}
    bad = sorted(families & {"RGB", "Lab"})
    if bad:
        report.add(FAIL, "colour", f"vector colour in {', '.join(bad)} (print needs CMYK)")
    else:
        report.add(PASS, "colour", f"vector colour in {', '.join(sorted(families)) or 'none'}")
    check_text(uses, report)
    transparent = sum(u.transparency for u in uses)
    if transparent and pdfx.startswith("PDF/X-1"):
        report.add(FAIL, "colour", f"{transparent} use(s) of transparency, forbidden in {pdfx}")


def check_text(uses, report: Report) -> None:
    small_bad, large_colour, runs, overprint = 0, 0, 0, 0
    for use in uses:
        for (family, values, size, op), count in use.text.items():
            runs += count
            is_k = (family == "CMYK" and values == (0.0, 0.0, 0.0, 1.0)) or \
                (family == "gray" and values == (0.0,))
            overprint += count if op else 0
            if not is_k and size <= SMALL_TEXT:
                small_bad += count
            elif not is_k:
                large_colour += count
    if not runs:
        report.add(WARN, "text", "no text found")
    elif small_bad:
        report.add(FAIL, "text", f"{small_bad} of {runs} text runs up to {SMALL_TEXT:.0f} pt "
                   "are not 100 % K (rich or coloured black misregisters on newsprint)")
    else:
        report.add(PASS, "text", f"{runs} text runs in 100 % K"
                   + (f" ({large_colour} large runs in colour)" if large_colour else "")
                   + f", {overprint} set to overprint")


def _fonts(pdf: pikepdf.Pdf):
    seen = {}
    for page in pdf.pages:
        stack = [page.obj.get("/Resources")]
        while stack:
            res = stack.pop()
            if res is None:
                continue
            for font in res.get("/Font", {}).values():
                seen[font.objgen] = font
            for xobj in res.get("/XObject", {}).values():
                if xobj.get("/Subtype") == pikepdf.Name.Form and "/Resources" in xobj:
                    stack.append(xobj.Resources)
    return seen.values()


def _embedded(font) -> bool:
    if font.get("/Subtype") == pikepdf.Name.Type3:
        return True
    if font.get("/Subtype") == pikepdf.Name.Type0:
        font = font.DescendantFonts[0]
    desc = font.get("/FontDescriptor")
    return desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def check_fonts(pdf: pikepdf.Pdf, report: Report) -> None:
    fonts = list(_fonts(pdf))
    missing = sorted({str(f.get("/BaseFont", "?"))[1:] for f in fonts if not _embedded(f)})
    if missing:
        report.add(FAIL, "fonts", f"not embedded: {', '.join(missing)}")
    else:
        names = {str(f.get("/BaseFont", "?"))[1:].split("+")[-1] for f in fonts}
        report.add(PASS, "fonts", f"{len(fonts)} font resources, all embedded "
                   f"({', '.join(sorted(names))})")


def check_metadata(pdf: pikepdf.Pdf, report: Report) -> None:
    title = str(pdf.docinfo.get("/Title", "")).strip()
    if not title:
        with pdf.open_metadata() as meta:
            title = str(meta.get("dc:title", "") or "").strip()
    lang = str(pdf.Root.get("/Lang", "")).strip()
    if not title:
        report.add(FAIL, "metadata", "no document title")
    else:
        report.add(PASS, "metadata", f"title “{title}”")
    if not lang:
        report.add(WARN, "metadata", "no document language (/Lang)")
    else:
        report.add(PASS, "metadata", f"language {lang}")


def preflight_pdf(path: Path, min_ppi: float = 200.0, min_bleed: float = MIN_BLEED) -> Report:
    """Check the PDF at `path` as the plant would; never raises for a readable PDF."""
    report = Report(Path(path))
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, OSError) as exc:
        report.readable = False
        report.add(FAIL, "file", _("not a readable PDF: {error}").format(error=exc))
        return report
    with pdf:
        check_boxes(pdf, report, min_bleed)
        pdfx = check_intent(pdf, report)
        check_colour(pdf, report, pdfx)
        check_fonts(pdf, report)
        image_findings(Path(path), pdf, output_profile(pdf), min_ppi, report)
        check_metadata(pdf, report)
    return report
