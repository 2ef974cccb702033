"""Headlines of built editions, read back from the PDF (pymupdf): 主题 broken between words
(by the segmenter, rjieba), no line of one or two characters, no 撞题 (no two titles side
by side at overlapping heights in one face and size, however many share the row), the
lead's 主题 the largest on its page, no short item's larger than a longer story's (the lead
included), sizes never growing down the manifest (briefs and poems included), and a page's
briefs at no more than two sizes. A 竖题's columns are its lines: broken between words,
none of one or two characters, and two 竖题 side by side at one face and size are 撞题 as
two 主题 across are."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from layout.style import default_style
from tests.team_editions import EDITIONS as TEAM, team_editions
from tests.words import word_ends

REPO = Path(__file__).resolve().parents[1]
EDITIONS = [REPO / "issues" / "sample"] + [TEAM / name for name in team_editions()]
GAP = "\u3000"
BRIEF_CHARS = 300


def norm(text: str) -> str:
    return re.sub(r"\s", "", text)


def articles_by_page(issue: Path) -> list[list[dict]]:
    """Per page, in manifest order: id, title, kind and body characters of each article
    (no title for an item gathered into the 简讯 block, where it runs in as bold text)."""
    manifest = yaml.safe_load((issue / "issue.yaml").read_text("utf-8"))
    pages = []
    for page in manifest["pages"]:
        row = []
        for entry in page["articles"]:
            aid = entry if isinstance(entry, str) else entry["id"]
            text = (issue / "articles" / f"{aid}.md").read_text("utf-8")
            head, body = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S).groups()
            meta = yaml.safe_load(head)
            chars = len(re.sub(r"\s|^#+ .*$", "", body, flags=re.M))
            kind = meta.get("kind", "story")
            gathered = kind == "brief" or (page.get("briefs") and kind == "story" and not meta.get("photos")
                                           and chars <= default_style().edition.brief_max_chars)
            row.append({"id": aid, "title": "" if gathered or kind == "ad" else str(meta.get("title") or ""),
                        "kind": kind, "chars": chars})
        pages.append(row)
    return pages


def text_lines(page) -> list[dict]:
    """Lines of text of 12 pt or more: text, size, font and box. A 竖题's glyphs (drawn in a
    face's vertical twin, `…-Vert`) are gathered into its columns, each one "line" read top
    to bottom (`vertical`)."""
    out, cells = [], []
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["size"] >= 12 and "".join(c["c"] for c in s["chars"]).strip()]
            if spans and "-Ver" in spans[0]["font"]:
                cells += [(c, s) for s in spans for c in s["chars"] if c["c"].strip()]
            elif spans:
                out.append({"text": "".join(c["c"] for s in spans for c in s["chars"]),
                            "size": round(spans[0]["size"], 1), "font": spans[0]["font"], "vertical": False,
                            "box": (min(s["bbox"][0] for s in spans), min(s["bbox"][1] for s in spans),
                                    max(s["bbox"][2] for s in spans), max(s["bbox"][3] for s in spans))})
    return sorted(out + vertical_columns(cells), key=lambda l: (l["box"][1], l["box"][0]))


def vertical_columns(cells) -> list[dict]:
    """Glyphs of vertical faces as columns: one face and size, one centre line, each glyph
    at most an em below the one before."""
    columns: list[dict] = []
    for char, span in sorted(cells, key=lambda c: (c[0]["bbox"][1], c[0]["bbox"][0])):
        x0, y0, x1, y1 = char["bbox"]
        size, centre = round(span["size"], 1), (x0 + x1) / 2
        home = next((c for c in columns if (c["size"], c["font"]) == (size, span["font"])
                     and abs(c["centre"] - centre) < 0.3 * size and -0.2 * size < y0 - c["box"][3] < size), None)
        if home is None:
            columns.append({"text": char["c"], "size": size, "font": span["font"], "vertical": True,
                            "centre": centre, "box": (x0, y0, x1, y1)})
        else:
            b = home["box"]
            home["text"] += char["c"]
            home["box"] = (min(b[0], x0), b[1], max(b[2], x1), max(b[3], y1))
    return columns


def stacked(last: dict, other: dict, size: float) -> bool:
    """`other` goes on from `last` in one 主题: the next line under it (overlapping columns
    of the page), or a 竖题's next column at its left (overlapping heights)."""
    if last["vertical"]:
        return (other["vertical"] and 0 <= last["box"][0] - other["box"][2] < size
                and min(other["box"][3], last["box"][3]) > max(other["box"][1], last["box"][1]))
    return (0 <= other["box"][1] - last["box"][3] < size
            and min(other["box"][2], last["box"][2]) > max(other["box"][0], last["box"][0]))


def find_title(lines: list[dict], title: str) -> list[dict] | None:
    """The stacked lines or columns (one font and size) that spell `title`."""
    want = norm(title)
    for first in lines:
        if not want.startswith(norm(first["text"])):
            continue
        group, got = [first], norm(first["text"])
        while got != want:
            nxt = next((o for o in lines if o not in group and (o["size"], o["font"]) == (first["size"], first["font"])
                        and stacked(group[-1], o, first["size"]) and want.startswith(got + norm(o["text"]))), None)
            if nxt is None:
                break
            group.append(nxt)
            got += norm(nxt["text"])
        if got == want:
            return group
    return None


