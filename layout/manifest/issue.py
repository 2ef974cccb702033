"""issue.yaml: paper, date, number, style override, pages with their articles."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from layout.errors import Diagnostics, InputError
from layout.i18n import _
from layout.manifest.article import load_article
from layout.manifest.edition import check_jumps, check_page_numbers
from layout.manifest.keys import ENTRY, ISSUE, PAGE, check
from layout.manifest.text import clean_strings, read_text
from layout.model import Hints, Issue, Page
from layout.style import HouseStyle, load_style
from layout.style.schema import Context
from layout.yamlio import load_yaml

MAX_EDITION_CHARS = 1_000_000   # a 16-page edition holds about 150,000


def _line_of(items: list, index: int, default: int | None) -> int | None:
    return items.line_of(index, default) if hasattr(items, "line_of") else default


def _hints(entry, path: Path, line: int | None, style: HouseStyle,
           diag: Diagnostics) -> tuple[str, Hints]:
    ctx = Context(columns=style.columns)
    if not isinstance(entry, dict):
        return check({"id": entry}, ENTRY, path, line, ctx, diag)["id"], Hints()
    v = check(entry, ENTRY, path, line, ctx, diag)
    size = v["headline_size"]
    return v["id"], Hints(v["columns"], v["position"], v["photo_columns"],
                          None if size is None else f"{size:g}pt", v["at"], v["continue"],
                          v["headline"])


def _style(override: dict, path: Path, line: int | None, root: Path,
           diag: Diagnostics) -> HouseStyle:
    style, warnings = load_style(override, source=path, root=root)
    for message, key_line in warnings:
        diag.warn(message, path, key_line or line)
    return style


def _page(entry, line: int | None, root: Path, path: Path, style: HouseStyle,
          seen: dict[str, int], tally: list[int], diag: Diagnostics) -> Page:
    """A page; `seen` (article id → page number) catches an article listed twice, `tally`
    counts the edition's characters so far."""
    v = check(entry, PAGE, path, line, Context(), diag)
    articles_raw = v["articles"] or []
    articles = []
    for i, item in enumerate(articles_raw):
        item_line = _line_of(articles_raw, i, entry.line_of("articles"))
        article_id, hints = _hints(item, path, item_line, style, diag)
        if article_id in seen and seen[article_id] == v["number"]:
            raise InputError(_("article '{id}' is listed twice on page {n}; list it once")
                             .format(id=article_id, n=v["number"]), path, item_line)
        if article_id in seen:
            raise InputError(_("article '{id}' is on page {first} and page {second}; "
                               "list it once").format(id=article_id, first=seen[article_id],
                                                      second=v["number"]), path, item_line)
        seen[article_id] = v["number"]
        article = load_article(root, article_id, hints, style, diag, (path, item_line))
        _count_copy(article, tally, path, item_line)
        articles.append(article)
    return Page(v["number"], v["name"], tuple(articles), v["editor"] or "", v["briefs"] or False)


def _count_copy(article, tally: list[int], path: Path, line: int | None) -> None:
    """Stop at the article that takes the edition past MAX_EDITION_CHARS: each article may
    be under its own limit, yet 64 of them a page would take minutes and gigabytes."""
    tally[0] += sum(len(p.text) for p in article.paragraphs)
    if tally[0] > MAX_EDITION_CHARS:
        raise InputError(_("with '{id}' the edition holds {count:,} characters of copy, more "
                           "than the {limit:,} one build takes (a 16-page edition holds about "
                           "150,000); is copy pasted in more than once?").format(
                               id=article.id, count=tally[0], limit=MAX_EDITION_CHARS), path, line)


def _pages(raw: list, manifest: dict, root: Path, path: Path, style: HouseStyle,
           diag: Diagnostics) -> tuple[Page, ...]:
    pages, seen, tally = [], {}, [0]
    for i, entry in enumerate(raw):
        line = _line_of(raw, i, manifest.line_of("pages"))
        pages.append(_page(entry, line, root, path, style, seen, tally, diag))
    check_page_numbers(tuple(pages), [p.line_of("number") for p in raw], path)
    check_jumps(tuple(pages), raw, path)
    return tuple(pages)


def _masthead_fits(paper: str, style: HouseStyle, path: Path, line: int | None) -> None:
    """The paper's name at the masthead size must fit the type area."""
    size = style.role("masthead").max_size
    ems = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in paper)
    if ems * size > style.type_width:
        raise InputError(_("the paper's name '{paper}' is {width:.0f}pt wide at the masthead "
                           "size ({size:g}pt) but the type area is {room:.0f}pt; shorten the "
                           "name or make roles.masthead smaller").format(
                               paper=paper, width=ems * size, size=size, room=style.type_width),
                         path, line)


def _own_registration(paper: str, style: HouseStyle, path: Path, line: int | None,
                      diag: Diagnostics) -> None:
    """Warn when an issue names another paper than the packaged house style's but would
    print that paper's 主办单位 and 刊号, or its 报尾: a plate must not carry another paper's
    registration or address."""
    from layout.style import default_style
    house = default_style()
    if paper == house.paper.name:
        return
    if (style.paper.owner, style.paper.serial) == (house.paper.owner, house.paper.serial):
        diag.warn(_("the paper is '{paper}' but the masthead's owner, serial number and the "
                    "imprint at the foot are still those of '{default}' (the house style's): give "
                    "this paper's under style: paper: (owner, serial, postal_code, publisher) and "
                    "style: imprint:").format(paper=paper, default=house.paper.name), path, line)
    elif style.edition.imprint == house.edition.imprint:
        diag.warn(_("the paper is '{paper}' but the imprint at the foot of the last page (address, "
                    "hotlines, printer, price) is still that of '{default}': give this paper's "
                    "under style: imprint: (address, postcode, newsroom, advertising, printer, "
                    "price)").format(paper=paper, default=house.paper.name), path, line)


def load_issue(folder: Path, diag: Diagnostics | None = None) -> Issue:
    """Read and validate an issue folder into the model."""
    diag = diag if diag is not None else Diagnostics()
    folder = Path(folder)
    path = folder / "issue.yaml"
    if not path.is_file():
        raise InputError(_("no issue.yaml in {folder} (is this an issue folder?)").format(
            folder=folder), folder)
    manifest = clean_strings(load_yaml(read_text(path, diag), path), path, diag)
    if not isinstance(manifest, dict):
        raise InputError(_("issue.yaml must be a mapping (paper:, date:, pages:)"), path, 1)
    v = check(manifest, ISSUE, path, 1, Context(), diag)
    style = _style(v["style"] or {}, path, manifest.line_of("style"), folder, diag)
    pages = _pages(v["pages"], manifest, folder, path, style, diag)
    paper = v["paper"] or style.paper.name
    _masthead_fits(paper, style, path, manifest.line_of("paper") or manifest.line_of("style"))
    _own_registration(paper, style, path, manifest.line_of("paper"), diag)
    return Issue(name=folder.resolve().name, paper=paper, date=v["date"], pages=pages,
                 style=style, number=v["number"], root=folder, jumps=v["jumps"] == "auto")
