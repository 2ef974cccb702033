"""Headline hierarchy and faces on the page: ranks by manifest order, briefs below stories,
引题/副题 following their 主题, clean breaks priced, sizes stepping down, no 撞题."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from layout.fonts import font_set
from layout.model import ArticleKind, Headline, Hints
from layout.pages.grid import grid_for
from layout.pages.placement import Cut
from layout.pages.ranks import body_chars, headline_ranks, step_down
from layout.pages.sizing import Sizer, title_sizes
from layout.pages.tree import leaves
from layout.pages.zhuangti import Title, clash, title_of, vary_faces
from layout.style import SIZE_NAMES, default_style
from tests.pages.factory import photo_news, story


@pytest.fixture(scope="module")
def fonts():
    return font_set(default_style())


def sizer_for(article, fonts, rank=0, brief=False):
    style = default_style()
    return Sizer(article, style, grid_for(style), fonts, lead=rank == 0, rank=rank, brief=brief)


def titled(n: int, chars: int, title: str, subtitle: str = "", kicker: str = ""):
    return replace(story(n, chars), headline=Headline(title, kicker, subtitle))


def test_ranks_follow_the_manifest_and_briefs_fall_below_every_story():
    articles = [story(0, 900), story(1, 600), story(2, 500), story(3, 120), photo_news(4)]
    assert headline_ranks(articles, default_style()) == [(0, False), (1, False), (2, False), (3, True),
                                                         (3, True)]


def test_a_short_item_before_a_longer_story_shares_that_storys_rank():
    """A short item listed before a longer story is no brief: from it to the last longer
    story after it, one rank — that story's place's (a photo-news item stays a brief)."""
    articles = [story(0, 900), story(1, 120), story(2, 600), photo_news(3), story(4, 500), story(5, 90)]
    assert headline_ranks(articles, default_style()) == [(0, False), (3, False), (3, False), (3, True),
                                                         (3, False), (4, True)]
    poem = replace(story(1, 80), kind=ArticleKind.POEM)
    assert headline_ranks([story(0, 900), poem, story(2, 400)], default_style()) == [
        (0, False), (2, False), (2, False)]


def test_a_lead_shorter_than_brief_chars_shares_the_rank_of_a_longer_story_after_it():
    assert headline_ranks([story(0, 200), story(1, 600), story(2, 100)], default_style()) == [
        (1, False), (1, False), (2, True)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(20, 900), st.sampled_from(["story", "poem", "photo"])),
                min_size=1, max_size=12))
def test_ranks_never_let_a_later_or_a_shorter_item_outrank(items):
    """Over any page: ranked items' ranks never go up the manifest; a short item ranked
    (not a brief) shares its rank with every longer story after it, and a brief (not a
    photo-news item) has no longer story after it — so one size can serve both rules."""
    style = default_style()
    articles = [photo_news(n) if kind == "photo" else
                replace(story(n, chars), kind=ArticleKind.POEM if kind == "poem" else ArticleKind.STORY)
                for n, (chars, kind) in enumerate(items)]
    ranks = headline_ranks(articles, style)
    ranked = [r for r, brief in ranks if not brief]
    assert ranked == sorted(ranked)
    longer = [i for i, a in enumerate(articles) if a.kind is not ArticleKind.PHOTO
              and body_chars(a) >= style.headlines.brief_chars]
    for i, (article, (rank, brief)) in enumerate(zip(articles, ranks)):
        after = [j for j in longer if j > i]
        if article.kind is ArticleKind.PHOTO or not after:
            continue
        assert not brief
        if body_chars(article) < style.headlines.brief_chars:
            assert all(ranks[j][0] == rank for j in after)


def test_the_lead_is_never_a_brief():
    assert headline_ranks([story(0, 80), story(1, 90)], default_style())[0] == (0, False)
    assert headline_ranks([story(0, 80), story(1, 900)], default_style())[0] == (1, False)


def test_each_rank_lies_below_the_one_above_and_the_brief_below_all():
    hl = default_style().headlines
    ranges = [hl.title_range(r) for r in range(len(hl.ranks))] + [hl.title_range(0, brief=True)]
    for upper, lower in zip(ranges, ranges[1:]):
        assert lower.max_size <= upper.min_size
    assert hl.title_range(len(hl.ranks) + 3) == hl.title_range(len(hl.ranks) - 1)   # the last serves all


@pytest.mark.parametrize("title, expected", [(48, 16), (36, 16), (30, 14), (26, 12), (22, 10.5), (16, 10.5)])
def test_kicker_and_subtitle_follow_their_title(title, expected):
    hl = default_style().headlines
    assert hl.subtitle.size_for(title) == expected == hl.kicker.size_for(title)


def test_subtitle_is_set_at_its_ratio_and_in_another_family(fonts):
    style = default_style()
    sizer = sizer_for(titled(0, 600, "党建引领添活力\u3000基层治理见真章", "——铁东区持续深化城市党建引领记事",
                             "健康服务送到家门口"), fonts)
    head = sizer._head(grid_for(style).span(6), "kai_bold", 36.0)
    parts = dict(head.parts)
    assert parts["subtitle"].size == 16 and parts["kicker"].size == 16
    for role in ("kicker", "subtitle"):
        assert style.faces[parts[role].face].family != "楷体"


def test_a_title_that_only_breaks_inside_words_at_one_width_is_priced_there(fonts):
    sizer = sizer_for(titled(1, 600, "区政务服务中心延时服务覆盖12类事项"), fonts, rank=1)
    def best(columns):
        return min(sizer._heads(columns), key=lambda h: h[1])
    narrow_head, narrow_cost = best(1)
    wide_head, wide_cost = best(3)
    title = dict(wide_head.parts)["title"]
    assert title.inside_words == 0 and title.stubs == 0
    assert narrow_cost > wide_cost


def test_an_editors_size_wins_over_the_rank(fonts):
    article = replace(story(3, 400), hints=Hints(headline_size="一号"))
    assert sizer_for(article, fonts, rank=4).title_range() == (26.0, 26.0)


def test_clash_needs_side_by_side_overlapping_same_family_and_size():
    a = Title(0, 2, 100, 130, "标宋", 24)
    assert clash(a, Title(3, 5, 110, 140, "标宋", 24))
    assert not clash(a, Title(2, 5, 110, 140, "标宋", 24))     # a column in common
    assert not clash(a, Title(3, 5, 125, 155, "标宋", 24))     # heights overlap by a sixth
    assert not clash(a, Title(3, 5, 100, 130, "黑体", 24))
    assert not clash(a, Title(3, 5, 100, 130, "标宋", 18))


def side_by_side(fonts, articles, columns=2):   # 120 characters: two legs of five lines
    """Two briefs' cheapest plans at one height, side by side, as the placer would cut them."""
    style = default_style()
    sizers = [sizer_for(a, fonts, rank=1, brief=True) for a in articles]
    opts = [s.options(columns) for s in sizers]
    rows = min(set(opts[0]) & set(opts[1]))
    tree = Cut(2 * columns, rows, Cut(columns, rows, plan=opts[0][rows]),
               Cut(columns, rows, plan=opts[1][rows]), vertical=True)
    return style, sizers, tree


