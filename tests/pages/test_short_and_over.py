"""Short pages say so and leave honest space; over-full pages name only the articles that
cannot fit, keep their text in order and mark where it stops."""
from __future__ import annotations

import dataclasses

from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.model.placed import PlacedBox, PlacedText
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pages.copyfit import about
from tests.pages.factory import issue_of, photo_news, story


def place(issue, **options):
    diag = Diagnostics()
    result = place_issue(issue, font_set(issue.style), BuildOptions(**options), diag)
    return result, [w.message for w in diag.warnings]


def test_a_short_page_warns_with_its_shortfall_and_leaves_the_space_at_its_foot():
    issue = issue_of([story(0, 300), story(1, 200), photo_news(2)])
    result, warnings = place(issue)
    page = result.copyfit.pages[0]
    assert page.warn and page.short > 1000
    assert any(f"缺约 {about(page.short)} 字" in w and "page 1" in w for w in warnings)
    assert f"缺约 {about(page.short)} 字" in result.copyfit.table()
    assert page.filled < 0.6, "the report does not pretend a short page is full"
    # the space is at the foot: nothing is drawn in the lowest third of the type area
    items = result.placed.pages[0].items
    lowest = max(i.y for i in items if isinstance(i, PlacedText) and i.role != "furniture")
    assert lowest < 0.67 * result.placed.pages[0].height


def test_a_full_page_does_not_warn():
    issue = issue_of([story(0, 1000), story(1, 500), story(2, 600, photo=True), story(3, 400),
                      story(4, 400), photo_news(5)])
    result, warnings = place(issue)
    assert not result.copyfit.overflows()
    assert result.copyfit.pages[0].filled > 0.95
    assert not result.copyfit.pages[0].warn and not any("缺约" in w for w in warnings)


def test_short_stories_are_not_stretched_into_strips():
    """Three short stories alone on a page: legs of at least the house style's least lines."""
    issue = issue_of([story(0, 260), story(1, 180), story(2, 120)])
    result, _ = place(issue)
    least = issue.style.makeup.min_leg_lines
    for article in issue.articles():
        legs = {}
        for item in result.placed.pages[0].items:
            if isinstance(item, PlacedText) and item.article == article.id and item.role == "body":
                legs.setdefault(round(item.x), set()).add(round(item.y, 1))
        if len(legs) > 1:
            lengths = [len(v) for v in legs.values()]
            assert max(lengths) >= least and min(lengths) >= least - 1, (article.id, legs)


def overfull():
    lead = story(0, 9000)
    return issue_of([lead] + [story(n, 150) for n in range(1, 7)])


def test_the_overrun_is_charged_to_the_article_that_cannot_fit_not_pooled():
    result, _ = place(overfull(), allow_overflow=True)
    over = result.copyfit.overflows()
    assert [f.id for f in over] == ["a0"]
    message = result.copyfit.overflow_message()
    held = sum(f.set for f in result.copyfit.articles)
    total = sum(f.chars for f in result.copyfit.articles)
    assert f"'a0' is over by {over[0].over} characters" in message
    assert f"holds about {held} of the {total} characters" in message
    assert "a1" not in message and "a6" not in message


def test_an_overset_story_keeps_its_text_in_order_and_is_marked_where_it_stops():
    issue = overfull()
    result, _ = place(issue, allow_overflow=True)
    page = result.placed.pages[0]
    fit = next(f for f in result.copyfit.articles if f.id == "a0")
    lines = [i for i in page.items if isinstance(i, PlacedText) and i.article == "a0"
             and i.role == "body"]
    legs: dict[float, list[PlacedText]] = {}
    for line in lines:
        legs.setdefault(round(line.x, 1), []).append(line)
    drawn = "".join("".join(t.text for t in sorted(leg, key=lambda t: t.y))
                    for _, leg in sorted(legs.items()))
    article = issue.articles()[0]
    source = "".join(c for c in article.dateline + "".join(p.text for p in article.paragraphs)
                     if not c.isspace())
    assert source.startswith("".join(c for c in drawn if not c.isspace()))
    marks = [i for i in page.items if isinstance(i, PlacedText) and i.role == "overset"]
    assert [m.text for m in marks] == [f"超{fit.over}字"] and not marks[0].article
    assert any(isinstance(i, PlacedBox) for i in page.items)
    # the mark sits at the foot of the last leg, under its last line
    last_leg = max(legs)
    assert marks[0].y > max(t.y for t in legs[last_leg])


