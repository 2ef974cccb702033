"""What a PDF's content streams paint with: colour spaces, text colours, overprint.

A small interpreter walks each page's content (and the forms it draws, each
once, so a form drawing itself cannot loop), keeping the fill colour, the
text size and the overprint flag through q/Q, and records every colour
operator's space and every text-showing operator's fill colour. It reads the
content token by token (qpdf's tokenizer), never holding the whole list of
operators, so memory stays small on any page. It understands just enough
PDF to answer preflight questions.
"""
from __future__ import annotations

import collections
from dataclasses import dataclass, field

import pikepdf

TEXT_SHOW = {"Tj", "TJ", "'", '"'}
MAX_FORM_DEPTH = 8
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
SPACE_OF_OPERATOR = {"g": "DeviceGray", "G": "DeviceGray", "rg": "DeviceRGB",
                     "RG": "DeviceRGB", "k": "DeviceCMYK", "K": "DeviceCMYK"}
FAMILY = {"DeviceGray": "gray", "CalGray": "gray", "DeviceRGB": "RGB", "CalRGB": "RGB",
          "DeviceCMYK": "CMYK", "Lab": "Lab", "Pattern": "pattern"}


def space_family(space) -> str:
    """'gray', 'RGB', 'CMYK', 'Lab', 'spot' … for a colour space object or name."""
    if isinstance(space, pikepdf.Name):
        return FAMILY.get(str(space)[1:], str(space)[1:])
    if isinstance(space, pikepdf.Array) and len(space):
        kind = str(space[0])[1:]
        if kind == "ICCBased":
            return {1: "gray", 3: "RGB", 4: "CMYK"}.get(int(space[1].get("/N", 0)), "ICC")
        if kind in ("Separation", "DeviceN"):
            return "spot"
        if kind == "Indexed":
            return space_family(space[1])
        return FAMILY.get(kind, kind)
    return "unknown"


@dataclass(slots=True)
class GState:
    fill: tuple[str, tuple[float, ...]] = ("gray", (0.0,))
    fill_space: str = "gray"
    overprint: bool = False
    font_size: float = 0.0
    text_scale: float = 1.0
    ctm: tuple[float, ...] = IDENTITY

    def copy(self) -> "GState":
        return GState(self.fill, self.fill_space, self.overprint, self.font_size,
                      self.text_scale, self.ctm)


