"""Copy by another hand (tests/intake/strangers.py), written after the importer was fixed on
every other corpus and measured before any change: a 副刊 with □ bylines and a 词 in 上阕 and
下阕, photo news with and without a title, stories with no byline or 副题, English names,
dates, URLs, e-mail addresses and phone numbers cut across lines, in five shapes."""
from __future__ import annotations

import pytest

from layout.intake.normalise import normalise
from tests.intake import corpus, strangers

CASES = [(name, shape) for name in strangers.edition_names() for shape in strangers.SHAPES]


@pytest.mark.parametrize(("name", "shape"), CASES)
def test_the_committed_raw_copy_is_what_the_renderer_makes(name, shape):
    committed = strangers.raw_path(name, shape).read_bytes().decode("utf-8")
    assert committed == strangers.raw_text(name, shape)


def test_the_sources_are_normalised_and_hold_what_the_check_asks_for():
    stories = [s for name in strangers.edition_names() for s in strangers.edition(name)]
    for s in stories:
        for role, text in corpus.normaliser_parts(s):
            assert normalise(text, role).text == text, (s.name, text)
    assert any(s.byline.startswith("□") and s.kind == "poem"
               and ("## 上阕",) in s.stanzas for s in stories)
    assert any(s.kind == "photo" and not s.title for s in stories)
    assert any(s.kind == "photo" and s.title for s in stories)
    assert any(s.kind == "story" and not (s.byline or s.subtitle or s.dateline) for s in stories)
    text = "\n".join(t for s in stories for _, t in s.paragraphs)
    for needle in ("31.6%", "0412-1234567", "https://", "@", "www.", "David Miller", "“以前"):
        assert needle in text


def test_numbers_and_addresses_are_cut_across_lines_in_the_pdf_copy():
    raw = strangers.raw_path("beiyuan", "pdf-19").read_text(encoding="utf-8").splitlines()
    ends = {line[-6:] for line in raw}
    assert any(e.endswith("31.") for e in ends) and any(e.endswith("0412-") for e in ends)
    assert any("https://" in line and not line.endswith("jobs") for line in raw)


@pytest.fixture(scope="module")
def figures() -> dict[str, corpus.Figures]:
    return strangers.main_figures()


@pytest.mark.parametrize("shape", strangers.SHAPES)
def test_every_story_found_and_exact_nothing_damaged(figures, shape):
    f = figures[shape]
    assert f.found == f.stories
    assert f.heads_exact >= 0.95 * f.stories and f.bodies_exact >= 0.95 * f.stories
    assert (f.tokens_changed, f.false_subheads, f.chars_lost, f.unflagged) == (0, 0, 0, 0)


def test_a_page_of_mixed_column_widths_is_read_story_by_story():
    """Lines of a page whose stories are set at different widths (13, 21, 26 and 17 ems in
    turn): each story is rejoined by its own measure (`measures`), so as many stories are
    found as with one measure for the whole copy (257/261), few wrapped lines of a narrow
    column are taken for a 小标题 (66 with one measure; 0 now: a brief's first line two ems
    short over a full line was the last, `unwrap._first_over_full`), most bodies come back exact
    (159/261 with one measure; 347/386 now, with the team's editions, 326/380 before paragraph
    ends at a full line were chosen by length, 332/386 before `_first_over_full`, 337/386
    before a break between two stories of one measure was read by it and a line short by an
    opening mark that went down ran on; 365/403 with thin4 and lone since a numbered 小标题
    after a full line and a poem of lines as wide as a measure are read, 363/403 before),
    and no character is lost and no number, Latin word or address changed."""
    f = strangers.page_figures()
    assert (f.tokens_changed, f.chars_lost, f.false_subheads) == (0, 0, 0)
    assert f.found >= 0.98 * f.stories and f.heads_exact >= 0.97 * f.stories
    assert f.bodies_exact >= 365
    # every miss listed but three (10 before a story too short to measure was listed, below; 5
    # before the two rules of session 26): jiayou (set at 26 ems, its measure read as 24
    # characters: a paragraph's last line as wide as that taken for a full one), zaoshi (a
    # quoted 吆喝 whose verse lines are as wide as the measure), naliang (a paragraph end run on
    # with nothing listed; not yet understood)
    assert set(f.unlisted) <= {"jiayou", "naliang", "zaoshi"}


def test_a_story_too_short_to_measure_on_a_page_of_mixed_widths_is_listed(tmp_path):
    """Its lines are rejoined by the copy's usual width, not its own: its paragraph breaks are
    guesses, listed once at its headline (`measure`) — the page's misses not listed for the
    editor went from 10 to 5 with it."""
    from layout.intake.lines import read_lines
    from layout.intake.measures import unmeasured
    from layout.intake.shape import Shape, ShapeKind

    lines = read_lines("短讯标题\n第一行正文，\n第二行正文。\n长稿标题\n" + "长稿正文一行，\n" * 8)
    copy, own = Shape(ShapeKind.PARAGRAPHS), Shape(ShapeKind.TYPESET, full=21)
    shapes = [copy] * 4 + [own] * 8
    assert unmeasured(lines, copy, shapes, [1, 4]) == [1]
    assert unmeasured(lines, copy, None, [1, 4]) == []   # copy of one measure: nothing listed
    stories = corpus.edition("binjiang")
    raw = tmp_path / "page.txt"
    raw.write_text(strangers.render_page(stories).text(), encoding="utf-8")
    _, plan = corpus.import_raw(raw, tmp_path / "issue")
    assert "measure" in {d.what for d in plan.decisions}
