"""A jump's first part takes all the room its page has left for it (daily2, written fresh: a
2-page daily whose page 1 lead of some 5,500 characters jumps to page 2). It stopped short:
page 1 warned 缺约 1310 字 while the continuation was 超 353 字 on page 2, and the build
failed with both messages. Over lead lengths from one that fits page 1 to three pages of
copy, the edition either builds with nothing lost or fails with one true message: the lead,
and the characters to cut."""
from __future__ import annotations

import dataclasses
import re
from functools import cache

from hypothesis import HealthCheck, given, settings, strategies as st

from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.model import Paragraph, ParagraphKind
from layout.options import BuildOptions
from layout.pages import place_issue
from tests.conftest import REPO

DAILY2 = REPO / "tests" / "fixtures" / "editions" / "daily2"
LEAD = "shenghuoquan"


@cache
def daily2():
    return load_issue(DAILY2, Diagnostics())


def _chars(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def with_lead_of(issue, chars: int):
    """daily2 with its lead's paragraphs run on (again from the top) to about `chars`
    characters, the last one cut at a sentence end."""
    lead = issue.pages[0].articles[0]
    source, out, total, k = lead.paragraphs, [], 0, 0
    while total < chars:
        para = source[k % len(source)]
        k += 1
        if para.kind is ParagraphKind.SUBHEAD:
            if total + _chars(para.text) + 100 < chars:
                out.append(para)
                total += _chars(para.text)
            continue
        room = chars - total
        text = para.text
        if _chars(text) > room:
            ends = [m.end() for m in re.finditer("。", text) if _chars(text[:m.end()]) <= room]
            text = text[:ends[-1]] if ends else text[:max(room, 1)] + "。"
        out.append(Paragraph(text))
        total += _chars(text)
    lead = dataclasses.replace(lead, paragraphs=tuple(out))
    first = dataclasses.replace(issue.pages[0], articles=(lead,) + issue.pages[0].articles[1:])
    return dataclasses.replace(issue, pages=(first,) + issue.pages[1:])


def placed(issue):
    diag = Diagnostics()
    return place_issue(issue, font_set(issue.style), BuildOptions(allow_overflow=True), diag), diag


def test_daily2_builds_its_lead_s_first_part_down_to_the_foot_of_page_one():
    result, diag = placed(daily2())
    fits = {f.id: f for f in result.copyfit.articles}
    assert not result.copyfit.overflows(), result.copyfit.overflow_message()
    assert fits[LEAD].continued_on == 2 and fits[LEAD].set == fits[LEAD].chars
    page = result.placed.pages[0]
    lead = next(r for r in page.regions if r.article == LEAD)
    foot = max(r.y + r.h for r in page.regions)
    assert lead.y + lead.h >= foot - 1.0, (lead, foot)     # the first part reaches the foot
    assert not result.copyfit.pages[0].warn                 # page 1 sends copy on: not short
    assert not any("第 1 版缺稿" in str(w) or "page 1 is short" in str(w) for w in diag.warnings)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1200, 18000))
def test_any_lead_length_builds_whole_or_fails_naming_the_lead_and_what_to_cut(chars):
    issue = with_lead_of(daily2(), chars)
    result, diag = placed(issue)
    copyfit = result.copyfit
    for fit in copyfit.articles:
        assert fit.set + fit.over == fit.chars, fit        # what is not set is reported
    over = copyfit.overflows()
    if over:
        assert [f.id for f in over] == [LEAD], over        # the lead alone, never its neighbours
        message = copyfit.overflow_message()
        assert LEAD in message and f"{over[0].over}" in message, message
        assert "第 1 版的稿件" not in message and "page 1 holds" not in message, message
    else:
        assert all(f.set == f.chars for f in copyfit.articles)
    if copyfit.articles[0].continued_on:                   # the lead jumped: page 1 is not short
        assert not copyfit.pages[0].warn, copyfit.pages[0]
