"""The EPUB exporter's parts: edition facts, naming, markup, photos, fonts, navigation."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
from xml.etree import ElementTree as ET

import pytest
from tests.export.epub.epub_helpers import NS
from hypothesis import given
from hypothesis import strategies as st

from layout.errors import BuildError, InputError
from layout.export.epub import build_resources, navigation, xhtml
from layout.export.html import edition
from layout.export.html.photos import MAX_SIDE_PX, phone_jpeg
from layout.export.html.markup import document, el, escape, quoteattr
from layout.export.epub.plan import plan_book
from layout.export.html.labels import caption_start
from layout.model import Page

# Text as XML 1.0 can carry it unchanged (no control characters, no surrogates).
xml_text = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"))


@pytest.mark.parametrize("day, weekday, lunar", [
    (dt.date(2025, 6, 18), "星期三", "农历乙巳年五月廿三"),
    (dt.date(2025, 1, 29), "星期三", "农历乙巳年正月初一"),    # 春节 2025
    (dt.date(2024, 2, 9), "星期五", "农历癸卯年腊月三十"),     # 除夕 2024
    (dt.date(2025, 7, 26), "星期六", "农历乙巳年闰六月初二"),  # a leap month
    (dt.date(2025, 10, 6), "星期一", "农历乙巳年八月十五"),    # 中秋 2025
])
def test_weekday_and_lunar_date(day, weekday, lunar):
    assert edition.weekday_text(day) == weekday
    assert edition.lunar_text(day) == lunar


def test_identifier_is_stable_per_paper_and_date(sample_issue):
    same = edition.identifier(sample_issue)
    assert same == edition.identifier(dataclasses.replace(sample_issue, number=9999))
    assert same != edition.identifier(dataclasses.replace(sample_issue, date=dt.date(2025, 6, 19)))
    assert same != edition.identifier(dataclasses.replace(sample_issue, paper="铁西新闻"))


def test_modified_is_the_sources_last_change_unless_source_date_epoch_says_otherwise(sample_issue):
    in_memory = dataclasses.replace(sample_issue, root=None, pages=())
    assert edition.w3c_datetime(edition.modified(in_memory, {})) == "2025-06-18T00:00:00Z"
    newest = max(int(p.stat().st_mtime) for p in edition.sources(sample_issue))
    assert edition.modified(sample_issue, {}).timestamp() == newest
    at = edition.modified(sample_issue, {"SOURCE_DATE_EPOCH": "1750000000"})
    assert edition.w3c_datetime(at) == "2025-06-15T15:06:40Z"
    with pytest.raises(BuildError, match="SOURCE_DATE_EPOCH"):
        edition.modified(sample_issue, {"SOURCE_DATE_EPOCH": "yesterday"})


@given(xml_text)
def test_caption_start_is_a_short_prefix(caption):
    label = caption_start(caption)
    flat = " ".join(caption.split())
    assert len(label) <= 14
    if len(flat) <= 12:
        assert label == flat
    else:
        assert label.endswith("……") and flat.startswith(label[:-2])


@given(xml_text, xml_text)
def test_markup_round_trips_any_text_and_attribute(text, value):
    root = el("html", {"title": value}, el("p", None, text), el("div", None, el("p", None, "x")))
    parsed = ET.fromstring(document(root))
    assert parsed.get("title") == value
    assert (parsed.find("p").text or "") == text


@given(st.text(alphabet="a&<>\"'\n\r\t中 ;#", max_size=12))
def test_markup_escapes_as_the_standard_library_does(text):
    """The builder's own escape and quoteattr (no xml.sax.saxutils, which imports
    urllib.request) write the same bytes as the standard library's."""
    from xml.sax.saxutils import escape as std_escape, quoteattr as std_quoteattr

    assert escape(text) == std_escape(text)
    assert quoteattr(text) == std_quoteattr(text)


def test_a_photo_is_shrunk_to_1200_px_and_loses_its_exif(tmp_path):
    from PIL import Image

    source = tmp_path / "big.jpg"
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    Image.new("RGB", (3000, 1200), (120, 30, 30)).save(source, exif=exif)
    with Image.open(io.BytesIO(phone_jpeg(source))) as out:
        assert out.size == (MAX_SIDE_PX, 480) == (1200, 480)
        assert "exif" not in out.info
    small = tmp_path / "small.png"
    Image.new("RGBA", (400, 300), (0, 0, 0, 0)).save(small)
    with Image.open(io.BytesIO(phone_jpeg(small))) as out:
        assert (out.format, out.size, out.mode) == ("JPEG", (400, 300), "RGB")


def test_an_unreadable_photo_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not a jpeg")
    with pytest.raises(InputError, match="bad.jpg"):
        phone_jpeg(bad)


