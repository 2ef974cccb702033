"""The edited DOCX as the import needs it: paragraphs, style names, notes and the snapshot.

Parts are found the way Word finds them — the package relationships name the
main document, and its relationships name the styles, comments, footnotes
and endnotes — with the usual names as the fallback. Each part is streamed
with its own size limit.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from layout.errors import InputError
from layout.export.docx.anchors import SNAPSHOT_NS
from layout.i18n import _
from layout.intake.docx.package import LIMITS, Limits, Package, open_package
from layout.intake.docx.read import BodyReader, DocPara, read_notes, read_style_names
from layout.intake.docx.xmlstream import Enough, parse
from layout.manifest.text import nfc

RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
SNAPSHOT_PARTS = 20   # custom XML parts looked at for the snapshot


@dataclass(frozen=True, slots=True)
class SnapField:
    """One part as it was exported: field, text, and for a paragraph its kind."""

    field: str
    text: str
    kind: str = "body"     # body, subhead or verse


@dataclass(slots=True)
class Docx:
    paragraphs: list[DocPara]
    comments: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[tuple[str, str, str]] = field(default_factory=list)   # footnotes, endnotes
    snapshot: dict[str, list[SnapField]] = field(default_factory=dict)   # article id → fields


class _Relationships:
    """Relationship type (its last word) → target part name, from a .rels part."""

    def __init__(self, base: str):
        self.base, self.found = base, {}

    def start(self, name: str, attrib) -> None:
        if name != f"{{{RELS}}}Relationship" or attrib.get("TargetMode") == "External":
            return
        kind = (attrib.get("Type") or "").rsplit("/", 1)[-1]
        target = attrib.get("Target") or ""
        part = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(self.base, target))
        self.found.setdefault(kind, part)

    def end(self, name: str) -> None:
        pass

    def text(self, chunk: str) -> None:
        pass


def _targets(package: Package, rels_part: str, base: str) -> dict[str, str]:
    stream = package.open(rels_part, package.limits.part_bytes)
    if stream is None:
        return {}
    relationships = _Relationships(base)
    parse(stream, relationships, package.path, rels_part)
    return relationships.found


class _Snapshot:
    """The export snapshot in a custom XML part (stops at once when the part is another)."""

    def __init__(self):
        self.found: dict[str, list[SnapField]] | None = None
        self.article: str | None = None
        self.field: tuple[str, str] | None = None
        self.chars: list[str] = []

    def start(self, name: str, attrib) -> None:
        if self.found is None:
            if name != f"{{{SNAPSHOT_NS}}}export":
                raise Enough()
            self.found = {}
        elif name == f"{{{SNAPSHOT_NS}}}article":
            self.article = attrib.get("id") or ""
            self.found.setdefault(self.article, [])
        elif name == f"{{{SNAPSHOT_NS}}}field" and self.article is not None:
            self.field = (attrib.get("name") or "", attrib.get("kind") or "body")
            self.chars = []

    def end(self, name: str) -> None:
        if name == f"{{{SNAPSHOT_NS}}}field" and self.field is not None:
            self.found[self.article].append(SnapField(self.field[0], nfc("".join(self.chars)),
                                                      self.field[1]))
            self.field = None

    def text(self, chunk: str) -> None:
        if self.field is not None:
            self.chars.append(chunk)


def _snapshot(package: Package) -> dict[str, list[SnapField]]:
    names = [n for n in package.names() if n.startswith("customXml/item") and n.endswith(".xml")
             and "Props" not in n][:SNAPSHOT_PARTS]
    for name in names:
        stream = package.open(name, package.limits.part_bytes)
        if stream is None:
            continue
        snapshot = _Snapshot()
        parse(stream, snapshot, package.path, name)
        if snapshot.found is not None:
            return snapshot.found
    return {}


def read_docx(path: Path, mode: str, limits: Limits = LIMITS) -> Docx:
    """Read `path` with tracked changes accepted (`mode` "accept") or rejected ("reject")."""
    with open_package(Path(path), limits) as package:
        main = _targets(package, "_rels/.rels", "").get("officeDocument", "word/document.xml")
        folder, base = posixpath.split(main)
        parts = _targets(package, posixpath.join(folder, "_rels", base + ".rels"), folder)
        styles = package.open(parts.get("styles", "word/styles.xml"), limits.part_bytes)
        style_names = read_style_names(styles, path, "styles.xml") if styles else {}
        notes = {kind: _notes(package, parts.get(kind + "s", f"word/{kind}s.xml"), kind)
                 for kind in ("comment", "footnote", "endnote")}
        body = package.open(main, limits.document_bytes)
        if body is None:
            raise InputError(_("no main document in this file ({part}); save it from Word, WPS "
                               "or LibreOffice as .docx").format(part=main), path)
        reader = BodyReader(mode, style_names, limits, path)
        return Docx(reader.feed(body, main), notes["comment"],
                    [(f"{kind}:{number}", author, text) for kind in ("footnote", "endnote")
                     for number, author, text in notes[kind] if text],
                    _snapshot(package))


def _notes(package: Package, part: str, element: str) -> list[tuple[str, str, str]]:
    stream = package.open(part, package.limits.part_bytes)
    if stream is None:
        return []
    return read_notes(stream, package.path, part, element, package.limits.characters)
