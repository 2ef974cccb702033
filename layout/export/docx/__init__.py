"""The DOCX for copy editors, written from the semantic model (`job.issue` only).

One document per edition: a heading per page (`第1版 社区`), then the page's
articles in order, every part in a Chinese-named paragraph style from the
committed reference document (`reference/`, unzipped) with the house style's
East Asian faces, photos inline with their captions, and every part anchored
in a hidden bookmark so `layout import` can bring corrections back.

`job.options.docx_layout` chooses the view: `edit` (default) is plain A4;
`pages` gives each newspaper page a section of its own size and columns, and a
vertical article (竖排) a section whose text runs top to bottom (`vertical.py`).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docx.oxml.ns import qn

from layout.errors import BuildError
from layout.export.docx.anchors import add_snapshot
from layout.export.docx.body import Writer
from layout.export.docx.package import open_reference, save_reproducibly, set_core_properties
from layout.export.docx.styles import apply_house_faces, apply_house_sizes
from layout.export.docx.vertical import vertical_section
from layout.export.docx.xmlparts import section_properties
from layout.i18n import _
from layout.model import Issue

if TYPE_CHECKING:
    from layout.export import ExportJob

LAYOUTS = ("edit", "pages")
EDIT_PHOTO_WIDTH_PT = 340.0   # 12 cm: large enough to see, leaves the caption readable


def write_docx(job: ExportJob, target: Path) -> str:
    """Write the issue's DOCX to `target`; return a one-line summary."""
    issue: Issue = job.issue
    layout = job.options.docx_layout or "edit"
    if layout not in LAYOUTS:
        raise BuildError(_("--docx-layout must be one of {choices}, not '{layout}'").format(
            choices=", ".join(LAYOUTS), layout=layout))
    document = open_reference(issue.date)
    styles = document.styles.element
    apply_house_faces(styles, issue.style)
    if layout == "pages":
        apply_house_sizes(styles, issue.style)
    writer = Writer(document, _photo_width(issue, layout), job.diagnostics, style=issue.style)
    for index, page in enumerate(issue.pages):
        writer.page_heading(page, break_before=(layout == "edit" and index > 0))
        for article in page.articles:
            if article.reserve is not None:   # advertisements are not copy: not in the DOCX
                continue
            vertical = layout == "pages" and article.vertical
            if vertical and len(document.paragraphs) > 1:   # the page so far, then the article
                _end_page_section(document, issue, page.number, last=False)
            writer.article(article)
            if vertical:
                _end_page_section(document, issue, page.number, last=False, vertical=True)
        if layout == "pages":
            _end_page_section(document, issue, page.number, last=index == len(issue.pages) - 1)
    add_snapshot(document, writer.exported)
    set_core_properties(document, issue)
    save_reproducibly(document, Path(target), issue.date)
    photos = sum(len(a.photos) for a in issue.articles())
    view = _("edit view (A4)") if layout == "edit" else _("page-by-page view")
    return _("{pages} page(s), {articles} articles, {photos} photos, {view}").format(
        pages=len(issue.pages), articles=len(issue.articles()), photos=photos, view=view)


def _photo_width(issue: Issue, layout: str) -> float:
    if layout == "edit":
        return EDIT_PHOTO_WIDTH_PT
    return issue.style.column_width   # one column: Word would not shrink a wider picture


def _end_page_section(document, issue: Issue, number: int, last: bool,
                      vertical: bool = False) -> None:
    """Close the current newspaper page with a section of its size and columns (a
    vertical article's: one column, text top to bottom, right to left).

    Odd pages (rectos) have the inner margin on the left, even pages on the right.
    """
    style = issue.style
    left, right = ((style.margin_inner, style.margin_outer) if number % 2
                   else (style.margin_outer, style.margin_inner))
    sect = section_properties(style.page_width, style.page_height,
                              (style.margin_top, right, style.margin_bottom, left),
                              style.columns, style.gutter)
    if vertical:
        sect = vertical_section(sect)
    body = document.element.body
    if last:
        body.replace(body.find(qn("w:sectPr")), sect)
        return
    paragraph = document.add_paragraph()  # an empty paragraph carries the page's w:sectPr
    props = paragraph._p.get_or_add_pPr()
    props.append(sect)