def two_page_issue(issue):
    """The sample split over two pages, with a kicker on the second page's lead."""
    first, rest = issue.pages[0].articles[:3], issue.pages[0].articles[3:]
    lead = dataclasses.replace(rest[0], headline=dataclasses.replace(
        rest[0].headline, kicker="生态文明"), photos=issue.pages[0].articles[5].photos)
    pages = (Page(1, "社区", first), Page(2, "综合", (lead, *rest[1:])))
    return dataclasses.replace(issue, pages=pages)


def test_nav_and_ncx_group_articles_under_each_page(sample_issue):
    issue = two_page_issue(sample_issue)
    plan = plan_book(issue)
    nav = ET.fromstring(document(navigation.nav_document(plan, "t")))
    pages = nav.findall(".//x:nav[@id='toc']/x:ol/x:li", NS)
    assert ["".join(p.find("x:a", NS).itertext()) for p in pages] == ["第1版 社区", "第2版 综合"]
    assert [len(p.findall("x:ol/x:li", NS)) for p in pages] == [3, 4]
    ncx = ET.fromstring(navigation.ncx_document(plan, "t", "urn:x"))
    order_of: dict[str, str] = {}
    for point in ncx.iter(f"{{{NS['ncx']}}}navPoint"):
        src = point.find("ncx:content", NS).get("src")
        assert order_of.setdefault(src, point.get("playOrder")) == point.get("playOrder")
    assert len(set(order_of.values())) == len(order_of)


def test_kicker_and_a_story_photo_are_written_in_order(sample_issue):
    doc = plan_book(two_page_issue(sample_issue)).pages[1].docs[0]
    root = ET.fromstring(document(xhtml.article_document(doc)))
    article = root.find(".//x:article", NS)
    tags = [(child.tag.split("}")[1], child.get("class")) for child in article]
    assert tags[:3] == [("header", "headline"), ("figure", "photo"), ("p", None)]
    header = [c.get("class") for c in article.find("x:header", NS)]
    assert header == ["kicker", "title", "subtitle"]


def test_an_issue_without_articles_is_refused(sample_issue):
    empty = dataclasses.replace(sample_issue, pages=(Page(1, "社区", ()),))
    with pytest.raises(BuildError, match="no articles"):
        build_resources(empty, embed_fonts=False)


def test_woff2_subset_holds_the_characters_asked_for_and_few_more():
    from fontTools.ttLib import TTFont

    from layout.export.html.fonts import woff2_subset
    from layout.fonts import FONT_DIR

    text = "党建引领添活力，基层治理见真章（2025）"
    data = woff2_subset(FONT_DIR / "NotoSerifSC-Bold.ttf", text)
    font = TTFont(io.BytesIO(data))
    chars = {chr(u) for u in font.getBestCmap()}
    assert font.flavor == "woff2"
    assert set(text) <= chars and len(chars) < len(set(text)) + 8
    assert len(data) < 40_000


def test_cover_is_a_small_portrait_png(sample_issue):
    from PIL import Image

    from layout.export.epub.cover import cover_alt, cover_png

    plan = plan_book(sample_issue)
    data = cover_png(sample_issue, plan)
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("PNG", (1200, 1600))
    assert len(data) < 200_000
    assert sample_issue.paper in cover_alt(sample_issue, plan)
    assert sample_issue.pages[0].articles[0].headline.title in cover_alt(sample_issue, plan)


@pytest.mark.parametrize("phrase, runs", [
    ("优化物业管理模式", ["优化物业", "管理模式"]),
    ("区政务服务中心延时服务覆盖12类事项", ["区政务服务中心", "延时服务", "覆盖12类事项"]),
    ("假期接待游客18.6万人次", ["假期接待游客", "18.6万人次"]),
    ("——铁东区织密“15分钟养老服务圈”", ["——铁东区", "织密“15分钟", "养老服务圈”"]),
    ("基层治理见真章", ["基层治理", "见真章"]),
    ("社区篮球", ["社区篮球"]),
])
def test_headline_runs_are_whole_words_of_three_characters_or_more(phrase, runs):
    from layout.export.html.breaks import chunks

    assert chunks(phrase) == runs


@given(st.text(st.sampled_from("党建引领添活力基层治理见真章12类“”，。——　ab"), max_size=30))
def test_headline_markup_keeps_every_character_and_never_makes_a_short_run(text):
    from layout.export.html.breaks import GAP, chunks, headline

    root = ET.fromstring(document(el("h1", None, *headline(text))))
    assert "".join(root.itertext()) == text
    for phrase in text.split(GAP):
        runs = chunks(phrase)
        assert "".join(runs) == phrase
        assert len(runs) <= 1 or min(len(r) for r in runs) >= 3