def test_the_overset_mark_is_red_on_a_proof_only():
    from layout.export.pdf import colour

    red = colour.proof_text("overset")
    assert red.red > 0.8 and red.green < 0.2
    assert colour.black(False).colour.cmyk() == (0, 0, 0, 1)


def test_an_article_narrower_than_the_page_leaves_the_columns_beside_it_empty():
    """One short story alone: it is not stretched across the page."""
    issue = issue_of([dataclasses.replace(story(0, 200), id="only")])
    result, _ = place(issue)
    fit = result.copyfit.articles[0]
    assert fit.columns < issue.style.columns and fit.over == 0


def test_columns_left_empty_beside_a_block_count_as_holes():
    """An empty part of the layout tree (columns beside a narrow block, a free area no
    article took) is counted in the page's holes, so the copy fit's 缺约 N 字 sees it."""
    from layout.pages.grid import grid_for
    from layout.pages.placement import Cut
    from layout.pages.render import Renderer
    from layout.style import load_style

    grid = grid_for(load_style({})[0])
    tree = Cut(6, 20, Cut(4, 20, Cut(4, 8), Cut(4, 11)), Cut(2, 20), vertical=True)
    renderer = Renderer(grid, {}, limit=15)
    renderer.cut(tree, 0, 0)
    assert renderer.drawn.holes == 4 * 8 + 4 * (15 - 9) + 2 * 15
    assert not [r for r in renderer.drawn.items if r.x0 == r.x1]   # no rule beside empty columns


def test_essay_pages_and_widths_are_read_from_the_house_style_and_checked_through_the_cli(tmp_path):
    from layout.style.house import load_style
    from tests.cli_helpers import style_builder
    from tests.conftest import REPO

    style, warnings = load_style({"makeup": {"essay_pages": "文艺", "essay_columns": 2}})
    assert not warnings and style.makeup.essay_pages == ("文艺",)
    assert (style.makeup.essay_columns, style.makeup.essay_max_columns) == (2, 4)
    build_with = style_builder(REPO / "tests" / "fixtures" / "editions" / "three", tmp_path)
    typo = build_with("style:\n  makeup:\n    essay_colums: 2\n")
    assert typo.returncode == 0 and "makeup.essay_columns" in typo.stderr
    crossed = build_with("style:\n  makeup:\n    essay_columns: 5\n")
    assert crossed.returncode != 0 and "makeup.essay_max_columns" in crossed.stderr
    assert "issue.yaml" in crossed.stderr and "Traceback" not in crossed.stderr
    not_a_list = build_with("style:\n  makeup:\n    essay_pages: {a: 1}\n")
    assert not_a_list.returncode != 0 and "makeup.essay_pages" in not_a_list.stderr


def test_characters_counted_set_are_those_the_pdf_gives_back_under_an_overset_mark():
    """A block cut to a row or two over-sets its article; the 超 N 字 mark covers its last
    row. What the copy fit counts set must be what the read-back (the block's regions, the
    mark left out) finds: a kicker drawn under the mark was counted set and read back lost
    (overfull's gudu: 268 over in copyfit.json, 271 lost)."""
    from layout.model import Headline
    from layout.pages.grid import grid_for
    from layout.pages.render import Renderer
    from layout.pages.sizing import Sizer
    from layout.style import load_style

    style = load_style({})[0]
    grid, fonts = grid_for(style), font_set(style)
    article = dataclasses.replace(story(3, 300), headline=Headline("区图书馆延长开放时间",
                                                                   kicker="蔡甸区"))
    sizer = Sizer(article, style, grid, fonts, rank=1)
    plan = min(sizer.options(1).values(), key=lambda p: p.rows)
    for rows in (1, 2, 3):
        renderer = Renderer(grid, {article.id: sizer}, limit=rows)
        renderer.block(plan, 0, 0, rows)
        regions = renderer.regions()
        inside = 0
        for item in renderer.drawn.items:
            if isinstance(item, PlacedText) and item.article == article.id:
                for ch, dx in zip(item.text, item.xs):
                    x = item.x + dx + item.size / 2
                    if not ch.isspace() and any(r.x <= x <= r.x + r.w and r.y <= item.y <= r.y + r.h
                                                for r in regions):
                        inside += 1
        assert renderer.drawn.set_chars[article.id] == inside, rows
