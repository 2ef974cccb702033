"""An edition built before from exactly the same inputs is not built again.

A build is a pure function of its inputs: the issue folder's files, the
options, the code and the libraries it runs, the fonts, a few environment
variables. So a successful build stores its outputs (every format and
copyfit.json, already checked for lost characters) and what it reported
(summaries, warnings, the copy fit) in the disk cache (`layout.cache`), and
the next build whose inputs are the same writes the stored outputs through
the same staging (all or nothing) and prints the same report.

What makes two builds the same (the key), by content, never by size and
modification time alone:

- every file of the issue folder (hidden files and the output folder left
  out): its path, its BLAKE2b checksum, read and hashed on every build (an
  edition is a few MB: milliseconds), and its modification time, which the
  EPUB's `dcterms:modified` is made from;
- the installation: every file of the `layout` package, the committed fonts
  (fonts/, 25 MB) and the system CJK faces characters outside them come from
  (45 MB), hashed once and the checksum remembered by the full identity of
  each file (device, inode, size, modification AND change time — no copy
  tool can set the change time back, and installing a file makes a new
  inode). These are files of the installation, not an editor's inputs;
  hashing 70 MB on every build would cost more than the whole build saves;
- the options, the output folder, Python and the installed libraries'
  versions, SOURCE_DATE_EPOCH and the message language.

A font the house style names outside fonts/ and the issue folder is read by
content after the build and recorded with the stored build; it is hashed
again before a replay. The stored build carries a checksum of each output
(and the cache entry one of the whole); any mismatch is a miss and the
edition is built again. The outputs are stored one after another, each read
from disk as it goes into the entry (`Outputs`), their sizes, checksums and
the report after them: a build's outputs are never held twice over.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import stat
import struct
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
FONTS = PACKAGE.parent / "fonts"     # layout.style.FONT_DIR, without loading the house style
SYSTEM_FACES = (Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
                Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"))
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "LAYOUT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG",
               "TZ")
KIND = "edition"
VERSION = 3            # 3: outputs first, then the report and its length
DIGEST = 16


def checksum(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=DIGEST).hexdigest()


def _file_checksum(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, lambda: hashlib.blake2b(digest_size=DIGEST)).hexdigest()


def _walk(root: Path, skip: Path | None = None):
    """Every file under `root`, sorted; hidden files and folders (temporary outputs,
    caches), compiled modules and `skip` left out."""
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__"
                         and (skip is None or base / d != skip))
        for name in sorted(files):
            if not name.startswith(".") and not name.endswith((".pyc", ".tmp")):
                yield base / name


def _fingerprint(path: Path, root: Path) -> str | None:
    """The checksum of a regular file inside `root`; what is not one is named, never read
    (a named pipe would block the build forever, a link to /dev/zero never ends; the build
    refuses both, and anything leading out of the issue folder, when it reads the issue)."""
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        return f"not a file: {stat.S_IFMT(st.st_mode)}"
    if not path.resolve().is_relative_to(root):
        return f"outside: {path.resolve()}"
    return _file_checksum(path)


def _contents(root: Path, skip: Path | None = None, mtimes: bool = False) -> list[tuple]:
    """(relative path, checksum[, mtime]) of every file under `root`, read now."""
    out = []
    for path in _walk(root, skip):
        try:
            entry = (str(path.relative_to(root)), _fingerprint(path, root))
            out.append(entry + (path.stat().st_mtime_ns,) if mtimes else entry)
        except (OSError, RuntimeError):   # RuntimeError: a link loop (Python 3.11's resolve)
            out.append((str(path.relative_to(root)), None))
    return out


def _identity(path: Path) -> tuple:
    try:
        st = path.stat()
    except OSError:
        return (str(path), None)
    return (str(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _installed(paths) -> str:
    """One checksum of the contents of installed files (the package's code, fonts/, the
    system's CJK faces), remembered in one cache entry by the full identity of every
    file: device, inode, size, modification AND change time. Writing a file or
    installing a new one changes its change time or inode, which no copy tool can set
    back, so a remembered checksum is only used for files exactly as they were hashed."""
    from layout.cache import cache_dir, read_entry, write_entry

    paths = list(paths)
    identities = repr([_identity(p) for p in paths]).encode("utf-8", "surrogatepass")
    memo = cache_dir() / f"installed-{checksum(identities)}"
    found = read_entry(memo)
    if found is not None:
        return found.decode()
    digest = hashlib.blake2b(digest_size=DIGEST)
    for path in paths:
        try:
            digest.update(f"{path}\0{_file_checksum(path)}\0".encode("utf-8", "surrogatepass"))
        except OSError:
            digest.update(f"{path}\0-\0".encode("utf-8", "surrogatepass"))
    if repr([_identity(p) for p in paths]).encode("utf-8", "surrogatepass") == identities:
        write_entry(memo, digest.hexdigest().encode())     # not if one changed meanwhile
    return digest.hexdigest()


def _libraries() -> list[str]:
    """The installed distributions with their versions (names of the dist-info folders)."""
    names = []
    for entry in (p for p in sys.path if p.endswith(("site-packages", "dist-packages"))):
        try:
            names += [n for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info"))]
        except OSError:
            continue
    return sorted(names)


def build_key(issue_dir: Path, options, out_dir: Path) -> str:
    """The key of a build: every input (see the module's docstring)."""
    issue_dir, out = Path(issue_dir), Path(out_dir).resolve()
    parts = (VERSION, sys.version, os.getcwd(), str(issue_dir), str(issue_dir.resolve()),
             str(out), repr(options), [os.environ.get(v) for v in ENVIRONMENT],
             _contents(issue_dir.resolve(), skip=out, mtimes=True),
             _installed([*_walk(PACKAGE), *_walk(FONTS), *SYSTEM_FACES]), _libraries())
    return checksum(repr(parts).encode("utf-8", "surrogatepass"))


def outside_files(paths, issue_dir: Path) -> list[tuple]:
    """(path, checksum, mtime) of the files a build read outside the issue folder, fonts/
    and the package (a face the house style names by an absolute path)."""
    roots = (Path(issue_dir).resolve(), FONTS, PACKAGE)
    out = []
    for path in sorted({Path(p).resolve() for p in paths}):
        if not any(path.is_relative_to(r) for r in roots):
            try:
                out.append((str(path), _file_checksum(path), path.stat().st_mtime_ns))
            except OSError:
                out.append((str(path), None, None))
    return out


def _still(files: list[tuple]) -> bool:
    for path, digest, mtime in files:
        try:
            if _file_checksum(Path(path)) != digest or Path(path).stat().st_mtime_ns != mtime:
                return False
        except OSError:
            return False
    return True


@dataclass(frozen=True, slots=True)
class Stored:
    """What a build left: its outputs' bytes by file name, and its report."""

    files: Mapping[str, bytes]       # a dict, or `Outputs` read from disk when stored
    summaries: dict[str, str]
    outputs: dict[str, str]           # format → file name
    warnings: list[tuple]             # (message, path, line)
    copyfit: "StoredCopyFit | None"
    outside: list[tuple]              # outside_files() when it was built


class Changed(Exception):
    """An output was replaced (by another build) while it was being stored."""


class Outputs(Mapping):
    """A finished build's outputs by name, each read by `read(name)` when asked for."""

    def __init__(self, names: Iterable[str], read: Callable[[str], bytes]):
        self._names, self._read = list(names), read

    def __getitem__(self, name: str) -> bytes:
        if name not in self._names:
            raise KeyError(name)
        return self._read(name)

    def __iter__(self):
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


LENGTH = struct.Struct("<Q")     # of the report at the end of an entry


def load(key: str) -> Stored | None:
    """The build stored under `key`, or None (never stored, evicted, damaged, or a file
    it read outside the issue folder changed)."""
    from layout.cache import cache_dir, read_entry

    data = read_entry(cache_dir() / f"{KIND}-{key}")
    if data is None:
        return None
    try:
        end = len(data) - LENGTH.size - LENGTH.unpack(data[-LENGTH.size:])[0]
        sizes, sums, summaries, outputs, warnings, fit, outside = marshal.loads(data[end:])
        files, at = {}, 0
        for name, size in sizes:
            files[name], at = data[at:at + size], at + size
        stored = Stored(files, dict(summaries), dict(outputs), [tuple(w) for w in warnings],
                        None if fit is None else StoredCopyFit(*fit), [tuple(o) for o in outside])
        intact = at == end and all(checksum(stored.files[name]) == sums[name]
                                   for name in stored.files)
    except (ValueError, EOFError, TypeError, KeyError, struct.error):
        return None
    return stored if intact and set(sums) == set(stored.files) and _still(stored.outside) else None


def store(key: str, stored: Stored) -> None:
    """Keep a successful build's outputs and report under `key` (failures only cost time;
    `Changed` from reading an output leaves nothing stored)."""
    from layout.cache import cache_dir, write_entry_parts

    sizes, sums = [], {}

    def parts():
        for name in stored.files:
            data = stored.files[name]
            sizes.append((name, len(data)))
            sums[name] = checksum(data)
            yield data
            del data
        report = marshal.dumps((sizes, sums, stored.summaries, stored.outputs,
                                [tuple(w) for w in stored.warnings],
                                None if stored.copyfit is None else (stored.copyfit.data,
                                                                     stored.copyfit.text),
                                stored.outside))
        yield report + LENGTH.pack(len(report))

    try:
        write_entry_parts(cache_dir() / f"{KIND}-{key}", parts())
    except Changed:
        pass


@dataclass(frozen=True, slots=True)
class StoredCopyFit:
    """The copy fit a stored build reported: its table as printed, its data as written to
    copyfit.json; the full report (layout.pages.copyfit) is loaded only when asked for,
    so that a replay does not import the page stage."""

    data: dict
    text: str

    def table(self) -> str:
        return self.text

    def to_json(self) -> dict:
        return self.data

    def full(self):
        from layout.pages.copyfit import ArticleFit, CopyFit, PageFit

        return CopyFit(tuple(ArticleFit(**a) for a in self.data["articles"]),
                       tuple(PageFit(**p) for p in self.data["pages"]))

    @property
    def articles(self):
        return self.full().articles

    @property
    def pages(self):
        return self.full().pages

    def overflows(self):
        return self.full().overflows()
