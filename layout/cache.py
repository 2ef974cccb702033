"""A small on-disk cache for derived bytes: photo copies, font subsets, compositions.

Re-deriving a photo for print (crop, resample, CMYK through the profile), a
WOFF2 subset or a paragraph's lines costs tenths of a second to seconds, and
the result depends only on the inputs. So:

- keys hash the inputs, files by their CONTENT (BLAKE2b of the bytes), never
  by size and modification time, which `cp -p`, `rsync -t` and tar copy; a
  file's content hash is remembered by its full identity (path, device,
  inode, size, mtime and ctime, which no copy tool can set), in the process
  and on disk, and re-validated by a `stat` every time;
- every entry carries a checksum of its content: a damaged, truncated or
  unreadable entry (or one the code cannot load any more) is a miss, made
  again and replaced, never trusted;
- entries are written to a temporary file and renamed, so a half-written
  entry is never read; a cache that cannot be written only costs time;
- the cache is bounded: after a build, when its files take more than
  LAYOUT_CACHE_MB megabytes (default 500), the least recently used go (an
  entry read is marked used, at most once an hour) until it is under 80 % of
  that; `layout cache clear` empties it. Counting tens of thousands of files
  after every build cost 30–80 ms, so the count is kept in `.usage` with
  what every build wrote since added to it: the files are counted again
  when that sum nears the limit, or an hour after the last count.

Entries of one group — the compositions of one article: its paragraphs at
every width, its headline settings, their word breaks — go into one file (a
bundle, `group`), not hundreds of small ones: a new article costs one file
written, not ~20 (each file's creation costs ~0.4 ms here, the bulk of a
small entry's cost). A bundle is keyed by the group (an article's file), not
its text, so an edited article finds its unchanged paragraphs in it; every
entry inside keeps its own key of its inputs, so nothing stale is ever used.
A bundle holds the entries the last build used (`flush_groups`), so it stays
as large as its article's compositions.

Location: $XDG_CACHE_HOME/layout or ~/.cache/layout.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

VERSION = 2
MAGIC = b"LYC2"
DIGEST_SIZE = 16
MEMO_LIMIT = 4096
LIMIT_MB = 500          # LAYOUT_CACHE_MB overrides
KEEP_AFTER_PRUNE = 0.8
USED_EVERY = 3600       # seconds: how often a read entry's time of use is brought forward
USAGE = ".usage"        # the cache's bytes when last counted plus the bytes written since
COUNT_EVERY = 3600      # seconds: the files are counted again at least this often
_WRITTEN = [0]          # bytes this process wrote into the cache since it last pruned
_HASHES: dict[tuple, str] = {}   # file identity → content hash, for this process
_READ: set[str] = set()  # entries this process read: the newest when it prunes (see `prune`)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "layout"


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()


def read_entry(path: Path) -> bytes | None:
    """The content of the entry at `path`, or None if it is missing or damaged."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + DIGEST_SIZE
    if len(raw) < head or not raw.startswith(MAGIC):
        return None
    data = raw[head:]
    if _digest(data) != raw[len(MAGIC):head]:
        return None
    _used(path)
    return data


def _used(path: Path) -> None:
    """Mark an entry as used now (its modification time is its time of last use)."""
    _READ.add(str(path))
    try:
        now = time.time()
        if now - path.stat().st_mtime > USED_EVERY:
            os.utime(path, (now, now))
    except OSError:
        pass


def limit_bytes() -> int:
    """The cache's size limit: LAYOUT_CACHE_MB megabytes, else LIMIT_MB."""
    try:
        megabytes = float(os.environ.get("LAYOUT_CACHE_MB", LIMIT_MB))
    except ValueError:
        megabytes = LIMIT_MB
    return int(max(megabytes, 0) * 1024 * 1024)


def _entries() -> list[tuple[float, int, str]]:
    """(time of last use, size, path) of every file in the cache (but `USAGE`)."""
    out = []
    try:
        with os.scandir(cache_dir()) as found:
            for entry in found:
                try:
                    if entry.is_file(follow_symlinks=False) and entry.name != USAGE:
                        st = entry.stat(follow_symlinks=False)
                        out.append((st.st_mtime, st.st_size, entry.path))
                except OSError:
                    continue
    except OSError:
        pass
    return out


def note_written(size: int) -> None:
    """Count `size` bytes written into the cache (for `prune`'s running total)."""
    _WRITTEN[0] += size


def _usage() -> tuple[int, float] | None:
    try:
        counted, when = (cache_dir() / USAGE).read_text("ascii").split()
        return int(counted), float(when)
    except (OSError, ValueError):
        return None


