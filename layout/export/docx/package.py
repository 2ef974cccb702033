"""The DOCX package: opened from the unzipped reference document, saved reproducibly.

The reference lives unzipped under `reference/` so its XML diffs well; it is
zipped in memory for python-docx. Saving re-zips the parts in a fixed order
with a fixed timestamp (the issue date), and the core properties carry the
issue date, so the same issue always gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document

from layout.model import Issue

REFERENCE_DIR = Path(__file__).with_name("reference")
FIRST_PART = "[Content_Types].xml"


def _zip_time(date: dt.date) -> tuple[int, int, int, int, int, int]:
    return (max(date.year, 1980), date.month, date.day, 0, 0, 0)


def _write_zip(parts: dict[str, bytes], out, date: dt.date) -> None:
    names = sorted(parts, key=lambda n: (n != FIRST_PART, n))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=_zip_time(date))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, parts[name])


def _without_comments(data: bytes) -> bytes:
    """An XML part without the explanatory comments the reference carries."""
    from lxml import etree

    root = etree.fromstring(data, etree.XMLParser(remove_comments=True))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def reference_parts(reference_dir: Path = REFERENCE_DIR) -> dict[str, bytes]:
    """Every file of the unzipped reference document, by its part name, comments removed."""
    parts = {}
    for path in sorted(reference_dir.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix in (".xml", ".rels"):
                data = _without_comments(data)
            parts[path.relative_to(reference_dir).as_posix()] = data
    return parts


def open_reference(date: dt.date) -> Document:
    """A python-docx Document built on the committed reference document."""
    buffer = io.BytesIO()
    _write_zip(reference_parts(), buffer, date)
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
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    with open(target, "wb") as out:
        _write_zip(parts, out, date)
