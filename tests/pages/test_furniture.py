"""Edition furniture: mirrored page headers, the 报尾 on the last page, a 导读 that guides."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from layout.errors import Diagnostics
from layout.fonts import font_set
from layout.manifest import load_issue
from layout.model import Headline, Page
from layout.model.placed import PlacedRule, PlacedText
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pages.grid import grid_for
from layout.pages.guide import fitted, first_phrase
from tests.pages.factory import issue_of, story

WEEKLY = Path(__file__).resolve().parents[1] / "fixtures" / "editions" / "weekly4"


def edition(pages: int, per_page: int = 2):
    """A small edition of `pages` pages, two short stories a page."""
    issue = issue_of([])
    made = []
    for number in range(1, pages + 1):
        articles = tuple(dataclasses.replace(story(number * 10 + k, 200), id=f"p{number}a{k}")
                         for k in range(per_page))
        made.append(Page(number, f"第{number}版名", articles, "李明"))
    return dataclasses.replace(issue, pages=tuple(made))


def texts(page) -> list[PlacedText]:
    return [i for i in page.items if isinstance(i, PlacedText)]


def line_text(page, y: float) -> str:
    runs = sorted((t for t in texts(page) if abs(t.y - y) < 0.5), key=lambda t: t.x)
    return "".join(t.text for t in runs)


def run_with(page, fragment: str) -> PlacedText:
    return next(t for t in texts(page) if fragment in t.text)


@pytest.fixture(scope="module")
def four():
    issue = edition(4)
    return issue, place_issue(issue, font_set(issue.style), BuildOptions()).placed


def test_page_headers_put_the_page_number_at_the_outer_edge(four):
    issue, placed = four
    for page in placed.pages[1:]:
        grid = grid_for(issue.style, page.number)
        folio = run_with(page, f"第{page.number}版")
        if page.number % 2 == 0:   # a left-hand page: its outer edge is the left
            assert abs(folio.x - grid.left) < 1
        else:
            end = folio.x + folio.xs[-1] + folio.size
            assert abs(end - (grid.left + grid.width)) < 1


def test_even_pages_keep_the_wide_margin_at_the_spine():
    style = edition(2).style
    style = dataclasses.replace(style, margin_inner=30 * 2.835, margin_outer=12 * 2.835)
    odd, even = grid_for(style, 1), grid_for(style, 2)
    assert odd.left > even.left
    assert abs((style.page_width - even.left - even.width) - odd.left) < 0.01


def test_only_the_last_page_of_an_edition_has_the_imprint(four):
    issue, placed = four
    for page in placed.pages:
        found = [t for t in texts(page) if "定价" in t.text]
        assert bool(found) == (page.number == 4)
    last = placed.pages[-1]
    grid = grid_for(issue.style, 4)
    price = run_with(last, "定价")
    body = [t for t in texts(last) if t.role == "body"]
    assert price.y > max(t.y for t in body), "the 报尾 is under the stories"
    assert price.y <= grid.row_y(grid.rows)
    for label, value in issue.style.edition.imprint:
        assert value in "".join(t.text for t in texts(last))


def test_a_one_page_issue_has_no_imprint(sample_dir):
    issue = load_issue(sample_dir, Diagnostics())
    placed = place_issue(issue, font_set(issue.style), BuildOptions()).placed
    assert not [t for t in texts(placed.pages[0]) if "定价" in t.text]


def test_the_guide_lists_the_lead_of_every_inside_page_with_its_page(four):
    issue, placed = four
    front = placed.pages[0]
    for page in issue.pages[1:]:
        ref = run_with(front, f"▶{page.number}版")
        entry = "".join(t.text for t in sorted(texts(front), key=lambda t: t.x)
                        if abs(t.y - ref.y) < 0.5 and t.x <= ref.x)   # the information line shares the row
        lead = page.articles[0].headline.title
        shown = entry.replace(f"▶{page.number}版", "").lstrip("■ ").rstrip("…")
        assert shown and lead.startswith(shown), (entry, lead)
    assert "今日4版" in "".join(t.text for t in texts(front))


def test_a_long_title_is_shortened_to_its_teaser_then_its_first_phrase():
    article = story(1, 100)
    long = dataclasses.replace(article, headline=Headline("区政务服务中心延时服务\u3000覆盖12类事项"))
    assert fitted(long, lambda t: len(t) <= 20) == "区政务服务中心延时服务\u3000覆盖12类事项"
    assert fitted(long, lambda t: len(t) <= 12) == "区政务服务中心延时服务"
    teased = dataclasses.replace(long, teaser="延时服务覆盖12类")
    assert fitted(teased, lambda t: len(t) <= 12) == "延时服务覆盖12类"
    assert fitted(teased, lambda t: len(t) <= 6) == "延时服务覆…"
    assert first_phrase("一　二") == "一"


def test_more_inside_pages_than_guide_lines_warns_naming_the_pages():
    issue = edition(12, per_page=1)
    diag = Diagnostics()
    placed = place_issue(issue, font_set(issue.style), BuildOptions(), diag).placed
    listed = {n for n in range(2, 13) if any(f"▶{n}版" in t.text for t in texts(placed.pages[0]))}
    messages = [w.message for w in diag.warnings if "导读" in w.message]
    assert listed and len(messages) == 1
    assert all(str(n) in messages[0] for n in set(range(2, 13)) - listed)


def test_the_weekly_fixture_guides_to_each_inside_page():
    issue = load_issue(WEEKLY, Diagnostics())
    placed = place_issue(issue, font_set(issue.style), BuildOptions(), Diagnostics()).placed
    front = "".join(t.text for t in texts(placed.pages[0]))
    assert all(f"▶{n}版" in front for n in (2, 3, 4))
    rules = [i for i in placed.pages[-1].items if isinstance(i, PlacedRule)]
    assert rules


def guide_baselines(page) -> list[float]:
    """Baselines of the 导读's entries (the lines holding a ■), top to bottom."""
    return sorted({round(t.y, 2) for t in texts(page) if t.role == "furniture" and t.text.startswith("■")})


