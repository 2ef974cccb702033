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
    assert f.bodies_exact >= 366
    # every miss listed (10 not before a story too short to measure was listed, below; 5 before
    # the two rules of session 26; 3 before session 29: jiayou and naliang, set at 26 ems and
    # measured 24 and 25 from their few lines, whose first lines, the indent lost, are most of
    # their lines — listed since, `measures.doubtful`; zaoshi's quoted 吆喝, whose verse lines the
    # renderer cut as prose, the "\n" inside a line throwing the page's line numbers out — set
    # line by line since, 365 -> 366 bodies)
    assert f.unlisted == ()


def test_a_story_whose_measure_may_be_an_indent_short_is_listed(tmp_path):
    """A short story at 26 ems on a page of mixed widths, its indent lost: its first lines, 24
    wide, are most of its lines, so its measure reads 24 and a paragraph ending a sentence on a
    24-em line runs on. A measure two ems wider explains more of its starts: listed."""
    from layout.intake.lines import read_lines
    from layout.intake.measures import doubtful
    from layout.intake.shape import Shape, ShapeKind

    text = ("江城百余家餐馆推出“半份菜”\n"
            "本报讯（记者 汪洁）一个人吃饭点不了几个菜，两个\n"
            "人点多了又吃不完。最近，江城有120多家餐馆推出了“半\n"
            "份菜”，价格约为整份的六成，让食客可以少点多样。\n"
            "在江汉路一家湖北菜馆，记者看到菜单上的排骨藕汤、\n"
            "红烧武昌鱼、清炒菜薹等招牌菜都标注了半份价格。店主说，\n"
            "推出半份菜后，一个人来吃饭的顾客多了，剩菜也少了，\n"
            "“顾客省了钱，我们减少了浪费，两全其美。”\n"
            "市餐饮行业协会表示，将在全市推广这一做法，并在门\n"
            "店评级中加入“反食品浪费”指标。\n")
    lines = read_lines(text)
    copy = Shape(ShapeKind.PARAGRAPHS)
    own = Shape(ShapeKind.TYPESET, by_chars=True, full=24, low=24, high=27.5, indent_lost=True)
    assert doubtful(lines, copy, [own] * len(lines), [1]) == [1]
    assert doubtful(lines, copy, [copy] * len(lines), [1]) == []   # read by the copy's: not
    assert doubtful(lines, copy, None, [1]) == []   # copy of one measure: nothing listed
    wide = Shape(ShapeKind.TYPESET, by_chars=True, full=26, low=25, high=27.5, indent_lost=True)
    assert doubtful(lines, copy, [wide] * len(lines), [1]) == []


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
