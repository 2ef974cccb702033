"""Writing the EPUB's ZIP container so that the same book gives the same bytes.

`mimetype` comes first, stored and without extra fields (as OCF requires);
every other entry follows in the order given, text deflated at level 9 and
media already compressed (JPEG, PNG, WOFF2) stored as they are (deflate
gains them 0–1 % for its time), with one fixed
timestamp (the book's `dcterms:modified`, clamped to the years ZIP can hold)
and fixed permissions, so nothing of the build machine or clock leaks in.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

MIMETYPE = b"application/epub+zip"
CONTAINER_XML = (b'<?xml version="1.0" encoding="utf-8"?>\n'
                 b'<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
                 b'  <rootfiles>\n'
                 b'    <rootfile full-path="{opf}" media-type="application/oebps-package+xml"/>\n'
                 b'  </rootfiles>\n'
                 b'</container>\n')
# Apple Books shows the book's own fonts only when asked to.
APPLE_OPTIONS_PATH = "META-INF/com.apple.ibooks.display-options.xml"
APPLE_OPTIONS = (b'<?xml version="1.0" encoding="utf-8"?>\n'
                 b'<display_options>\n'
                 b'  <platform name="*">\n'
                 b'    <option name="specified-fonts">true</option>\n'
                 b'  </platform>\n'
                 b'</display_options>\n')
ZIP_FIRST = (1980, 1, 1, 0, 0, 0)        # the range a ZIP timestamp can hold
ZIP_LAST = (2107, 12, 31, 23, 59, 58)
STORED_SUFFIXES = (".jpg", ".jpeg", ".png", ".woff2")


def container_xml(opf_path: str) -> bytes:
    """META-INF/container.xml pointing at the package document."""
    return CONTAINER_XML.replace(b"{opf}", opf_path.encode("utf-8"))


def _entry(name: str, moment: tuple[int, ...], stored: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=moment)  # type: ignore[arg-type]
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.create_system = 3                       # Unix, whatever machine builds
    info.external_attr = 0o100644 << 16           # a regular file, rw-r--r--
    return info


def write_zip(target: Path, entries: list[tuple[str, bytes]], when: dt.datetime) -> None:
    """Write `mimetype` and then `entries` (path, bytes) to `target`, in order."""
    stamp = min(ZIP_LAST, max(ZIP_FIRST, tuple(when.timetuple()[:6])))
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(_entry("mimetype", stamp, stored=True), MIMETYPE)
        for name, data in entries:
            stored = name.lower().endswith(STORED_SUFFIXES)
            archive.writestr(_entry(name, stamp, stored), data, compresslevel=None if stored else 9)
