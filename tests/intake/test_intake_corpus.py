"""Copy the importer has not been tuned on: three editions written for the tests, each rendered
into raw text of every shape (tests/intake/corpus.py), imported, and compared with its source
article by article."""
from __future__ import annotations

from collections import Counter

import pytest

from layout.intake.normalise import normalise
from tests.intake import corpus

CASES = [(name, shape) for name in corpus.edition_names() for shape in corpus.SHAPES[name]]
TEAM = [(name, shape) for name in corpus.team_editions() for shape in corpus.TEAM_SHAPES]


@pytest.mark.parametrize(("name", "shape"), CASES)
def test_the_committed_raw_copy_is_what_the_renderers_make(name, shape):
    assert corpus.raw_path(name, shape).read_text(encoding="utf-8") == corpus.render(name, shape)


def test_every_source_is_already_normalised():
    for name in corpus.edition_names():
        for s in corpus.edition(name):
            for role, text in corpus.normaliser_parts(s):
                assert normalise(text, role).text == text, (s.name, text)


def test_the_editions_cover_what_the_issue_asks_for():
    stories = [s for name in corpus.edition_names() for s in corpus.edition(name)]
    kinds = Counter(s.kind for s in stories)
    assert len(corpus.edition_names()) >= 3 and kinds["poem"] >= 3 and kinds["photo"] >= 5
    assert any(not (s.byline or s.subtitle or s.dateline) and s.kind == "story" for s in stories)
    assert any(s.byline.startswith("□") for s in stories) and any("／" in s.byline for s in stories)
    assert any(s.dateline.startswith("新华社") for s in stories)
    assert any(s.photos and s.kind == "story" for s in stories)
    text = "\n".join(t for s in stories for _, t in s.paragraphs)
    for needle in ("31.6%", "18.6万人次", "2025年", "https://", "@", "APP", "Wi-Fi", "Smart City"):
        assert needle in text


@pytest.fixture(scope="module")
def figures(tmp_path_factory) -> dict[tuple[str, str], corpus.Figures]:
    return {(name, shape): corpus.figures(name, shape, tmp_path_factory.mktemp(name) / shape)
            for name, shape in CASES}


@pytest.mark.parametrize(("name", "shape"), CASES)
def test_nothing_is_damaged_and_every_error_is_flagged(figures, name, shape):
    f = figures[name, shape]
    assert (f.tokens_changed, f.false_subheads, f.chars_lost, f.unflagged) == (0, 0, 0, 0)


# Shapes b-naive and b-ragged cut every (about) 17 characters with nothing to tell a paragraph
# end from a sentence that happens to end a line; those places are listed for the editor
# (errors not flagged: 0).
FLOORS = {"a": 0.95, "b": 0.95, "c": 0.95, "b-naive": 0.93, "b-ragged": 0.93}


@pytest.mark.parametrize("shape", sorted(FLOORS))
def test_stories_headlines_and_bodies_come_back_per_shape(figures, shape):
    rows = [f for (_, s), f in figures.items() if s == shape]
    total = sum(f.stories for f in rows)
    assert sum(f.found for f in rows) >= 0.95 * total
    assert sum(f.heads_exact for f in rows) >= 0.95 * total
    assert sum(f.bodies_exact for f in rows) >= FLOORS[shape] * total


@pytest.fixture(scope="module")
def team_figures(tmp_path_factory) -> dict[tuple[str, str], corpus.Figures]:
    """The team's editions (tests/fixtures/editions/) and the sample, rendered the same ways and
    in Markdown: copy written for the make-up, not for the importer."""
    root = tmp_path_factory.mktemp("team")
    return {(name, shape): corpus.figures(name, shape, root / f"{name}-{shape}" / "issue")
            for name, shape in TEAM}


def test_the_teams_editions_lose_and_damage_nothing(team_figures):
    assert all((f.tokens_changed, f.chars_lost, f.false_subheads) == (0, 0, 0)
               for f in team_figures.values())


# The four shapes the issue names; the copy cut at a count (b-naive, b-ragged) is held to
# losing and damaging nothing, finding every story and its bodies' floor (paragraph ends at a
# full line chosen by length, a byline line run into a time word: 230/267 -> 261/271 and
# 212/267 -> 250/271; floors a point below, as the team's editions grow: with edition's
# newest story 250/272; a phrase gap a cut fell at kept, session 25: 250 -> 252/273; session
# 27, a poem of lines as wide as the measure read as verse: 268 -> 269/290).
TEAM_FULL = ("a", "b", "c", "md")
# The team's stories whose import misses with nothing listed at their lines, shape by shape:
# none since session 29 (three's 书画 story in chunked copy, a paragraph that ends where a column
# ended right after a full stop, is listed: a piece ending a sentence that is whole column
# lines long by a width the copy's cut pieces allow, `Shape.whole_lines`).
UNLISTED: dict[str, set[str]] = {}


def test_every_miss_of_the_team_copy_cut_at_a_count_is_listed(team_figures):
    """In copy cut every (about) 17 characters every story not given back exact has a decision
    or note listed at its lines."""
    assert [(name, shape, f.unlisted) for (name, shape), f in team_figures.items()
            if f.unlisted and shape not in TEAM_FULL] == []
TEAM_CUT_FLOORS = {"b-naive": 0.95, "b-ragged": 0.925}


@pytest.mark.parametrize("shape", sorted(corpus.TEAM_SHAPES))
def test_the_teams_editions_every_story_found_and_95_percent_exact(team_figures, shape):
    rows = [f for (_, s), f in team_figures.items() if s == shape]
    total = sum(f.stories for f in rows)
    assert sum(f.found for f in rows) == total
    if shape in TEAM_FULL:
        assert sum(f.heads_exact for f in rows) >= 0.95 * total
        assert sum(f.bodies_exact for f in rows) >= 0.95 * total
        # every miss is listed for the editor but those named in UNLISTED
        assert {n for f in rows for n in f.unlisted} <= UNLISTED.get(shape, set())
    else:
        assert sum(f.bodies_exact for f in rows) >= TEAM_CUT_FLOORS[shape] * total
