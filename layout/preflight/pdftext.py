"""The characters a written PDF draws, and where: its pages read back with pikepdf.

The loss check (`preflight.fidelity`) reads the PDF a build wrote from the
outside, as a reader would: every page's content stream (qpdf's parser,
through pikepdf, which the PDF/X finishing has loaded already) is run through
the text and graphics state of the PDF specification (§9: BT/ET, Tf, Tm, Td,
TD, T*, TL, Tc, Tw, Tz, Ts, Tj, TJ, ' and "; q, Q, cm; form XObjects drawn
with Do), each glyph's advance comes from its font's Widths (simple fonts) or
W/DW (Type0 fonts with two-byte codes), and its character from the font's
ToUnicode CMap (bfchar and bfrange, both forms). A Type0 font in Identity-V
writes down the page (WMode 1): its glyphs hang from their vertical origins
(DW2/W2) and each moves the next down by its vertical advance. A code the CMap does not map
yields no character — it counts as lost, never as found.

A glyph is placed by the centre of its box (its advance wide, from the
font's Descent to its Ascent), in the page's coordinates the way PDF viewers
and pymupdf give them: points from the MediaBox's top-left corner, y down.
This replaced pymupdf (0.11 s of import and ~0.05 s a page of text tracing in
every build); `tests/preflight/test_pdftext.py` reads the test editions both
ways and requires the same characters in the same articles.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterator

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_BLOCK = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)
_RANGE_ARRAY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\[(.*?)\]", re.S)
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


@dataclass(frozen=True, slots=True)
class PageText:
    """A page's TrimBox (x0, y0, x1, y1) and every character it draws with the centre of
    its glyph box, (text, x, y): points from the MediaBox's top-left corner, y down."""

    trim: tuple[float, float, float, float]
    glyphs: list[tuple[str, float, float]]


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m × n (m applied first), as PDF concatenates matrices."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s,
            e * p + f * r + t, e * q + f * s + u)


def _unicode(raw: bytes) -> str:
    data = bytes.fromhex(raw.decode("ascii"))
    try:
        return data.decode("utf-16-be")
    except UnicodeDecodeError:
        return ""


def to_unicode(cmap: bytes) -> dict[int, str]:
    """The code → text map of a ToUnicode CMap (its bfchar and bfrange sections)."""
    out: dict[int, str] = {}
    for kind, body in _BLOCK.findall(cmap):
        if kind == b"bfchar":
            for code, text in _PAIR.findall(body):
                out[int(code, 16)] = _unicode(text)
            continue
        for low, high, items in _RANGE_ARRAY.findall(body):
            for offset, text in enumerate(_HEX.findall(items)):
                out[int(low, 16) + offset] = _unicode(text)
        for low, high, start in _RANGE.findall(body):
            first, width = int(start, 16), len(start)
            for offset in range(int(high, 16) - int(low, 16) + 1):
                out[int(low, 16) + offset] = _unicode(f"{first + offset:0{width}X}".encode())
    return out


class _CodeTable(dict):
    """code → (text, advance in thousandths) of a two-byte font, filled as codes come."""

    def __init__(self, chars: dict[int, str], advance: Callable[[int], float]):
        super().__init__()
        self.chars, self.advance = chars, advance

    def __missing__(self, code: int) -> tuple[str, float]:
        found = self[code] = (self.chars.get(code, ""), self.advance(code))
        return found


@dataclass(slots=True)
class Font:
    """What reading text needs of a font: bytes per code, each code's text and advance
    (thousandths of the size; a list of 256 for a simple font), the glyph box's centre."""

    two_bytes: bool
    table: "list[tuple[str, float]] | _CodeTable"
    centre: float                      # above the baseline, thousandths (`_centre`)
    chars: list[str] = field(default_factory=list)       # a simple font's, per code
    widths: list[float] = field(default_factory=list)    # a simple font's, per code
    vertical: "Callable[[int], tuple[float, float, float]] | None" = None   # WMode 1: code →
    #          (w1, vx, vy), thousandths: the advance down (negative) and the vertical origin


