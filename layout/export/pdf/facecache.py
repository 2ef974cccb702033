"""A disk cache of reportlab's parsed TrueType faces, so a new process skips the parse.

reportlab parses a 3.7 MB face in 0.05–0.07 s (cmap, hmtx, loca in pure
Python): a third of a cold PDF build for five faces. The parsed tables are
plain Python data; stored with `marshal` beside the font metrics cache
(keyed by the font's path, size, mtime and the reportlab version) they load
in about 0.01 s, and the font bytes are read from the font file itself.
Anything unexpected (another reportlab, a damaged cache) falls back to the
ordinary parse, so the cache can only cost time, never correctness.
"""
from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace, TTFNameBytes

from layout.cache import cache_dir

CACHE_VERSION = 1
NAME_FIELDS = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
SKIPPED = ("_ttf_data", "_pdfScale")


def _cache_file(path: Path, size: int, mtime: int) -> Path:
    key = f"{CACHE_VERSION}|{reportlab.Version}|{path}|{size}|{mtime}"
    return cache_dir() / f"rlface-{hashlib.sha1(key.encode()).hexdigest()[:16]}.marshal"


def _store(font: TTFont, target: Path) -> None:
    data = {k: (bytes(v) if k in NAME_FIELDS else v)
            for k, v in vars(font.face).items() if k not in SKIPPED}
    record = {"face": data, "font_attrs": sorted(vars(font))}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(record))
        tmp.replace(target)
    except (OSError, ValueError):
        pass   # an unwritable cache or an unexpected value only costs time


def _restore(name: str, path: Path, record: dict) -> TTFont | None:
    face = TTFontFace.__new__(TTFontFace)
    data = dict(record["face"])
    for key in NAME_FIELDS:
        if data.get(key) is not None:
            data[key] = TTFNameBytes(data[key])
    face.__dict__.update(data)
    face._ttf_data = path.read_bytes()
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    font = TTFont.__new__(TTFont)
    font.fontName, font.face, font.encoding = name, face, TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = True
    return font if sorted(vars(font)) == record["font_attrs"] else None


def load_ttfont(name: str, path: Path, size: int, mtime: int) -> TTFont:
    """reportlab's TTFont for the face at `path`, from the cache when it holds it."""
    cached = _cache_file(path, size, mtime)
    if cached.exists():
        try:
            font = _restore(name, path, marshal.loads(cached.read_bytes()))
            if font is not None:
                return font
        except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
            pass
    font = TTFont(name, str(path))
    _store(font, cached)
    return font
