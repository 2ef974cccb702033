"""Draft articles → clean articles: ids given, every part normalised in its role, changes kept.

Article ids are derived from the source file's name and the article's order
on the page: `tiedong-community-page.txt` gives `tiedong-community-page-01`,
`-02`, … (the stem lower-cased, reduced to ASCII letters, digits and hyphens,
at most 24 characters; `article` when nothing is left, e.g. for a Chinese
file name). The same file therefore always gives the same ids, and a second
file brought into the same issue does not collide with the first. A photo
item's picture is expected at `photos/<id>.jpg`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from layout.intake.normalise import Change, normalise
from layout.intake.segment import Draft

_SLUG_MAX = 24


@dataclass(frozen=True, slots=True)
class Located:
    """A change with where it happened: the article, the part and the source line."""

    change: Change
    article: str
    part: str
    line: int


@dataclass(frozen=True, slots=True)
class Rewrite:
    """One part whose text the normaliser changed: what came in and what goes out."""

    article: str
    part: str
    line: int
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class Cleaned:
    article: "CleanArticle"
    changes: tuple[Located, ...]
    rewrites: tuple[Rewrite, ...]


@dataclass(frozen=True, slots=True)
class CleanPara:
    text: str
    line: int
    subhead: bool = False
    raw: str = ""


@dataclass(frozen=True, slots=True)
class CleanArticle:
    id: str
    kind: str
    kicker: str
    title: str
    subtitle: str
    byline: str
    dateline: str
    paragraphs: tuple[CleanPara, ...]
    photo_file: str = ""
    caption: str = ""
    credit: str = ""
    line: int = 0


def slug(stem: str) -> str:
    """The ASCII part of a file name, as an id prefix."""
    text = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:_SLUG_MAX].strip("-")
    return text or "article"


def article_ids(stem: str, count: int) -> list[str]:
    width = max(2, len(str(count)))
    return [f"{slug(stem)}-{n:0{width}d}" for n in range(1, count + 1)]


class _Cleaner:
    def __init__(self, article_id: str, line: int, markdown: bool):
        self.id, self.line, self.markdown = article_id, line, markdown
        self.changes: list[Located] = []
        self.rewrites: list[Rewrite] = []

    def field(self, text: str, role: str, part: str, line: int | None = None) -> str:
        result = normalise(text, role, self.markdown)
        where = line or self.line
        self.changes += [Located(c, self.id, part, where) for c in result.changes]
        if result.text != text:
            self.rewrites.append(Rewrite(self.id, part, where, text, result.text))
        return result.text


def clean_article(draft: Draft, article_id: str, markdown: bool = False) -> Cleaned:
    """Normalise every part of one draft: headings, credits and running text each by their rules."""
    c = _Cleaner(article_id, draft.line, markdown)
    headline = [c.field(draft.kicker, "heading", "引题"), c.field(draft.title, "heading", "主题"),
                c.field(draft.subtitle, "heading", "副题")]
    credits = [c.field(draft.byline, "credit", "byline"), c.field(draft.dateline, "credit", "电头")]
    paragraphs = tuple(
        CleanPara(c.field(p.text, "heading" if p.subhead else "body",
                          "小标题" if p.subhead else "paragraph", p.line), p.line, p.subhead, p.text)
        for p in draft.paragraphs)
    caption = c.field(draft.caption.text, "body", "caption", draft.caption.line) \
        if draft.caption else ""
    article = CleanArticle(
        id=article_id, kind=draft.kind,
        kicker=headline[0], title=headline[1], subtitle=headline[2],
        byline=credits[0], dateline=credits[1], paragraphs=paragraphs,
        photo_file=f"{article_id}.jpg" if draft.kind == "photo" else "",
        caption=caption, credit=c.field(draft.credit, "credit", "credit"), line=draft.line)
    return Cleaned(article, tuple(c.changes), tuple(c.rewrites))
