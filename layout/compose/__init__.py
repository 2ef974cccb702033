"""The composer: paragraphs of styled spans → typeset lines, Chinese rules applied.

`compose_paragraph` is the entry point the pages stage uses for body text
(the breaker behind it, total fit or first fit, is chosen by
`ParagraphSpec.breaker`); `line_count` prices a paragraph without building
glyphs; `headline_set`, `compose_headline`, `headline_fits` and
`headline_width` set headlines, breaking between words (`words`: headlines
are the only text segmented). The rules themselves are data in
`layout/cjk/rules.yaml` and `layout/cjk/words.yaml`.
"""
from layout.compose.types import ComposedParagraph, Glyph, HeadlineSet, Line, ParagraphSpec, Span
from layout.compose.paragraph import compose_paragraph, line_count
from layout.compose.headline import compose_headline, headline_fits, headline_set, headline_width

__all__ = ["ComposedParagraph", "Glyph", "HeadlineSet", "Line", "ParagraphSpec", "Span",
           "compose_headline", "compose_paragraph", "headline_fits", "headline_set", "headline_width",
           "line_count"]
