"""Every paragraph of the sample issue and of the stress page, set at 13 ems of
9 pt (the house column): no rule broken, no 孤字, at most 1 % loose lines,
every character drawn by a face that has it."""
from __future__ import annotations

from pathlib import Path

import pytest

from layout.compose import ParagraphSpec, Span, compose_paragraph, line_count
from layout.compose.check import line_problems, loose_lines
from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue

REPO = Path(__file__).resolve().parents[2]
ISSUES = {"sample": REPO / "issues" / "sample", "stress": REPO / "tests" / "fixtures" / "stress"}
BODY = 9.0
MEASURE = 13 * BODY


def paragraphs(issue_dir: Path):
    issue = load_issue(issue_dir, Diagnostics())
    fonts = font_set(issue.style, "".join(a.all_text() for a in issue.articles()))
    out = []
    for article in issue.articles():
        for n, par in enumerate(article.paragraphs):
            spans = (Span(par.text, "serif", BODY),)
            if n == 0 and article.dateline:
                spans = (Span(article.dateline, "sans_bold", BODY),) + spans
            out.append(spans)
    return fonts, out


@pytest.fixture(scope="module", params=sorted(ISSUES))
def issue(request):
    return (request.param, *paragraphs(ISSUES[request.param]))


@pytest.mark.parametrize("punctuation", ["quanjiao", "kaiming"])
def test_total_fit_meets_every_rule(issue, punctuation):
    name, fonts, pars = issue
    spec = ParagraphSpec(MEASURE, punctuation=punctuation)
    problems, lines, loose = [], 0, 0
    for spans in pars:
        par = compose_paragraph(spans, spec, fonts)
        assert par.text == "".join(s.text for s in spans)
        problems += line_problems(par, MEASURE)
        lines += len(par.lines)
        loose += loose_lines(par, BODY)
    assert problems == []
    assert loose <= 0.01 * lines, f"{name}: {loose} of {lines} lines looser than 0.12 em"


def test_first_fit_meets_the_prohibitions(issue):
    _name, fonts, pars = issue
    for spans in pars:
        par = compose_paragraph(spans, ParagraphSpec(MEASURE, breaker="first-fit"), fonts)
        assert [p for p in line_problems(par, MEASURE) if "孤字" not in p] == []


def test_every_glyph_is_drawn_by_a_face_that_has_it(issue):
    _name, fonts, pars = issue
    for spans in pars:
        for line in compose_paragraph(spans, ParagraphSpec(MEASURE), fonts).lines:
            for g in line.glyphs:
                assert g.char.isspace() or fonts.metrics(g.face).covers(g.char), g


def test_line_count_matches_the_composed_paragraph(issue):
    _name, fonts, pars = issue
    spec = ParagraphSpec(MEASURE)
    for spans in pars:
        assert line_count(spans, spec, fonts) == len(compose_paragraph(spans, spec, fonts).lines)


def test_stress_page_has_the_characters_it_promises():
    text = (ISSUES["stress"] / "articles" / "stress.md").read_text(encoding="utf-8")
    for needed in ["“", "《", "》", "”", "（", "）", "——", "……", "？", "！", "%", "℃",
                   "https://", "堃", "喆", "䶮", "𠅤", "𬌗"]:
        assert needed in text
    body = text.split("---", 2)[2]
    assert 1300 <= len(body.replace("\n", "")) <= 1800