def _record_usage(total: int, when: float) -> None:
    path = cache_dir() / USAGE
    tmp = path.with_name(f"{USAGE}.{os.getpid()}.tmp")
    try:
        tmp.write_text(f"{total} {when}", "ascii")
        tmp.replace(path)
    except OSError:
        pass
    _WRITTEN[0] = 0


def _surely_under(limit: int) -> bool:
    """Whether the last count plus what was written since stays under 80 % of `limit`
    (then the files need not be counted); the running total is recorded."""
    usage = _usage()
    if usage is None or time.time() - usage[1] > COUNT_EVERY:
        return False
    total = usage[0] + _WRITTEN[0]
    if total > limit * KEEP_AFTER_PRUNE:
        return False
    _record_usage(total, usage[1])
    return True


def prune(limit: int | None = None) -> int:
    """Remove the least recently used entries while the cache is over `limit` bytes
    (to 80 % of it); returns how many files went."""
    limit = limit_bytes() if limit is None else limit
    if _surely_under(limit):
        return 0
    entries = _entries()
    total = sum(size for _t, size, _p in entries)
    if total <= limit:
        _record_usage(total, time.time())
        return 0
    # An entry's time of use moves at most hourly (a stat, not a write, on most reads), so
    # what this process read (the fonts' data, read first) counts as used now, not as old.
    now, removed = time.time(), 0
    entries = [(now if path in _READ else when, size, path) for when, size, path in entries]
    for _when, size, path in sorted(entries):
        if total <= limit * KEEP_AFTER_PRUNE:
            break
        try:
            os.unlink(path)
        except OSError:
            continue
        total, removed = total - size, removed + 1
    _HASHES.clear()
    _record_usage(total, time.time())
    return removed


def clear() -> tuple[int, int]:
    """Empty the cache; returns the files and bytes removed."""
    files = size = 0
    for _when, bytes_, path in _entries():
        try:
            os.unlink(path)
        except OSError:
            continue
        files, size = files + 1, size + bytes_
    try:
        (cache_dir() / USAGE).unlink(missing_ok=True)
    except OSError:
        pass
    _HASHES.clear()
    _BUNDLES.clear()
    return files, size


def write_entry(path: Path, data: bytes) -> None:
    """Store `data` at `path` with its checksum, atomically; failures only cost time."""
    write_entry_parts(path, (data,))


def write_entry_parts(path: Path, parts: Iterable[bytes]) -> None:
    """`write_entry` of the concatenated `parts`, written as they come and never held
    whole (a stored build: ~12 MB of outputs read one at a time). An exception from
    `parts` other than OSError leaves no entry and is raised again."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.blake2b(digest_size=DIGEST_SIZE), 0
        with tmp.open("wb") as fh:
            fh.write(MAGIC + bytes(DIGEST_SIZE))
            for part in parts:
                digest.update(part)
                fh.write(part)
                size += len(part)
                del part           # not held while the next one is made
            fh.seek(len(MAGIC))
            fh.write(digest.digest())
        tmp.replace(path)
        note_written(size + len(MAGIC) + DIGEST_SIZE)
    except BaseException as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        if not isinstance(exc, OSError):
            raise


def _identity(path: Path) -> tuple:
    st = path.stat()
    return (str(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def content_hash(path: Path) -> str:
    """BLAKE2b of the file's bytes, remembered while its identity is unchanged."""
    path = Path(path).resolve()
    ident = _identity(path)
    found = _HASHES.get(ident)
    if found is not None:
        return found
    memo = cache_dir() / ("hash-" + hashlib.sha1(repr(ident).encode()).hexdigest()[:24])
    stored = read_entry(memo)
    if stored is None:
        with path.open("rb") as fh:
            stored = hashlib.file_digest(fh, lambda: hashlib.blake2b(digest_size=DIGEST_SIZE)
                                         ).hexdigest().encode()
        if _identity(path) != ident:   # changed while being read: hash it again next time
            return stored.decode()
        write_entry(memo, stored)
    if len(_HASHES) >= MEMO_LIMIT:
        _HASHES.clear()
    _HASHES[ident] = stored.decode()
    return _HASHES[ident]


def _token(value: object) -> str:
    if isinstance(value, Path):
        return f"{value.resolve()}#{content_hash(value)}"
    if isinstance(value, (tuple, list)):
        return "(" + ",".join(_token(v) for v in value) + ")"
    return repr(value)


def key_of(kind: str, inputs: tuple) -> str:
    """A key for `inputs` (files by content), this cache's format and this Python."""
    text = f"{VERSION}|{sys.implementation.cache_tag}|{kind}|{_token(inputs)}"
    return hashlib.sha1(text.encode()).hexdigest()[:24]


