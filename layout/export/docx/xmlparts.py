"""Small WordprocessingML builders python-docx lacks: bookmarks, styled runs, sections."""
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


class BookmarkIds:
    """Deterministic, unique w:id values for bookmarks."""

    def __init__(self, start: int = 1):
        self._next = start

    def take(self) -> int:
        value, self._next = self._next, self._next + 1
        return value


def bookmark_paragraph(paragraph_element, anchor: Anchor, ids: BookmarkIds) -> None:
    """Wrap the whole content of a paragraph (after its w:pPr) in the anchor's bookmark."""
    number = ids.take()
    has_props = paragraph_element.pPr is not None
    paragraph_element.insert(1 if has_props else 0, element("w:bookmarkStart", id=number,
                                                            name=anchor.name))
    paragraph_element.append(element("w:bookmarkEnd", id=number))


def bookmark_run(run_element, anchor: Anchor, ids: BookmarkIds) -> None:
    """Wrap one run in the anchor's bookmark (the run-in 电头)."""
    number = ids.take()
    run_element.addprevious(element("w:bookmarkStart", id=number, name=anchor.name))
    run_element.addnext(element("w:bookmarkEnd", id=number))


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


def section_properties(width_pt: float, height_pt: float,
                       margins_pt: tuple[float, float, float, float],
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
