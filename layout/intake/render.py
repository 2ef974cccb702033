"""Clean articles → the text of article files, in exactly the issue format.

Front matter between `---` lines with every string JSON-quoted (valid YAML,
safe for any character), a blank line, then paragraphs separated by blank
lines; a 小标题 is a paragraph starting `## `. A poem (`kind: poem`) keeps
its lines, one a line, stanzas separated by a blank line; verse inside a
story is fenced the same way between `~~~verse` and `~~~`. Keys come in
reading order: kind (photo items and poems), 引题, 主题, 副题, byline, 电头,
photos.
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
    if article.photos:
        lines.append("photos:")
        for photo in article.photos:
            lines += [f"  - file: {_q(photo.file)}", f"    caption: {_q(photo.caption)}",
                      f"    credit: {_q(photo.credit)}"]
    lines.append("---")
    return lines


def _body(article: CleanArticle) -> list[str]:
    """Paragraphs as blocks; verse lines one a line, a stanza a block — fenced (`~~~verse`)
    when they stand inside a story rather than making up a poem."""
    blocks: list[str] = []
    fenced = article.kind != "poem"
    previous = None
    for p in article.paragraphs:
        if p.kind != "verse":
            if fenced and previous == "verse":
                blocks[-1] += "\n~~~"
            blocks.append(("## " + p.text) if p.subhead else p.text)
        elif previous == "verse" and not p.stanza_break:
            blocks[-1] += "\n" + p.text
        elif previous == "verse":
            blocks[-1] += "\n\n" + p.text
        else:
            blocks.append(("~~~verse\n" if fenced else "") + p.text)
        previous = p.kind
    if fenced and previous == "verse":
        blocks[-1] += "\n~~~"
    return blocks


def article_text(article: CleanArticle) -> str:
    """The whole file, ending with one newline."""
    body = _body(article)
    return "\n".join(front_matter(article)) + "\n\n" + "\n\n".join(body) + ("\n" if body else "")
