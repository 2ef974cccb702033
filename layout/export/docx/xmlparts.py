"""Small WordprocessingML builders python-docx lacks: content controls, section breaks."""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from layout.export.docx.anchors import Anchor


def element(tag: str, **attrs: str):
    """A w: element with w: attributes (`val="x"` → w:val="x")."""
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


class ControlIds:
    """Deterministic, unique w:id values for content controls."""

    def __init__(self, start: int = 100001):
        self._next = start

    def take(self) -> int:
        value, self._next = self._next, self._next + 1
        return value


def content_control(anchor: Anchor, alias: str, ids: ControlIds):
    """An empty `w:sdt` tagged with `anchor`; fill its `w:sdtContent`.

    The control is locked against deletion (sdtLocked) but its content stays
    editable, so an editor cannot drop an anchor by accident.
    """
    sdt = element("w:sdt")
    props = element("w:sdtPr")
    props.append(element("w:alias", val=alias))
    props.append(element("w:tag", val=anchor.tag))
    props.append(element("w:id", val=ids.take()))
    props.append(element("w:lock", val="sdtLocked"))
    sdt.append(props)
    sdt.append(element("w:sdtContent"))
    return sdt


def wrap_block(paragraph_element, anchor: Anchor, alias: str, ids: ControlIds):
    """Move a body paragraph into a block-level content control at the same place."""
    sdt = content_control(anchor, alias, ids)
    paragraph_element.addprevious(sdt)
    sdt.find(qn("w:sdtContent")).append(paragraph_element)
    return sdt


def styled_run(text: str, char_style_id: str):
    run = element("w:r")
    props = element("w:rPr")
    props.append(element("w:rStyle", val=char_style_id))
    run.append(props)
    t = element("w:t")
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    return run


def section_properties(width_pt: float, height_pt: float, margins_pt: tuple[float, float, float, float],
                       columns: int, gutter_pt: float):
    """A `w:sectPr` for one newspaper page: size, margins (top, right, bottom, left), columns."""
    twips = lambda pt: str(round(pt * 20))  # noqa: E731
    top, right, bottom, left = margins_pt
    sect = element("w:sectPr")
    sect.append(element("w:type", val="nextPage"))
    sect.append(element("w:pgSz", w=twips(width_pt), h=twips(height_pt)))
    sect.append(element("w:pgMar", top=twips(top), right=twips(right), bottom=twips(bottom),
                        left=twips(left), header="0", footer="0", gutter="0"))
    sect.append(element("w:cols", num=columns, space=twips(gutter_pt), equalWidth="1"))
    return sect
