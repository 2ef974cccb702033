"""Which style carries which article part, and the house-style faces applied to them.

The look (sizes, spacing, alignment) lives in the committed reference document
(`reference/word/styles.xml`); the East Asian face of each style comes from the
house style: role → face → the face's `docx` name (宋体, 黑体, 楷体 …). A face
whose key ends in `_bold` makes the style bold.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

from layout.style import HouseStyle


@dataclass(frozen=True, slots=True)
class StyleSpec:
    name: str       # the Chinese style name editors see
    style_id: str   # w:styleId in the reference document
    role: str       # house-style role whose face the style takes
    english: str    # the meaning, also written as the style's alias


STYLES: tuple[StyleSpec, ...] = (
    StyleSpec("版面标题", "LayoutPageHeading", "furniture", "Page heading"),
    StyleSpec("引题", "LayoutKicker", "kicker", "Kicker"),
    StyleSpec("主题", "LayoutTitle", "title", "Title (main headline)"),
    StyleSpec("副题", "LayoutSubtitle", "subtitle", "Subtitle"),
    StyleSpec("作者", "LayoutByline", "byline", "Byline"),
    StyleSpec("电头", "LayoutDateline", "dateline", "Dateline (run in before the first paragraph)"),
    StyleSpec("正文", "LayoutBody", "body", "Body text"),
    StyleSpec("小标题", "LayoutSubhead", "subhead", "Subhead"),
    StyleSpec("诗行", "LayoutVerse", "verse", "Verse (a stanza, line by line)"),
    StyleSpec("栏目", "LayoutColumn", "column", "Column logo (a recurring column's name)"),
    StyleSpec("图片说明", "LayoutCaption", "caption", "Photo caption"),
    StyleSpec("图片署名", "LayoutCredit", "caption", "Photo credit"),
)
BY_NAME = {spec.name: spec for spec in STYLES}
PICTURE_STYLE = "图片"

def _child(parent, tag: str, before: tuple[str, ...] = ()):
    """The first `tag` child of `parent`, created (before the first of `before`) if absent."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = parent.makeelement(qn(tag), {})
    for name in before:
        anchor = parent.find(qn(name))
        if anchor is not None:
            anchor.addprevious(element)
            return element
    parent.append(element)
    return element


def apply_house_faces(styles_element, style: HouseStyle) -> None:
    """Set w:eastAsia, bold and zh-CN on every role-bound style; strip theme fonts."""
    by_id = {s.get(qn("w:styleId")): s for s in styles_element.iterfind(qn("w:style"))}
    for spec in STYLES:
        element = by_id.get(spec.style_id)
        role = style.roles.get(spec.role) or style.roles["body"]
        face = style.faces[role.face]
        if element is None:
            continue
        rpr = _child(element, "w:rPr")
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.insert(0, fonts)
        fonts.set(qn("w:eastAsia"), face.docx)
        fonts.set(qn("w:hint"), "eastAsia")
        _set_bold(rpr, fonts, face.key.endswith("_bold"))
        _child(rpr, "w:lang").set(qn("w:eastAsia"), "zh-CN")
    strip_theme_fonts(styles_element)


def _set_bold(rpr, fonts, bold: bool) -> None:
    for tag in ("w:bCs", "w:b"):
        found = rpr.find(qn(tag))
        if found is not None:
            rpr.remove(found)
    if bold:
        fonts.addnext(rpr.makeelement(qn("w:b"), {}))
        rpr.find(qn("w:b")).addnext(rpr.makeelement(qn("w:bCs"), {}))


def strip_theme_fonts(styles_element) -> None:
    """Remove w:asciiTheme, w:eastAsiaTheme … : Word lets them override the names."""
    for fonts in styles_element.iter(qn("w:rFonts")):
        for attr in [a for a in fonts.attrib if a.endswith("Theme")]:
            del fonts.attrib[attr]


def apply_house_sizes(styles_element, style: HouseStyle) -> None:
    """Print sizes for the page view: each style at its role's size, 正文 on the line pitch."""
    by_id = {s.get(qn("w:styleId")): s for s in styles_element.iterfind(qn("w:style"))}
    for spec in STYLES:
        element = by_id.get(spec.style_id)
        role = style.roles.get(spec.role)
        if element is None or role is None or spec.role == "dateline":
            continue
        rpr = _child(element, "w:rPr")
        half_points = str(round(role.size * 2))
        for tag in ("w:sz", "w:szCs"):
            _child(rpr, tag, before=("w:highlight", "w:u", "w:lang")).set(qn("w:val"), half_points)
        ppr = element.find(qn("w:pPr"))
        indent = ppr.find(qn("w:ind")) if ppr is not None else None
        if indent is not None and indent.get(qn("w:firstLineChars")):
            indent.set(qn("w:firstLine"), str(round(role.size * 2 * 20)))
    body = by_id.get(BY_NAME["正文"].style_id)
    spacing = _child(_child(body, "w:pPr"), "w:spacing", before=("w:ind", "w:jc"))
    spacing.set(qn("w:line"), str(round(style.line_pitch * 20)))
    spacing.set(qn("w:lineRule"), "exact")
