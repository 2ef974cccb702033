"""The semantic document model: what an issue says, independent of any layout.

DOCX and EPUB are written from this model; the composer and the pages stage
read it too. Everything here is a frozen dataclass.
"""
from layout.model.issue import (Article, ArticleKind, Headline, Hints, Issue, Page,
                                Paragraph, ParagraphKind, Photo, Raster, Reserve)

__all__ = ["Article", "ArticleKind", "Headline", "Hints", "Issue", "Page", "Paragraph",
           "ParagraphKind", "Photo", "Raster", "Reserve"]
