"""Preflight of any PDF for a newspaper plant: boxes, intent, colour, text, fonts, photos.

`preflight_pdf(path)` returns a `Report` of findings, each passed, a warning
or a failure, under a topic. Failures are what a plant rejects: no TrimBox,
less than 3 mm bleed, no CMYK output intent, an RGB colour or image, small
text not in 100 % K, a font not embedded, a photo under the minimum
resolution, transparency in PDF/X-1a, an image over the total ink limit.
"""
from __future__ import annotations

import zlib
from pathlib import Path

import pikepdf

from layout.i18n import _
from layout.preflight.content import paint_use
from layout.preflight.limits import bomb_problems
from layout.preflight.images import image_findings
from layout.preflight.report import FAIL, PASS, WARN, Report

MM = 72 / 25.4
MIN_BLEED = 3 * MM
SMALL_TEXT = 14.0     # points: text up to this size must be 100 % K
def _box(page: pikepdf.Page, name: str) -> list[float] | None:
    box = page.obj.get(name)
    return [float(v) for v in box] if box is not None else None


def check_boxes(pdf: pikepdf.Pdf, report: Report, min_bleed: float = MIN_BLEED) -> None:
    bad = []
    for number, page in enumerate(pdf.pages, 1):
        trim, bleed = _box(page, "/TrimBox"), _box(page, "/BleedBox")
        media = _box(page, "/MediaBox")
        if trim is None:
            bad.append(_("page {number} has no TrimBox").format(number=number))
            continue
        bleed = bleed or media
        margin = min(trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2],
                     bleed[3] - trim[3])
        if margin < min_bleed - 0.01:
            bad.append(_("page {number} has {bleed:.1f} mm bleed (need {need:.0f})").format(
                number=number, bleed=margin / MM, need=min_bleed / MM))
    for message in bad:
        report.add(FAIL, "boxes", message)
    if not bad:
        trim = _box(pdf.pages[0], "/TrimBox")
        report.add(PASS, "boxes", _("{pages} page(s), trim {width:.0f} × {height:.0f} mm, bleed ≥ "
                                    "{bleed:.0f} mm").format(pages=len(pdf.pages), width=(trim[2] - trim[0]) / MM,
                                                             height=(trim[3] - trim[1]) / MM, bleed=min_bleed / MM))


def output_profile(pdf: pikepdf.Pdf) -> bytes | None:
    """The CMYK profile of the PDF/X output intent, if there is one."""
    for intent in pdf.Root.get("/OutputIntents", []):
        if intent.get("/S") == pikepdf.Name.GTS_PDFX and "/DestOutputProfile" in intent:
            return intent.DestOutputProfile.read_bytes()
    return None


def check_intent(pdf: pikepdf.Pdf, report: Report) -> str:
    """The PDF/X version claimed ('' when none), also kept as `report.pdfx`."""
    version = report.pdfx = str(pdf.docinfo.get("/GTS_PDFXVersion", ""))
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == pikepdf.Name.GTS_PDFX]
    if not intents:
        report.add(FAIL, "intent", _("no PDF/X output intent (the plant cannot tell the print condition)"))
        return version
    intent = intents[0]
    profile = intent.get("/DestOutputProfile")
    n = int(profile.get("/N", 0)) if profile is not None else 0
    condition = str(intent.get("/OutputConditionIdentifier", "?"))
    if n != 4 and not (profile is None and condition not in ("", "Custom")):
        report.add(FAIL, "intent", _("output intent '{condition}' has no CMYK profile").format(condition=condition))
    else:
        report.add(PASS, "intent", _("{version}, output condition '{condition}'").format(
            version=version or _("PDF/X (version not stated)"), condition=condition)
            + (_(", CMYK profile embedded") if n == 4 else ""))
    if not version:
        report.add(WARN, "intent", _("GTS_PDFXVersion missing from the document information"))
    if str(pdf.docinfo.get("/Trapped", "")) not in ("/False", "/True"):
        report.add(WARN, "intent", _("Trapped is not set to True or False"))
    return version


def check_colour(uses, report: Report, pdfx: str) -> None:
    report.text_load = [(use.string_bytes, sum(use.text.values())) for use in uses]
    families = set()
    for use in uses:
        families |= {f for f, n in use.vector.items() if n}
    bad = sorted(families & {"RGB", "Lab"})
    if bad:
        report.add(FAIL, "colour", _("vector colour in {spaces} (print needs CMYK)").format(spaces=", ".join(bad)))
    else:
        report.add(PASS, "colour", _("vector colour in {spaces}").format(
            spaces=", ".join(sorted(families)) or _("none")))
    check_text(uses, report)
    transparent = sum(u.transparency for u in uses)
    if transparent and pdfx.startswith("PDF/X-1"):
        report.add(FAIL, "colour", _("{n} use(s) of transparency, forbidden in {pdfx}").format(
            n=transparent, pdfx=pdfx))


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
        report.add(WARN, "text", _("no text found"))
    elif small_bad:
        report.add(FAIL, "text", _("{bad} of {runs} text runs up to {size:.0f} pt are not 100 % K "
                                   "(rich or coloured black misregisters on newsprint)").format(
            bad=small_bad, runs=runs, size=SMALL_TEXT))
    else:
        report.add(PASS, "text", _("{runs} text runs in 100 % K").format(runs=runs)
                   + (_(" ({n} large runs in colour)").format(n=large_colour) if large_colour else "")
                   + _(", {n} set to overprint").format(n=overprint))


