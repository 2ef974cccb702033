"""The text of the edition: a heading per page, then its articles in page order.

Every article part is a paragraph in its own named style, wrapped in a hidden
bookmark that names the part (see anchors.py). The 电头 is run in at the start
of the first body paragraph, in the 电头 character style, with a bookmark of
its own, so it reads as printed and still maps back on its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document
from docx.oxml.ns import qn

from layout.errors import Diagnostics
from layout.export.docx.anchors import Anchor, anchor_for
from layout.export.docx.boxes import frame
from layout.export.docx.photos import add_inline_photo
from layout.export.docx.styles import BY_NAME, PICTURE_STYLE
from layout.export.docx.xmlparts import BookmarkIds, bookmark_paragraph, bookmark_run, styled_run
from layout.model import Article, ArticleKind, Page, ParagraphKind
from layout.style import HouseStyle, default_style

HEADLINE_FIELDS = (("kicker", "引题"), ("title", "主题"), ("subtitle", "副题"), ("byline", "作者"))
# a stanza's "\n" becomes a line break (w:br) inside its one paragraph
PARAGRAPH_STYLES = {ParagraphKind.BODY: "正文", ParagraphKind.SUBHEAD: "小标题",
                    ParagraphKind.VERSE: "诗行"}
SNAPSHOT_KINDS = {"小标题": "subhead", "诗行": "verse"}   # how the snapshot marks a paragraph


@dataclass(slots=True)
class Writer:
    """Appends articles to a python-docx Document, numbering bookmarks as it goes."""

    document: Document
    photo_width_pt: float
    diagnostics: Diagnostics
    ids: BookmarkIds = field(default_factory=BookmarkIds)
    style: HouseStyle | None = None   # for boxed articles' frames
    exported: list[tuple[str, str, str, str]] = field(default_factory=list)  # for the snapshot

    def page_heading(self, page: Page, break_before: bool):
        paragraph = self.document.add_paragraph(f"第{page.number}版 {page.name}", style="版面标题")
        if not break_before:
            paragraph.paragraph_format.page_break_before = False
        return paragraph

    def anchor(self, article: Article, field_name: str, text: str, kind: str = "") -> Anchor:
        """The part's anchor (any id fits a bookmark name), recorded for the snapshot."""
        self.exported.append((article.id, field_name, text, kind))
        return anchor_for(article.id, field_name, text)

    def part(self, article: Article, field_name: str, text: str, style: str):
        """One anchored paragraph holding `text` in `style`."""
        paragraph = self.document.add_paragraph(text, style=style)
        anchor = self.anchor(article, field_name, text, SNAPSHOT_KINDS.get(style, ""))
        bookmark_paragraph(paragraph._p, anchor, self.ids)
        return paragraph

    def article(self, article: Article) -> None:
        start = len(self.document.paragraphs)
        if article.column:
            self.part(article, "column", article.column, "栏目")
        self.article_parts(article)
        if article.box or article.tint:
            frame(self.document.paragraphs[start:], article.box, article.tint,
                  self.style or default_style())

    def article_parts(self, article: Article) -> None:
        headline = article.headline
        values = {"kicker": headline.kicker, "title": headline.title,
                  "subtitle": headline.subtitle, "byline": article.byline}
        for field_name, style in HEADLINE_FIELDS:
            if values[field_name]:
                self.part(article, field_name, values[field_name], style)
        if article.kind is ArticleKind.PHOTO:
            self.photos(article)
            self.paragraphs(article)
        else:
            self.paragraphs(article)
            self.photos(article)

    def paragraphs(self, article: Article) -> None:
        dateline_done = not article.dateline
        for n, para in enumerate(article.paragraphs, start=1):
            style = PARAGRAPH_STYLES[para.kind]
            paragraph = self.part(article, f"p{n}", para.text, style)
            if not dateline_done and para.kind is ParagraphKind.BODY:
                self.run_in_dateline(paragraph, article)
                dateline_done = True
        if not dateline_done:  # no body paragraph to run into: the 电头 stands alone
            self.run_in_dateline(self.document.add_paragraph(style="正文"), article)

    def run_in_dateline(self, paragraph, article: Article) -> None:
        """Put the 电头 first in `paragraph`, inside the paragraph's own bookmark."""
        run = styled_run(article.dateline, BY_NAME["电头"].style_id)
        starts = paragraph._p.findall(qn("w:bookmarkStart"))
        if starts:
            starts[-1].addnext(run)
        else:
            paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, run)
        bookmark_run(run, self.anchor(article, "dateline", article.dateline), self.ids)

    def photos(self, article: Article) -> None:
        for n, photo in enumerate(article.photos, start=1):
            picture = self.document.add_paragraph(style=PICTURE_STYLE)
            add_inline_photo(picture, photo, self.photo_width_pt)
            bookmark_paragraph(picture._p, self.anchor(article, f"photo{n}", photo.path.name),
                               self.ids)
            if photo.caption:
                self.part(article, f"caption{n}", photo.caption, "图片说明")
            if photo.credit:
                self.part(article, f"credit{n}", photo.credit, "图片署名")
