"""What a reader finds in the EPUB: every character, navigation by page, photos, Chinese text."""
from __future__ import annotations

import io
import os
import posixpath
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from tests.export.epub.epub_helpers import NS, PACKAGE

from layout.export.html.labels import caption_start, page_label
from layout.model import ArticleKind
from tests.conftest import han

GOLDEN = Path(__file__).with_name("golden")
REGENERATE = os.environ.get("LAYOUT_REGEN_GOLDEN") == "1"


def text_of(element: ET.Element) -> str:
    return "".join(element.itertext())


def canonical(data: bytes) -> str:
    """C14N 2.0 of an XML document, whitespace-only text between elements dropped."""
    return ET.canonicalize(xml_data=data.decode("utf-8"), strip_text=True)


@pytest.mark.parametrize("name", ["p01-a01.xhtml", "p01-a06.xhtml"])
def test_article_xhtml_matches_golden_file(epub, name):
    produced = epub.read(f"{PACKAGE}text/{name}")
    golden = GOLDEN / name
    if REGENERATE:
        golden.write_bytes(produced)
    assert golden.exists(), f"no golden file {golden}; see golden/README.md"
    assert canonical(produced) == canonical(golden.read_bytes())


def test_every_han_character_of_the_seed_is_in_the_content_documents(epub, seed_text):
    text = "".join(text_of(doc) for doc in epub.content_documents().values())
    missing = set(han(seed_text)) - set(han(text))
    assert not missing, "".join(sorted(missing))


def test_nav_lists_every_article_under_its_page(epub, sample_issue):
    nav = epub.xml(PACKAGE + "nav.xhtml")
    toc = nav.find(".//x:nav[@id='toc']", NS)
    assert toc.get(f"{{{NS['epub']}}}type") == "toc"
    pages = toc.findall("x:ol/x:li", NS)
    assert [text_of(li.find("x:a", NS)) for li in pages] == \
        [page_label(p) for p in sample_issue.pages]
    for li, page in zip(pages, sample_issue.pages):
        links = li.findall("x:ol/x:li/x:a", NS)
        assert len(links) == len(page.articles)
        labels = [text_of(a) for a in links]
        stories = [a.headline.title for a in page.articles if a.kind is ArticleKind.STORY]
        assert [label for label in labels if label in stories] == stories
        for a in links:
            assert PACKAGE + a.get("href") in epub.names()


def test_sample_nav_has_five_stories_and_two_photo_items_on_page_one(epub):
    nav = epub.xml(PACKAGE + "nav.xhtml")
    page = nav.find(".//x:nav[@id='toc']/x:ol/x:li", NS)
    assert text_of(page.find("x:a", NS)) == "第1版 社区"
    labels = [text_of(a) for a in page.findall("x:ol/x:li/x:a", NS)]
    assert len(labels) == 7
    assert sum(label.endswith("……") for label in labels) == 2


def test_landmarks_and_ncx_follow_the_same_pages(epub, sample_issue):
    nav = epub.xml(PACKAGE + "nav.xhtml")
    kinds = [a.get(f"{{{NS['epub']}}}type")
             for a in nav.findall(".//x:nav[@id='landmarks']//x:a", NS)]
    assert kinds == ["cover", "toc", "bodymatter"]
    ncx = epub.xml(PACKAGE + "toc.ncx")
    uid = ncx.find("ncx:head/ncx:meta[@name='dtb:uid']", NS).get("content")
    assert uid == epub.opf().find("opf:metadata/dc:identifier", NS).text
    pages = ncx.findall("ncx:navMap/ncx:navPoint", NS)[1:]
    assert [p.find("ncx:navLabel/ncx:text", NS).text for p in pages] == \
        [page_label(p) for p in sample_issue.pages]
    assert len(pages[0].findall("ncx:navPoint", NS)) == len(sample_issue.pages[0].articles)


def test_one_document_per_article_in_page_order(epub, sample_issue):
    docs = [d for href, d in epub.content_documents().items() if href != "text/cover.xhtml"]
    assert len(docs) == len(sample_issue.articles())
    for doc, article in zip(docs, sample_issue.articles()):
        if article.headline.title:
            assert text_of(doc.find(".//x:h1", NS)) == article.headline.title


def test_photos_have_alt_text_and_figcaption_with_credit(epub, sample_issue):
    from PIL import Image

    figures = [f for d in epub.content_documents().values() for f in d.iterfind(".//x:figure", NS)]
    photos = [ph for a in sample_issue.articles() for ph in a.photos]
    assert len(figures) == len(photos) == 2
    for figure, photo in zip(figures, photos):
        img = figure.find("x:img", NS)
        # a short alt text: the caption is read once, from the figcaption
        assert img.get("alt") == "新闻照片" != photo.caption
        caption = figure.find("x:figcaption", NS)
        assert text_of(caption.find("x:span[@class='caption']", NS)) == photo.caption
        assert text_of(caption.find("x:span[@class='credit']", NS)) == photo.credit
        data = epub.read(posixpath.normpath(PACKAGE + "text/" + img.get("src")))
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "JPEG" and max(image.size) <= 1200
            assert "exif" not in image.info


def test_photo_news_is_titled_by_its_caption_start_and_keeps_the_whole_caption(epub, sample_issue):
    docs = list(epub.content_documents().values())[1:]
    for doc, article in zip(docs, sample_issue.articles()):
        if article.kind is not ArticleKind.PHOTO:
            continue
        caption = article.photos[0].caption
        assert doc.find("x:head/x:title", NS).text == caption_start(caption)
        assert text_of(doc.find(".//x:figcaption/x:span", NS)) == caption


