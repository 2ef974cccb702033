"""reportlab fonts for the faces a placed issue actually uses, registered once per build.

reportlab parses a TrueType face in about 0.05 s (a 3.7 MB committed subset)
and subsets it itself when the PDF is saved: each face is embedded as one
subset of the glyphs the document uses, in one Type0 font (`cidfont.py`). Pre-subsetting with
fontTools per document was measured slower (about 0.45 s per face), so the
committed faces are loaded as they are; a parsed face is kept for the life
of the process (by the file's path and content) and on disk (`facecache.py`).
"""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError

from layout.errors import BuildError
from layout.export.pdf.facecache import load_ttfont
from layout.i18n import _
from layout.model.placed import PlacedIssue, PlacedText


def used_faces(placed: PlacedIssue) -> list[str]:
    """Face keys that some text on some page is set in, in a stable order."""
    used = {item.face for page in placed.pages for item in page.items
            if isinstance(item, PlacedText) and item.text.strip()}
    missing = sorted(used - set(placed.fonts))
    if missing:
        raise BuildError(_("placed text uses faces without a font file: {faces}").format(
            faces=", ".join(missing)))
    return sorted(used)


@cache
def _load(path: Path, content: str) -> str:
    """Register the TrueType face at `path` with reportlab; return its registered name."""
    return _registered("L" + hashlib.sha1(f"{path}|{content}".encode()).hexdigest()[:10], path)


def _registered(name: str, path: Path) -> str:
    """`name`, once the TrueType file at `path` is registered under it with reportlab."""
    try:
        pdfmetrics.registerFont(load_ttfont(name, path))
    except (TTFError, OSError) as exc:
        raise BuildError(_("font {path} cannot be embedded: {problem}").format(
            path=path, problem=exc)) from None
    return name


def _register(path: Path, key: str) -> str:
    from layout.cache import content_hash

    path = Path(path).resolve()
    try:
        content = content_hash(path)
    except OSError:
        raise BuildError(_("font file {path} for face '{key}' is missing").format(
            path=path, key=key)) from None
    return _load(path, content)


def register_faces(placed: PlacedIssue) -> dict[str, str]:
    """Face key → reportlab font name, for the faces the pages use (at least one:
    the canvas needs an initial font of ours, never its unembedded Helvetica)."""
    keys = used_faces(placed) or sorted(placed.fonts)[:1]
    if not keys:
        raise BuildError(_("the placed issue names no fonts"))
    return {key: _register(placed.fonts[key], key) for key in keys}


@cache
def _load_half(path: Path, content: str) -> str:
    from layout.export.pdf.halfmarks import half_marks_file

    return _registered("H" + hashlib.sha1(f"{path}|{content}".encode()).hexdigest()[:10],
                       half_marks_file(path))


def half_mark_face(path: Path) -> str:
    """The reportlab name of the face at `path`'s line-end marks at half an em
    (`halfmarks.py`): a mark squeezed at a line's end is drawn from it."""
    from layout.cache import content_hash

    path = Path(path).resolve()
    return _load_half(path, content_hash(path))
