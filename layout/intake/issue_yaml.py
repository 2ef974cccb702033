"""issue.yaml for intake: a new one from options, or new ids added to an existing one.

Adding keeps the editor's file as written (comments, order, quoting): the
YAML is parsed into nodes only to find where the last page's `articles:`
list ends, and the new ids are inserted as text there.
"""
from __future__ import annotations

import datetime as dt
import json
import re

import yaml

from layout.errors import InputError
from layout.i18n import _
from layout.manifest.keys import Date
from layout.style.schema import Context, Invalid

FIRST_PAGE_NAME = "要闻"  # the usual name of page 1; the editor renames it
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_date(value: str) -> dt.date:
    """An ISO date (YYYY-MM-DD), or InputError."""
    if not _ISO_DATE.match(value):
        raise InputError(_("date '{value}' is not an ISO date (write 2025-06-18)").format(
            value=value))
    try:  # the manifest's own check: a real date within the years the 农历 covers
        return Date()(value, Context())
    except Invalid as exc:
        raise InputError(_("date {problem}").format(problem=exc.message)) from None


def new_manifest(paper: str, date: str, ids: list[str]) -> str:
    """The text of a fresh issue.yaml with one page holding `ids`."""
    listed = "\n".join(f"      - {i}" for i in ids) if ids else ""
    articles = f"    articles:\n{listed}" if ids else "    articles: []"
    return (f"# {paper} {date}: add copy with `layout import FILE --issue <this folder>`.\n"
            f"paper: {json.dumps(paper, ensure_ascii=False)}\n"
            f"date: {date}\n"
            f"pages:\n"
            f"  - number: 1\n"
            f"    name: {json.dumps(FIRST_PAGE_NAME, ensure_ascii=False)}\n"
            f"{articles}\n")


def listed_ids(text: str) -> set[str]:
    """Every article id the manifest lists, on any page."""
    data = yaml.safe_load(text) or {}
    out = set()
    for page in data.get("pages") or [] if isinstance(data, dict) else []:
        for entry in (page.get("articles") or []) if isinstance(page, dict) else []:
            out.add(str(entry.get("id")) if isinstance(entry, dict) else str(entry))
    return out


def _value_of(mapping: yaml.MappingNode, key: str):
    for key_node, value_node in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None, None


def _insert(text: str, offset: int, addition: str) -> str:
    return text[:offset] + addition + text[offset:]


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


def add_ids(text: str, ids: list[str], path) -> str:
    """`text` with `ids` appended to the last page's articles (ids already listed are skipped)."""
    ids = [i for i in ids if i not in listed_ids(text)]
    if not ids:
        return text
    root = yaml.compose(text)
    _key, pages = _value_of(root, "pages") if isinstance(root, yaml.MappingNode) else (None, None)
    if not isinstance(pages, yaml.SequenceNode) or not pages.value \
            or not isinstance(pages.value[-1], yaml.MappingNode):
        raise InputError(_("issue.yaml has no page to add the articles to; add a page "
                           "(number, name, articles) and list: {ids}").format(ids=", ".join(ids)),
                         path)
    page = pages.value[-1]
    key, articles = _value_of(page, "articles")
    if key is None:
        indent = " " * page.value[0][0].start_mark.column
        at = _line_end(text, page.end_mark.index - 1 if page.end_mark.index else 0)
        block = "".join(f"\n{indent}  - {i}" for i in ids)
        return _insert(text, at, f"\n{indent}articles:{block}")
    if isinstance(articles, yaml.SequenceNode) and articles.flow_style:
        items = [text[n.start_mark.index:n.end_mark.index] for n in articles.value] + ids
        return text[:articles.start_mark.index] + "[" + ", ".join(items) + "]" \
            + text[articles.end_mark.index:]
    if isinstance(articles, yaml.SequenceNode) and articles.value:
        last = articles.value[-1]
        line_start = text.rfind("\n", 0, last.start_mark.index) + 1
        prefix = text[line_start:last.start_mark.index]
        dash = re.match(r"^(\s*)-\s*", prefix)
        indent = dash.group(1) if dash else " " * max(0, last.start_mark.column - 2)
        at = _line_end(text, last.end_mark.index - 1 if last.end_mark.index else 0)
        return _insert(text, at, "".join(f"\n{indent}- {i}" for i in ids))
    if isinstance(articles, yaml.ScalarNode) and articles.value in ("", "~", "null", "Null"):
        flow = "[" + ", ".join(ids) + "]"
        if articles.end_mark.index > articles.start_mark.index:  # `~` or `null` written out
            return text[:articles.start_mark.index] + flow + text[articles.end_mark.index:]
        colon = text.index(":", key.end_mark.index)
        return _insert(text, colon + 1, " " + flow)
    raise InputError(_("the last page's 'articles' is not a list; make it one and list: {ids}")
                     .format(ids=", ".join(ids)), path)
