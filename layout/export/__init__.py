"""Exporters: one registry maps a format name to the function that writes it.

Every exporter has the same signature::

    write(job: ExportJob, target: Path) -> str    # returns a one-line summary

PDF draws `job.placed` (placed pages) only; DOCX and EPUB read `job.issue`
(the semantic model) only; the web edition reads both (page images of the
placed pages and their articles' blocks, article pages from the model) and
writes a folder (`OUT/web/`) rather than a file. Exporters are imported when
used, so a DOCX-only build never loads reportlab.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:   # the registry itself loads nothing: a format's modules load when it is used
    from layout.errors import Diagnostics
    from layout.model import Issue
    from layout.model.placed import PlacedIssue
    from layout.options import BuildOptions


@dataclass(frozen=True, slots=True)
class ExportJob:
    issue: Issue
    placed: PlacedIssue | None
    options: BuildOptions
    diagnostics: Diagnostics


@dataclass(frozen=True, slots=True)
class Exporter:
    name: str
    suffix: str
    target: str          # "module:function"
    needs_pages: bool    # whether it draws placed pages
    folder: bool = False  # writes a folder named after the format (OUT/web/), not a file
    # the heavier modules it imports (reading photos, XML): those a drawn and a reflowed
    # format share are imported once before the process that writes the latter is forked
    imports: tuple[str, ...] = ()

    def output(self, issue_name: str) -> str:
        """The name of what it writes in the output folder: `sample.pdf`, `web`."""
        return self.name if self.folder else f"{issue_name}{self.suffix}"

    def load(self) -> Callable[[ExportJob, Path], str]:
        module, func = self.target.split(":")
        return getattr(importlib.import_module(module), func)


# Pillow with the formats its first Image.open loads (Image.preinit), and the artwork
PHOTOS = ("PIL.Image", "PIL.BmpImagePlugin", "PIL.GifImagePlugin", "PIL.JpegImagePlugin",
          "PIL.PpmImagePlugin", "PIL.PngImagePlugin", "PIL.ImageOps", "layout.export.artwork")

DRAWING = ("layout.export.pdf", "reportlab.lib.fonts")   # reportlab, pikepdf, the page drawing

REGISTRY: dict[str, Exporter] = {
    "pdf": Exporter("pdf", ".pdf", "layout.export.pdf:write_pdf", True,
                    imports=PHOTOS + ("lxml.etree",) + DRAWING),     # lxml: pikepdf's XMP
    "docx": Exporter("docx", ".docx", "layout.export.docx:write_docx", False,
                     imports=PHOTOS + ("lxml.etree",)),    # lxml: python-docx
    "epub": Exporter("epub", ".epub", "layout.export.epub:write_epub", False, imports=PHOTOS),
    "web": Exporter("web", "", "layout.export.web:write_web", True, folder=True,
                    imports=PHOTOS + ("lxml.etree",) + DRAWING),   # page images: the PDF's drawing
}


def shared_imports(drawn: list[Exporter], reflowed: list[Exporter]) -> list[str]:
    """The modules both a process writing `drawn` and one writing `reflowed` import."""
    first = {m for e in drawn for m in e.imports}
    second = {m for e in reflowed for m in e.imports}
    return sorted(first & second)