def test_vary_faces_gives_a_neighbour_another_family(fonts):
    articles = [titled(1, 120, "社区篮球联赛开赛"), titled(2, 120, "免费测血糖进社区")]
    style, sizers, tree = side_by_side(fonts, articles)
    grid = grid_for(style)
    before = [title_of(p, c, r, grid, style.faces) for p, c, r in leaves(tree, 0, 3)]
    assert clash(*before)
    after = [title_of(p, c, r, grid, style.faces) for p, c, r in leaves(vary_faces(tree, sizers, grid, 3), 0, 3)]
    assert not clash(*after)
    assert after[0] == before[0]                                 # the more important keeps its face
    changed = leaves(vary_faces(tree, sizers, grid, 3), 0, 3)[1][0]
    assert changed.head.rows == leaves(tree, 0, 3)[1][0].head.rows


def test_step_down_shrinks_a_later_story_that_came_out_larger(fonts):
    style = default_style()
    first, second = titled(4, 500, "提升文明意识"), titled(5, 500, "守护蓝天精灵")
    sizers = [sizer_for(first, fonts, rank=4), sizer_for(second, fonts, rank=5)]
    small = next(h for h, _ in sizers[0]._heads(2) if dict(h.parts)["title"].size == 18)
    large = next(h for h, _ in sizers[1]._heads(2) if dict(h.parts)["title"].size == 22)
    plans = [replace(next(iter(s.options(2).values())), head=h) for s, h in zip(sizers, (small, large))]
    rows = max(p.rows for p in plans)
    tree = Cut(4, rows, Cut(2, rows, plan=plans[0]), Cut(2, rows, plan=plans[1]), vertical=True)
    sizes = [dict(p.head.parts)["title"].size for p, _c, _r in leaves(step_down(tree, sizers), 0, 0)]
    assert sizes == [18, 18]


