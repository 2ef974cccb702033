"""简讯: a page's briefs gathered into one block with bold run-in titles."""
from __future__ import annotations

import dataclasses
import shutil

import pytest

from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.model import ArticleKind
from layout.model.placed import PlacedRule, PlacedText
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pages.briefs import gather
from layout.style import load_style
from tests.edition.test_edition_cli import edit, layout
from tests.edition.test_verse import WHOLE

BRIEFS = ("tushuguan", "lanqiu", "xuetang", "jiushu")


def placed_whole(style_override=None, page_edit=None):
    issue = load_issue(WHOLE, Diagnostics())
    if style_override:
        issue = dataclasses.replace(issue, style=load_style(style_override)[0])
    if page_edit:
        issue = dataclasses.replace(issue, pages=tuple(page_edit(p) for p in issue.pages))
    return issue, place_issue(issue, font_set(issue.style), BuildOptions())


@pytest.fixture(scope="module")
def whole():
    return placed_whole()


def texts(page):
    return [t for t in page.items if isinstance(t, PlacedText)]


def test_four_briefs_are_one_block_under_one_small_heading(whole):
    issue, result = whole
    page = result.placed.pages[1]
    headings = [t for t in texts(page) if t.text == issue.style.edition.brief_heading]
    assert len(headings) == 1
    assert headings[0].size < issue.style.role("title").min_size
    fits = {f.id: f for f in result.copyfit.articles}
    shapes = {(fits[b].columns, fits[b].rows) for b in BRIEFS}
    assert len(shapes) == 1, "the four items share one block"
    assert all(fits[b].over == 0 and fits[b].set == fits[b].chars for b in BRIEFS)
    block = [r for r in page.regions if r.article in BRIEFS]
    assert {r.article for r in block} == set(BRIEFS)


def test_each_item_has_its_title_on_its_own_line_and_its_text_indented(whole):
    """A 简讯 item: ■ and its title on a line of its own in the 小标题 role (黑体, a size
    above the body, so it never reads as a line of the item before), then its text as a
    paragraph indented like any other, opening with its 电头 in bold."""
    issue, result = whole
    page = result.placed.pages[1]
    subhead, body = issue.style.role("subhead"), issue.style.body_size
    assert subhead.size > body
    placed = texts(page)
    for article in (a for a in issue.articles() if a.id in BRIEFS):
        title = next(t for t in placed if t.text.startswith(f"■{article.headline.title[:4]}"))
        assert (title.face, title.size, title.role) == (subhead.face, subhead.size, "subhead")
        text = min((t for t in placed if t.y > title.y + 1 and abs(t.x - title.x) < 30
                    and t.size == body), key=lambda t: (t.y, t.x))
        assert text.x + text.xs[0] >= title.x + title.xs[0] + 2 * body - 0.5, \
            "the item's text opens indented"
        if article.dateline:
            assert text.face == issue.style.role("dateline").face
    assert not any(t.text == "社区篮球联赛开赛" and t.role == "title" for t in placed)


def test_each_items_text_lies_in_its_own_regions(whole):
    issue, result = whole
    page = result.placed.pages[1]
    for article in (a for a in issue.articles() if a.id in BRIEFS):
        boxes = [r for r in page.regions if r.article == article.id]
        inside = "".join(t.text for t in texts(page)
                         if any(b.x - 1 <= t.x <= b.x + b.w and b.y - 1 <= t.y <= b.y + b.h + 1
                                for b in boxes))
        body = article.paragraphs[0].text
        assert body[:8] in inside and body[-8:] in inside.replace(" ", "")


def test_rules_can_separate_the_items_instead_of_marks():
    issue, result = placed_whole({"briefs": {"separator": "rule"}})
    page = result.placed.pages[1]
    assert not any("■" in t.text for t in texts(page))
    fits = {f.id: f for f in result.copyfit.articles}
    assert all(fits[b].over == 0 for b in BRIEFS)
    regions = [r for r in page.regions if r.article in BRIEFS]
    left, right = min(r.x for r in regions), max(r.x + r.w for r in regions)
    top, bottom = min(r.y for r in regions), max(r.y + r.h for r in regions)
    rules = [i for i in page.items if isinstance(i, PlacedRule) and i.y0 == i.y1
             and left - 1 <= i.x0 and i.x1 <= right + 1 and top - 20 <= i.y0 <= bottom]
    # a rule between items in a leg; an item that opens a leg needs none
    below_top = [b for b in BRIEFS if min(r.y for r in regions if r.article == b) > top + 1]
    assert len(rules) >= len(below_top)


def test_a_page_that_asks_gathers_its_short_stories_only():
    issue = load_issue(WHOLE, Diagnostics())
    stories = tuple(dataclasses.replace(a, kind=ArticleKind.STORY) if a.kind is ArticleKind.BRIEF
                    else a for a in issue.pages[1].articles)
    page = dataclasses.replace(issue.pages[1], articles=stories, briefs=True)
    gathered_page, gathered = gather(page, issue.style)
    limit = issue.style.edition.brief_max_chars
    short = [a.id for a in page.articles if a.kind is ArticleKind.STORY
             and sum(not c.isspace() for c in a.all_text()) <= limit and not a.photos]
    assert [a.id for a in gathered.items] == short == list(BRIEFS)
    assert len(page.articles) > len(short)
    assert gathered.block in gathered_page.articles
    assert gathered_page.articles[0].id == page.articles[0].id, "the lead stays first"
    asked_not = dataclasses.replace(page, briefs=False)
    assert gather(asked_not, issue.style)[1] is None, "not without briefs: true"


def test_briefs_stay_separate_articles_in_the_model(whole):
    issue, _ = whole
    assert [a.id for a in issue.articles() if a.kind is ArticleKind.BRIEF] == list(BRIEFS)


@pytest.mark.parametrize("change, says", [
    (lambda d: edit(d / "issue.yaml", "editor: 王丽\n", "editor: 王丽\n    brifs: true\n"),
     "did you mean 'briefs'"),
    (lambda d: edit(d / "issue.yaml", "editor: 王丽\n", "editor: 王丽\n    briefs: 3\n"),
     "is not true or false"),
    (lambda d: edit(d / "articles" / "lanqiu.md", "kind: brief\n",
                    "kind: brief\nphotos:\n  - file: yanglao.jpg\n"), "kind: brief"),
])
def test_brief_keys_are_checked(tmp_path, change, says):
    issue = tmp_path / "whole"
    shutil.copytree(WHOLE, issue)
    change(issue)
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert says in result.stderr and "Traceback" not in result.stderr
