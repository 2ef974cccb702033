"""Article files: YAML front matter, then Markdown paragraphs (`## ` starts a 小标题)."""
from __future__ import annotations

import re
from pathlib import Path

from layout.errors import Diagnostics, InputError
from layout.i18n import _
from layout.manifest.keys import ARTICLE_KEYS, PHOTO_KEYS, unknown_key_messages
from layout.manifest.photos import probe_photo, resolve_photo
from layout.manifest.text import nfc, strip_bad_chars
from layout.manifest.verse import parse_with_verse
from layout.manifest.yamlio import load_yaml
from layout.model import Article, ArticleKind, Headline, Hints, Paragraph, ParagraphKind, Photo

_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\U00020000-\U0003ffff]")


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """(front matter, body, line where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise InputError("an article file starts with '---' and YAML front matter "
                         "(title: …), closed by another '---'", path, 1)
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1:]), i + 2
    raise InputError("front matter is not closed by a '---' line", path, 1)


def join_lines(lines: list[str]) -> str:
    """Join a paragraph's lines: nothing between CJK characters, a space between Latin words."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if out and line and not (_CJK.match(out[-1]) or _CJK.match(line[0])):
            out += " "
        out += line
    return out


def parse_body(body: str, first_line: int) -> list[Paragraph]:
    """Paragraphs separated by blank lines; a paragraph starting `## ` is a 小标题."""
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


def _text_field(meta: dict, key: str, path: Path) -> str:
    value = meta.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)):
        raise InputError(f"'{key}' must be text", path, meta.line_of(key))
    return nfc(str(value)).strip()


def _photos(meta: dict, root: Path, path: Path, max_pixels: int, diag: Diagnostics):
    raw = meta.get("photos") or []
    if not isinstance(raw, list):
        raise InputError("'photos' must be a list of {file, caption, credit}", path,
                         meta.line_of("photos"))
    out = []
    for entry in raw:
        if not isinstance(entry, dict) or "file" not in entry:
            raise InputError("each photo needs at least 'file:'", path, meta.line_of("photos"))
        line = entry.line_of("file")
        for key, msg in unknown_key_messages(entry, PHOTO_KEYS, "photo"):
            diag.warn(msg, path, entry.line_of(key))
        file = resolve_photo(root, str(entry["file"]), path, line)
        width, height = probe_photo(file, max_pixels, path, line)
        out.append(Photo(file, _text_field(entry, "caption", path),
                         _text_field(entry, "credit", path), width, height))
    return tuple(out)


def load_article(root: Path, article_id: str, hints: Hints, max_pixels: int,
                 diag: Diagnostics, ref: tuple[Path, int | None]) -> Article:
    """Read `root/articles/<id>.md` into an Article."""
    path = root / "articles" / f"{article_id}.md"
    if not path.is_file():
        raise InputError(f"article '{article_id}' not found: expected {path}", *ref)
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", path) from None
    text, removed = strip_bad_chars(raw.replace("\r\n", "\n").replace("\r", "\n"))
    if removed:
        diag.warn(f"removed {len(removed)} control or non-characters ({', '.join(removed[:5])})", path)
    front, body, body_line = split_front_matter(text, path)
    meta = load_yaml(front, path, first_line=2)
    if not isinstance(meta, dict):
        raise InputError("front matter must be a mapping of keys (title: …)", path, 2)
    for key, msg in unknown_key_messages(meta, ARTICLE_KEYS, "article front matter"):
        diag.warn(msg, path, meta.line_of(key))
    kind_name = str(meta.get("kind", "story"))
    kinds = [k.value for k in ArticleKind]
    if kind_name not in kinds:
        raise InputError(_("kind must be one of {kinds}, not '{kind}'").format(
            kinds=", ".join(kinds), kind=kind_name), path, meta.line_of("kind"))
    kind = ArticleKind(kind_name)
    title = _text_field(meta, "title", path)
    if not title and kind is not ArticleKind.PHOTO:
        raise InputError("'title' (主题) is required", path, 2)
    parsed = parse_with_verse(body, body_line, kind is ArticleKind.POEM, parse_body, path)
    paragraphs = tuple(Paragraph(nfc(p.text), p.kind, p.line) for p in parsed)
    photos = _photos(meta, root, path, max_pixels, diag)
    if not paragraphs and not photos:
        diag.warn("the article has no text and no photo: only its headline is set", path)
    return Article(
        id=article_id,
        headline=Headline(title, _text_field(meta, "kicker", path), _text_field(meta, "subtitle", path)),
        paragraphs=paragraphs, kind=kind, byline=_text_field(meta, "byline", path),
        dateline=_text_field(meta, "dateline", path), photos=photos, hints=hints, source=path,
        teaser=_text_field(meta, "teaser", path))