def test_a_new_head_reaches_the_content_a_frame_draws(fonts):
    from layout.model import Hints as H
    from layout.pages.boxes import sizer_for
    from layout.pages.tree import head_row, with_head

    style = default_style()
    article = replace(titled(2, 300, "社区篮球联赛开赛"), box="plain", hints=H())
    sizer = sizer_for(article, style, grid_for(style), fonts, False, "total-fit", 1, True)
    plan = next(iter(sizer.options(3).values()))
    other = sizer.head_in(plan, "sans_bold")
    changed = with_head(plan, other)
    assert changed.frame.inner.head is other and changed.head is other
    assert head_row(plan, 10) == 10 + plan.frame.pad_rows + plan.frame.logo_rows


def test_briefs_share_the_brief_size_and_step_below_it_only_at_a_price(fonts):
    hl = default_style().headlines
    sizer = sizer_for(titled(2, 120, "社区篮球联赛开赛"), fonts, rank=1, brief=True)
    assert sizer.title_range() == (hl.brief.min_size, hl.brief.size)    # never above the brief's size
    for columns in (1, 2, 4):
        assert sizer.size_cost(hl.brief.size, columns) == 0
        assert sizer.size_cost(hl.brief.min_size, columns) >= 300     # more than any width or blank cost
    story_sizer = sizer_for(titled(2, 600, "社区篮球联赛开赛"), fonts, rank=1)
    assert story_sizer.size_cost(26, 1) < story_sizer.size_cost(26, 6)   # a story's size grows with width


BRIEF_WORDS = ["社区", "篮球", "联赛", "开赛", "免费", "测血糖", "图书馆", "延长", "开放时间", "夜间门诊",
               "公共自行车", "站点", "新增", "5处", "燃气管道", "隐患排查", "完成", "第五届", "合唱比赛", "落幕"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(BRIEF_WORDS), min_size=3, max_size=6), st.integers(1, 3))
def test_a_brief_takes_the_shared_size_whenever_it_sets_cleanly_there(fonts, words, columns):
    """The cheapest headline of a brief is at the brief's size whenever a clean setting of
    at most brief_max_lines lines exists there; else it is smaller, never larger."""
    hl = default_style().headlines
    sizer = sizer_for(titled(2, 120, "".join(words)), fonts, rank=1, brief=True)
    heads = list(sizer._heads(columns))
    best, _cost = min(heads, key=lambda h: h[1])
    title = dict(best.parts)["title"]
    clean_at_size = [h for h, _c in heads if dict(h.parts)["title"].size == hl.brief.size
                     and not (dict(h.parts)["title"].inside_words or dict(h.parts)["title"].stubs)
                     and len(dict(h.parts)["title"].lines) <= hl.brief_max_lines]
    assert title.size <= hl.brief.size
    if clean_at_size:
        assert title.size == hl.brief.size, [l.text for l in title.lines]


def test_a_brief_after_one_that_stepped_down_steps_down_too(fonts):
    """Two briefs one under the other: the first set smaller (as the 撞题 pass or a bad break
    at the brief's size would leave it), the second follows it down — never larger."""
    style = default_style()
    hl = style.headlines
    articles = [titled(1, 120, "社区篮球联赛开赛"), titled(2, 120, "免费测血糖进社区")]
    sizers = [sizer_for(a, fonts, rank=1, brief=True) for a in articles]
    plans = [next(iter(s.options(2).values())) for s in sizers]
    assert all(dict(p.head.parts)["title"].size == hl.brief.size for p in plans)
    small = sizers[0].head_in(plans[0], hl.faces[0], hl.brief.min_size)
    plans[0] = replace(plans[0], head=small)
    tree = Cut(2, plans[0].rows + plans[1].rows + 1, Cut(2, plans[0].rows, plan=plans[0]),
               Cut(2, plans[1].rows, plan=plans[1]))
    grid = grid_for(style)
    after = [dict(p.head.parts)["title"].size for p, _c, _r in leaves(vary_faces(tree, sizers, grid, 3), 0, 3)]
    assert after == [hl.brief.min_size, hl.brief.min_size]


