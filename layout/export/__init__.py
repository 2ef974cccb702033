"""Exporters: one registry maps a format name to the function that writes it.

Every exporter has the same signature::

    write(job: ExportJob, target: Path) -> str    # returns a one-line summary

PDF draws `job.placed` (placed pages) only; DOCX and EPUB read `job.issue`
(the semantic model) only. Exporters are imported when used, so a DOCX-only
build never loads reportlab.
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

    def load(self) -> Callable[[ExportJob, Path], str]:
        module, func = self.target.split(":")
        return getattr(importlib.import_module(module), func)


REGISTRY: dict[str, Exporter] = {
    "pdf": Exporter("pdf", ".pdf", "layout.export.pdf:write_pdf", True),
    "docx": Exporter("docx", ".docx", "layout.export.docx:write_docx", False),
    "epub": Exporter("epub", ".epub", "layout.export.epub:write_epub", False),
}
