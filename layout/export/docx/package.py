"""The DOCX package: opened from the unzipped reference document, saved reproducibly.

The reference lives unzipped under `reference/` so its XML diffs well; it is
read once a process and zipped in memory, stored (not deflated: python-docx
only reads it), for python-docx. Saving takes python-docx's parts as it
would write them and zips them once, in a fixed order with a fixed timestamp
(the issue date), the XML deflated and the photos stored (JPEG and PNG do not
deflate: a second pass over them cost more than the rest of the package);
the core properties carry the issue date, so the same issue always gives the
same bytes.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from functools import cache
from pathlib import Path

import docx
from docx.document import Document

from layout.model import Issue

REFERENCE_DIR = Path(__file__).with_name("reference")
FIRST_PART = "[Content_Types].xml"


def _zip_time(date: dt.date) -> tuple[int, int, int, int, int, int]:
    return (max(date.year, 1980), date.month, date.day, 0, 0, 0)


STORED = (".jpg", ".jpeg", ".png", ".gif")     # parts that do not deflate


def _write_zip(parts: dict[str, bytes], out, date: dt.date, deflate: bool = True) -> None:
    names = sorted(parts, key=lambda n: (n != FIRST_PART, n))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_zip_time(date))
            info.compress_type = zipfile.ZIP_DEFLATED if deflate and not \
                name.lower().endswith(STORED) else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            archive.writestr(info, parts[name])


def _without_comments(data: bytes) -> bytes:
    """An XML part without the explanatory comments the reference carries."""
    from lxml import etree

    root = etree.fromstring(data, etree.XMLParser(remove_comments=True))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def reference_parts(reference_dir: Path = REFERENCE_DIR) -> dict[str, bytes]:
    """Every file of the unzipped reference document, by its part name, comments removed."""
    return dict(_reference_parts(reference_dir))


@cache
def _reference_parts(reference_dir: Path) -> tuple[tuple[str, bytes], ...]:
    parts = {}
    for path in sorted(reference_dir.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix in (".xml", ".rels"):
                data = _without_comments(data)
            parts[path.relative_to(reference_dir).as_posix()] = data
    return tuple(parts.items())


def open_reference(date: dt.date) -> Document:
    """A python-docx Document built on the committed reference document."""
    buffer = io.BytesIO()
    _write_zip(reference_parts(), buffer, date, deflate=False)
    buffer.seek(0)
    return docx.Document(buffer)


def set_core_properties(document: Document, issue: Issue) -> None:
    """Title, author and dates from the issue, never from the clock."""
    when = dt.datetime.combine(issue.date, dt.time(0, 0))
    number = f" 总第{issue.number}期" if issue.number else ""
    props = document.core_properties
    props.title = f"{issue.paper} {issue.date.isoformat()}{number}"
    props.subject = "校对稿 (copy-editing document)"
    props.author = issue.paper
    props.last_modified_by = "layout"
    props.language = "zh-CN"
    props.revision = 1
    props.created = when
    props.modified = when
    props.keywords = f"layout issue {issue.name}"


def save_reproducibly(document: Document, target: Path, date: dt.date) -> None:
    """Save `document` to `target` with sorted parts and fixed timestamps."""
    with open(target, "wb") as out:
        _write_zip(package_parts(document), out, date)


class _Parts:
    """Takes the parts python-docx's package writer writes, by member name."""

    def __init__(self):
        self.parts: dict[str, bytes] = {}

    def write(self, uri, blob: bytes) -> None:
        self.parts[uri.membername] = blob


def package_parts(document: Document) -> dict[str, bytes]:
    """Every part of the package as `Document.save` writes it (content types, the
    package's relationships, each part and its relationships), not zipped: python-docx's
    own PackageWriter steps, given a collector for its zip writer."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    collected = _Parts()
    PackageWriter._write_content_types_stream(collected, package.parts)
    PackageWriter._write_pkg_rels(collected, package.rels)
    PackageWriter._write_parts(collected, package.parts)
    return collected.parts
