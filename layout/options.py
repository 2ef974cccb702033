"""Options of one build, as given on the command line, and their check before any work."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from layout.errors import InputError
from layout.i18n import _

FORMATS = ("pdf", "docx", "epub", "web")
PDFX_FLAVOURS = ("X-4", "X-1a")
DOCX_LAYOUTS = ("edit", "pages")
BREAKERS = ("total-fit", "first-fit")


@dataclass(frozen=True, slots=True)
class BuildOptions:
    formats: tuple[str, ...] = FORMATS
    out_dir: Path | None = None          # default: output/<issue folder name>/
    proof: bool = False                   # light RGB screen PDF with a 校样 marker
    marks: bool = False                   # crop and registration marks
    pdfx: str | None = None               # X-4 (default from style) or X-1a
    allow_overflow: bool = False          # build even when copy does not fit
    docx_layout: str = "edit"             # edit (A4) or pages
    epub_fonts: bool | None = None        # None: the exporter's measured default
    breaker: str = "total-fit"            # or first-fit
    site: Path | None = None              # publish the web edition into this archive folder
    extra: dict = field(default_factory=dict)


def _one_of(option: str, value: str, choices: tuple[str, ...]) -> None:
    raise InputError(_("{option} {value}: choose {choices}").format(
        option=option, value=value, choices=_(" or ").join(choices)))


def check_options(options: BuildOptions) -> None:
    """Refuse any option value no stage could honour, before the build reads anything."""
    bad = [f for f in options.formats if f not in FORMATS]
    if bad or not options.formats:
        _one_of("--format", ",".join(bad) or "''", FORMATS)
    if options.pdfx is not None:
        flavour = options.pdfx.strip().upper().replace("PDF/", "")
        if flavour not in {f.upper() for f in PDFX_FLAVOURS}:
            _one_of("--pdfx", options.pdfx, PDFX_FLAVOURS)
    if (options.docx_layout or "edit") not in DOCX_LAYOUTS:
        _one_of("--docx-layout", options.docx_layout, DOCX_LAYOUTS)
    if options.breaker not in BREAKERS:
        _one_of("--breaker", options.breaker, BREAKERS)
    if options.site is not None and "web" not in options.formats:
        raise InputError(_("--site publishes the web edition: add web to --format"))
