"""The placer with 竖题 and vertical bodies (hypothesis): every character of every article is
drawn inside its block or reported as over-set, and the same input gives the same page."""
from __future__ import annotations

import collections
from dataclasses import replace

from hypothesis import HealthCheck, given, settings, strategies as st

from layout.fonts import font_set
from layout.model import Hints
from layout.model.placed import PlacedText
from layout.options import BuildOptions
from layout.pages import place_issue
from tests.pages.factory import issue_of, story

# (characters, columns hint or None, headline: None/vertical/horizontal, a vertical body);
# the lead takes no hint and stays horizontal, so that some layout always fills the page
articles = st.lists(
    st.tuples(st.integers(60, 700), st.sampled_from([None, None, 1, 2, 3]),
              st.sampled_from([None, None, "vertical", "horizontal"]), st.booleans()),
    min_size=1, max_size=7)


def make_issue(spec):
    items = []
    for n, (chars, columns, headline, vertical) in enumerate(spec):
        article = story(n, chars)
        article = replace(article, hints=Hints(columns=columns if n else None, headline=headline),
                          direction="vertical" if vertical and n else "horizontal")
        items.append(article)
    return issue_of(items)


def drawn_points(item: PlacedText):
    """(character, x, y) of each character a placed text draws."""
    for i, ch in enumerate(item.text):
        dy = item.ys[i] if item.ys else 0.0
        if item.turn % 4 == 1:
            yield ch, item.x, item.y + item.xs[i] + dy
        else:
            yield ch, item.x + item.xs[i], item.y + dy


def inside(region, x, y, slack):
    return (region.x - slack <= x <= region.x + region.w + slack
            and region.y - slack <= y <= region.y + region.h + slack)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_every_character_is_drawn_in_its_block_or_reported(spec):
    issue = make_issue(spec)
    result = place_issue(issue, font_set(issue.style), BuildOptions())
    page = result.placed.pages[0]
    regions = {r.article: r for r in page.regions}
    counted = collections.defaultdict(collections.Counter)
    for item in page.items:
        if isinstance(item, PlacedText):
            for ch, x, y in drawn_points(item):
                for aid, region in regions.items():
                    if not ch.isspace() and inside(region, x, y, item.size):
                        counted[aid][ch] += 1
    for fit in result.copyfit.articles:
        assert fit.set + fit.over == fit.chars, fit
        if fit.over:
            continue
        article = next(a for a in issue.articles() if a.id == fit.id)
        need = collections.Counter(c for c in article.all_text() if not c.isspace())
        assert not need - counted[fit.id], (fit.id, need - counted[fit.id])


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_same_input_gives_the_same_page(spec):
    issue = make_issue(spec)
    fonts = font_set(issue.style)
    assert place_issue(issue, fonts, BuildOptions()).placed == place_issue(issue, fonts, BuildOptions()).placed


def test_two_vertical_titles_side_by_side_differ_in_face_or_size():
    """Two 竖题 of one rank pinned side by side, at the same height: 撞题 unless the second
    is re-set in another face or size (zhuangti.py)."""
    from layout.fonts.vertical import base_key
    from layout.model import Headline
    from layout.pages.zhuangti import SIZE_STEP

    lead = story(0, 900)
    pair = [replace(story(n, 260), headline=Headline(title),
                    hints=Hints(columns=1, headline="vertical", at=(column, 20)))
            for n, (column, title) in enumerate([(1, "社区食堂端出幸福餐"), (2, "区图书馆开放时间延长")], 1)]
    issue = issue_of([lead] + pair)
    fonts = font_set(issue.style)
    page = place_issue(issue, fonts, BuildOptions()).placed.pages[0]
    regions = {r.article: r for r in page.regions}
    titles = {}
    for item in page.items:
        if isinstance(item, PlacedText) and item.role == "title" and item.ys:
            aid = next(a for a, r in regions.items() if inside(r, item.x, item.y, 0))
            titles.setdefault(aid, set()).add((item.face, item.size))
    assert set(titles) == {"a1", "a2"}, titles           # both set as 竖题
    (face1, size1), = titles["a1"]
    (face2, size2), = titles["a2"]
    family = [issue.style.faces[base_key(f)].family for f in (face1, face2)]
    assert family[0] != family[1] or abs(size1 - size2) >= SIZE_STEP * max(size1, size2) - 0.01


def _sizer(article, rank=None):
    from layout.pages.boxes import sizer_for
    from layout.pages.grid import grid_for

    issue = issue_of([story(0, 900), article])
    return sizer_for(article, issue.style, grid_for(issue.style, 1), font_set(issue.style), False,
                     BuildOptions().breaker, rank)


def test_the_placer_turns_a_headline_only_where_every_setting_across_breaks_badly():
    """燃气安全|宣传进社区 at 小二 breaks cleanly in one column: no 竖题 offered. A 主题 no size of
    its rank sets cleanly in one column is offered only as a 竖题 there, its column(s)
    broken between words."""
    from layout.model import Headline
    from layout.pages.vertical_sizing import bad_title

    clean = replace(story(1, 120), headline=Headline("燃气安全宣传进社区"))
    plans = _sizer(clean, rank=4).options(1).values()     # 小二 … 二号
    assert plans and all(p.vertical is None for p in plans)
    bad = replace(story(1, 120), headline=Headline("区图书馆延长开放时间"))
    sizer = _sizer(bad, rank=1)                              # 一号 … 30 pt
    assert all(bad_title(h, 3) for h, _c in sizer._heads(1) if h is not None)
    plans = sizer.options(1).values()
    assert plans and all(p.vertical is not None and not bad_title(p.vertical.head, 3) for p in plans)
    assert all(p.vertical is None for p in sizer.options(3).values())    # across, wider


def test_a_vertical_body_is_offered_only_in_tiers():
    """A `direction: vertical` essay takes only the widths that hold it in tiers of vertical
    lines: never across, where its vertical composition cannot be drawn (it once came out
    across in a five-column block, two characters lost)."""
    from layout.pages.vertical_sizing import Tiers

    essay = replace(story(1, 300), direction="vertical")
    sizer = _sizer(essay, rank=4)
    plans = [p for c in sizer.widths() for p in sizer.options(c).values()]
    assert plans and all(isinstance(p.vertical, Tiers) for p in plans)
    assert sizer.body_at(20).vertical
