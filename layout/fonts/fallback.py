"""A per-document face for characters outside the committed subsets.

Subsets the system's Noto Serif CJK SC (or Sans) to just the missing
characters, converts it to TrueType outlines (reportlab needs them) and caches
the result by the source font's content and the set of characters, so the
work happens once per new set. The face reportlab reads is a plain file named
by the hash of its bytes, checked before every use and written again from the
checksummed cache entry when it does not match.
"""
from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path

from layout.cache import cache_dir, cached_bytes, note_written

SYSTEM_FACES = [
    (Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"), 2),
    (Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), 2),
]


def system_fallback_face(chars: set[str]) -> Path | None:
    """A cached TrueType face covering as many of `chars` as the system fonts have."""
    source = next(((p, i) for p, i in SYSTEM_FACES if p.exists()), None)
    if source is None:
        return None
    wanted = "".join(sorted(chars))
    data = cached_bytes("fallback", (source[0], source[1], wanted),
                        lambda: _make_face(source, {ord(c) for c in chars}))
    return face_file(data)


def face_file(data: bytes) -> Path:
    """A file holding exactly `data`, named by its hash (rewritten if damaged)."""
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    for folder in (cache_dir(), Path(tempfile.gettempdir())):
        out = folder / f"face-{digest}.ttf"
        try:
            if out.is_file() and hashlib.blake2b(out.read_bytes(), digest_size=16).hexdigest() == digest:
                return out
            folder.mkdir(parents=True, exist_ok=True)
            tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            tmp.replace(out)
            note_written(len(data))
            return out
        except OSError:
            continue
    raise OSError("no folder to write the fallback face into")


def _make_face(source: tuple[Path, int], cps: set[int]) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    from layout.fonts.convert import cff_to_glyf, rename
    font = TTFont(source[0], fontNumber=source[1])
    opts = subset.Options()
    opts.hinting = False
    opts.notdef_outline = True
    opts.layout_features = ["halt", "palt"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=cps)
    sub.subset(font)
    if "CFF " in font:
        cff_to_glyf(font)
    rename(font, "Layout Fallback")
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
