"""issue.yaml: paper, date, number, style override, pages with their articles."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from layout.errors import Diagnostics, InputError
from layout.manifest.article import load_article
from layout.manifest.edition import check_page_numbers
from layout.manifest.keys import HINT_KEYS, ISSUE_KEYS, PAGE_KEYS, unknown_key_messages
from layout.manifest.yamlio import load_yaml
from layout.model import Hints, Issue, Page
from layout.style import HouseStyle, load_style


def _require(mapping: dict, key: str, what: str, path: Path, line: int | None):
    if key not in mapping or mapping[key] in (None, ""):
        raise InputError(f"{what} needs '{key}'", path, line)
    return mapping[key]


def _date(value, path: Path, line: int | None) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"date '{value}' is not an ISO date (write 2025-06-18)", path, line) from None


def _hints(entry, path: Path, line: int | None, diag: Diagnostics) -> tuple[str, Hints]:
    if isinstance(entry, str):
        return entry, Hints()
    if not isinstance(entry, dict) or "id" not in entry:
        raise InputError("an article entry is an id or a mapping with 'id:'", path, line)
    for key, msg in unknown_key_messages(entry, HINT_KEYS, "article entry"):
        diag.warn(msg, path, entry.line_of(key))
    def whole(key):
        value = entry.get(key)
        if value is not None and (not isinstance(value, int) or value < 1):
            raise InputError(f"'{key}' must be a whole number of columns", path, entry.line_of(key))
        return value
    position = entry.get("position")
    if position is not None and position not in ("top", "bottom", "left", "right"):
        raise InputError("'position' is one of top, bottom, left, right", path, entry.line_of("position"))
    size = entry.get("headline_size")
    return str(entry["id"]), Hints(whole("columns"), position, whole("photo_columns"),
                                   None if size is None else str(size))


def _style(manifest: dict, path: Path, diag: Diagnostics) -> HouseStyle:
    override = manifest.get("style") or {}
    if not isinstance(override, dict):
        raise InputError("'style' must be a mapping of house-style values", path,
                         manifest.line_of("style"))
    try:
        style, warnings = load_style(override)
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(str(exc).strip("'\""), path, manifest.line_of("style")) from None
    for message in warnings:
        diag.warn(message, path, manifest.line_of("style"))
    return style


def _page(entry, root: Path, path: Path, style: HouseStyle, diag: Diagnostics) -> Page:
    if not isinstance(entry, dict):
        raise InputError("each page is a mapping with number, name and articles", path)
    line = min(entry.lines.values(), default=None)
    for key, msg in unknown_key_messages(entry, PAGE_KEYS, "page"):
        diag.warn(msg, path, entry.line_of(key))
    number = _require(entry, "number", "a page", path, line)
    if not isinstance(number, int):
        raise InputError("page 'number' must be a whole number", path, entry.line_of("number"))
    articles_raw = entry.get("articles") or []
    if not isinstance(articles_raw, list):
        raise InputError("'articles' must be a list", path, entry.line_of("articles"))
    articles = []
    for item in articles_raw:
        item_line = item.line_of("id") if isinstance(item, dict) else entry.line_of("articles")
        article_id, hints = _hints(item, path, item_line, diag)
        articles.append(load_article(root, article_id, hints, style.max_pixels, diag,
                                     (path, item_line)))
    return Page(number, str(_require(entry, "name", "a page", path, line)), tuple(articles),
                str(entry.get("editor") or ""))


def load_issue(folder: Path, diag: Diagnostics | None = None) -> Issue:
    """Read and validate an issue folder into the model."""
    diag = diag if diag is not None else Diagnostics()
    folder = Path(folder)
    path = folder / "issue.yaml"
    if not path.is_file():
        raise InputError(f"no issue.yaml in {folder} (is this an issue folder?)", folder)
    manifest = load_yaml(path.read_text(encoding="utf-8"), path)
    if not isinstance(manifest, dict):
        raise InputError("issue.yaml must be a mapping (paper:, date:, pages:)", path, 1)
    for key, msg in unknown_key_messages(manifest, ISSUE_KEYS, "issue.yaml"):
        diag.warn(msg, path, manifest.line_of(key))
    style = _style(manifest, path, diag)
    pages_raw = _require(manifest, "pages", "issue.yaml", path, 1)
    if not isinstance(pages_raw, list):
        raise InputError("'pages' must be a list of pages", path, manifest.line_of("pages"))
    pages = tuple(_page(p, folder, path, style, diag) for p in pages_raw)
    check_page_numbers(pages, [p.line_of("number") if isinstance(p, dict) else None
                               for p in pages_raw], path)
    seen: dict[str, int] = {}
    for page in pages:
        for article in page.articles:
            if article.id in seen:
                raise InputError(f"article '{article.id}' is on page {seen[article.id]} and "
                                 f"page {page.number}; list it once", path)
            seen[article.id] = page.number
    number = manifest.get("number")
    return Issue(name=folder.resolve().name,
                 paper=str(manifest.get("paper") or style.paper.name),
                 date=_date(_require(manifest, "date", "issue.yaml", path, 1), path,
                            manifest.line_of("date")),
                 pages=pages, style=style, number=int(number) if number else None, root=folder)
