"""Placing again in one process (`layout watch`) reuses a layout only when it must be the same.

An edit that changes no line count leaves every article's heights and costs as
they were: the layout found before is taken with the new plans, and the pages
are exactly those a new process places. An edit that changes the heights is
placed afresh.
"""
from __future__ import annotations

import dataclasses

import pytest

from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.options import BuildOptions
from layout.pages import place_issue, placement
from tests.conftest import SAMPLE


def edited(issue, article_id: str, old: str, new: str):
    """The issue with `old` replaced by `new` in one article's first paragraph holding it."""
    def article(a):
        if a.id != article_id:
            return a
        paragraphs = list(a.paragraphs)
        k = next(i for i, p in enumerate(paragraphs) if old in p.text)
        paragraphs[k] = dataclasses.replace(paragraphs[k], text=paragraphs[k].text.replace(old, new, 1))
        return dataclasses.replace(a, paragraphs=tuple(paragraphs))
    pages = tuple(dataclasses.replace(p, articles=tuple(article(a) for a in p.articles))
                  for p in issue.pages)
    return dataclasses.replace(issue, pages=pages)


@pytest.fixture(scope="module")
def sample():
    issue = load_issue(SAMPLE, Diagnostics())
    return issue, font_set(issue.style, "".join(a.all_text() for a in issue.articles()) + "大多")


def solved(monkeypatch) -> list:
    calls = []
    real = placement.Placer._best
    monkeypatch.setattr(placement.Placer, "_best", lambda self: calls.append(1) or real(self))
    return calls


@pytest.mark.parametrize("new, reused", [("凉亭大小", True), ("凉亭虽小" * 40, False)])
def test_a_page_placed_again_is_the_page_a_new_process_places(sample, monkeypatch, new, reused):
    issue, fonts = sample
    placement.SOLVED.clear()
    place_issue(issue, fonts, BuildOptions(allow_overflow=True))
    changed = edited(issue, "hengji", "凉亭虽小", new)
    calls = solved(monkeypatch)
    again = place_issue(changed, fonts, BuildOptions(allow_overflow=True))
    assert (not calls) == reused
    placement.SOLVED.clear()
    fresh = place_issue(changed, fonts, BuildOptions(allow_overflow=True))
    assert again.placed == fresh.placed
    assert again.copyfit == fresh.copyfit
