"""Article files: YAML front matter, then Markdown paragraphs (`## ` starts a 小标题)."""
from __future__ import annotations

from pathlib import Path

from layout.errors import Diagnostics, InputError
from layout.i18n import _
from layout.manifest.files import inside_issue
from layout.manifest.ads import load_reserve
from layout.manifest.edition import HOUSE_FRAME
from layout.manifest.markdown import needs_markdown, parse_markdown
from layout.manifest.keys import AD_KEYS, ARTICLE, PHOTO, UNTITLED_KINDS, check
from layout.manifest.photos import probe_photo
from layout.manifest.text import clean_strings, join_lines, nfc, read_text
from layout.manifest.verse import parse_with_verse
from layout.model import Article, ArticleKind, Headline, Hints, Paragraph, ParagraphKind, Photo
from layout.style import HouseStyle
from layout.style.schema import Context
from layout.yamlio import LineDict, load_yaml

MAX_PARAGRAPH_CHARS = 20_000   # a long 通讯 paragraph has 2,000

__all__ = ["join_lines", "load_article", "parse_body", "split_front_matter"]


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """(front matter, body, line where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise InputError(_("an article file starts with '---' and YAML front matter "
                           "(title: …), closed by another '---'"), path, 1)
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]), i + 2
    raise InputError(_("front matter is not closed by a '---' line"), path, 1)


def parse_body(body: str, first_line: int, path: Path | None = None,
               diag: Diagnostics | None = None) -> list[Paragraph]:
    """Paragraphs separated by blank lines; a paragraph starting `## ` is a 小标题; any
    other Markdown is read as a column prints it (layout/manifest/markdown.py)."""
    if needs_markdown(body):
        return parse_markdown(body, first_line, path, diag)
    paragraphs, block, start = [], [], first_line
    for n, line in enumerate(body.split("\n") + [""], start=first_line):
        if line.strip():
            if not block:
                start = n
            block.append(line)
            continue
        if block:
            text = join_lines(block)
            if text.startswith("## "):
                paragraphs.append(Paragraph(text[3:].strip(), ParagraphKind.SUBHEAD, start))
            else:
                paragraphs.append(Paragraph(text, ParagraphKind.BODY, start))
            block = []
    return paragraphs


def _check_paragraph_lengths(paragraphs: tuple[Paragraph, ...], path: Path) -> None:
    """Refuse a paragraph no newspaper prints: composing one costs time and memory in
    proportion to its length (570,000 characters took 50 s and 550 MB), all at once."""
    for paragraph in paragraphs:
        if len(paragraph.text) > MAX_PARAGRAPH_CHARS:
            raise InputError(_("a paragraph of {count:,} characters; a paragraph may have at most "
                               "{limit:,}: break it into paragraphs with blank lines").format(
                                   count=len(paragraph.text), limit=MAX_PARAGRAPH_CHARS),
                             path, paragraph.line)


def _photos(raw: list, line: int | None, root: Path, path: Path, style: HouseStyle,
            diag: Diagnostics) -> tuple[Photo, ...]:
    out = []
    for i, entry in enumerate(raw):
        entry_line = raw.line_of(i, line) if hasattr(raw, "line_of") else line
        v = check(entry, PHOTO, path, entry_line, Context(), diag)
        file_line = entry.line_of("file", entry_line)
        file = inside_issue(root, "photos", v["file"], path, file_line, _("photo"))
        width, height = probe_photo(file, style, path, file_line)
        out.append(Photo(file, v["caption"], v["credit"], width, height))
    return tuple(out)


def _ad(article_id: str, v: dict, meta, paragraphs, hints: Hints, root: Path, path: Path,
        style: HouseStyle) -> Article:
    """An advertisement: its artwork and size; no text of its own to print."""
    if paragraphs or v["photos"]:
        raise InputError(_("an ad (kind: ad) has no text or photos of its own: its artwork "
                           "(file:) carries them"), path, meta.line_of("kind", 2))
    return Article(id=article_id, headline=Headline(""), paragraphs=(), kind=ArticleKind.AD,
                   hints=hints, source=path, reserve=load_reserve(v, meta, root, path, style))


def load_article(root: Path, article_id: str, hints: Hints, style: HouseStyle,
                 diag: Diagnostics, ref: tuple[Path, int | None]) -> Article:
    """Read `root/articles/<id>.md` into an Article (`ref`: where the manifest lists it)."""
    path = inside_issue(root, "articles", f"{article_id}.md", *ref, _("article"))
    front, body, body_line = split_front_matter(read_text(path, diag), path)
    meta = clean_strings(load_yaml(front, path, first_line=2), path, diag)
    if meta is None:
        meta = LineDict()
    v = check(meta, ARTICLE, path, 2, Context(), diag)
    kind = v["kind"] or "story"
    if not v["title"] and kind not in UNTITLED_KINDS:
        raise InputError(_("'title' (主题) is required for a {kind} (only photo and ad items "
                           "may leave it out)").format(kind=kind), path, 2)
    parsed = parse_with_verse(body, body_line, kind == "poem",
                              lambda text, line: parse_body(text, line, path, diag), path)
    paragraphs = tuple(Paragraph(nfc(p.text), p.kind, p.line) for p in parsed)
    _check_paragraph_lengths(paragraphs, path)
    if kind == "ad":
        return _ad(article_id, v, meta, paragraphs, hints, root, path, style)
    for key in AD_KEYS:
        if v[key]:
            raise InputError(_("'{key}' is for an advertisement (kind: ad)").format(key=key),
                             path, meta.line_of(key, 2))
    photos = _photos(v["photos"] or [], meta.line_of("photos", 2), root, path, style, diag)
    if photos and kind == "brief":
        raise InputError(_("a brief (kind: brief) is text only: make an article with photos "
                           "a story"), path, meta.line_of("kind", 2))
    if not paragraphs and not photos:
        diag.warn(_("the article has no text and no photo: only its headline is set"), path)
    return Article(
        id=article_id, headline=Headline(v["title"], v["kicker"], v["subtitle"]),
        paragraphs=paragraphs, kind=ArticleKind(kind), byline=v["byline"],
        dateline=v["dateline"], photos=photos, hints=hints, source=path, teaser=v["teaser"],
        box=style.edition.box_frame if v["box"] == HOUSE_FRAME else v["box"] or "",
        tint=v["tint"], column=v["column"] or "", continued_title=v["continued_title"] or "",
        direction=v["direction"] or "horizontal")