def _simple_widths(font) -> Callable[[int], float]:
    first = int(font.get("/FirstChar", 0))
    widths = [float(w) for w in font.get("/Widths", [])]
    descriptor = font.get("/FontDescriptor")
    missing = float(descriptor.get("/MissingWidth", 0)) if descriptor is not None else 0.0

    def advance(code: int) -> float:
        i = code - first
        return widths[i] if 0 <= i < len(widths) else missing
    return advance


def _cid_widths(font) -> Callable[[int], float]:
    """Advances of a Type0 font with an Identity encoding (code = CID) from its W array."""
    descendant = font["/DescendantFonts"][0]
    default = float(descendant.get("/DW", 1000))
    widths: dict[int, float] = {}
    items = list(descendant.get("/W", []))
    i = 0
    while i < len(items):
        first = int(items[i])
        if hasattr(items[i + 1], "__len__"):
            for offset, w in enumerate(items[i + 1]):
                widths[first + offset] = float(w)
            i += 2
        else:
            for cid in range(first, int(items[i + 1]) + 1):
                widths[cid] = float(items[i + 2])
            i += 3
    return lambda code: widths.get(code, default)


def _cid_vertical(font) -> Callable[[int], tuple[float, float, float]]:
    """Vertical metrics of a Type0 font written in Identity-V (WMode 1) from its DW2 and W2:
    each CID's (w1, vx, vy); vx is half the glyph's width where W2 does not give it."""
    descendant = font["/DescendantFonts"][0]
    dw2 = [float(v) for v in descendant.get("/DW2", [880, -1000])]
    width = _cid_widths(font)
    given: dict[int, tuple[float, float, float]] = {}
    items = list(descendant.get("/W2", []))
    i = 0
    while i < len(items):
        first = int(items[i])
        if hasattr(items[i + 1], "__len__"):
            values = [float(v) for v in items[i + 1]]
            for k in range(0, len(values) - 2, 3):
                given[first + k // 3] = (values[k], values[k + 1], values[k + 2])
            i += 2
        else:
            for cid in range(first, int(items[i + 1]) + 1):
                given[cid] = tuple(float(v) for v in items[i + 2:i + 5])
            i += 5
    return lambda code: given.get(code) or (dw2[1], width(code) / 2, dw2[0])


def _centre(ascent: float, descent: float) -> float:
    """The glyph box's centre above the baseline, thousandths of the size: the box is one
    em tall, split between ascent and descent in their proportion (as MuPDF's is)."""
    if ascent < 1:
        ascent, descent = 900.0, -100.0
    return 1000 * (ascent + descent) / (ascent - descent) / 2


def load_font(font) -> Font:
    """A pikepdf font dictionary as `Font`."""
    two = font.get("/Subtype") == "/Type0"
    chars = to_unicode(font["/ToUnicode"].read_bytes()) if "/ToUnicode" in font else {}
    descriptor = (font["/DescendantFonts"][0] if two else font).get("/FontDescriptor")
    ascent = float(descriptor.get("/Ascent", 800)) if descriptor is not None else 800.0
    descent = float(descriptor.get("/Descent", -200)) if descriptor is not None else -200.0
    if two:
        table = _CodeTable(chars, _cid_widths(font))
        if font.get("/Encoding") == "/Identity-V":
            return Font(two, table, _centre(ascent, descent), vertical=_cid_vertical(font))
    else:
        advance = _simple_widths(font)
        table = [(chars.get(code, ""), advance(code)) for code in range(256)]
        return Font(two, table, _centre(ascent, descent), [t for t, _w in table],
                    [w for _t, w in table])
    return Font(two, table, _centre(ascent, descent))


@dataclass(slots=True)
class _State:
    """The text state and matrices of §9.3 (what survives q/Q is copied on q)."""

    ctm: Matrix = IDENTITY
    font: Font | None = None
    size: float = 0.0
    char_space: float = 0.0
    word_space: float = 0.0
    scale: float = 1.0
    leading: float = 0.0
    rise: float = 0.0

    def copy(self) -> "_State":
        return _State(self.ctm, self.font, self.size, self.char_space, self.word_space,
                      self.scale, self.leading, self.rise)


class _Reader:
    """Runs content streams, collecting every character's centre in user space."""

    def __init__(self, fonts: dict):
        self.fonts = fonts            # object id → Font, shared by the pages of a document
        self.found: list[tuple[str, float, float]] = []
        self.used: dict[int, set[int]] = {}    # id(font) → the codes shown in it
        self.names: dict[tuple[int, str], Font | None] = {}   # (resources, name) → font
        self.kept: list = []       # the resources named in `names`, alive while it is
        self.tm = self.tlm = IDENTITY

    def font(self, resources, name) -> Font | None:
        memo = (id(resources), str(name))
        if memo not in self.names:
            self.names[memo] = self._font(resources, name)
        return self.names[memo]

    def _font(self, resources, name) -> Font | None:
        fonts = resources.get("/Font") if resources is not None else None
        entry = fonts.get(name) if fonts is not None else None
        if entry is None:
            return None
        key = entry.objgen if entry.is_indirect else id(entry)
        if key not in self.fonts:
            self.fonts[key] = load_font(entry)
        return self.fonts[key]

    def show(self, state: _State, data: bytes) -> None:
        """The glyphs of one string: their centres through Tm × CTM; then Tm advanced."""
        font = state.font
        if font is None:
            return
        if font.vertical is not None:
            self.show_vertical(state, data)
            return
        if font.two_bytes:
            codes = [(data[i] << 8) | data[i + 1] for i in range(0, len(data) - 1, 2)]
            self.used.setdefault(id(font), set()).update(codes)
            found = [font.table[code] for code in codes]
            chars, widths, space = [t for t, _w in found], [w for _t, w in found], 0.0
        else:
            codes, chars, widths = data, font.chars, font.widths
            self.used.setdefault(id(font), set()).update(data)
            space = state.word_space
        a, b, c, d, e, f = multiply(self.tm, state.ctm)
        per, scale, char_space = state.size / 1000, state.scale, state.char_space
        # the box's centre: `centre` of the font size above the baseline, raised by Ts; a
        # box narrowed by Tz is as much lower (as MuPDF has it)
        det, length = a * d - b * c, math.hypot(a, b) or 1.0
        up = font.centre * per * scale * math.sqrt(abs(det)) * (1 if det >= 0 else -1) / length
        cx = state.rise * c + e - b * up
        cy = state.rise * d + f + a * up
        out, pen = self.found, 0.0
        for i, code in enumerate(codes):
            if font.two_bytes:
                text, width = chars[i], widths[i] * per
            else:
                text, width = chars[code], widths[code] * per
            if text:
                x = pen + width * scale / 2
                out.append((text, x * a + cx, x * b + cy))
            pen += (width + char_space + (space if code == 32 else 0.0)) * scale
        self.tm = multiply((1.0, 0.0, 0.0, 1.0, pen, 0.0), self.tm)

    def show_vertical(self, state: _State, data: bytes) -> None:
        """The glyphs of a string in a WMode 1 font, one under another: each glyph's box
        hangs from its vertical origin (vx, vy) as drawn across; then Tm moved down."""
        font = state.font
        a, b, c, d, e, f = multiply(self.tm, state.ctm)
        per, pen = state.size / 1000, 0.0
        used = self.used.setdefault(id(font), set())
        for i in range(0, len(data) - 1, 2):
            code = (data[i] << 8) | data[i + 1]
            used.add(code)
            text, width = font.table[code]
            w1, vx, vy = font.vertical(code)
            if text:
                x = (width / 2 - vx) * per * state.scale
                y = (font.centre - vy) * per + pen + state.rise
                self.found.append((text, x * a + y * c + e, x * b + y * d + f))
            pen += w1 * per + state.char_space
        self.tm = multiply((1.0, 0.0, 0.0, 1.0, 0.0, pen), self.tm)

    def move(self, tx: float, ty: float) -> None:
        self.tm = self.tlm = multiply((1.0, 0.0, 0.0, 1.0, tx, ty), self.tlm)

    def run(self, stream, resources, state: _State, depth: int = 0) -> None:
        import pikepdf

        stack: list[_State] = []
        self.kept.append(resources)
        for instruction in pikepdf.parse_content_stream(stream, _OPERATORS):
            op, operands = str(instruction.operator), instruction.operands
            if op == "Tj":
                self.show(state, bytes(operands[0]))
            elif op in _TEXT_OPS:
                _TEXT_OPS[op](self, state, resources, operands)
            elif op == "q":
                stack.append(state.copy())
            elif op == "Q" and stack:
                state = stack.pop()
            elif op == "cm":
                state.ctm = multiply(tuple(float(v) for v in operands), state.ctm)
            elif op == "Do" and depth < 8:
                self.form(operands[0], resources, state, depth)

    def form(self, name, resources, state: _State, depth: int) -> None:
        xobjects = resources.get("/XObject") if resources is not None else None
        form = xobjects.get(name) if xobjects is not None else None
        if form is None or form.get("/Subtype") != "/Form":
            return
        inner = state.copy()
        matrix = tuple(float(v) for v in form.get("/Matrix", IDENTITY))
        inner.ctm = multiply(matrix, state.ctm)
        saved = self.tm, self.tlm
        self.run(form, form.get("/Resources", resources), inner, depth + 1)
        self.tm, self.tlm = saved


def _op_bt(reader, state, resources, operands):
    reader.tm = reader.tlm = IDENTITY


def _op_tf(reader, state, resources, operands):
    state.font, state.size = reader.font(resources, operands[0]), float(operands[1])


def _op_tm(reader, state, resources, operands):
    reader.tm = reader.tlm = tuple(float(v) for v in operands)


def _op_td(reader, state, resources, operands):
    reader.move(float(operands[0]), float(operands[1]))


def _op_td_leading(reader, state, resources, operands):
    state.leading = -float(operands[1])
    reader.move(float(operands[0]), float(operands[1]))


def _op_next_line(reader, state, resources, operands):
    reader.move(0.0, -state.leading)


def _op_tj(reader, state, resources, operands):
    reader.show(state, bytes(operands[0]))


def _op_tj_array(reader, state, resources, operands):
    for item in operands[0]:
        if isinstance(item, (int, float, Decimal)):
            if state.font is not None and state.font.vertical is not None:   # down the column
                shift = -float(item) / 1000 * state.size
                reader.tm = multiply((1.0, 0.0, 0.0, 1.0, 0.0, shift), reader.tm)
                continue
            shift = -float(item) / 1000 * state.size * state.scale
            reader.tm = multiply((1.0, 0.0, 0.0, 1.0, shift, 0.0), reader.tm)
        else:
            reader.show(state, bytes(item))


def _op_quote(reader, state, resources, operands):
    reader.move(0.0, -state.leading)
    reader.show(state, bytes(operands[0]))


def _op_double_quote(reader, state, resources, operands):
    state.word_space, state.char_space = float(operands[0]), float(operands[1])
    reader.move(0.0, -state.leading)
    reader.show(state, bytes(operands[2]))


def _setter(field: str, factor: float = 1.0):
    def op(reader, state, resources, operands):
        setattr(state, field, float(operands[0]) * factor)
    return op


_TEXT_OPS = {
    "BT": _op_bt, "Tf": _op_tf, "Tm": _op_tm, "Td": _op_td, "TD": _op_td_leading,
    "T*": _op_next_line, "Tj": _op_tj, "TJ": _op_tj_array, "'": _op_quote,
    '"': _op_double_quote, "Tc": _setter("char_space"), "Tw": _setter("word_space"),
    "Tz": _setter("scale", 0.01), "TL": _setter("leading"), "Ts": _setter("rise"),
}


_OPERATORS = " ".join(list(_TEXT_OPS) + ["q", "Q", "cm", "Do"])


def _box(box) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in box)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def page_texts(path: Path) -> Iterator[PageText]:
    """Every page of the PDF at `path`: its TrimBox and the text it draws."""
    import pikepdf

    fonts: dict = {}
    with pikepdf.open(path) as pdf:
        for index, page in enumerate(pdf.pages):
            media, trim = _box(page.mediabox), _box(page.trimbox)
            resources = page.obj.get("/Resources")
            stored = _page_stored(page, resources, media, trim) if _READ[0] else None
            known = _READ_PAGES.get(index)
            if stored is not None and known is not None and known[0] == stored \
                    and _same_glyphs(known[1], _Reader(fonts), resources):
                yield known[2]
                continue
            reader = _Reader(fonts)
            reader.run(page, resources, _State())
            left, top = media[0], media[3]
            text = PageText((trim[0] - left, top - trim[3], trim[2] - left, top - trim[1]),
                            [(t, x - left, top - y) for t, x, y in reader.found])
            if stored is not None:
                _READ_PAGES[index] = (stored, _glyphs_used(reader), text)
            yield text


