"""reportlab fonts for the faces a placed issue actually uses, registered once per build.

reportlab parses a TrueType face in about 0.05 s (a 3.7 MB committed subset)
and subsets it itself when the PDF is saved: every font is embedded as
subsets of at most 256 glyphs, each with a ToUnicode map. Pre-subsetting with
fontTools per document was measured slower (about 0.45 s per face), so the
committed faces are loaded as they are, and a parsed face is kept for the
life of the process, keyed by its file's path, size and modification time.
"""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFError

from layout.errors import BuildError
from layout.model.placed import PlacedIssue, PlacedText


def used_faces(placed: PlacedIssue) -> list[str]:
    """Face keys that some text on some page is set in, in a stable order."""
    used = {item.face for page in placed.pages for item in page.items
            if isinstance(item, PlacedText) and item.text.strip()}
    missing = sorted(used - set(placed.fonts))
    if missing:
        raise BuildError(f"placed text uses faces without a font file: {', '.join(missing)}")
    return sorted(used)


@cache
def _load(path: Path, size: int, mtime: int) -> str:
    """Register the TrueType face at `path` with reportlab; return its registered name."""
    name = "L" + hashlib.sha1(f"{path}|{size}|{mtime}".encode()).hexdigest()[:10]
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    except (TTFError, OSError) as exc:
        raise BuildError(f"font {path} cannot be embedded: {exc}") from None
    return name


def register_faces(placed: PlacedIssue) -> dict[str, str]:
    """Face key → reportlab font name, for the faces the pages use."""
    names = {}
    for key in used_faces(placed):
        path = Path(placed.fonts[key]).resolve()
        try:
            st = path.stat()
        except OSError:
            raise BuildError(f"font file {path} for face '{key}' is missing") from None
        names[key] = _load(path, st.st_size, st.st_mtime_ns)
    if not names:
        key, path = sorted(placed.fonts.items())[0] if placed.fonts else (None, None)
        if key is None:
            raise BuildError("the placed issue names no fonts")
        st = Path(path).stat()
        names[key] = _load(Path(path).resolve(), st.st_size, st.st_mtime_ns)
    return names
