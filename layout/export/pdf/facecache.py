"""A disk cache of reportlab's parsed TrueType faces, so a new process skips the parse.

reportlab parses a 3.7 MB face in 0.05–0.07 s (cmap, hmtx, loca in pure
Python): a third of a cold PDF build for five faces. The parsed tables are
plain Python data; stored with `marshal` beside the font metrics cache
(`layout.cache`: keyed by the font file's content and the reportlab version,
checksummed) they load in about 0.01 s, and the font file itself is mapped
(`_mapped`), not read: only the glyphs the PDF subsets are read from it.
Anything unexpected (another reportlab, a damaged entry) falls back to the
ordinary parse, so the cache can only cost time, never correctness.

A process that builds the edition again and again (`layout watch`) keeps
each face's embedded subsets (`keep_subsets`): a subset of the same
characters in the same codes as one it embedded before — after an edit to
one story, every subset but those the edit touched — is embedded as it was
made and deflated then, not cut from the face and deflated again (the same
bytes: reportlab's stream with its filter already applied).

The per-glyph tables (cmap, widths, hmtx, loca: ~10,000 entries each, five
of them per face) are stored as packed arrays and read through small
read-only views (`CodeMap`, `Metrics`), which is all reportlab asks of them
(`in`, `[]`, `.get`): unmarshalling them as dicts and lists of tuples cost
~0.07 s of every PDF build for six faces; the arrays load in a few ms.
"""
from __future__ import annotations

import marshal
import mmap
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFZCompress
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace, TTFNameBytes

from layout.cache import entry_path, read_entry, write_entry

CACHE_VERSION = 2
NAME_FIELDS = ("name", "familyName", "styleName", "fullName", "uniqueFontID")
SKIPPED = ("_ttf_data", "_pdfScale", "glyphToChar")   # glyphToChar: only the parse uses it
MAPS = ("charToGlyph", "charWidths")    # code → int
PAIRS = ("hmetrics",)                   # glyph → (advance, left side bearing)
ARRAYS = ("glyphPos",)                  # glyph → offset


class CodeMap(Mapping):
    """An int → int map over two packed arrays (keys sorted); what reportlab adds (the
    private codes of shaped glyphs) goes to a small dict beside them."""

    def __init__(self, keys: array, values: array):
        self.keys_, self.values_, self.added = keys, values, {}
        self.seen: dict = {}    # codes looked up before (a page asks for each glyph many times)

    def _index(self, key) -> int:
        i = bisect_left(self.keys_, key) if isinstance(key, int) else len(self.keys_)
        return i if i < len(self.keys_) and self.keys_[i] == key else -1

    def __getitem__(self, key):
        try:
            return self.seen[key]
        except (KeyError, TypeError):
            pass
        if key in self.added:
            return self.added[key]
        i = self._index(key)
        if i < 0:
            raise KeyError(key)
        self.seen[key] = value = self.values_[i]
        return value

    def __setitem__(self, key, value) -> None:
        self.added[key] = value
        self.seen.pop(key, None)

    def __contains__(self, key) -> bool:
        return key in self.seen or key in self.added or self._index(key) >= 0

    def __iter__(self):
        yield from self.keys_
        yield from (k for k in self.added if self._index(k) < 0)

    def __len__(self) -> int:
        return len(self.keys_) + sum(1 for k in self.added if self._index(k) < 0)


class Metrics(Sequence):
    """A read-only sequence of (advance, left side bearing) pairs over two packed arrays."""

    def __init__(self, advances: array, bearings: array):
        self.advances, self.bearings = advances, bearings

    def __getitem__(self, i):
        return self.advances[i], self.bearings[i]

    def __len__(self) -> int:
        return len(self.advances)


_KEPT: list[WeakKeyDictionary | None] = [None]    # face → {subset: (bytes, deflated)}
SUBSETS_KEPT = 48     # a face's subsets kept (an edition of 24 pages embeds ~10-20 of a face)


