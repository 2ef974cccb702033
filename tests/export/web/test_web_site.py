"""A `--site` archive of two editions (the sample, 2025-06-18; weekly4, 2025-07-03):
its front loads from `file://` alone, its 往期 calendar leads to each edition, and its
search — a character-bigram index loaded shard by shard in the browser — finds a
phrase from each edition and leads to the article holding it."""
from __future__ import annotations

import json
import re
import shutil
from xml.etree import ElementTree as ET

import pytest
from tests.export.web.web_helpers import SAMPLE, Visit, build_web

from layout.model import ParagraphKind
from layout.export.web.site import SHARDS, bigrams, shard_of


def _phrase(edition, length: int = 8):
    """A run of body text found in exactly one article of the archive's two editions."""
    for article in edition.issue.articles():
        for para in article.paragraphs:
            if para.kind is ParagraphKind.BODY and len(para.text) > 40:
                return article, para.text[20:20 + length]
    raise AssertionError("no body paragraph long enough")


def _search(visit: Visit, query: str) -> list[str]:
    visit.page.fill("#q", query)
    visit.page.click("form.search button")
    visit.page.wait_for_function("!document.querySelector('#results').textContent.includes('正在检索')"
                                 " && document.querySelector('#results').textContent.length > 0")
    return visit.page.eval_on_selector_all("ol.results a", "as => as.map(a => a.href)")


def test_the_front_lists_both_editions_by_month_and_leads_to_them(browser, site):
    root, first, second = site
    visit = Visit(browser, root)
    try:
        visit.open((root / "index.html").as_uri())
        captions = visit.page.eval_on_selector_all("table.month caption", "cs => cs.map(c => c.textContent)")
        assert captions == ["2025年7月", "2025年6月"]
        days = visit.page.eval_on_selector_all("table.month a", "as => as.map(a => [a.textContent, a.href])")
        assert [d[0] for d in days] == ["3", "18"]
        assert visit.scroll_width()[0] <= visit.scroll_width()[1]
        for (day, url), edition in zip(days, (second, first)):
            visit.open(url)
            assert visit.page.url == edition.url()
            assert f"{edition.issue.date.month}月{edition.issue.date.day}日" in visit.page.title()
            visit.page.click("header.bar a.archive")      # 往期 leads back to the front
            visit.settle()
            assert visit.page.url == (root / "index.html").as_uri()
        assert not visit.errors, visit.errors
        assert not visit.outside, visit.outside
    finally:
        visit.close()


def test_search_finds_a_phrase_from_each_edition(browser, site):
    root, first, second = site
    visit = Visit(browser, root)
    try:
        visit.open((root / "index.html").as_uri())
        for edition in (first, second):
            article, phrase = _phrase(edition)
            found = _search(visit, phrase)
            assert len(found) == 1, f"{phrase}: {found}"
            assert found[0].startswith((root / edition.issue.date.isoformat()).as_uri() + "/")
            assert phrase in visit.page.locator("ol.results mark").first.text_content()
            visit.page.click("ol.results a")
            visit.settle()
            assert phrase in visit.page.locator("article").text_content()
            visit.open((root / "index.html").as_uri())
        # the phrase gap and punctuation may be left out of a query
        assert _search(visit, "添活力基层治理") and _search(visit, "党建引领添活力，基层")
        assert not _search(visit, "这句话哪一期都没有")
        assert "没有找到" in visit.page.locator("#results").text_content()
        _search(visit, "党")
        assert "至少两个字" in visit.page.locator("#results").text_content()
        # a query in the address (a shared link) runs when the page opens
        visit.open((root / "index.html").as_uri() + "?q=" + _phrase(second)[1])
        visit.page.wait_for_selector("ol.results a")
        assert not visit.errors, visit.errors
        assert not visit.outside, visit.outside
        loaded = {r.rsplit("/", 1)[-1] for r in visit.requests if "/archive/" in r}
        shards = {n for n in loaded if re.fullmatch(r"s\d\d\.js", n)}
        assert 0 < len(shards) < SHARDS / 2, "a query loads only the shards of its bigrams"
    finally:
        visit.close()


def test_the_index_is_of_bigrams_and_its_size_is_stated(site):
    root, first, second = site
    shards = {n: (root / "archive" / f"s{n:02d}.js").read_text("utf-8") for n in range(SHARDS)}
    assert "党建" in shards[shard_of("党建")]
    assert bigrams("党建，引领") == {"党建", "建引", "引领"}
    total = sum(len(s.encode("utf-8")) for s in shards.values()) / 1024
    summary = second.report.summaries["site"]
    assert f"search index {total:.0f} KB" in summary or f"检索索引共 {total:.0f} KB" in summary
    assert re.search(r"(share|本期索引) \d+ KB", summary)


def test_the_sitemap_lists_every_page_of_every_edition(site):
    root, first, second = site
    urls = [e.text for e in ET.parse(root / "sitemap.xml").getroot()
            .iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    pages = {p.relative_to(root).as_posix() for p in root.glob("20*/*.html")}
    assert set(urls) == pages | {"index.html"}
    assert all((root / u).is_file() for u in urls)


def test_publishing_again_replaces_one_edition_and_keeps_the_others(site, tmp_path):
    root, first, second = site
    copy = tmp_path / "site"
    shutil.copytree(root, copy)
    issue = tmp_path / "sample"
    shutil.copytree(SAMPLE, issue)
    (copy / "2025-06-18" / "stale.html").write_text("left from an earlier build", "utf-8")
    build_web(issue, tmp_path / "out", site=copy)
    assert not (copy / "2025-06-18" / "stale.html").exists()
    assert (copy / "2025-07-03" / "index.html").read_bytes() == (root / "2025-07-03" / "index.html").read_bytes()
    assert (copy / "index.html").read_bytes() == (root / "index.html").read_bytes()
    assert not [p for p in copy.iterdir() if p.name.endswith(".tmp")]


def test_a_damaged_edition_is_left_out_of_the_front_with_a_warning(site, tmp_path):
    from layout.errors import Diagnostics
    from layout.options import BuildOptions
    from layout.pipeline import build

    root, first, second = site
    copy = tmp_path / "site"
    shutil.copytree(root, copy)
    (copy / "2025-07-03" / "edition.json").write_text("{not json", "utf-8")
    diag = Diagnostics()
    build(SAMPLE, BuildOptions(formats=("web",), out_dir=tmp_path / "out", site=copy), diag)
    assert any("2025-07-03" in w.message for w in diag.warnings)
    front = (copy / "index.html").read_text("utf-8")
    assert "2025-06-18/index.html" in front and "2025-07-03/index.html" not in front
    assert json.loads((copy / "2025-06-18" / "edition.json").read_text("utf-8"))["date"] == "2025-06-18"


def test_a_failed_build_leaves_the_archive_as_it_was(site, tmp_path, monkeypatch):
    from layout.export.web import site as site_module
    from tests.export.web.test_web_parts import tree

    root, first, second = site
    copy = tmp_path / "site"
    shutil.copytree(root, copy)
    before = tree(copy)

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(site_module, "search_index", broken)
    with pytest.raises(OSError):
        build_web(SAMPLE, tmp_path / "out", site=copy)
    assert tree(copy) == before
