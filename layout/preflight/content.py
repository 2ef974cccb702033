"""What a PDF's content streams paint with: colour spaces, text colours, overprint.

A small interpreter walks each page's content (and the forms it draws),
keeping the fill colour, the text size and the overprint flag through q/Q,
and records every colour operator's space and every text-showing operator's
fill colour. It understands just enough PDF to answer preflight questions.
"""
from __future__ import annotations

import collections
from dataclasses import dataclass, field

import pikepdf

TEXT_SHOW = {"Tj", "TJ", "'", '"'}
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

    def copy(self) -> "GState":
        return GState(self.fill, self.fill_space, self.overprint, self.font_size,
                      self.text_scale)


@dataclass(slots=True)
class PaintUse:
    """Colour operators by family and text shown by (colour, size, overprint)."""

    vector: collections.Counter = field(default_factory=collections.Counter)
    text: collections.Counter = field(default_factory=collections.Counter)
    transparency: int = 0

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


def walk(content_owner, resources, use: PaintUse, depth: int = 0) -> None:
    """Interpret the content of a page or form XObject, adding to `use`."""
    state, stack = GState(), []
    for operands, op in pikepdf.parse_content_stream(content_owner):
        op = str(op)
        if op == "q":
            stack.append(state.copy())
        elif op == "Q" and stack:
            state = stack.pop()
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
                                                  if not isinstance(v, pikepdf.Name)))
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
        elif op == "Do" and depth < 8:
            _form(resources, operands[0], use, depth)


def _form(resources, name, use: PaintUse, depth: int) -> None:
    xobjects = resources.get("/XObject", {}) if resources is not None else {}
    xobj = xobjects.get(name)
    if xobj is not None and xobj.get("/Subtype") == pikepdf.Name.Form:
        if "/Group" in xobj and xobj.Group.get("/S") == pikepdf.Name.Transparency:
            use.transparency += 1
        walk(xobj, xobj.get("/Resources", resources), use, depth + 1)


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
