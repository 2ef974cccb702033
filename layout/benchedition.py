"""Editions for `make bench`: the sample made new, and the same copy for Typst.

`variant(sample, folder, seed, pages)` writes an issue of `pages` pages, each
holding the sample's articles, whose text is the sample's with the Han
characters of every paragraph, headline, caption and byline shuffled among
themselves (seeded by `seed`, the page and the place): every paragraph is
new to the cache, yet the edition uses exactly the sample's characters (so
font data — metrics, subsets — stays valid) and punctuation, digits and
Latin stay where they were (so lines break much as the sample's do).
Every page shows the sample's two photos; `fresh_photos=True` gives them
new bytes (a JPEG comment: the same pixels), so a fresh edition prepares
its photos again.

`typst_data(issue)` is the issue's copy as bench/sample.typ reads it (JSON),
so that Typst sets exactly the text we set.
"""
from __future__ import annotations

import json
import random
import re
import shutil
from pathlib import Path

_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
_FIELDS = ("title", "kicker", "subtitle", "byline", "dateline", "credit")   # not captions:
# a photo-news item's caption is cut short for its title in the EPUB, which would change
# the edition's characters


def shuffle_han(text: str, key: str) -> str:
    """`text` with its Han characters permuted (seeded by `key`), everything else in place."""
    places = [m.start() for m in _HAN.finditer(text)]
    chars = [text[i] for i in places]
    random.Random(key).shuffle(chars)
    out = list(text)
    for i, c in zip(places, chars):
        out[i] = c
    return "".join(out)


def _shuffle_article(source: str, key: str) -> str:
    """An article file with its body and text fields shuffled (front matter kept valid)."""
    _, head, body = source.split("---", 2)
    lines = []
    for n, line in enumerate(head.splitlines()):
        name, sep, value = line.partition(":")
        field = name.strip().lstrip("- ").strip()
        if sep and field in _FIELDS and value.strip():
            line = f"{name}:{shuffle_han(value, f'{key}/h{n}')}"
        lines.append(line)
    paragraphs = body.split("\n\n")
    body = "\n\n".join(shuffle_han(p, f"{key}/p{n}") for n, p in enumerate(paragraphs))
    return "---" + "\n".join(lines) + "\n---" + body


def _photo_copy(source: Path, target: Path, tag: str) -> None:
    """`source` with a JPEG comment holding `tag` after its SOI: same pixels, new bytes."""
    data = source.read_bytes()
    if data[:2] == b"\xff\xd8":
        note = tag.encode()
        data = data[:2] + b"\xff\xfe" + (len(note) + 2).to_bytes(2, "big") + note + data[2:]
    if not target.exists() or target.read_bytes() != data:   # an unchanged photo stays as it was
        target.write_bytes(data)


def variant(sample: Path, folder: Path, seed: int, pages: int = 1,
            fresh_photos: bool = False) -> Path:
    """An issue of `pages` pages of the sample's articles with new text (see module doc)."""
    import yaml

    manifest = yaml.safe_load((sample / "issue.yaml").read_text("utf-8"))
    template = manifest["pages"][0]
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "photos").mkdir(exist_ok=True)
    photos = sorted(p for p in (sample / "photos").glob("*.jpg"))
    out_pages = []
    for number in range(1, pages + 1):
        ids = []
        for entry in template["articles"]:
            aid = entry if isinstance(entry, str) else entry["id"]
            text = (sample / "articles" / f"{aid}.md").read_text("utf-8")
            new = f"{aid}-p{number}"
            (folder / "articles" / f"{new}.md").write_text(
                _shuffle_article(text, f"{seed}/{number}/{aid}"), "utf-8")
            ids.append(new if isinstance(entry, str) else {**entry, "id": new})
        out_pages.append({**template, "number": number, "articles": ids})
    for photo in photos:
        _photo_copy(photo, folder / "photos" / photo.name, f"{seed}" if fresh_photos else "bench")
    manifest["pages"] = out_pages
    (folder / "issue.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), "utf-8")
    return folder


def typst_data(issue) -> dict:
    """The issue's copy in the shape bench/sample.typ reads."""
    from layout.model import ArticleKind, ParagraphKind

    def article(a) -> dict:
        parts = [["h" if p.kind is ParagraphKind.SUBHEAD else "p", p.text] for p in a.paragraphs]
        out = {"kind": "photo" if a.kind is ArticleKind.PHOTO else "story",
               "title": a.headline.title, "kicker": a.headline.kicker or None,
               "subtitle": a.headline.subtitle or None, "byline": a.byline or None,
               "dateline": a.dateline or None, "parts": parts}
        if a.photos:
            p = a.photos[0]
            out["photo"] = {"path": str(Path(p.path).resolve()), "caption": p.caption,
                            "credit": p.credit}
        return out

    return {"paper": issue.paper, "date": issue.date.isoformat(),
            "pages": [{"number": p.number, "name": p.name,
                       "articles": [article(a) for a in p.articles]} for p in issue.pages]}


def write_typst_data(issue_dir: Path, target: Path) -> Path:
    from layout.errors import Diagnostics
    from layout.manifest import load_issue

    issue = load_issue(issue_dir, Diagnostics())
    target.write_text(json.dumps(typst_data(issue), ensure_ascii=False), "utf-8")
    return target


def copy_issue(source: Path, folder: Path) -> Path:
    shutil.copytree(source, folder)
    return folder
