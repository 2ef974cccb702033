"""A small on-disk cache for derived bytes: photo copies, font subsets, covers.

Re-deriving a photo for print (crop, resample, CMYK through the profile) or
a WOFF2 subset costs tenths of a second to seconds, and the result depends
only on the inputs. Entries are keyed by a hash of the inputs — files by
their path, size and modification time — and written atomically, so a
half-written entry is never read. A cache that cannot be written only costs
time. Location: $XDG_CACHE_HOME/layout or ~/.cache/layout.
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path
from typing import Callable

VERSION = 1


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "layout"


@lru_cache(maxsize=1024)
def _file_token(path: Path) -> str:
    """A file's identity for keys: where it is, its size and modification time (once a process)."""
    st = path.stat()
    return f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}"


def _token(value: object) -> str:
    if isinstance(value, Path):
        return _file_token(value)
    if isinstance(value, (tuple, list)):
        return "(" + ",".join(_token(v) for v in value) + ")"
    return repr(value)


def key_of(kind: str, inputs: tuple) -> str:
    return hashlib.sha1(f"{VERSION}|{kind}|{_token(inputs)}".encode()).hexdigest()[:24]


def cached_bytes(kind: str, inputs: tuple, make: Callable[[], bytes]) -> bytes:
    """`make()`, or the bytes it returned before for the same `kind` and `inputs`."""
    path = cache_dir() / f"{kind}-{key_of(kind, inputs)}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        pass
    return data