# `layout watch` reads back PDFs that differ from the last one in the pages an edit touched
# only. Reading a page depends on its content stream(s) as stored, its boxes, and, of each
# font its content names, whether the name is there and what `show` takes for the codes
# shown: bytes per code, the box's centre, each code's text and advance (and vertical
# metrics). A page whose streams and boxes are as in the last PDF read, and whose fonts
# give the same for every code it showed, is given as read then: a subset that grew by a
# new character elsewhere (reportlab numbers a subset's codes in order of use, so earlier
# codes keep their meaning) does not make every page be read again. A page that draws a
# form XObject (an ad placed as a PDF) is always read. Only a process that asks for it
# remembers (`remember_pages`).
_READ = [False]
_READ_PAGES: dict[int, tuple] = {}   # page index → (streams and boxes, glyphs used, its text)


def remember_pages(on: bool = True) -> None:
    """Remember each page read (and give it again while what it read is the same), or
    stop and forget them."""
    _READ[0] = on
    if not on:
        _READ_PAGES.clear()


def _page_stored(page, resources, media, trim) -> tuple | None:
    """The page's boxes and content streams as stored, or None when it draws a form."""
    xobjects = resources.get("/XObject") if resources is not None else None
    if xobjects is not None and any(x.get("/Subtype") == "/Form" for x in xobjects.values()):
        return None
    contents = page.obj.get("/Contents")
    if contents is None:
        streams = []
    elif hasattr(contents, "read_raw_bytes"):
        streams = [contents]
    else:
        streams = list(contents)
    return media, trim, tuple((sorted((str(k), str(v)) for k, v in c.stream_dict.items()),
                               bytes(c.read_raw_bytes())) for c in streams)


def _font_glyphs(font: Font | None, codes) -> tuple | None:
    """What showing `codes` in `font` takes of it."""
    if font is None:
        return None
    return (font.two_bytes, font.centre, tuple(
        (code, tuple(font.table[code]), font.vertical(code) if font.vertical else None)
        for code in sorted(codes)))


def _glyphs_used(reader: _Reader) -> dict[str, tuple | None]:
    """Each font name the page's content looked up, with what it took of the font."""
    return {name: _font_glyphs(font, reader.used.get(id(font), ()))
            for (_res, name), font in reader.names.items()}


def _same_glyphs(used: dict[str, tuple | None], reader: _Reader, resources) -> bool:
    """Whether the fonts under these names give the page the same glyphs as before."""
    for name, before in used.items():
        font = reader.font(resources, _name(name))
        codes = [code for code, _entry, _vertical in before[2]] if before is not None else ()
        if _font_glyphs(font, codes) != before:
            return False
    return True


def _name(name: str):
    import pikepdf

    return pikepdf.Name(name)
