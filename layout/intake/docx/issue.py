"""The issue a DOCX is imported into: its article ids, and the only files an import may write.

Article ids come from the manifest (`issue.yaml`), never from the DOCX: a
bookmark only refers to an id (see `layout.export.docx.anchors`). An id is a
name — ASCII letters, digits, `-` and `_`, 64 at most — and its file is `articles/<id>.md`
directly inside the issue's `articles/` folder, a regular file, not a link
leading elsewhere. Nothing else is ever written.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from layout.errors import InputError
from layout.i18n import _
from layout.manifest.text import read_text
from layout.yamlio import load_yaml

ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")   # as the manifest requires


def manifest_ids(issue_dir: Path) -> list[str]:
    """The article ids listed in issue.yaml, in page order (names only; others skipped)."""
    path = issue_dir / "issue.yaml"
    if not path.is_file():
        raise InputError(_("no issue.yaml in {folder} (is this an issue folder?)")
                         .format(folder=issue_dir), issue_dir)
    data = load_yaml(read_text(path), path)
    pages = data.get("pages") if isinstance(data, dict) else None
    ids: list[str] = []
    for page in pages if isinstance(pages, list) else []:
        entries = page.get("articles") if isinstance(page, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            value = entry.get("id") if isinstance(entry, dict) else entry
            if isinstance(value, str) and ID.match(value) and value not in ids:
                ids.append(value)
    return ids


def article_file(articles: Path, article_id: str) -> Path | None:
    """`articles/<id>.md` when it is a regular file inside `articles/`, else None."""
    if not ID.match(article_id):
        return None
    path = articles / f"{article_id}.md"
    if path.is_symlink() or not path.is_file():
        return None
    if path.resolve().parent != articles.resolve():
        return None
    return path


def write_files(files: list[tuple[Path, bytes]]) -> None:
    """Replace every file or none: each is written whole to a temporary file beside it and
    flushed to disk first; only when all are written are they renamed over the originals. A
    failure before that (a full disk, a file too large) leaves every article file as it was,
    and no temporary file behind, and says so."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            staged.append((_stage(path, data), path))
    except OSError as exc:
        for tmp, _path in staged:
            Path(tmp).unlink(missing_ok=True)
        raise InputError(_("cannot write the corrections ({error}); no article file was "
                           "changed: free some space or fix the folder, then import again")
                         .format(error=exc.strerror or type(exc).__name__), path) from exc
    for tmp, path in staged:
        os.replace(tmp, path)


def _stage(path: Path, data: bytes) -> str:
    """`data` in a temporary file beside `path`, with its mode, on disk; its name."""
    mode = path.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp
