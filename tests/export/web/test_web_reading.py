"""The web edition as a resident opens it: Chromium at 375×812 (a phone, touch), from
`file://`, nothing from outside the folder.

- the index, every page view and every article page load with no console error
  and no request leaving the edition's folder;
- on every page view each article's hotspot, tapped, opens that article's page
  (recognised by its text, which must equal the article's source), and its
  rectangles cover the article's block as the placement put it on the page
  (read from the pages stage here, apart from the build), scaled to the image;
- hotspots are links named by their headlines, reached by Tab in the order the
  blocks were placed (the order of reading), and the page image's alt text lists
  the page's headlines;
- nothing is wider than the phone's screen;
- screenshots of the index, a page view and an article page are written to
  output/test-artefacts/web/ (LAYOUT_ARTEFACTS to put them elsewhere).
"""
from __future__ import annotations

import pytest
from tests.export.web.web_helpers import ARTEFACTS, Edition, Visit, chars

from layout.model import ArticleKind

GEOMETRY_JS = """() => {
  const svg = document.querySelector('svg.hotspots');
  const img = document.querySelector('div.sheet img').getBoundingClientRect();
  const box = (r) => { const b = r.getBoundingClientRect();
                       return [b.left + scrollX, b.top + scrollY, b.width, b.height]; };
  return {image: [img.left + scrollX, img.top + scrollY, img.width, img.height],
          alt: document.querySelector('div.sheet img').alt,
          links: Array.from(svg.querySelectorAll('a')).map(a => ({
            href: a.getAttribute('href'), name: a.getAttribute('aria-label'),
            rects: Array.from(a.querySelectorAll('rect')).map(box)}))};
}"""
SLACK = 1.0   # CSS pixels


def _extras(article) -> str:
    """Text the web page adds to an article: its column's logo, the photo-news heading."""
    extra = article.column
    if not (article.headline.kicker or article.headline.title or article.headline.subtitle
            or article.column) and article.kind is ArticleKind.PHOTO:
        extra += "图片新闻"
    return extra


def _which(edition: Edition, text: str):
    """The article whose source is exactly `text` (plus what the web adds), or fail."""
    found = [a for a in edition.issue.articles() if a.reserve is None
             and chars(text) == chars(a.all_text()) + chars(_extras(a))]
    assert len(found) == 1, f"the page's text matches {len(found)} articles: {text[:60]}"
    return found[0]


def _covers(rects: list[list[float]], want: tuple[float, float, float, float]) -> bool:
    x, y, w, h = want
    return any(r[0] <= x + SLACK and r[1] <= y + SLACK and r[0] + r[2] >= x + w - SLACK
               and r[1] + r[3] >= y + h - SLACK for r in rects)


def _expected(edition: Edition, number: int, article_id: str, image: list[float]):
    page = next(p for p in edition.placed.pages if p.number == number)
    sx, sy = image[2] / page.width, image[3] / page.height
    return [(image[0] + r.x * sx, image[1] + r.y * sy, r.w * sx, r.h * sy)
            for r in page.regions if r.article == article_id]


def _page_views(edition: Edition) -> list[tuple[int, str]]:
    return [(p.number, f"p{p.number:02d}.html") for p in edition.issue.pages]


def _tap(visit: Visit, href: str, index: int, rect: int) -> None:
    """Scroll the hotspot's rectangle into the middle of the screen and tap it."""
    page = visit.page
    handle = page.locator("svg.hotspots a").nth(index).locator("rect").nth(rect)
    handle.evaluate("r => r.scrollIntoView({block: 'center', inline: 'center'})")
    box = handle.bounding_box()
    with page.expect_navigation():
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    visit.settle()
    assert page.url.endswith("/" + href), f"tapping {href} opened {page.url}"


def check_page_view(visit: Visit, edition: Edition, number: int, view: str) -> set[str]:
    """Every hotspot of one page view; returns the ids of the articles reached."""
    visit.open(edition.url(view))
    geometry = visit.page.evaluate(GEOMETRY_JS)
    placed_order = list(dict.fromkeys(r.article for p in edition.placed.pages
                                      if p.number == number for r in p.regions))
    reached = []
    for index, link in enumerate(geometry["links"]):
        for rect in range(len(link["rects"])):
            if index or rect:
                visit.open(edition.url(view))
            _tap(visit, link["href"], index, rect)
        article = _which(edition, visit.page.locator("article").text_content())
        reached.append(article.id)
        assert link["name"] == article_name(article)
        assert link["name"].replace(" ", "") in geometry["alt"].replace(" ", "")
        for want in _expected(edition, number, article.id, geometry["image"]):
            assert _covers(link["rects"], want), f"{view}: the hotspot of {article.id} " \
                f"{link['rects']} does not cover its block {want}"
    stories = [a for a in placed_order if a in {x.id for x in edition.issue.articles()
                                                 if x.reserve is None}]
    assert reached == stories, f"{view}: hotspots {reached}, blocks placed {stories}"
    return set(reached)


def article_name(article) -> str:
    if article.headline.title:
        return article.headline.title.replace("\u3000", " ")
    return visit_label(article)


def visit_label(article) -> str:
    from layout.export.html.labels import caption_start

    return "图片新闻：" + caption_start(article.photos[0].caption)