@pytest.fixture(scope="module", params=EDITIONS, ids=lambda p: p.name)
def edition(request, shared_build):
    report = shared_build(request.param, ("pdf",)).report   # built once (tests/conftest.py)
    import pymupdf

    doc = pymupdf.open(report.outputs["pdf"])
    titles = []
    for page, articles in zip(doc, articles_by_page(request.param)):
        lines = text_lines(page)
        found = []
        for a in articles:
            if a["title"]:
                group = find_title(lines, a["title"])
                assert group, f"{a['id']}: 主题 {a['title']} not found on its page"
                found.append({**a, "lines": group, "size": group[0]["size"], "font": group[0]["font"],
                              "box": (min(l["box"][0] for l in group), min(l["box"][1] for l in group),
                                      max(l["box"][2] for l in group), max(l["box"][3] for l in group))})
        titles.append(found)
    yield titles
    doc.close()


def test_every_title_line_break_falls_between_words(edition):
    for page in edition:
        for t in page:
            parts = [l["text"] for l in t["lines"]]
            joined = "".join(parts)
            ends, pos = word_ends(joined), 0
            for part in parts[:-1]:
                pos += len(part)
                at_gap = joined[pos - 1] in (GAP, " ") or joined[pos] in (GAP, " ")
                assert at_gap or pos in ends, f"{t['id']}: {joined[:pos]}|{joined[pos:]}"


def test_no_title_line_of_one_or_two_characters(edition):
    for page in edition:
        for t in page:
            if len(t["lines"]) > 1:
                assert all(len(norm(l["text"])) > 2 for l in t["lines"]), [l["text"] for l in t["lines"]]


def side_by_side(a: dict, b: dict) -> bool:
    """Titles with no column in common whose heights overlap by more than half the smaller."""
    apart = a["box"][2] <= b["box"][0] or b["box"][2] <= a["box"][0]
    overlap = min(a["box"][3], b["box"][3]) - max(a["box"][1], b["box"][1])
    return apart and overlap > 0.5 * min(a["box"][3] - a["box"][1], b["box"][3] - b["box"][1])


def briefs_of(page: list[dict]) -> list[dict]:
    """The page's briefs in manifest order: short stories after the lead (not photo items)
    with no longer story after them (one before a longer story is ranked by its place)."""
    texts = [t for t in page if t["kind"] not in ("photo", "ad")]
    return [t for i, t in enumerate(texts) if i > 0 and t["chars"] < BRIEF_CHARS
            and not any(u["chars"] >= BRIEF_CHARS for u in texts[i + 1:])]


def test_no_zhuangti(edition):
    """Titles side by side at overlapping heights never share face and size — any two of a
    row, not only neighbours (a row of more titles than faces takes a second size)."""
    for page in edition:
        for i, a in enumerate(page):
            for b in page[i + 1:]:
                assert not (side_by_side(a, b) and (a["font"], a["size"]) == (b["font"], b["size"])), \
                    f"撞题 {a['id']} | {b['id']} ({a['font']} {a['size']})"


def test_the_leads_title_is_the_largest_on_its_page(edition):
    for page in edition:
        stories = [t for t in page if t["kind"] != "photo"]
        if stories:
            assert stories[0]["size"] >= max(t["size"] for t in stories), stories[0]["id"]


def test_no_brief_has_a_larger_title_than_a_longer_story(edition):
    """A short item (the lead too) never has a larger 主题 than a longer story of the page."""
    for page in edition:
        stories = [t for t in page if t["kind"] != "photo"]
        for brief in (t for t in stories if t["chars"] < BRIEF_CHARS):
            for longer in (t for t in stories if t["chars"] > brief["chars"] and t["chars"] >= BRIEF_CHARS):
                assert brief["size"] <= longer["size"], f"{brief['id']} {brief['size']} > {longer['id']} {longer['size']}"


def test_later_titles_are_never_larger(edition):
    """Manifest order is importance: 主题 sizes step down the manifest, stories, poems and
    briefs alike (photo-news items apart)."""
    for page in edition:
        sizes = [(t["id"], t["size"]) for t in page if t["kind"] not in ("photo", "ad")]
        for i, (earlier, size) in enumerate(sizes):
            for later, other in sizes[i + 1:]:
                assert other <= size, f"{later} {other} > earlier {earlier} {size}"


def test_briefs_of_a_page_share_one_size(edition):
    """Items of one rank look of one rank: at most two sizes among a page's briefs, and most
    of them at one."""
    for page in edition:
        sizes = [t["size"] for t in briefs_of(page)]
        if sizes:
            assert len(set(sizes)) <= 2, [(t["id"], t["size"]) for t in briefs_of(page)]
            assert max(sizes.count(s) for s in sizes) * 2 >= len(sizes), sizes