@pytest.mark.parametrize("name", ["weekly4", "jiangcheng8"])
def test_the_guide_s_entries_stand_on_the_body_lines_pitch(name):
    """The 导读's entries a whole number of body lines apart, as the columns under them
    (the 报眼's were 1.55 × their size apart, 13.95 pt on a 14.5 pt page: off the grid);
    in the band under the masthead, on the body lines' own baselines."""
    issue = load_issue(WEEKLY.parent / name, Diagnostics())
    placed = place_issue(issue, font_set(issue.style), BuildOptions(), Diagnostics()).placed
    grid = grid_for(issue.style, 1)
    ys = guide_baselines(placed.pages[0])
    assert len(ys) >= 2
    for a, b in zip(ys, ys[1:]):
        steps = (b - a) / grid.pitch
        assert steps == pytest.approx(round(steps), abs=0.01) and round(steps) >= 1, (a, b)
    if name == "jiangcheng8":
        size = next(t.size for t in texts(placed.pages[0]) if t.text.startswith("■"))
        rows = [(y - grid.baseline(0, size)) / grid.pitch for y in ys]
        assert all(r == pytest.approx(round(r), abs=0.01) for r in rows), rows


def test_the_masthead_s_information_lines_stand_on_the_guide_s_rows():
    """One set of baselines across the masthead band: the information lines (主办单位, 刊号,
    date, 总第…期) take the 导读 entries' size and rows, so a reader measuring the page's
    grid finds every one of them beside an entry (longlead's grid .944 -> .969)."""
    issue = load_issue(WEEKLY, Diagnostics())
    placed = place_issue(issue, font_set(issue.style), BuildOptions(), Diagnostics()).placed
    front, grid = placed.pages[0], grid_for(issue.style, 1)
    entries = guide_baselines(front)
    size = next(t.size for t in texts(front) if t.text.startswith("■"))
    info = sorted({round(t.y, 2) for t in texts(front) if t.role == "furniture" and t.size == size
                   and t.x > max(e.x for e in texts(front) if e.text.startswith("▶"))})
    assert len(info) == 4 and set(info) <= set(entries), (info, entries)
    rows = [(y - grid.baseline(0, size)) / grid.pitch for y in entries]
    assert all(r == pytest.approx(round(r), abs=0.01) for r in rows), rows


def test_a_band_s_page_references_keep_off_the_x_a_body_leg_starts_at():
    """jiangcheng8's 导读 band (a five-column tabloid): its second cell's ▶2版 / ▶5版 stood
    flush right at x 458.8, 2.3 pt from where the 社区医院 story's 破栏 legs start (461.1) —
    a reader takes the references for lines of that leg stopping short. Given that x the
    cell's references follow their entries (one line from the ■), the other cells' stay
    flush right."""
    from layout.pages.furniture import guide_band
    from layout.pages.guideband import AVOID_EM, band_items

    issue = load_issue(Path(__file__).resolve().parents[1] / "fixtures" / "editions" / "jiangcheng8")
    page, grid = issue.pages[0], grid_for(issue.style, 1)
    fonts = font_set(issue.style)
    band = guide_band(issue, page, grid, fonts)

    def refs(legs):
        return [(t.x + t.xs[0], t.y) for t in band_items(issue, grid, fonts, 3, band, print, legs)
                if isinstance(t, PlacedText) and t.text.startswith("▶")]

    flush = refs(())
    leg = flush[1][0] + 2.3          # beside the second cell's first reference
    moved = refs((leg,))
    assert [x for x, _ in moved] != [x for x, _ in flush]
    assert all(abs(x - leg) >= AVOID_EM * issue.style.body_size for x, _ in moved)
    texts = [t for t in band_items(issue, grid, fonts, 3, band, print, (leg,))
             if isinstance(t, PlacedText) and t.text.startswith("■")]
    inline = [(x, y) for (x, y), (x0, _) in zip(moved, flush) if x != x0]
    assert inline
    for x, y in inline:   # within 0.9 em of its entry's last character's right (one fragment)
        entry = max((t for t in texts if abs(t.y - y) < 0.1 and t.x < x), key=lambda t: t.x)
        last = entry.x + entry.xs[-1] + issue.style.body_size
        assert 0 <= x - last < 0.9 * issue.style.body_size, (entry.text, x - last)
    kept = [(x, y) for (x, y), (x0, _) in zip(moved, flush) if x == x0]
    assert kept     # the cells whose references stand clear keep them flush right
