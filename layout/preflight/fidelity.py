"""Nothing is lost: every character of every article must reach every output.

Each output is read back from the file the build wrote, article by article,
and each article is compared only with its own text (a multiset of
characters, whitespace aside), so one article's loss is never charged to
another or hidden by a character another article printed twice:

- PDF: the glyphs drawn inside the article's block and inside the page's
  TrimBox (every page's content read back with pikepdf: `preflight.pdftext`),
  so text drawn off the page or past its block is lost;
- DOCX: the article's parts, found by the hidden bookmarks of the export
  (read as `layout import` reads them);
- EPUB: the body of the article's own XHTML document;
- web: the `<article>` element of the article's own page in the web
  edition's folder (a jumped article is one page, both parts in it).

A shortfall fails the build with one line per format naming each article
and how many characters it lost.
"""
from __future__ import annotations

import collections
import dataclasses
import html
import re
import sys
import zipfile
from pathlib import Path

from layout.errors import BuildError, Diagnostics
from layout.i18n import _
from layout.model import Issue
from layout.model.placed import PlacedIssue

_TAG = re.compile(r"<[^>]+>")
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)
_ARTICLE = re.compile(r"<article[^>]*>(.*)</article>", re.S)
REGION_SLACK = 1.0   # points: a glyph's centre may sit this far outside its block


def countable(text: str) -> collections.Counter:
    """The characters that must survive: everything but whitespace."""
    return collections.Counter(c for c in text if not c.isspace())


def lost_per_article(issue: Issue, texts: dict[str, str]) -> dict[str, int]:
    """Characters each article lacks in its own text `texts[id]`, in page order."""
    lost = {}
    for article in issue.articles():
        short = countable(article.all_text()) - countable(texts.get(article.id, ""))
        if short:
            lost[article.id] = sum(short.values())
    return lost


def _inside(box: tuple[float, float, float, float], x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _owners(boxes: list[tuple[str, tuple]]):
    """The article whose box (the first, in region order) holds a point. Glyphs come
    line by line, so the last box found is tried first — when no two boxes overlap,
    the only box holding the point is the first that does."""
    apart = not any(_overlap(a, b) for i, (_x, a) in enumerate(boxes) for _y, b in boxes[i + 1:])
    last = None

    def owner(x: float, y: float) -> str | None:
        nonlocal last
        if apart and last is not None and _inside(last[1], x, y):
            return last[0]
        last = next(((a, box) for a, box in boxes if _inside(box, x, y)), None)
        return last[0] if last is not None else None
    return owner


def pdf_texts(path: Path, placed: PlacedIssue) -> dict[str, str]:
    """Per article, the characters drawn in its block and in the TrimBox of its page."""
    from layout.preflight.pdftext import page_texts

    found = collections.defaultdict(list)
    for page, placed_page in zip(page_texts(path), placed.pages):
        trim = page.trim
        owner = _owners([(r.article, (trim[0] + r.x - REGION_SLACK, trim[1] + r.y - REGION_SLACK,
                                      trim[0] + r.x + r.w + REGION_SLACK,
                                      trim[1] + r.y + r.h + REGION_SLACK))
                         for r in placed_page.regions])
        for text, x, y in page.glyphs:
            if _inside(trim, x, y):
                article = owner(x, y)
                if article is not None:
                    found[article].append(text)
    return {article: "".join(chars) for article, chars in found.items()}


def docx_texts(path: Path, issue: Issue) -> dict[str, str]:
    """Per article, the text of its bookmarked parts."""
    from layout.intake.docx.package import LIMITS
    from layout.intake.docx.texts import article_texts

    # The DOCX this build has just written: how well it deflates says nothing of a zip bomb
    # (an edition of repeated copy deflates over 100×); the size limits still hold.
    own = dataclasses.replace(LIMITS, ratio=sys.maxsize)
    return article_texts(path, [article.id for article in issue.articles()], own)


def epub_texts(path: Path, issue: Issue) -> dict[str, str]:
    """Per article, the text of its own XHTML document."""
    from layout.export.epub.plan import PACKAGE_DIR, plan_book

    found = {}
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        for doc in plan_book(issue).docs():
            name = f"{PACKAGE_DIR}/{doc.href}"
            if name in names:
                body = _BODY.search(z.read(name).decode("utf-8"))
                found[doc.article.id] = html.unescape(_TAG.sub("", body.group(1) if body else ""))
    return found


def web_texts(folder: Path, issue: Issue) -> dict[str, str]:
    """Per article, the text of the `<article>` of its own page in the web edition."""
    from layout.export.web.plan import article_views

    found = {}
    for article_id, view in article_views(issue).items():
        try:
            page = (Path(folder) / view.href).read_text(encoding="utf-8")
        except OSError:
            continue
        match = _ARTICLE.search(page)
        found[article_id] = html.unescape(_TAG.sub("", match.group(1) if match else ""))
    return found


def output_texts(path: Path, fmt: str, issue: Issue, placed: PlacedIssue | None) -> dict[str, str]:
    """Per article, its text as read back from the PDF, DOCX, EPUB or web edition at `path`."""
    if fmt == "pdf":
        return pdf_texts(path, placed)
    if fmt == "docx":
        return docx_texts(path, issue)
    if fmt == "web":
        return web_texts(path, issue)
    return epub_texts(path, issue)


def check_output(issue: Issue, texts: dict[str, str], fmt: str, *, allow_overflow: bool = False,
                 diag: Diagnostics | None = None) -> None:
    """Raise BuildError if any article lost characters in an output (a warning for an
    over-set PDF built with --allow-overflow)."""
    lost = lost_per_article(issue, texts)
    if not lost:
        return
    detail = "; ".join(_("article {article} lost {n} characters").format(article=aid, n=n)
                       for aid, n in lost.items())
    message = _("{format}: {detail}").format(format=fmt.upper(), detail=detail)
    if fmt == "pdf" and allow_overflow and diag is not None:
        diag.warn(message + _(" (allowed by --allow-overflow; see copyfit.json)"))
        return
    raise BuildError(message)