def entry_path(kind: str, inputs: tuple) -> Path:
    return cache_dir() / f"{kind}-{key_of(kind, inputs)}"


class Bundle:
    """The entries of one group, in one cache file: those read from it, those made."""

    def __init__(self, path: Path, kinds: frozenset[str]):
        self.path, self.kinds = path, kinds
        raw = read_entry(path)
        try:
            entries = marshal.loads(raw) if raw is not None else {}
            if not isinstance(entries, dict):
                entries = {}
        except (ValueError, EOFError, TypeError):
            entries = {}        # damaged or foreign: a miss, rewritten at the next flush
        self.entries: dict[str, bytes] = entries
        self.used: set[str] = set()
        self.dirty = False

    def get(self, key: str) -> bytes | None:
        data = self.entries.get(key)
        if isinstance(data, bytes):
            self.used.add(key)
            return data
        return None

    def put(self, key: str, data: bytes) -> None:
        self.entries[key] = data
        self.used.add(key)
        self.dirty = True

    def flush(self) -> None:
        """Write the entries used since the last flush, if any was new."""
        if self.dirty:
            self.entries = {k: v for k, v in self.entries.items() if k in self.used}
            write_entry(self.path, marshal.dumps(self.entries))
        self.used, self.dirty = set(), False


_GROUP: ContextVar[Bundle | None] = ContextVar("layout_cache_group", default=None)
_BUNDLES: dict[str, Bundle] = {}        # this process's open bundles, by file


@contextmanager
def group(kind: str, inputs: tuple, kinds: frozenset[str]):
    """Within it, `cached` keeps its entries of `kinds` in the one bundle of `kind` and
    `inputs` (other kinds, such as font data shared by every article, stay files)."""
    path = entry_path(kind, inputs)
    bundle = _BUNDLES.get(str(path))
    if bundle is None:
        bundle = _BUNDLES[str(path)] = Bundle(path, kinds)
    token = _GROUP.set(bundle)
    try:
        yield bundle
    finally:
        _GROUP.reset(token)


def flush_groups() -> None:
    """Write every bundle that gained entries (a build calls this once it has placed)."""
    for bundle in _BUNDLES.values():
        bundle.flush()
    if len(_BUNDLES) > MEMO_LIMIT:
        _BUNDLES.clear()


def cached(kind: str, inputs: tuple, make: Callable[[], bytes], load: Callable[[bytes], T]) -> T:
    """`load(make())`, from the bytes `make` gave before for the same `kind` and `inputs`.

    An entry that is damaged, or that `load` cannot read, is made again and replaced.
    Inside a `group`, the entry lives in the group's bundle.
    """
    data, store = _entry(kind, inputs)
    found = _read(data, load)
    if found is not _MISS:
        return found
    data = make()
    store(data)
    return load(data)


def cached_object(kind: str, inputs: tuple, make: Callable[[], T], dump: Callable[[T], bytes],
                  load: Callable[[bytes], T]) -> T:
    """`make()`, or `load` of the bytes `dump` gave for it before for the same `kind` and
    `inputs` (as `cached`). A miss returns what `make` gave, not it read back from its
    bytes: `load(dump(x))` must equal `x` (the paragraphs' and headlines' lines)."""
    data, store = _entry(kind, inputs)
    found = _read(data, load)
    if found is not _MISS:
        return found
    value = make()
    store(dump(value))
    return value


def _entry(kind: str, inputs: tuple) -> tuple[bytes | None, Callable[[bytes], None]]:
    """The stored bytes for `kind` and `inputs` (None: none, or damaged) and how to store
    new ones: in the current group's bundle when it keeps `kind`, else a file of its own."""
    bundle = _GROUP.get()
    if bundle is not None and kind in bundle.kinds:
        key = key_of(kind, inputs)
        return bundle.get(key), lambda data: bundle.put(key, data)
    path = entry_path(kind, inputs)
    return read_entry(path), lambda data: write_entry(path, data)


_MISS = object()


def _read(data: bytes | None, load: Callable[[bytes], T]) -> T | object:
    """`load(data)`, or `_MISS` when there is no entry or `load` cannot read it (an entry
    this code cannot read is only a miss, made again and replaced)."""
    if data is not None:
        try:
            return load(data)
        except Exception:  # noqa: BLE001 - an entry this code cannot read is only a miss
            pass
    return _MISS


def cached_bytes(kind: str, inputs: tuple, make: Callable[[], bytes]) -> bytes:
    """`make()`, or the bytes it returned before for the same `kind` and `inputs`."""
    return cached(kind, inputs, make, bytes)