def test_language_is_zh_cn_everywhere(epub):
    assert epub.opf().find("opf:metadata/dc:language", NS).text == "zh-CN"
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for doc in [*epub.content_documents().values(), epub.xml(PACKAGE + "nav.xhtml")]:
        assert doc.get("lang") == "zh-CN" and doc.get(xml_lang) == "zh-CN"


def test_metadata_names_the_edition_and_its_accessibility(epub, sample_issue):
    meta = epub.opf().find("opf:metadata", NS)
    assert meta.find("dc:title", NS).text == "铁东新闻 2025年6月18日"
    assert meta.find("dc:date", NS).text == sample_issue.date.isoformat()
    assert meta.find("dc:publisher", NS).text == sample_issue.style.paper.publisher
    assert meta.find("dc:identifier", NS).text.startswith("urn:uuid:")
    props = {m.get("property") for m in meta.iterfind("opf:meta", NS)}
    assert {"dcterms:modified", "schema:accessMode", "schema:accessModeSufficient",
            "schema:accessibilityFeature", "schema:accessibilityHazard",
            "schema:accessibilitySummary"} <= props
    cover = epub.opf().find("opf:manifest/opf:item[@properties='cover-image']", NS)
    assert cover is not None and PACKAGE + cover.get("href") in epub.names()


def test_headline_space_is_kept_and_no_text_is_padded_with_u3000(epub):
    titles = [text_of(h) for d in epub.content_documents().values()
              for h in d.iterfind(".//x:h1", NS)]
    assert any("\u3000" in t for t in titles)  # 党建引领添活力　基层治理见真章
    for doc in epub.content_documents().values():
        for p in doc.iterfind(".//x:p", NS):
            text = text_of(p)
            assert not text.startswith("\u3000") and not text.endswith("\u3000"), text
    assert "\u3000" not in epub.read(PACKAGE + "css/edition.css").decode("utf-8")


def test_dateline_is_a_bold_span_run_into_the_first_paragraph(epub, sample_issue):
    docs = list(epub.content_documents().values())[1:]
    css = epub.read(PACKAGE + "css/edition.css").decode("utf-8")
    assert ".dateline" in css and "font-weight: bold" in css
    for doc, article in zip(docs, sample_issue.articles()):
        if article.dateline:
            first = doc.find(".//x:article/x:p", NS)
            assert text_of(first.find("x:span[@class='dateline']", NS)) == article.dateline
            assert text_of(first) == article.dateline + article.paragraphs[0].text


def _cmap(epub, name: str) -> set[str]:
    from fontTools.ttLib import TTFont

    return {chr(u) for u in TTFont(io.BytesIO(epub.read(PACKAGE + name))).getBestCmap()}


def test_embedded_fonts_cover_the_text_set_in_them(epub):
    """Every character is in some subset; captions and bylines in the 楷 one, 电头 and
    小标题 in the bold 黑, 主题 and 目录 in the 标宋; no subset has characters it never sets."""
    docs = list(epub.content_documents().values())
    every = "".join(text_of(d.find("x:body", NS)) for d in docs)
    every += text_of(epub.xml(PACKAGE + "nav.xhtml").find("x:body", NS))
    fonts = {n: _cmap(epub, n) for n in ("fonts/serif.woff2", "fonts/serif-bold.woff2",
                                         "fonts/sans.woff2", "fonts/sans-bold.woff2",
                                         "fonts/kai.woff2")}
    assert {c for c in every if not c.isspace()} - set().union(*fonts.values()) == set()

    def chars(path: str) -> set[str]:
        return {c for d in docs for e in d.iterfind(path, NS) for c in text_of(e) if not c.isspace()}

    kai = chars(".//x:figcaption") | chars(".//x:p[@class='byline']")
    assert kai and kai <= fonts["fonts/kai.woff2"]
    assert chars(".//x:h2") | chars(".//x:span[@class='dateline']") <= fonts["fonts/sans-bold.woff2"]
    assert set("目录") | chars(".//x:h1") <= fonts["fonts/serif-bold.woff2"]
    assert len(fonts["fonts/serif-bold.woff2"]) < len(fonts["fonts/serif.woff2"]) / 4


def test_embedded_fonts_keep_the_punctuation_features_and_their_licence(epub):
    from fontTools.ttLib import TTFont

    for name in ("serif", "serif-bold", "sans", "sans-bold"):
        font = TTFont(io.BytesIO(epub.read(f"{PACKAGE}fonts/{name}.woff2")))
        if not {"，", "（", "《"} & {chr(u) for u in font.getBestCmap()}:
            continue            # no punctuation set in it: the subsetter drops empty features
        gpos = {r.FeatureTag for r in font["GPOS"].table.FeatureList.FeatureRecord}
        gsub = {r.FeatureTag for r in font["GSUB"].table.FeatureList.FeatureRecord}
        assert {"halt", "palt", "vhal", "vpal"} <= gpos and "vert" in gsub, name
        assert "kern" not in gpos
    for name in ("serif", "kai"):
        font = TTFont(io.BytesIO(epub.read(f"{PACKAGE}fonts/{name}.woff2")))
        assert "Open Font License" in font["name"].getDebugName(13)
        assert "openfontlicense.org" in font["name"].getDebugName(14).lower() \
            or "scripts.sil.org/ofl" in font["name"].getDebugName(14).lower()
    licence = epub.read(PACKAGE + "fonts/OFL.txt").decode("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Adobe" in licence and "LXGW" in licence
    item = epub.opf().find("opf:manifest/opf:item[@href='fonts/OFL.txt']", NS)
    assert item is not None and item.get("media-type") == "text/plain"