def test_the_jianxun_heading_does_not_set_the_briefs_size(fonts):
    """The 简讯 block's heading has its own size (a hint): the briefs after it keep theirs."""
    style = default_style()
    hl = style.headlines
    block = replace(titled(1, 150, "简讯"), hints=Hints(headline_size="三号"))
    articles = [block, titled(2, 120, "免费测血糖进社区")]
    sizers = [sizer_for(a, fonts, rank=1, brief=True) for a in articles]
    plans = [next(iter(s.options(2).values())) for s in sizers]
    tree = Cut(2, plans[0].rows + plans[1].rows + 1, Cut(2, plans[0].rows, plan=plans[0]),
               Cut(2, plans[1].rows, plan=plans[1]))
    after = [dict(p.head.parts)["title"].size
             for p, _c, _r in leaves(vary_faces(tree, sizers, grid_for(style), 3), 0, 3)]
    assert after == [16, hl.brief.size]


def row_of(fonts, titles: list[str], columns: int = 1):
    """Briefs of one size side by side at one height, as the placer would cut a row of them."""
    style = default_style()
    sizers = [sizer_for(titled(i + 1, 100, t), fonts, rank=1, brief=True) for i, t in enumerate(titles)]
    opts = [s.options(columns) for s in sizers]
    rows = min(set.intersection(*(set(o) for o in opts)))
    plans = [o[rows] for o in opts]
    tree = Cut(columns, rows, plan=plans[-1])
    for plan in reversed(plans[:-1]):
        tree = Cut(columns + tree.columns, rows, Cut(columns, rows, plan=plan), tree, vertical=True)
    return style, sizers, tree


@pytest.mark.parametrize("count", [3, 4, 5, 6])
def test_a_row_of_briefs_differs_pair_by_pair(fonts, count):
    """Briefs side by side at one height: up to as many as there are faces keep their one
    size, each in its own family; in a longer row the later ones (in the manifest) take
    the next 号 down, so that no two of the row share face and size and no later brief is
    larger than an earlier one."""
    titles = ["社区篮球联赛开赛", "免费测血糖进社区", "夏季献血活动启动", "图书馆延长开放", "燃气隐患排查完成",
              "公交线路延长运营"]
    style, sizers, tree = row_of(fonts, titles[:count])
    grid = grid_for(style)
    before = [title_of(p, c, r, grid, style.faces) for p, c, r in leaves(tree, 0, 3)]
    assert len({t.size for t in before}) == 1 and clash(before[0], before[1])
    after = [title_of(p, c, r, grid, style.faces) for p, c, r in leaves(vary_faces(tree, sizers, grid, 3), 0, 3)]
    assert all(not clash(a, b) for i, a in enumerate(after) for b in after[i + 1:])
    assert [t.size for t in after] == sorted((t.size for t in after), reverse=True)
    faces = len(style.headlines.faces)
    assert [t.size for t in after[:faces]] == [before[0].size] * min(count, faces)
    assert len({t.size for t in after}) <= 2


def test_step_down_gives_a_short_item_and_the_longer_story_after_it_one_size(fonts):
    """A poem ranked by its place (a longer story after it) and that story, placed at
    different sizes of their shared rank, both end at the smaller: neither outgrows the
    other."""
    style = default_style()
    poem = replace(titled(2, 80, "秋日黄昏"), kind=ArticleKind.POEM)
    later = titled(3, 600, "新华路交通组织优化")
    (_r1, b1), (_r2, b2) = headline_ranks([titled(1, 900, "滨河大桥完成年度体检"), poem, later], style)[1:]
    assert not b1 and not b2
    sizers = [sizer_for(poem, fonts, rank=4), sizer_for(later, fonts, rank=4)]
    large = next(h for h, _ in sizers[0]._heads(2) if dict(h.parts)["title"].size == 22)
    small = next(h for h, _ in sizers[1]._heads(2) if dict(h.parts)["title"].size == 18)
    plans = [replace(next(iter(s.options(2).values())), head=h) for s, h in zip(sizers, (large, small))]
    rows = max(p.rows for p in plans)
    tree = Cut(4, rows, Cut(2, rows, plan=plans[0]), Cut(2, rows, plan=plans[1]), vertical=True)
    sizes = [dict(p.head.parts)["title"].size for p, _c, _r in leaves(step_down(tree, sizers), 0, 0)]
    assert sizes == [18, 18]


