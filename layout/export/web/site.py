"""A `--site` archive: editions side by side, a date index (往期) and a search in the browser.

`layout build ISSUE --site DIR` publishes the web edition into `DIR/<date>/`
(staged and swapped in whole like every output) and writes the archive's
front again from every edition in DIR — their `edition.json`, written by
the web exporter in a site — together with it, in the same commit:

- `DIR/index.html`: the latest edition, the search form, and 往期 — a
  calendar per month, newest first, each day with an edition a link;
- `DIR/sitemap.xml`: every page of every edition;
- `DIR/archive/`: the search's data and code, and the stylesheet.

**Search.** Chinese has no spaces, so the index is of character bigrams:
the text of each article (all of it: headlines, byline, body, captions),
NFKC-normalised, lower-cased and stripped of everything but letters and
digits, cut into overlapping pairs (`党建引领` → 党建 建引 引领). A bigram's
postings (the articles holding it) go to one of 64 shards by its code
points, `archive/s00.js` … `s63.js`, so a query loads only the shards of
its own bigrams, not the archive. Articles holding all of a query's bigrams
are candidates; the archive's text of their editions (`archive/t-DATE.js`)
confirms the phrase and gives the snippet. Everything is loaded with
`<script>` elements (a `fetch` of a file is refused from `file://`), so the
archive works straight from the folder too. The index costs a little more
than the text it indexes (see README "The web edition" for the figures);
each build states the size of its own edition's share.

Builds into one archive take turns (a lock file, `.layout-site.lock`), so
two editions published at once both reach its front.
"""
from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import json
import unicodedata
from pathlib import Path

from layout.export.html import edition
from layout.export.html.article import LANG
from layout.export.html.markup import Element, document, el
from layout.export.web import meta
from layout.export.web.plan import EDITION_JSON, INDEX_HREF
from layout.i18n import _
from layout.model import Issue

FRONT = "index.html"
SITEMAP = "sitemap.xml"
ARCHIVE_DIR = "archive"
SHARDS = 64
LOCK = ".layout-site.lock"
SEARCH_JS = Path(__file__).with_name("search.js")
WEB_CSS = Path(__file__).with_name("web.css")
WEEKDAYS = "一二三四五六日"


def edition_folder(issue: Issue) -> str:
    """The edition's folder in the archive: its date, `2025-06-18`."""
    return issue.date.isoformat()


def archive_targets(site: Path, issue: Issue) -> dict[str, Path]:
    """What a build publishing into `site` writes there: the edition, the front, the
    sitemap and the archive's data (the pipeline stages them with the other outputs)."""
    return {"web": site / edition_folder(issue), "site-front": site / FRONT,
            "site-sitemap": site / SITEMAP, "site-archive": site / ARCHIVE_DIR}


