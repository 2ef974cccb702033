"""Blocks as wide as their content (layout/pages/compact.py): a short boxed or tinted
notice in a box of one or two columns, a poem in a column or two, a 简讯 list as a
column — never a band of legs of a line or two across a page short of copy.

Judged from the placed pages of the test editions (every notice, poem and 简讯 block
they hold) and of a page made short of copy on purpose: each leg's depth in rows, the
block's width."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.model import Article, ArticleKind, Headline, Paragraph, ParagraphKind
from layout.model.placed import PlacedBox, PlacedText
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pages.compact import least_leg_lines
from layout.style import default_style
from tests.conftest import REPO
from tests.pages.factory import issue_of, story

EDITIONS = REPO / "tests" / "fixtures" / "editions"
# editions holding notices, poems or 简讯 blocks (hexi4: a tinted 停水通知, a 温馨提示 in a
# double frame, five 简讯 items and two poems on a weekly short of copy)
NAMES = ("whole", "six", "hexi4")
BODY_ROLES = ("body", "verse", "subhead", "byline")


def legs_of(page, block_id: str, ids: set[str], pitch: float) -> list[int]:
    """Depth in rows of each leg of a block's body, read from its placed lines: a leg is
    a run of line starts at one x (indents and hanging lines within four characters)."""
    lines = sorted({(round(i.x), round(i.y, 1)) for i in page.items
                    if isinstance(i, PlacedText) and i.article in ids and i.role in BODY_ROLES})
    legs: list[list[tuple[int, float]]] = []
    for x, y in sorted(lines):
        if legs and x - legs[-1][0][0] < 4 * 9.5:
            legs[-1].append((x, y))
        else:
            legs.append([(x, y)])
    return [round((max(y for _, y in leg) - min(y for _, y in leg)) / pitch) + 1 for leg in legs]


def compact_blocks(issue, placed):
    """(page, block id, the ids its text is drawn under, least leg rows, article) of every
    notice, poem and 简讯 block the placed issue holds."""
    style = issue.style
    for page, placed_page in zip(issue.pages, placed.pages):
        briefs = [a for a in page.articles if a.kind is ArticleKind.BRIEF]
        if briefs:
            block = Article(f"简讯#{page.number}", Headline("简讯"), (Paragraph("x"),),
                            kind=ArticleKind.BRIEF)
            ids = {f"简讯#{page.number}"} | {a.id for a in briefs}
            yield placed_page, block.id, ids, least_leg_lines(block, style), block
        for a in page.articles:
            least = least_leg_lines(a, style)
            if least and a.kind is not ArticleKind.BRIEF:
                yield placed_page, a.id, {a.id}, least, a


@pytest.fixture(scope="module", params=NAMES)
def edition(request):
    issue = load_issue(EDITIONS / request.param, Diagnostics())
    result = place_issue(issue, font_set(issue.style), BuildOptions())
    return request.param, issue, result


def test_every_leg_of_a_notice_a_poem_or_a_brief_list_holds_its_least_lines(edition):
    name, issue, result = edition
    pitch = issue.style.line_pitch
    seen = 0
    for page, block_id, ids, least, _article in compact_blocks(issue, result.placed):
        legs = legs_of(page, block_id, ids, pitch)
        seen += bool(legs)
        if len(legs) > 1:
            assert min(legs) >= least, (name, page.number, block_id, legs)
    assert seen, name


def test_a_notice_or_a_poem_is_no_wider_than_two_legs(edition):
    """Width bounded by content: a notice of a brief's length takes one or two columns;
    a poem stands in one or two legs (a 破栏 leg may span one and a half columns)."""
    name, issue, result = edition
    fits = {f.id: f for f in result.copyfit.articles}
    for page, block_id, ids, least, article in compact_blocks(issue, result.placed):
        legs = legs_of(page, block_id, ids, issue.style.line_pitch)
        if article.kind is ArticleKind.POEM:
            assert len(legs) <= 2 and fits[block_id].columns <= 3, (name, block_id, legs)
        elif article.kind is not ArticleKind.BRIEF:
            chars = sum(1 for c in article.all_text() if not c.isspace())
            if chars <= issue.style.edition.brief_max_chars:
                assert fits[block_id].columns <= 2, (name, block_id, fits[block_id])


def test_a_tinted_notice_s_box_hugs_its_text(edition):
    """The tint ends a row of air under the notice's last line, however tall the space
    the placer gave the block (its rows past the text stay white, counted as empty)."""
    name, issue, result = edition
    pitch = issue.style.line_pitch
    tinted = [a for a in issue.articles() if a.tint and least_leg_lines(a, issue.style)]
    for article in tinted:
        page = next(p for p in result.placed.pages
                    if any(getattr(i, "article", "") == article.id for i in p.items))
        text = [i for i in page.items if isinstance(i, PlacedText) and i.article == article.id]
        x, last = text[0].x, max(i.y for i in text)
        box = next(b for b in page.items if isinstance(b, PlacedBox) and b.cmyk
                   and b.x <= x <= b.x + b.w and b.y <= last <= b.y + b.h)
        assert box.y + box.h - last <= 2 * pitch, (name, article.id, box, last)


NOTICE = ("因供水管网改造施工，12月3日8时至18时，河西区长青街道滨河社区、丰乐社区部分楼栋将暂停供水。"
          "请居民提前做好储水准备，给您带来不便，敬请谅解。咨询电话：024-2345678。")
POEM = ("冬至的早晨\n河面结了薄冰\n卖豆浆的车\n在桥头停了又停",
        "孩子们数着\n窗上的冰花\n一朵，两朵\n像去年的雪",
        "我把一句问候\n折成纸船\n放进明年的春水里")


def short_page(**style_changes):
    """A page short of copy: a story, a tinted notice, a poem and two briefs."""
    style = default_style()
    if style_changes:
        style = dataclasses.replace(style, makeup=dataclasses.replace(style.makeup, **style_changes))
    notice = Article("tingshui", Headline("停水通知"), (Paragraph(NOTICE),), tint=(0, 0, 0, 0.1),
                     box="plain")
    poem = Article("dongzhi", Headline("冬至"), tuple(Paragraph(s, kind=ParagraphKind.VERSE) for s in POEM),
                   kind=ArticleKind.POEM, byline="□ 韩雪")
    briefs = [dataclasses.replace(story(n, 90), kind=ArticleKind.BRIEF, id=f"b{n}")
              for n in (3, 4)]
    return issue_of([story(0, 700), notice, poem] + briefs, style)


def test_a_page_short_of_copy_sets_the_notice_poem_and_briefs_narrow():
    issue = short_page()
    result = place_issue(issue, font_set(issue.style), BuildOptions())
    fits = {f.id: f for f in result.copyfit.articles}
    assert result.copyfit.pages[0].warn            # the page is short of copy: honest space
    assert fits["tingshui"].columns <= 2
    page = result.placed.pages[0]
    for block_id, ids, least in (("tingshui", {"tingshui"}, issue.style.makeup.min_leg_lines),
                                 ("dongzhi", {"dongzhi"}, issue.style.makeup.list_leg_lines),
                                 ("简讯#1", {"简讯#1", "b3", "b4"}, issue.style.makeup.list_leg_lines)):
        legs = legs_of(page, block_id, ids, issue.style.line_pitch)
        assert legs and (len(legs) == 1 or min(legs) >= least), (block_id, legs)
    assert len(legs_of(page, "dongzhi", {"dongzhi"}, issue.style.line_pitch)) <= 2


HAN = "河西区社区居民供水管网改造施工暂停请提前做好储水准备冬至早晨桥头孩子窗上冰花雪问候纸船春天"


def _text(seed: int, chars: int) -> str:
    return "".join(HAN[(seed * 7 + i * 5) % len(HAN)] for i in range(chars))


@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(story_chars=st.integers(80, 1200), notice_chars=st.integers(40, 200),
       stanzas=st.lists(st.lists(st.integers(3, 16), min_size=2, max_size=6), min_size=1, max_size=4),
       briefs=st.lists(st.integers(40, 160), min_size=2, max_size=6))
def test_any_page_keeps_notices_poems_and_brief_lists_in_legs_of_their_least_lines(
        story_chars, notice_chars, stanzas, briefs):
    """Property: on pages full or short of copy, every leg of a notice, a poem or the 简讯
    block holds its least lines (one leg always allowed), and nothing is over-set."""
    notice = Article("tongzhi", Headline("通知"), (Paragraph(_text(1, notice_chars) + "。"),),
                     tint=(0, 0, 0, 0.08))
    poem = Article("shi", Headline("冬至"), tuple(
        Paragraph("\n".join(_text(n + k, length) for k, length in enumerate(stanza)),
                  kind=ParagraphKind.VERSE) for n, stanza in enumerate(stanzas)),
                   kind=ArticleKind.POEM, byline="□ 韩雪")
    items = [dataclasses.replace(story(n + 3, chars), kind=ArticleKind.BRIEF, id=f"b{n}")
             for n, chars in enumerate(briefs)]
    issue = issue_of([story(0, story_chars), notice, poem] + items)
    result = place_issue(issue, font_set(issue.style), BuildOptions())
    assert not result.copyfit.overflows()
    page, style = result.placed.pages[0], issue.style
    blocks = (("tongzhi", {"tongzhi"}, style.makeup.min_leg_lines),
              ("shi", {"shi"}, style.makeup.list_leg_lines),
              ("简讯#1", {"简讯#1"} | {a.id for a in items}, style.makeup.list_leg_lines))
    for block_id, ids, least in blocks:
        legs = legs_of(page, block_id, ids, style.line_pitch)
        assert legs and (len(legs) == 1 or min(legs) >= least), (block_id, legs)


def test_list_leg_lines_is_read_from_the_house_style_and_checked_through_the_cli(tmp_path):
    from layout.style.house import load_style
    from tests.cli_helpers import style_builder

    style, warnings = load_style({"makeup": {"list_leg_lines": 6}})
    assert not warnings and style.makeup.list_leg_lines == 6
    build_with = style_builder(EDITIONS / "whole", tmp_path)

    typo = build_with("style:\n  makeup:\n    list_leg_line: 6\n")
    assert typo.returncode == 0 and "makeup.list_leg_lines" in typo.stderr
    bad = build_with("style:\n  makeup:\n    list_leg_lines: 0\n")
    assert bad.returncode != 0 and "makeup.list_leg_lines" in bad.stderr and "issue.yaml" in bad.stderr
