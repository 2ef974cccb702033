"""Clean articles → the text of article files, in exactly the issue format.

Front matter between `---` lines with every string JSON-quoted (valid YAML,
safe for any character), a blank line, then paragraphs separated by blank
lines; a 小标题 is a paragraph starting `## `. Keys come in reading order:
kind (photo items only), 引题, 主题, 副题, byline, 电头, photos.
"""
from __future__ import annotations

import json

from layout.intake.clean import CleanArticle


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def front_matter(article: CleanArticle) -> list[str]:
    lines = ["---"]
    if article.kind != "story":
        lines.append(f"kind: {_q(article.kind)}")
    for key, value in (("kicker", article.kicker), ("title", article.title),
                       ("subtitle", article.subtitle), ("byline", article.byline),
                       ("dateline", article.dateline)):
        if value or (key == "title" and article.kind == "story"):
            lines.append(f"{key}: {_q(value)}")
    if article.photo_file:
        lines += ["photos:", f"  - file: {_q(article.photo_file)}",
                  f"    caption: {_q(article.caption)}", f"    credit: {_q(article.credit)}"]
    lines.append("---")
    return lines


def article_text(article: CleanArticle) -> str:
    """The whole file, ending with one newline."""
    body = [("## " + p.text) if p.subhead else p.text for p in article.paragraphs]
    return "\n".join(front_matter(article)) + "\n\n" + "\n\n".join(body) + ("\n" if body else "")
