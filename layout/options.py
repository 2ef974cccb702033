"""Options of one build, as given on the command line."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FORMATS = ("pdf", "docx", "epub")


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
    extra: dict = field(default_factory=dict)