def _fonts(pdf: pikepdf.Pdf):
    """Every font resource of the pages and the forms they draw (each form once)."""
    seen, visited = {}, set()
    for page in pdf.pages:
        stack = [page.obj.get("/Resources")]
        while stack:
            res = stack.pop()
            if not isinstance(res, pikepdf.Dictionary) or res.objgen in visited and res.objgen != (0, 0):
                continue
            visited.add(res.objgen)
            for font in res.get("/Font", {}).values():
                if isinstance(font, pikepdf.Dictionary):
                    seen[font.objgen] = font
            for xobj in res.get("/XObject", {}).values():
                if isinstance(xobj, pikepdf.Stream) and xobj.get("/Subtype") == pikepdf.Name.Form \
                        and "/Resources" in xobj and xobj.objgen not in visited:
                    visited.add(xobj.objgen)
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
        report.add(FAIL, "fonts", _("not embedded: {fonts}").format(fonts=", ".join(missing)))
    elif not fonts:
        report.add(PASS, "fonts", _("no fonts"))
    else:
        names = {str(f.get("/BaseFont", "?"))[1:].split("+")[-1] for f in fonts}
        report.add(PASS, "fonts", _("{n} font resources, all embedded ({names})").format(
            n=len(fonts), names=", ".join(sorted(names))))


def check_metadata(pdf: pikepdf.Pdf, report: Report) -> None:
    title = str(pdf.docinfo.get("/Title", "")).strip()
    if not title:
        with pdf.open_metadata() as meta:
            title = str(meta.get("dc:title", "") or "").strip()
    lang = str(pdf.Root.get("/Lang", "")).strip()
    if not title:
        report.add(FAIL, "metadata", _("no document title"))
    else:
        report.add(PASS, "metadata", _("title “{title}”").format(title=title))
    if not lang:
        report.add(WARN, "metadata", _("no document language (/Lang)"))
    else:
        report.add(PASS, "metadata", _("language {lang}").format(lang=lang))


# A damaged PDF can break any check in its own way; each is then one failing line.
DAMAGE = (pikepdf.PdfError, ValueError, TypeError, AttributeError, KeyError, IndexError,
          RuntimeError, OSError, zlib.error)


def open_pdf(path: Path, report: Report) -> pikepdf.Pdf | None:
    """The PDF at `path`, or None with the reason added to `report`."""
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        report.add(FAIL, "file", _("the PDF is encrypted with a password; send the plant the PDF "
                                   "without one"))
    except (pikepdf.PdfError, OSError, RecursionError) as exc:
        report.add(FAIL, "file", _("not a readable PDF: {error}").format(error=exc))
    else:
        damage = [str(w).split(": ", 1)[-1] for w in pdf.get_warnings()]
        if damage:
            report.add(FAIL, "file", _("the file is damaged or truncated (it was read by repairing "
                                       "it: {warning}); export it again").format(warning=damage[0]))
        if len(pdf.pages):
            return pdf
        pdf.close()
        report.add(FAIL, "file", _("not a readable PDF: it has no pages"))
    report.readable = False
    return None


def _guarded(report: Report, topic: str, check, *args):
    """`check(*args)`, or None with one failing line if the PDF's damage breaks it."""
    try:
        return check(*args)
    except DAMAGE as exc:
        report.add(FAIL, topic, _("cannot be checked, the PDF is damaged here: {error}").format(
            error=f"{type(exc).__name__}: {exc}"))
        return None


def _bombs(pdf: pikepdf.Pdf, report: Report) -> None:
    for problem in bomb_problems(pdf):
        report.safe = False
        report.add(FAIL, "file", problem + _("; contents and images are not checked"))


def preflight_pdf(path: Path, min_ppi: float = 200.0, min_bleed: float = MIN_BLEED) -> Report:
    """Check the PDF at `path` as the plant would; never raises, whatever the file holds."""
    report = Report(Path(path))
    pdf = open_pdf(path, report)
    if pdf is None:
        return report
    with pdf:
        _guarded(report, "file", _bombs, pdf, report)
        if pdf.is_encrypted:
            report.add(FAIL, "file", _("the PDF is encrypted (PDF/X forbids it)"))
        _guarded(report, "boxes", check_boxes, pdf, report, min_bleed)
        _guarded(report, "intent", check_intent, pdf, report)
        uses = (_guarded(report, "colour", paint_use, pdf) if report.safe else None) or []
        if report.safe:
            _guarded(report, "colour", check_colour, uses, report, report.pdfx)
        _guarded(report, "fonts", check_fonts, pdf, report)
        if report.safe:
            _guarded(report, "images", image_findings, pdf, uses, output_profile(pdf), min_ppi, report)
        _guarded(report, "metadata", check_metadata, pdf, report)
    return report
