"""Pages kept in one process (`layout watch`, layout/pages/kept.py): an edit places again
only the pages that read what changed, and every page is the page a new process places.

jump2 is two pages: page 1's lead jumps to page 2, and page 1's 导读 lists page 2's
stories. A word changed in a page-2 story places page 2 only; its headline changed
places page 1 too (the 导读 reads it); the jumping lead's text changed places page 1,
and page 2 too when the change is in the part that continues there.
"""
from __future__ import annotations

import dataclasses

import pytest

from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.options import BuildOptions
from layout.pages import kept, place_issue
from tests.conftest import REPO
from tests.pages.test_placing_again import edited

JUMP2 = REPO / "tests" / "fixtures" / "editions" / "jump2"


def retitled(issue, article_id: str, title: str):
    def article(a):
        if a.id != article_id:
            return a
        return dataclasses.replace(a, headline=dataclasses.replace(a.headline, title=title))
    return dataclasses.replace(issue, pages=tuple(
        dataclasses.replace(p, articles=tuple(article(a) for a in p.articles)) for p in issue.pages))


@pytest.fixture(scope="module")
def jump2():
    issue = load_issue(JUMP2, Diagnostics())
    return issue, font_set(issue.style, "".join(a.all_text() for a in issue.articles()) + "岗位招聘")


@pytest.fixture
def keeping():
    kept.forget()
    kept.enable()
    yield
    kept.enable(False)
    kept.forget()


def fresh(issue, fonts):
    """What a new process places (nothing kept)."""
    kept.enable(False)
    try:
        diag = Diagnostics()
        return place_issue(issue, fonts, BuildOptions(), diag), diag.warnings
    finally:
        kept.enable()


EDITS = [   # one after another, each on the issue the one before left
    (lambda i: edited(i, "jiuye", "积累工作经验", "积累岗位经验"), (2,)),
    (lambda i: edited(i, "chanye", "产业", "招聘"), (1,)),           # in its part on page 1
    (lambda i: edited(i, "chanye", "项目为王", "项目为先"), (1, 2)),    # in its part on page 2
    (lambda i: retitled(i, "jiuye", "1500个见习岗位助力毕业生就业"), (1, 2)),
    (lambda i: i, ()),
]


def test_an_edit_places_only_the_pages_that_read_it(jump2, keeping):
    issue, fonts = jump2
    before = place_issue(issue, fonts, BuildOptions(), Diagnostics())
    assert before.placed_anew == (1, 2)
    for change, placed in EDITS:
        issue = change(issue)
        diag = Diagnostics()
        again = place_issue(issue, fonts, BuildOptions(), diag)
        assert again.placed_anew == placed
        if placed == (1, 2):
            new, warned = again, None              # nothing kept: placed as by a new process
        elif placed:
            new, warned = fresh(issue, fonts)
        else:
            new, warned = before, None
        assert again.placed == new.placed          # every item of every page where a new process puts it
        assert again.copyfit == new.copyfit
        assert warned is None or diag.warnings == warned   # a kept page's warnings are given again
        before = again


def test_a_one_off_build_keeps_nothing():
    made = []

    def make(diag):
        diag.warn("short")
        made.append(1)
        return ("page",)

    for _ in range(2):
        diag = Diagnostics()
        assert kept.place(lambda: ("same",), 3, diag, make) == (("page",), True)
        assert [w.message for w in diag.warnings] == ["short"]
    assert len(made) == 2
    kept.forget()
    kept.enable()
    try:
        for anew in (True, False, False):
            diag = Diagnostics()
            assert kept.place(lambda: ("same",), 3, diag, make) == (("page",), anew)
            assert [w.message for w in diag.warnings] == ["short"]
        assert len(made) == 3
    finally:
        kept.enable(False)
        kept.forget()
