"""A disk cache of reportlab's parsed TrueType faces, so a new process skips the parse.

reportlab parses a 3.7 MB face in 0.05–0.07 s (cmap, hmtx, loca in pure
Python): a third of a cold PDF build for five faces. The parsed tables are
plain Python data; stored with `marshal` beside the font metrics cache
(`layout.cache`: keyed by the font file's content and the reportlab version,
checksummed) they load in about 0.01 s, and the font bytes are read from the
font file itself. Anything unexpected (another reportlab, a damaged entry)
falls back to the ordinary parse, so the cache can only cost time, never
correctness.
"""
from __future__ import annotations

import marshal
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace, TTFNameBytes

from layout.cache import entry_path, read_entry, write_entry

CACHE_VERSION = 1
NAME_FIELDS = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
SKIPPED = ("_ttf_data", "_pdfScale")


def _store(font: TTFont, target: Path) -> None:
    data = {k: (bytes(v) if k in NAME_FIELDS else v)
            for k, v in vars(font.face).items() if k not in SKIPPED}
    record = {"face": data, "font_attrs": sorted(vars(font))}
    try:
        write_entry(target, marshal.dumps(record))
    except ValueError:
        pass   # an unexpected value only costs time


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


def load_ttfont(name: str, path: Path) -> TTFont:
    """reportlab's TTFont for the face at `path`, from the cache when it holds it."""
    cached = entry_path("rlface", (Path(path), CACHE_VERSION, reportlab.Version))
    data = read_entry(cached)
    if data is not None:
        try:
            font = _restore(name, path, marshal.loads(data))
            if font is not None:
                return font
        except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
            pass
    font = TTFont(name, str(path))
    _store(font, cached)
    return font
