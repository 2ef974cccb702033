"""PDF/X after reportlab (pikepdf): page boxes, output intent, Info keys and XMP metadata.

reportlab draws; this module describes. It sets each page's TrimBox (the
trim size), BleedBox (trim plus bleed) and MediaBox (the bleed box, or more
with marks), and for a print PDF the PDF/X identification: an output intent
with the embedded CMYK profile, `GTS_PDFXVersion`, `Trapped False`, XMP with
the same facts, and a document ID derived from the content. A proof gets
the boxes and metadata but no PDF/X claim.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from layout.export.pdf.settings import PdfSettings

PDFX_VERSION = {"X-4": "PDF/X-4", "X-1a": "PDF/X-1a:2003"}
PDF_VERSION = {"X-4": "1.6", "X-1a": "1.4"}
COLOR_ORG = "http://www.color.org"


@dataclass(frozen=True, slots=True)
class Description:
    title: str
    author: str
    subject: str
    keywords: str
    date: dt.date
    lang: str = "zh-CN"


@dataclass(frozen=True, slots=True)
class Geometry:
    trim: tuple[float, float]     # width, height of the trimmed page
    bleed: float
    marks: float                  # extra space beyond the bleed for marks

    def boxes(self) -> dict[str, list[float]]:
        w, h = self.trim
        o = self.bleed + self.marks
        media = [0, 0, w + 2 * o, h + 2 * o]
        return {"/MediaBox": media, "/CropBox": media,
                "/BleedBox": [o - self.bleed, o - self.bleed, o + w + self.bleed, o + h + self.bleed],
                "/TrimBox": [o, o, o + w, o + h]}


def _pdf_date(day: dt.date) -> str:
    return f"D:{day:%Y%m%d}000000+08'00'"


def _xmp_date(day: dt.date) -> str:
    return f"{day:%Y-%m-%d}T00:00:00+08:00"


def _profile(path: Path) -> tuple[bytes, str]:
    """The ICC profile deflated, and its description, cached by the profile's content:
    deflating a 230 KB profile cost ~0.015 s CPU in every build."""
    import marshal

    from layout.cache import cached

    def make() -> bytes:
        from PIL import ImageCms

        data = path.read_bytes()
        info = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(data))).strip()
        return marshal.dumps((zlib.compress(data, 9), info))

    def load(raw: bytes) -> tuple[bytes, str]:
        deflated, info = marshal.loads(raw)
        if not (isinstance(deflated, bytes) and isinstance(info, str)):
            raise ValueError("not a profile")
        return deflated, info

    return cached("icc", (path,), make, load)


def _output_intent(pdf: pikepdf.Pdf, settings: PdfSettings) -> pikepdf.Dictionary:
    deflated, info = _profile(settings.profile)
    profile = pikepdf.Stream(pdf, deflated)
    profile["/Filter"] = pikepdf.Name.FlateDecode
    profile["/N"] = 4
    return pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
        OutputConditionIdentifier=settings.condition, OutputCondition=info,
        RegistryName=COLOR_ORG, Info=info, DestOutputProfile=pdf.make_indirect(profile))


def _xmp(pdf: pikepdf.Pdf, about: Description, settings: PdfSettings, doc_id: str) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:title"] = about.title
        meta["dc:creator"] = [about.author]
        meta["dc:description"] = about.subject
        meta["dc:language"] = [about.lang]
        meta["pdf:Keywords"] = about.keywords
        meta["pdf:Producer"] = "layout (reportlab, pikepdf)"
        meta["xmp:CreatorTool"] = "layout"
        for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
            meta[key] = _xmp_date(about.date)
        meta["xmpMM:DocumentID"] = f"uuid:{doc_id}"
        meta["xmpMM:InstanceID"] = f"uuid:{doc_id}"
        if settings.print_ready:
            meta["pdf:Trapped"] = "False"
            meta["xmpMM:RenditionClass"] = "default"
            meta["xmpMM:VersionID"] = "1"
            if settings.pdfx == "X-4":
                meta["pdfxid:GTS_PDFXVersion"] = PDFX_VERSION["X-4"]
            else:
                meta["pdfx:GTS_PDFXVersion"] = PDFX_VERSION["X-1a"]


def _info(pdf: pikepdf.Pdf, about: Description, settings: PdfSettings) -> None:
    info = pdf.docinfo
    for key in list(info.keys()):
        del info[key]
    info["/Title"], info["/Author"] = about.title, about.author
    info["/Subject"], info["/Keywords"] = about.subject, about.keywords
    info["/Creator"], info["/Producer"] = "layout", "layout (reportlab, pikepdf)"
    info["/CreationDate"] = info["/ModDate"] = _pdf_date(about.date)
    if settings.print_ready:
        info["/Trapped"] = pikepdf.Name("/False")
        info["/GTS_PDFXVersion"] = PDFX_VERSION[settings.pdfx]


_CMAP_ENTRY = re.compile(rb"<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{5,6})>")


def _utf16_hex(match: re.Match) -> bytes:
    """A bfchar entry whose target lies beyond the BMP, rewritten as a UTF-16 surrogate pair."""
    char = chr(int(match.group(2), 16))
    return b"<" + match.group(1) + b"> <" + char.encode("utf-16-be").hex().upper().encode() + b">"


def fix_to_unicode(pdf: pikepdf.Pdf) -> None:
    """reportlab writes code points above U+FFFF unencoded into ToUnicode maps (`<20164>`),
    so 𠅤 or 𬌗 would not extract or search; CMaps need UTF-16BE (`<D840DD64>`)."""
    for font in {f.objgen: f for page in pdf.pages
                 for f in page.obj.Resources.get("/Font", pikepdf.Dictionary()).values()}.values():
        cmap = font.get("/ToUnicode")
        if cmap is None:
            continue
        data = cmap.read_bytes()
        fixed = _CMAP_ENTRY.sub(_utf16_hex, data)
        if fixed != data:
            cmap.write(zlib.compress(fixed), filter=pikepdf.Name.FlateDecode)


def finish(raw: bytes, target: Path, geometry: Geometry, about: Description,
           settings: PdfSettings) -> None:
    """Rewrite reportlab's PDF `raw` into `target` with boxes and PDF/X identification."""
    doc_id = str(uuid.UUID(hashlib.md5(raw).hexdigest()))
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        for page in pdf.pages:
            for name, box in geometry.boxes().items():
                page.obj[name] = pikepdf.Array(round(v, 3) for v in box)
        fix_to_unicode(pdf)
        pdf.Root.Lang = about.lang
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        if settings.print_ready:
            pdf.Root.OutputIntents = pikepdf.Array([_output_intent(pdf, settings)])
        _info(pdf, about, settings)
        _xmp(pdf, about, settings, doc_id)
        version = PDF_VERSION[settings.pdfx] if settings.print_ready else "1.6"
        out = io.BytesIO()
        # Every stream is written as it is: reportlab deflated the pages and fonts, _profile
        # the profile. qpdf's default decodes and deflates each again (~0.03 s CPU a page).
        pdf.save(out, force_version=version, deterministic_id=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable, linearize=False,
                 compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    # Written by Python, not by qpdf: qpdf writing straight to a file aborts the whole
    # process (C++ terminate, no Python error) when the disk fills up.
    target.write_bytes(out.getbuffer())
