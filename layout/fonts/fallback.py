"""A per-document face for characters outside the committed subsets.

Subsets the system's Noto Serif CJK SC (or Sans) to just the missing
characters, converts it to TrueType outlines (reportlab needs them) and caches
the result by the set of characters, so the work happens once per new set.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from layout.cache import cache_dir

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
    key = hashlib.sha1(f"{source[0]}|{wanted}".encode()).hexdigest()[:16]
    out = cache_dir() / f"fallback-{key}.ttf"
    if not out.exists():
        _make_face(source, {ord(c) for c in chars}, out)
    return out


def _make_face(source: tuple[Path, int], cps: set[int], out: Path) -> None:
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
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    font.save(tmp)
    tmp.replace(out)