def test_a_crowded_row_never_lets_a_later_brief_outgrow_an_earlier_one(fonts):
    """Six one-column briefs side by side, the first ones set a 号 down by the placer (their
    titles take more than two lines at the brief's size): the later ones, placed larger,
    never stay larger than an earlier one, even where the row has more titles than faces
    and sizes can tell apart (there neighbours still differ)."""
    titles = ["首届农民丰收节筹备工作启动", "全区中小学开展秋季防火演练", "区老年大学秋季班开课报名",
              "南沙河步道新增照明设施", "公交十五路延长运营时间", "社区食堂开到楼门口啦"]
    style = default_style()
    sizers = [sizer_for(titled(i + 1, 100, t), fonts, rank=1, brief=True) for i, t in enumerate(titles)]
    opts = [s.options(1) for s in sizers]
    rows = min(set.intersection(*(set(o) for o in opts)))
    tree = Cut(1, rows, plan=opts[-1][rows])
    for o in reversed(opts[:-1]):
        tree = Cut(1 + tree.columns, rows, Cut(1, rows, plan=o[rows]), tree, vertical=True)
    grid = grid_for(style)
    before = [title_of(p, c, r, grid, style.faces) for p, c, r in leaves(tree, 0, 3)]
    assert before[0].size < before[-1].size
    after = [title_of(p, c, r, grid, style.faces) for p, c, r in leaves(vary_faces(tree, sizers, grid, 3), 0, 3)]
    assert [t.size for t in after] == sorted((t.size for t in after), reverse=True)
    assert all(not clash(a, b) for a, b in zip(after, after[1:]))


GAP_TITLES = ["老年助餐点扩容至36个\u3000日均服务老人2100余人次", "新增充电端口2600个\u3000“飞线充电”明显减少",
              "假期接待游客18.6万人次\u3000旅游收入同比增长两成", "区图书馆延长开放时间\u3000暑期每天开放至晚8时",
              "建设大街北段提前半个月恢复通车\u3000公交12路恢复原线", "党建引领添活力\u3000基层治理见真章"]


def test_a_title_whose_gap_breaks_only_below_its_rank_takes_the_size_below(fonts):
    """At 24 pt (rank 2's least, 小一) in two columns no layout of three lines breaks
    老年助餐点扩容至36个　日均服务老人2100余人次 at its gap: the 号 below (二号) does."""
    sizer = sizer_for(titled(2, 600, GAP_TITLES[0]), fonts, rank=2)
    head, _cost = min(sizer._heads(2), key=lambda h: h[1])
    title = dict(head.parts)["title"]
    assert title.gaps_ignored == 0 and len(title.lines) <= 3, [ln.text for ln in title.lines]
    assert title.size == 22.0


@pytest.mark.parametrize("title", GAP_TITLES)
def test_a_title_breaks_at_its_gap_wherever_a_size_of_its_rank_or_the_one_below_can(fonts, title):
    """Every rank and width: the cheapest headline leaves its phrase gap inside a line only
    when no size the sizer may take breaks there in at most max_lines lines."""
    style = default_style()
    for rank in range(5):
        sizer = sizer_for(titled(rank, 600, title), fonts, rank=rank)
        low, high = sizer.title_range()
        below = max(v for v in SIZE_NAMES.values() if v < low - 0.01)
        sizes = title_sizes(low, high) + ([below] if below > style.headlines.brief.max_size else [])
        for columns in range(1, 7):
            head, _cost = min(sizer._heads(columns), key=lambda h: h[1])
            found = dict(head.parts)["title"]
            if found.gaps_ignored == 0:
                continue
            for size in sizes:
                other = dict(sizer._head(grid_for(style).span(columns), found.face, size).parts)["title"]
                clean = not (other.gaps_ignored or other.inside_words or other.stubs)
                assert not (clean and len(other.lines) <= style.headlines.max_lines), \
                    (rank, columns, size, [ln.text for ln in found.lines])
