"""Property: on any page the build accepts, short of copy or full, the placer never buys
rows with a bad 主题 — no break inside a word (by the segmenter rjieba), no line of one
or two characters, no more lines than the house style's max_lines — for headlines chosen
to be hard to break (the test editions' own: 12类, 18.6万人次, 第五届, 2.3千米 …)."""
from __future__ import annotations

import dataclasses
import re

import yaml
from hypothesis import HealthCheck, assume, example, given, settings, strategies as st

from layout.fonts import font_set
from layout.model import Headline
from layout.model.placed import PlacedText
from layout.options import BuildOptions
from layout.pages import place_issue
from tests.pages.factory import REPO, issue_of, story
from tests.words import word_ends

GAP = "\u3000"


def edition_titles() -> list[str]:
    titles = set()
    for path in sorted((REPO / "tests" / "fixtures" / "editions").glob("*/articles/*.md")):
        head = path.read_text("utf-8").split("---", 2)[1]
        title = (yaml.safe_load(head) or {}).get("title")
        if title and 6 <= len(title) <= 28:
            titles.add(str(title))
    return sorted(titles)


TITLES = edition_titles()
pages = st.lists(st.tuples(st.sampled_from(TITLES), st.integers(60, 900)), min_size=1, max_size=6,
                 unique_by=lambda t: t[0])


def title_lines(page, article_id: str) -> list[str]:
    """The 主题's lines, top to bottom (a line may be drawn as several runs); a 竖题's
    columns, right to left, each read top to bottom."""
    items = [i for i in page.items
             if isinstance(i, PlacedText) and i.article == article_id and i.role == "title"]
    if any(i.free for i in items):
        return _columns(items)
    rows: dict[float, list] = {}
    for i in items:
        rows.setdefault(round(i.y, 1), []).extend(
            (i.x + dx, ch) for dx, ch in zip(i.xs, i.text) if not ch.isspace())
    return ["".join(ch for _x, ch in sorted(row)) for _, row in sorted(rows.items())]


def _columns(items) -> list[str]:
    """Characters of a vertical title by the centre of their column and their height."""
    chars = []
    for i in items:
        for k, ch in enumerate(i.text):
            if ch.isspace():
                continue
            if i.ys:                       # upright: x is the column's centre
                chars.append((i.x, i.y + i.ys[k], ch, i.size))
            elif i.turn:                   # a Latin run turned: its xs run down the column
                chars.append((i.x + i.size / 2, i.y + i.xs[k] + 0.88 * i.size, ch, i.size))
            else:                          # 纵中横: side by side, centred on the column
                chars.append((i.x + (i.xs[-1] + i.size * i.scale) / 2, i.y + i.xs[k] / 100, ch, i.size))
    columns: list[list] = []
    for c in sorted(chars, key=lambda c: -c[0]):
        if columns and columns[-1][-1][0] - c[0] < c[3] / 2:
            columns[-1].append(c)
        else:
            columns.append([c])
    return ["".join(c[2] for c in sorted(column, key=lambda c: c[1])) for column in columns]


def test_the_titles_are_hard_ones():
    assert len(TITLES) >= 50 and any("12类" in t for t in TITLES) and any(GAP in t for t in TITLES)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
@example([("新增充电端口2600个\u3000“飞线充电”明显减少", 60)])   # set as a 竖题 on a narrow block
def test_no_title_is_broken_inside_a_word_left_with_a_stub_or_too_long(spec):
    articles = [dataclasses.replace(story(n, chars), headline=Headline(title))
                for n, (title, chars) in enumerate(spec)]
    issue = issue_of(articles)
    result = place_issue(issue, font_set(issue.style), BuildOptions(allow_overflow=True))
    assume(not result.copyfit.overflows())   # an over-full page fails the build: squeezed titles are moot
    page = result.placed.pages[0]
    for article, (title, _) in zip(articles, spec):
        lines = title_lines(page, article.id)
        assert "".join(lines) == re.sub(r"\s", "", title), (title, lines)
        assert len(lines) <= issue.style.headlines.max_lines, lines
        if len(lines) > 1:
            assert all(len(line) > 2 for line in lines), lines
        joined, ends, pos = "".join(lines), word_ends(re.sub(r"\s", "", title)), 0
        for line in lines[:-1]:
            pos += len(line)
            assert pos in ends, f"{joined[:pos]}|{joined[pos:]}"
