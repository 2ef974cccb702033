"""The text of the edition: a heading per page, then its articles in page order.

Every article part is a paragraph in its own named style, wrapped in a content
control whose tag is the part's anchor (see anchors.py). The 电头 is run in at
the start of the first body paragraph, in the 电头 character style, inside its
own run-level control, so it reads as printed and still maps back on its own.
"""
from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document

from layout.export.docx.anchors import anchor_for
from layout.export.docx.photos import add_inline_photo
from layout.export.docx.styles import BY_NAME, PICTURE_STYLE
from layout.export.docx.xmlparts import ControlIds, content_control, styled_run, wrap_block
from layout.model import Article, ArticleKind, Page, ParagraphKind

HEADLINE_FIELDS = (("kicker", "引题"), ("title", "主题"), ("subtitle", "副题"), ("byline", "作者"))


@dataclass(slots=True)
class Writer:
    """Appends articles to a python-docx Document, numbering content controls as it goes."""

    document: Document
    photo_width_pt: float
    ids: ControlIds

    def page_heading(self, page: Page, break_before: bool):
        paragraph = self.document.add_paragraph(f"第{page.number}版 {page.name}", style="版面标题")
        if not break_before:
            paragraph.paragraph_format.page_break_before = False
        return paragraph

    def part(self, article: Article, field: str, text: str, style: str):
        """One anchored paragraph holding `text` in `style`."""
        paragraph = self.document.add_paragraph(text, style=style)
        wrap_block(paragraph._p, anchor_for(article.id, field, text),
                   _label(article.id, field, style), self.ids)
        return paragraph

    def article(self, article: Article) -> None:
        headline = article.headline
        values = {"kicker": headline.kicker, "title": headline.title,
                  "subtitle": headline.subtitle, "byline": article.byline}
        for field, style in HEADLINE_FIELDS:
            if values[field]:
                self.part(article, field, values[field], style)
        if article.kind is ArticleKind.PHOTO:
            self.photos(article)
            self.paragraphs(article)
        else:
            self.paragraphs(article)
            self.photos(article)

    def paragraphs(self, article: Article) -> None:
        dateline_done = not article.dateline
        for n, para in enumerate(article.paragraphs, start=1):
            style = "小标题" if para.kind is ParagraphKind.SUBHEAD else "正文"
            paragraph = self.part(article, f"p{n}", para.text, style)
            if not dateline_done and para.kind is ParagraphKind.BODY:
                self.run_in_dateline(paragraph, article)
                dateline_done = True
        if not dateline_done:  # no body paragraph to run into: the 电头 stands alone
            self.run_in_dateline(self.document.add_paragraph(style="正文"), article)

    def run_in_dateline(self, paragraph, article: Article) -> None:
        control = content_control(anchor_for(article.id, "dateline", article.dateline),
                                  _label(article.id, "dateline", "电头"), self.ids)
        control[-1].append(styled_run(article.dateline, BY_NAME["电头"].style_id))
        paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, control)

    def photos(self, article: Article) -> None:
        for n, photo in enumerate(article.photos, start=1):
            picture = self.document.add_paragraph(style=PICTURE_STYLE)
            add_inline_photo(picture, photo, self.photo_width_pt)
            wrap_block(picture._p, anchor_for(article.id, f"photo{n}", photo.path.name),
                       _label(article.id, f"photo{n}", PICTURE_STYLE), self.ids)
            if photo.caption:
                self.part(article, f"caption{n}", photo.caption, "图片说明")
            if photo.credit:
                self.part(article, f"credit{n}", photo.credit, "图片署名")


def _label(article_id: str, field: str, style: str) -> str:
    """The control's title as Word shows it: `正文 p3 · hengji`."""
    return f"{style} {field} · {article_id}"