@pytest.fixture(params=["sample", "weekly4", "jump2"])
def edition(request) -> Edition:
    if request.param == "sample":
        return request.getfixturevalue("sample_web")
    if request.param == "jump2":
        return request.getfixturevalue("jump_web")
    return request.getfixturevalue("site")[2]


def test_a_jumped_story_is_one_article_page_reached_from_both_its_pages(browser, jump_web):
    """jump2: the story continued on page 2 has blocks on both pages; both hotspots open
    its one article page, which leads back to both 版 and holds its whole text."""
    jumped = [a for a in jump_web.issue.articles()
              if {p.number for p in jump_web.placed.pages
                  if any(r.article == a.id for r in p.regions)} == {1, 2}]
    assert len(jumped) == 1
    visit = Visit(browser, jump_web.folder)
    try:
        opened = set()
        for view in ("p01.html", "p02.html"):
            visit.open(jump_web.url(view))
            hrefs = visit.page.eval_on_selector_all(
                "svg.hotspots a", "as => as.map(a => a.getAttribute('href'))")
            names = visit.page.eval_on_selector_all(
                "svg.hotspots a", "as => as.map(a => a.getAttribute('aria-label'))")
            opened |= {h for h, n in zip(hrefs, names) if n == article_name(jumped[0])}
        assert len(opened) == 1
        visit.open(jump_web.url(opened.pop()))
        assert _which(jump_web, visit.page.locator("article").text_content()) == jumped[0]
        backs = visit.page.eval_on_selector_all("nav.article-nav li.back a",
                                                "as => as.map(a => a.getAttribute('href'))")
        assert backs == ["p01.html", "p02.html"]
        assert not visit.errors, visit.errors
    finally:
        visit.close()


def test_every_hotspot_opens_its_article_and_covers_its_block(browser, edition):
    visit = Visit(browser, edition.folder)
    try:
        reached = set()
        for number, view in _page_views(edition):
            reached |= check_page_view(visit, edition, number, view)
            assert visit.scroll_width()[0] <= visit.scroll_width()[1]
        stories = {a.id for a in edition.issue.articles() if a.reserve is None}
        assert reached == stories
        assert not visit.errors, visit.errors
        assert not visit.outside, visit.outside
    finally:
        visit.close()


def test_the_index_loads_from_the_folder_alone_and_every_article_reads_whole(browser, edition):
    """From the index, every headline link: the article's page holds exactly its source's
    characters, fits the screen, and nothing is asked of anywhere else."""
    visit = Visit(browser, edition.folder)
    try:
        visit.open(edition.url())
        assert visit.page.title().startswith(edition.issue.paper)
        assert visit.scroll_width()[0] <= visit.scroll_width()[1]
        links = visit.page.eval_on_selector_all("ul.headlines a", "as => as.map(a => a.href)")
        links = list(dict.fromkeys(links))   # a jumped story is listed under both its 版
        assert len(links) == sum(1 for a in edition.issue.articles() if a.reserve is None)
        seen = set()
        for url in links:
            visit.open(url)
            article = _which(edition, visit.page.locator("article").text_content())
            seen.add(article.id)
            width, screen = visit.scroll_width()
            assert width <= screen, f"{url} is {width} px wide on a {screen}-px screen"
            assert visit.page.locator("html").get_attribute("lang") == "zh-CN"
        assert len(seen) == len(links)
        assert not visit.errors, visit.errors
        assert not visit.outside, visit.outside
        assert all(r.startswith("file://") for r in visit.requests)
    finally:
        visit.close()


TAB_JS = """() => { const a = document.activeElement;
  return a && a.closest('svg.hotspots') ? a.getAttribute('aria-label') : null; }"""


def test_hotspots_are_reached_by_tab_in_reading_order(browser, site):
    edition = site[2]
    visit = Visit(browser, edition.folder)
    try:
        for number, view in _page_views(edition):
            visit.open(edition.url(view))
            names = visit.page.eval_on_selector_all("svg.hotspots a",
                                                    "as => as.map(a => a.getAttribute('aria-label'))")
            focused = []
            for _ in range(60):
                visit.page.keyboard.press("Tab")
                name = visit.page.evaluate(TAB_JS)
                if name is not None:
                    focused.append(name)
                elif focused:
                    break
            assert focused == names, f"{view}: Tab reached {focused}, hotspots are {names}"
            for name in names:   # each is a link by that name to assistive technology
                assert visit.page.get_by_role("link", name=name, exact=True).count() >= 1
    finally:
        visit.close()


def test_screenshots_at_375_by_812(browser, site):
    """The artefacts to look at: the index, a page view, an article page with a photo."""
    edition = site[2]
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    visit = Visit(browser, edition.folder)
    try:
        with_photo = next(a for a in edition.issue.articles() if a.photos and a.headline.title)
        visit.open(edition.url())
        shots = {"index": edition.url()}
        shots["page-view"] = edition.url("p01.html")
        link = visit.page.locator("ul.headlines a", has_text=with_photo.headline.title[:6]).first
        shots["article"] = link.evaluate("a => a.href")
        for name, url in shots.items():
            visit.open(url)
            visit.page.wait_for_function("Array.from(document.images).every(i => i.complete)")
            path = ARTEFACTS / f"{name}-375x812.png"
            visit.page.screenshot(path=str(path))
            assert path.stat().st_size > 10_000
        assert not visit.errors, visit.errors
    finally:
        visit.close()
