"""Copy in newsroom habits the importer was not written against (tests/intake/newsroom.py):
four more editions, each in four shapes — column chunks, typeset lines of 14, 18 and 22 ems
cut inside numbers and words, a paragraph a line, Markdown — imported and compared with
their sources, the figures asserted shape by shape."""
from __future__ import annotations

from collections import Counter

import pytest

from layout.intake.normalise import normalise
from tests.intake import corpus, newsroom

CASES = [(name, shape) for name in newsroom.edition_names() for shape in newsroom.SHAPES]


@pytest.mark.parametrize(("name", "shape"), CASES)
def test_the_committed_raw_copy_is_what_the_renderer_makes(name, shape):
    committed = newsroom.raw_path(name, shape).read_text(encoding="utf-8")
    assert committed == newsroom.rendered(name, shape).text()


def test_every_source_is_already_normalised():
    for name in newsroom.edition_names():
        for s in newsroom.edition(name):
            for role, text in corpus.normaliser_parts(s):
                assert normalise(text, role).text == text, (s.name, text)


def _stories(name: str) -> list[corpus.Source]:
    return newsroom.edition(name)


@pytest.mark.parametrize("name", newsroom.edition_names())
def test_each_edition_has_what_the_check_asks_for(name):
    stories = _stories(name)
    kinds = Counter(s.kind for s in stories)
    assert kinds["poem"] >= 1 and kinds["photo"] >= 1 and len(stories) >= 10
    assert any(s.byline.startswith("□") for s in stories)
    assert any(s.byline.startswith("文／") for s in stories)
    assert any(s.photos and s.kind == "story" for s in stories)
    assert any(k == "subhead" for s in stories for k, _ in s.paragraphs)
    assert any(s.kind == "story" and not (s.kicker or s.subtitle or s.byline or s.dateline)
               for s in stories)
    assert any(s.kicker for s in stories) and any(s.subtitle for s in stories)
    text = "\n".join(t for s in stories for _, t in s.paragraphs)
    assert "https://" in text and "@" in text and "%" in text and "万" in text


def test_the_editions_vary_the_newsroom_habits():
    stories = [s for name in newsroom.edition_names() for s in _stories(name)]
    datelines = {s.dateline.split("（")[0][:3] for s in stories if s.dateline}
    assert {"【本报", "本报讯", "新华社", "本报9"} <= datelines
    text = "\n".join(t for s in stories for _, t in s.paragraphs)
    for needle in ("31.6%", "1.5万元", "2026年", "Wi-Fi", "https://", "APP"):
        assert needle in text
    habits = newsroom.HABITS.values()
    assert {h.gap for h in habits} == {"\u3000", "  ", " "}
    assert {h.md_kicker for h in habits} == {"line", "###"}
    assert {14, 18, 22} <= {h.measure for h in habits}
    assert {h.md_subhead for h in habits} == {"##", "**"}


@pytest.fixture(scope="module")
def figures(tmp_path_factory) -> dict[tuple[str, str], corpus.Figures]:
    return {(name, shape): newsroom.figures(name, shape, tmp_path_factory.mktemp(name) / shape)
            for name, shape in CASES}


@pytest.mark.parametrize(("name", "shape"), CASES)
def test_nothing_is_damaged_and_every_miss_is_in_the_decisions(figures, name, shape):
    f = figures[name, shape]
    assert (f.tokens_changed, f.false_subheads, f.chars_lost, f.unflagged) == (0, 0, 0, 0)


@pytest.mark.parametrize("shape", newsroom.SHAPES)
def test_every_story_is_found_and_95_percent_come_back_exactly(figures, shape):
    rows = [f for (_, s), f in figures.items() if s == shape]
    total = sum(f.stories for f in rows)
    assert sum(f.found for f in rows) == total
    assert sum(f.heads_exact for f in rows) >= 0.95 * total
    assert sum(f.bodies_exact for f in rows) >= 0.95 * total
