"""Draft articles → clean articles: ids given, every part normalised in its role, changes kept.

Article ids are derived from the source file's name and the article's order
on the page: `tiedong-community-page.txt` gives `tiedong-community-page-01`,
`-02`, … (the stem lower-cased, reduced to ASCII letters, digits and hyphens,
at most 24 characters; `article` when nothing is left, e.g. for a Chinese
file name). The same file therefore always gives the same ids, and a second
file brought into the same issue does not collide with the first. A photo
item's picture is expected at `photos/<id>.jpg`; a story's photos at
`photos/<id>.jpg`, `photos/<id>-2.jpg`, …
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
    kind: str = "body"          # body, subhead or verse
    raw: str = ""
    stanza_break: bool = False

    @property
    def subhead(self) -> bool:
        return self.kind == "subhead"


@dataclass(frozen=True, slots=True)
class CleanPhoto:
    file: str
    caption: str
    credit: str
    line: int
    placement: str              # "story", "item" or "own" (segment.RawPhoto)


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
    photos: tuple[CleanPhoto, ...] = ()
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


_ROLE = {"body": ("body", "paragraph"), "subhead": ("heading", "小标题"), "verse": ("verse", "verse")}


def _photo_file(article_id: str, n: int) -> str:
    """A photo item's picture is `<id>.jpg`, a story's photos `<id>.jpg`, `<id>-2.jpg`, …"""
    return f"{article_id}.jpg" if n == 1 else f"{article_id}-{n}.jpg"


def clean_article(draft: Draft, article_id: str, markdown: bool = False) -> Cleaned:
    """Normalise every part of one draft: headings, credits and running text each by their rules."""
    c = _Cleaner(article_id, draft.line, markdown)
    headline = [c.field(draft.kicker, "heading", "引题"), c.field(draft.title, "heading", "主题"),
                c.field(draft.subtitle, "heading", "副题")]
    credits = [c.field(draft.byline, "credit", "byline"), c.field(draft.dateline, "credit", "电头")]
    paragraphs = tuple(
        CleanPara(c.field(p.text, _ROLE[p.kind][0], _ROLE[p.kind][1], p.line), p.line, p.kind,
                  p.text, p.stanza_break)
        for p in draft.paragraphs)
    photos = tuple(
        CleanPhoto(_photo_file(article_id, n),
                   c.field(ph.caption.text, "caption", "caption", ph.caption.line),
                   c.field(ph.credit, "credit", "credit", ph.line), ph.caption.line, ph.placement)
        for n, ph in enumerate(draft.photos, start=1))
    article = CleanArticle(
        id=article_id, kind=draft.kind,
        kicker=headline[0], title=headline[1], subtitle=headline[2],
        byline=credits[0], dateline=credits[1], paragraphs=paragraphs, photos=photos,
        line=draft.line)
    return Cleaned(article, tuple(c.changes), tuple(c.rewrites))
