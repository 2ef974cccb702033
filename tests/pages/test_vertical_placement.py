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