@contextlib.contextmanager
def archive_lock(site: Path):
    """Hold the archive while a build reads its editions and commits its own."""
    import fcntl

    site.mkdir(parents=True, exist_ok=True)
    with open(site / LOCK, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# ------------------------------------------------------------------ the editions

def _other_editions(site: Path, own: str, warn) -> list[dict]:
    found = []
    for path in sorted(site.glob(f"*/{EDITION_JSON}")):
        if path.parent.name == own or path.parent.name.startswith("."):
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            dt.date.fromisoformat(data["date"])
            data["folder"] = path.parent.name
            found.append(data)
        except (OSError, ValueError, KeyError, TypeError):
            warn(_("{path} cannot be read; that edition is left out of the archive's "
                   "front until it is built again").format(path=path))
    return found


def editions_of(site: Path, this: dict, own: str, warn) -> list[dict]:
    """Every edition of the archive, newest first (this build's from its staged folder)."""
    this = {**this, "folder": own}
    return sorted([this, *_other_editions(site, own, warn)],
                  key=lambda e: (e["date"], e["folder"]), reverse=True)


# ------------------------------------------------------------------ the search index

def indexable(text: str) -> str:
    """What the search compares: NFKC, lower case, letters and digits only."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def bigrams(text: str) -> set[str]:
    clean = indexable(text)
    return {clean[i:i + 2] for i in range(len(clean) - 1)}


def shard_of(pair: str) -> int:
    """The shard of a bigram (search.js computes the same)."""
    return (ord(pair[0]) * 31 + ord(pair[1])) % SHARDS


def search_index(editions: list[dict]) -> tuple[list[list], list[dict[str, list[int]]], dict]:
    """The documents table, the shards, and each edition's share of the index in bytes."""
    docs, shards, share = [], [dict() for _ in range(SHARDS)], {}
    for ed in editions:
        own: dict[str, list[int]] = {}
        for article in ed.get("articles", []):
            doc = len(docs)
            docs.append([ed["folder"], article["href"], article["title"], article.get("page", 0)])
            for pair in sorted(bigrams(article.get("text", ""))):
                shards[shard_of(pair)].setdefault(pair, []).append(doc)
                own.setdefault(pair, []).append(doc)
        share[ed["folder"]] = len(json.dumps(own, ensure_ascii=False, separators=(",", ":"))
                                  .encode("utf-8"))
    return docs, shards, share


def _js(call: str, *args) -> bytes:
    body = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    return f"layoutSearch.{call}({body});\n".encode("utf-8")


def archive_files(editions: list[dict]) -> tuple[dict[str, bytes], dict]:
    """The files of `archive/`: search code, documents, shards, texts, stylesheet."""
    docs, shards, share = search_index(editions)
    files = {"search.js": SEARCH_JS.read_bytes(), "site.css": WEB_CSS.read_bytes(),
             "docs.js": _js("docs", docs)}
    for n, shard in enumerate(shards):
        files[f"s{n:02d}.js"] = _js("shard", n, shard)
    for ed in editions:
        texts = {a["href"]: a.get("text", "") for a in ed.get("articles", [])}
        files[f"t-{ed['folder']}.js"] = _js("text", ed["folder"], texts)
    sizes = {ed["folder"]: (share[ed["folder"]], len(files[f"t-{ed['folder']}.js"]))
             for ed in editions}
    return files, sizes


# ------------------------------------------------------------------ the front

def _day(ed: dict) -> dt.date:
    return dt.date.fromisoformat(ed["date"])


def _edition_name(ed: dict) -> str:
    day = _day(ed)
    number = f" 总第{ed['number']}期" if ed.get("number") else ""
    return f"{edition.date_text(day)} {edition.weekday_text(day)}{number}"


def month_table(year: int, month: int, editions: list[dict]) -> Element:
    """A month as a calendar (weeks from Monday), each day with an edition a link."""
    by_day = {_day(e).day: e for e in editions}
    rows = []
    for week in calendar.Calendar(firstweekday=0).monthdayscalendar(year, month):
        cells = []
        for day in week:
            ed = by_day.get(day)
            content = (el("a", {"href": f"{ed['folder']}/{INDEX_HREF}",
                                "aria-label": _edition_name(ed)}, str(day))
                       if ed else (str(day) if day else ""))
            cells.append(el("td", None, content))
        rows.append(el("tr", None, *cells))
    head = el("tr", None, *(el("th", {"scope": "col", "abbr": f"星期{d}"}, d) for d in WEEKDAYS))
    return el("table", {"class": "month"}, el("caption", None, f"{year}年{month}月"),
              el("thead", None, head), el("tbody", None, *rows))


def _months(editions: list[dict]) -> list[Element]:
    months: dict[tuple[int, int], list[dict]] = {}
    for ed in editions:
        months.setdefault((_day(ed).year, _day(ed).month), []).append(ed)
    out = []
    for (year, month), eds in months.items():     # newest first, as the editions are
        listing = el("ul", {"class": "month-list"},
                     *(el("li", None, el("a", {"href": f"{e['folder']}/{INDEX_HREF}"},
                                         _edition_name(e))) for e in eds))
        out.append(el("section", {"class": "month"}, month_table(year, month, eds), listing))
    return out


def front_document(editions: list[dict], paper: str, base: str) -> Element:
    """The archive's front: the latest edition, the search form and its results, 往期."""
    latest = editions[0]
    articles = sum(len(e.get("articles", [])) for e in editions)
    title = f"{paper} 数字报"
    description = f"{paper}数字报：往期{len(editions)}期，最新一期{_edition_name(latest)}。"
    thumb = latest["pages"][0].get("thumb", "") if latest.get("pages") else ""
    image = meta.absolute(base, f"{latest['folder']}/{thumb}") if thumb else ""
    head = meta.head(title, description, f"{ARCHIVE_DIR}/site.css",
                     meta.open_graph("website", title, description, paper, image, base))
    search = el("section", {"class": "search", "aria-labelledby": "search-title"},
                el("h2", {"id": "search-title"}, "检索"),
                el("form", {"class": "search", "role": "search", "action": FRONT, "method": "get"},
                   el("label", {"class": "visually-hidden", "for": "q"}, "检索往期文章"),
                   el("input", {"id": "q", "name": "q", "type": "search", "required": "",
                                "placeholder": "输入词语，如：垃圾分类"}),
                   el("button", {"type": "submit"}, "检索")),
                el("p", {"class": "note"}, f"可检索{len(editions)}期共{articles}篇文章的全文。"),
                el("div", {"class": "results", "id": "results", "aria-live": "polite"}))
    main = el("main", {"class": "archive-front"},
              el("header", {"class": "masthead"}, el("h1", None, paper), el("p", None, "数字报")),
              el("p", {"class": "latest"}, "最新一期：",
                 el("a", {"href": f"{latest['folder']}/{INDEX_HREF}"}, _edition_name(latest))),
              search,
              el("section", {"class": "archive", "aria-labelledby": "archive-title"},
                 el("h2", {"id": "archive-title"}, "往期"), *_months(editions)))
    body = el("body", {"class": "front"},
              el("header", {"class": "bar"}, el("a", {"class": "paper", "href": FRONT}, paper),
                 el("span", None, "数字报")),
              main, el("script", {"src": f"{ARCHIVE_DIR}/search.js"}))
    return el("html", {"lang": LANG}, head, body)


def site_sitemap(editions: list[dict], base: str) -> bytes:
    """Every page of every edition, and the front."""
    urls = [(meta.absolute(base, FRONT), _day(editions[0]))]
    for ed in editions:
        hrefs = [INDEX_HREF, *(p["href"] for p in ed.get("pages", [])),
                 *(a["href"] for a in ed.get("articles", []))]
        urls += [(meta.absolute(base, f"{ed['folder']}/{h}"), _day(ed)) for h in hrefs]
    return meta.sitemap(urls)


def _write(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(files.items()):
        (folder / name).write_bytes(data)


def write_archive(job, temps: dict[str, Path], targets: dict[str, Path]) -> str:
    """The archive's front, sitemap and search, with this build's edition; a summary."""
    issue = job.issue
    site, own = targets["web"].parent, targets["web"].name
    this = json.loads((temps["web"] / EDITION_JSON).read_text(encoding="utf-8"))
    editions = editions_of(site, this, own, job.diagnostics.warn)
    base = issue.style.web_url
    files, sizes = archive_files(editions)
    _write(temps["site-archive"], files)
    temps["site-front"].write_bytes(document(front_document(editions, issue.paper, base),
                                             "<!DOCTYPE html>", html=True))
    temps["site-sitemap"].write_bytes(site_sitemap(editions, base))
    index_kb = sum(len(d) for n, d in files.items() if n[:1] == "s" and n[1:3].isdigit()) / 1024
    mine, text = sizes[own]
    return _("{count} edition(s) in the archive; search index {index} KB in all, this "
             "edition's share {share} KB of index and {text} KB of text").format(
        count=len(editions), index=f"{index_kb:.0f}", share=f"{mine / 1024:.0f}",
        text=f"{text / 1024:.0f}")