def concat(m: tuple[float, ...], ctm: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix `m` applied in the space of `ctm` (PDF's `cm`: M × CTM)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = ctm
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


@dataclass(frozen=True, slots=True)
class ImageUse:
    """An image XObject drawn on a page: which, and its size there in points."""

    objgen: tuple[int, int]
    width: float
    height: float


@dataclass(slots=True)
class PaintUse:
    """Colour operators by family and text shown by (colour, size, overprint)."""

    vector: collections.Counter = field(default_factory=collections.Counter)
    text: collections.Counter = field(default_factory=collections.Counter)
    transparency: int = 0
    string_bytes: int = 0     # bytes of strings shown: at least one per glyph drawn
    images: list[ImageUse] = field(default_factory=list)

    def add_text(self, state: GState) -> None:
        size = round(state.font_size * state.text_scale, 1)
        self.text[(state.fill[0], state.fill[1], size, state.overprint)] += 1


def _named_space(resources, name) -> object:
    spaces = resources.get("/ColorSpace", {}) if resources is not None else {}
    return spaces.get(name, name)


def _set_gs(state: GState, resources, name, use: PaintUse) -> None:
    states = resources.get("/ExtGState", {}) if resources is not None else {}
    gs = states.get(name)
    if gs is None:
        return
    if "/op" in gs:
        state.overprint = bool(gs.op)
    elif "/OP" in gs:
        state.overprint = bool(gs.OP)
    if float(gs.get("/ca", 1)) < 1 or float(gs.get("/CA", 1)) < 1 or \
            ("/SMask" in gs and gs.SMask != pikepdf.Name("/None")) or \
            str(gs.get("/BM", "/Normal")) not in ("/Normal", "/Compatible"):
        use.transparency += 1


class _Walker(pikepdf.TokenFilter):
    """Reads a content stream token by token (never the whole list of operators at once),
    keeping the graphics state and recording what `use` needs."""

    def __init__(self, resources, use: PaintUse, depth: int, seen: set, ctm: tuple[float, ...]):
        super().__init__()
        self.resources, self.use, self.depth, self.seen = resources, use, depth, seen
        self.state, self.stack, self.operands, self.nesting = GState(ctm=ctm), [], [], 0

    def handle_token(self, token):
        kind = token.type_
        if kind == pikepdf.TokenType.string:
            self.use.string_bytes += len(token.raw_value)
        if kind in (pikepdf.TokenType.array_open, pikepdf.TokenType.dict_open):
            if self.nesting == 0:
                self.operands.append(None)   # an array or dictionary operand: not needed here
            self.nesting += 1
        elif kind in (pikepdf.TokenType.array_close, pikepdf.TokenType.dict_close):
            self.nesting = max(0, self.nesting - 1)
        elif self.nesting:
            pass
        elif kind == pikepdf.TokenType.word:
            try:
                self.operator(token.value, self.operands)
            except (IndexError, ValueError, TypeError, AttributeError, pikepdf.PdfError):
                pass   # a malformed operator is skipped, as a viewer does
            self.operands = []
        elif kind in (pikepdf.TokenType.integer, pikepdf.TokenType.real):
            self.operands.append(float(token.value))
        elif kind == pikepdf.TokenType.name_:
            self.operands.append(pikepdf.Name(token.value))
        elif kind not in (pikepdf.TokenType.space, pikepdf.TokenType.comment):
            self.operands.append(None)
        return None

    def operator(self, op: str, operands: list) -> None:
        state, use, resources = self.state, self.use, self.resources
        if op == "q":
            self.stack.append(state.copy())
        elif op == "Q" and self.stack:
            self.state = self.stack.pop()
        elif op in SPACE_OF_OPERATOR:
            family = FAMILY[SPACE_OF_OPERATOR[op]]
            use.vector[family] += 1
            if op.islower():
                state.fill = (family, tuple(round(float(v), 3) for v in operands))
        elif op in ("cs", "CS"):
            family = space_family(_named_space(resources, operands[0]))
            use.vector[family] += 1
            if op == "cs":
                state.fill_space, state.fill = family, (family, ())
        elif op in ("sc", "scn"):
            state.fill = (state.fill_space, tuple(round(float(v), 3) for v in operands
                                                  if isinstance(v, float)))
        elif op == "gs":
            _set_gs(state, resources, operands[0], use)
        elif op == "Tf":
            state.font_size = float(operands[1])
        elif op == "Tm":
            state.text_scale = abs(float(operands[3])) or 1.0
        elif op in TEXT_SHOW:
            use.add_text(state)
        elif op == "sh":
            shadings = resources.get("/Shading", {}) if resources is not None else {}
            shading = shadings.get(operands[0])
            if shading is not None:
                use.vector[space_family(shading.get("/ColorSpace"))] += 1
        elif op == "cm":
            state.ctm = concat(tuple(float(v) for v in operands[:6]), state.ctm)
        elif op == "Do" and self.depth < MAX_FORM_DEPTH:
            _drawn(resources, operands[0], use, self.depth, self.seen, state.ctm)


def walk(content_owner, resources, use: PaintUse, depth: int = 0, seen: set | None = None,
         ctm: tuple[float, ...] = IDENTITY) -> None:
    """Interpret the content of a page or form XObject, adding to `use`."""
    walker = _Walker(resources, use, depth, set() if seen is None else seen, ctm)
    pikepdf.Page(content_owner if isinstance(content_owner, pikepdf.Object)
                 else content_owner.obj).get_filtered_contents(walker)


def _drawn(resources, name, use: PaintUse, depth: int, seen: set, ctm: tuple[float, ...]) -> None:
    """An XObject drawn: an image is recorded with its size; a form is walked once per
    page however often (or recursively) it is drawn."""
    import math

    xobjects = resources.get("/XObject", {}) if resources is not None else {}
    xobj = xobjects.get(name)
    if not isinstance(xobj, pikepdf.Stream):
        return
    if xobj.get("/Subtype") == pikepdf.Name.Image:
        a, b, c, d = ctm[:4]
        use.images.append(ImageUse(xobj.objgen, math.hypot(a, b), math.hypot(c, d)))
        return
    if xobj.get("/Subtype") != pikepdf.Name.Form or xobj.objgen in seen:
        return
    seen.add(xobj.objgen)
    if "/Group" in xobj and xobj.Group.get("/S") == pikepdf.Name.Transparency:
        use.transparency += 1
    matrix = tuple(float(v) for v in xobj.get("/Matrix", IDENTITY))
    walk(xobj, xobj.get("/Resources", resources), use, depth + 1, seen, concat(matrix, ctm))


def paint_use(pdf: pikepdf.Pdf) -> list[PaintUse]:
    """One PaintUse per page."""
    out = []
    for page in pdf.pages:
        use = PaintUse()
        walk(page, page.obj.get("/Resources"), use)
        if "/Group" in page.obj:
            use.transparency += 1
        out.append(use)
    return out
