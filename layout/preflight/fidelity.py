"""Nothing is lost: every character of every article must reach every output.

At build time DOCX and EPUB are read back from the written file (their XML)
and the PDF's text is taken from the placed pages it was drawn from (reading
the PDF back needs pymupdf, a quarter of a second to import; the tests do
that, from the outside). Each article is compared as a multiset of
characters, whitespace aside; a shortfall fails the build naming the article
and how many characters it lost.
"""
from __future__ import annotations

import collections
import re
import zipfile
from pathlib import Path

from layout.errors import BuildError, Diagnostics
from layout.model import Issue
from layout.model.placed import PlacedIssue, PlacedText

_TAG = re.compile(r"<[^>]+>")
_ENTITY = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'"}


def countable(text: str) -> collections.Counter:
    """The characters that must survive: everything but whitespace."""
    return collections.Counter(c for c in text if not c.isspace())


def output_text(path: Path, fmt: str) -> str:
    """All text of a PDF, DOCX or EPUB file, as a reader would extract it."""
    if fmt == "pdf":
        import pymupdf

        with pymupdf.open(path) as doc:
            return "".join(page.get_text() for page in doc)
    with zipfile.ZipFile(path) as z:
        if fmt == "docx":
            names = [n for n in z.namelist() if n == "word/document.xml"]
        else:
            names = [n for n in z.namelist() if n.endswith((".xhtml", ".html"))
                     and not n.endswith("nav.xhtml")]
        raw = "".join(z.read(n).decode("utf-8") for n in sorted(names))
    text = _TAG.sub("", raw)
    return re.sub("&(lt|gt|amp|quot|apos);", lambda m: _ENTITY[m.group(0)], text)


def lost_by_article(issue: Issue, text: str) -> dict[str, int]:
    """Characters each article lost, article by article in page order."""
    available = countable(text)
    lost = {}
    for article in issue.articles():
        need = countable(article.all_text())
        short = need - available
        available -= need
        if short:
            lost[article.id] = sum(short.values())
    return lost


def placed_text(placed: PlacedIssue) -> str:
    return "".join(item.text for page in placed.pages for item in page.items
                   if isinstance(item, PlacedText))


def check_output(issue: Issue, text: str, fmt: str, *, allow_overflow: bool = False,
                 diag: Diagnostics | None = None) -> None:
    """Raise BuildError if any article lost characters in an output whose text is `text`."""
    lost = lost_by_article(issue, text)
    if not lost:
        return
    detail = ", ".join(f"{aid} lost {n}" for aid, n in lost.items())
    message = f"{fmt.upper()}: characters missing from the output: {detail}"
    if fmt == "pdf" and allow_overflow and diag is not None:
        diag.warn(message + " (allowed by --allow-overflow; see copyfit.json)")
        return
    raise BuildError(message)
