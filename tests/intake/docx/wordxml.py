"""Editing a DOCX's WordprocessingML by hand, the way Word and WPS write revisions.

`edit(src, dst, change)` rewrites word/document.xml through `change(root)` and
copies every other part unchanged. The builders make the elements Word
writes: runs, `w:ins`/`w:del`/`w:moveFrom`/`w:moveTo` with author and date,
deleted or inserted paragraph marks, formatting-change records.
"""
from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from layout.export.docx.anchors import parse_name, ref_for

NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{NS}}}"
DATE = "2025-06-17T09:30:00Z"
_ids = iter(range(5000, 10**6))


def edit(src: Path, dst: Path, change: Callable, drop: tuple[str, ...] = (),
         parts: dict[str, Callable[[bytes], bytes]] | None = None) -> Path:
    """Copy `src` to `dst` with document.xml passed through `change`; parts in `drop` left
    out; `parts` maps other part names to a function of their bytes (b"" for a new part)."""
    parts = dict(parts or {})
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                change(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            if info.filename in parts:
                data = parts.pop(info.filename)(data)
            zout.writestr(info, data)
        for name, make in parts.items():
            zout.writestr(name, make(b""))
    return dst


def el(tag: str, *children, **attrs) -> etree._Element:
    element = etree.Element(W + tag)
    for key, value in attrs.items():
        element.set(W + key, str(value))
    for child in children:
        element.append(child)
    return element


def run(text: str, deleted: bool = False, style: str | None = None) -> etree._Element:
    """A w:r holding `text` (as w:delText when `deleted`), in character style `style`."""
    r = el("r")
    if style:
        r.append(el("rPr", el("rStyle", val=style)))
    t = el("delText" if deleted else "t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def revision(kind: str, *children, author: str = "校对 刘") -> etree._Element:
    """w:ins / w:del / w:moveFrom / w:moveTo around `children`."""
    return el(kind, *children, id=next(_ids), author=author, date=DATE)


def mark_revision(paragraph, kind: str, author: str = "校对 刘") -> None:
    """Mark the paragraph's own mark inserted or deleted (w:pPr/w:rPr/w:ins|del)."""
    ppr = paragraph.find(W + "pPr")
    if ppr is None:
        ppr = el("pPr")
        paragraph.insert(0, ppr)
    rpr = ppr.find(W + "rPr")
    if rpr is None:
        rpr = el("rPr")
        ppr.append(rpr)
    rpr.append(el(kind, id=next(_ids), author=author, date=DATE))


def start(root, article_id: str, field: str):
    """The w:bookmarkStart of an article's part."""
    for mark in root.iter(W + "bookmarkStart"):
        parsed = parse_name(mark.get(W + "name"))
        if parsed and (parsed.ref, parsed.field) == (ref_for(article_id), field):
            return mark
    raise KeyError((article_id, field))


def end_of(root, start_element):
    number = start_element.get(W + "id")
    return next(e for e in root.iter(W + "bookmarkEnd") if e.get(W + "id") == number)


def paragraph(root, article_id: str, field: str):
    """The w:p the part's bookmark starts in."""
    return start(root, article_id, field).getparent()


def text_run(paragraph_element):
    """The paragraph's (last) plain text run, and its text."""
    runs = [r for r in paragraph_element.findall(W + "r") if r.find(W + "t") is not None]
    r = runs[-1]
    return r, r.find(W + "t").text


def style_id(root_styles_name: str) -> str:
    """The style id the exporter gives a style (see layout/export/docx/styles.py)."""
    from layout.export.docx.styles import BY_NAME

    return BY_NAME[root_styles_name].style_id