def keep_subsets(on: bool = True) -> None:
    """Keep (or stop keeping, and let go of) each face's embedded subsets in this process."""
    _KEPT[0] = WeakKeyDictionary() if on else None


class Face(TTFontFace):
    """reportlab's parsed face, whose subsets a watching process keeps (`keep_subsets`)."""

    def _kept(self, subset) -> tuple[bytes, bytes]:
        mine = _KEPT[0].setdefault(self, {})
        key = tuple(subset)
        found = mine.pop(key, None)
        if found is None:
            raw = TTFontFace.makeSubset(self, subset)
            found = (raw, zlib.compress(raw))      # what PDFZCompress gives for the stream
        mine[key] = found                          # the most recently used last
        while len(mine) > SUBSETS_KEPT:
            del mine[next(iter(mine))]
        return found

    def makeSubset(self, subset):
        return TTFontFace.makeSubset(self, subset) if _KEPT[0] is None else self._kept(subset)[0]

    def addSubsetObjects(self, doc, fontname, subset):
        reference = TTFontFace.addSubsetObjects(self, doc, fontname, subset)
        if _KEPT[0] is not None and doc.compression:
            stream = doc.idToObject[f"fontFile:{self.filename}({fontname})"]
            stream.content = self._kept(subset)[1]
            stream.dictionary["Filter"] = PDFArray([PDFName(PDFZCompress.pdfname)])
        return reference


def _packed(kind: str, values) -> bytes:
    return array(kind, values).tobytes()


def _unpacked(kind: str, raw: bytes) -> array:
    out = array(kind)
    out.frombytes(raw)
    return out


def _compact(face: dict) -> dict:
    """The face's attributes with its per-glyph tables as packed arrays."""
    out = {k: v for k, v in face.items() if k not in MAPS + PAIRS + ARRAYS}
    for key in MAPS:
        items = sorted(face[key].items())
        out[key] = (_packed("q", (k for k, _v in items)), _packed("q", (v for _k, v in items)))
    for key in PAIRS:
        out[key] = (_packed("q", (a for a, _b in face[key])), _packed("q", (b for _a, b in face[key])))
    for key in ARRAYS:
        out[key] = _packed("q", face[key])
    return out


def _views(data: dict) -> dict:
    """The stored face's attributes with its tables as read-only views of their arrays."""
    for key in MAPS:
        data[key] = CodeMap(*(_unpacked("q", raw) for raw in data[key]))
    for key in PAIRS:
        data[key] = Metrics(*(_unpacked("q", raw) for raw in data[key]))
    for key in ARRAYS:
        data[key] = _unpacked("q", data[key])
    data["glyphToChar"] = {}     # filled by the parse, then only by reportlab's shaping
    return data


def _store(font: TTFont, target: Path) -> None:
    data = {k: (bytes(v) if k in NAME_FIELDS else v)
            for k, v in vars(font.face).items() if k not in SKIPPED}
    record = {"face": _compact(data), "font_attrs": sorted(vars(font))}
    try:
        write_entry(target, marshal.dumps(record))
    except ValueError:
        pass   # an unexpected value only costs time


def _restore(name: str, path: Path, record: dict) -> TTFont | None:
    face = Face.__new__(Face)
    data = _views(dict(record["face"]))
    for key in NAME_FIELDS:
        if data.get(key) is not None:
            data[key] = TTFNameBytes(data[key])
    face.__dict__.update(data)
    face._ttf_data = _mapped(path)
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    font = TTFont.__new__(TTFont)
    font.fontName, font.face, font.encoding = name, face, TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = True
    return font if sorted(vars(font)) == record["font_attrs"] else None


def _mapped(path: Path):
    """The font file's bytes, mapped read-only: the subsetter reads only the glyphs a PDF
    uses, so a build need not read (and hold) the whole file (the six faces are ~21 MB,
    ~8-20 ms of CPU to read)."""
    with path.open("rb") as handle:
        try:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):    # an empty file, a file system that cannot map
            return handle.read()


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
    font.face.__class__ = Face
    return font
