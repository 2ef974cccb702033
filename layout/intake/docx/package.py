"""Opening an edited DOCX with every size checked before anything is inflated.

A DOCX is a zip archive. Before Python's zipfile reads the archive's
directory, its end record is read by hand: too many members, or a directory
too large, are refused there. Then every member's declared sizes are checked
(each member, all together, and the ratio of inflated to stored bytes); the
few XML parts the import reads are then streamed, never inflated whole, with
the bytes counted as they come (a member that inflates to more than it
declares fails its CRC check in zipfile, and the count stops it anyway).

Each limit is named in the one-line error a refused file gets.
"""
from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

from layout.errors import InputError
from layout.i18n import _

MB = 1 << 20


@dataclass(frozen=True, slots=True)
class Limits:
    """What a copy editor's DOCX of one edition stays far below."""

    members: int = 1000               # parts in the archive (a DOCX has 10–200)
    directory_bytes: int = 1 * MB     # the zip's central directory
    member_bytes: int = 256 * MB      # any member, as declared (photos included)
    total_bytes: int = 1024 * MB      # all members together, as declared
    ratio: int = 100                  # inflated / stored, for members over 1 MB
    document_bytes: int = 32 * MB     # word/document.xml, inflated
    part_bytes: int = 8 * MB          # styles, comments and the export snapshot, inflated
    characters: int = 2_000_000       # text in the document (an edition is ~100,000)
    paragraphs: int = 50_000
    bookmarks: int = 100_000          # anchors (two to a paragraph at most)
    open_bookmarks: int = 500         # anchors open at one time
    depth: int = 256                  # nesting of XML elements
    elements: int = 1_500_000         # XML elements in all the parts read (an edition: ~200,000)


LIMITS = Limits()
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"


def _mb(size: int) -> str:
    return f"{size / MB:,.1f}"


def _too_big(path: Path, what: str, size: str, limit: str) -> InputError:
    return InputError(_("{what} is {size}, over the limit of {limit} for a copy editor's DOCX; "
                        "this file is not a DOCX saved by Word, WPS or LibreOffice "
                        "(damaged, or made to exhaust memory)")
                      .format(what=what, size=size, limit=limit), path)


def _directory_size(path: Path) -> tuple[int, int]:
    """(entries, directory bytes) from the zip's end record, read without zipfile."""
    with open(path, "rb") as f:
        f.seek(0, 2)
        size = f.tell()
        tail_len = min(size, 22 + 0xFFFF)
        f.seek(size - tail_len)
        tail = f.read(tail_len)
        at = tail.rfind(_EOCD)
        if at < 0 or len(tail) - at < 22:
            raise zipfile.BadZipFile("no end of central directory record")
        entries, cd_size = struct.unpack_from("<HI", tail, at + 10)
        if entries == 0xFFFF or cd_size == 0xFFFFFFFF:
            locator = tail.rfind(_EOCD64_LOCATOR, 0, at)
            if locator < 0 or at - locator != 20:
                raise zipfile.BadZipFile("ZIP64 end record missing")
            (record,) = struct.unpack_from("<Q", tail, locator + 8)
            if record + 56 > size:
                raise zipfile.BadZipFile("ZIP64 end record out of the file")
            f.seek(record)
            head = f.read(56)
            if head[:4] != b"PK\x06\x06":
                raise zipfile.BadZipFile("bad ZIP64 end record")
            entries, cd_size = struct.unpack_from("<QQ", head, 32)
    return entries, cd_size


class Budget:
    """What is left of the package's XML elements, shared by all the parts read."""

    def __init__(self, elements: int):
        self.limit = self.left = elements


class _Counted:
    """A member's stream that stops at `limit` inflated bytes; `budget` is the package's."""

    def __init__(self, stream, limit: int, path: Path, name: str, budget: Budget):
        self.stream, self.limit, self.path, self.name = stream, limit, path, name
        self.budget = budget
        self.count = 0

    def read(self, n: int = -1) -> bytes:
        data = self.stream.read(64 * 1024 if n is None or n < 0 else min(n, 64 * 1024))
        self.count += len(data)
        if self.count > self.limit:
            raise _too_big(self.path, self.name, _("more than {size} MB").format(
                size=_mb(self.limit)), _("{size} MB").format(size=_mb(self.limit)))
        return data


class Package:
    """An edited DOCX, opened with its sizes checked; parts are read as streams."""

    def __init__(self, path: Path, limits: Limits = LIMITS):
        self.path, self.limits = path, limits
        entries, directory = _directory_size(path)
        if entries > limits.members:
            raise _too_big(path, _("the number of parts"), str(entries), str(limits.members))
        if directory > limits.directory_bytes:
            raise _too_big(path, _("the zip directory"), _("{size} MB").format(size=_mb(directory)),
                           _("{size} MB").format(size=_mb(limits.directory_bytes)))
        self.zip = zipfile.ZipFile(path)
        self.budget = Budget(limits.elements)
        self._check_members()

    def _check_members(self) -> None:
        limits, infos = self.limits, self.zip.infolist()
        if len(infos) > limits.members:
            raise _too_big(self.path, _("the number of parts"), str(len(infos)),
                           str(limits.members))
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > limits.member_bytes:
                raise self._size_error(info.filename, info.file_size, limits.member_bytes)
            stored = max(info.compress_size, 1)
            if info.file_size > MB and info.file_size / stored > limits.ratio:
                raise _too_big(self.path, info.filename,
                               _("{ratio}× its stored size").format(ratio=info.file_size // stored),
                               _("{ratio}×").format(ratio=limits.ratio))
        if total > limits.total_bytes:
            raise self._size_error(_("all parts together"), total, limits.total_bytes)

    def _size_error(self, what: str, size: int, limit: int) -> InputError:
        return _too_big(self.path, what, _("{size} MB").format(size=_mb(size)),
                        _("{size} MB").format(size=_mb(limit)))

    def names(self) -> list[str]:
        return self.zip.namelist()

    def open(self, name: str, limit: int) -> _Counted | None:
        """A stream of the member `name` (None if absent), refused over `limit` bytes."""
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            return None
        if info.file_size > limit:
            raise self._size_error(name, info.file_size, limit)
        return _Counted(self.zip.open(info), limit, self.path, name, self.budget)

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> "Package":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_package(path: Path, limits: Limits = LIMITS) -> Package:
    """Open `path` as a DOCX, or raise one clear InputError."""
    if not path.exists():
        raise InputError(_("no such file; check the name and folder"), path)
    if not path.is_file():
        raise InputError(_("this is a folder or a device, not a DOCX file"), path)
    try:
        return Package(path, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, struct.error, EOFError) as exc:
        raise InputError(_("not a readable DOCX ({error}); save it from Word, WPS or "
                           "LibreOffice as .docx").format(error=exc), path) from None
    except OSError as exc:
        raise InputError(_("cannot read the file: {error}").format(error=exc.strerror or exc),
                         path) from None
