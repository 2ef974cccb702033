"""The copy editors' DOCX read back with python-docx: styles, fonts, text, photos, anchors."""
from __future__ import annotations

import dataclasses
import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image

from layout.errors import BuildError
from layout.export.docx.anchors import parse_name
from layout.export.docx.photos import MAX_EDGE_PX
from layout.export.docx.styles import STYLES
from layout.model import Headline, ParagraphKind

PART_STYLES = ("引题", "主题", "副题", "作者", "电头", "正文", "小标题", "图片说明")


def _han(text: str):
    import collections

    return collections.Counter(c for c in text if 0x3400 <= ord(c) <= 0x9FFF
                               or 0x20000 <= ord(c) <= 0x3FFFF)


def _body_paragraphs(document):
    """Every w:p of the body, in document order."""
    from docx.text.paragraph import Paragraph

    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def _used_styles(document) -> set[str]:
    """Names of the paragraph and character styles the body refers to."""
    names = {s.style_id: s.name for s in document.styles}
    refs = document.element.body.iter(qn("w:pStyle"), qn("w:rStyle"))
    return {names[ref.get(qn("w:val"))] for ref in refs}


@pytest.fixture(scope="module")
def kicker_issue(sample_issue):
    """The sample with a 引题 on its lead article, so every part style has a use."""
    page = sample_issue.pages[0]
    lead = page.articles[0]
    lead = dataclasses.replace(lead, headline=Headline(lead.headline.title, "基层治理新气象",
                                                       lead.headline.subtitle))
    page = dataclasses.replace(page, articles=(lead,) + page.articles[1:])
    return dataclasses.replace(sample_issue, pages=(page,))


def test_every_part_style_exists_and_is_used(build, kicker_issue, tmp_path):
    target = tmp_path / "k.docx"
    build(kicker_issue, target)
    document = docx.Document(str(target))
    names = {s.name for s in document.styles}
    assert set(PART_STYLES) <= names
    assert set(PART_STYLES) <= _used_styles(document)


def test_styles_carry_english_meaning_as_alias(sample_docx):
    styles = docx.Document(str(sample_docx)).styles.element
    for spec in STYLES:
        style = next(s for s in styles.iterfind(qn("w:style"))
                     if s.get(qn("w:styleId")) == spec.style_id)
        assert style.find(qn("w:aliases")).get(qn("w:val")) == spec.english


def test_east_asian_fonts_follow_the_house_style(sample_docx, sample_issue):
    document = docx.Document(str(sample_docx))
    house = sample_issue.style
    for spec in STYLES:
        rpr = document.styles[spec.name].element.find(qn("w:rPr"))
        fonts = rpr.find(qn("w:rFonts"))
        face = house.faces[house.roles[spec.role].face]
        assert fonts.get(qn("w:eastAsia")) == face.docx, spec.name
        assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
        assert (rpr.find(qn("w:b")) is not None) == face.key.endswith("_bold"), spec.name
    assert document.styles["正文"].element.find(qn("w:rPr")).find(qn("w:rFonts")) \
        .get(qn("w:eastAsia")) == "宋体"


def test_a_changed_house_face_reaches_the_styles(build, sample_issue, tmp_path):
    house = sample_issue.style
    faces = dict(house.faces)
    faces["serif"] = dataclasses.replace(faces["serif"], docx="方正书宋_GBK")
    issue = dataclasses.replace(sample_issue, style=dataclasses.replace(house, faces=faces))
    build(issue, tmp_path / "f.docx")
    fonts = docx.Document(str(tmp_path / "f.docx")).styles["正文"].element.find(
        qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "方正书宋_GBK"


def test_no_theme_fonts_and_chinese_line_breaking(sample_docx):
    with zipfile.ZipFile(sample_docx) as z:
        styles_xml = z.read("word/styles.xml").decode()
        settings_xml = z.read("word/settings.xml").decode()
        parts = z.namelist()
    assert "Theme=" not in styles_xml
    assert not [name for name in parts if "theme" in name]
    document = docx.Document(str(sample_docx))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault"))
    for tag, value in (("w:kinsoku", "1"), ("w:autoSpaceDE", "1"), ("w:autoSpaceDN", "1"),
                       ("w:topLinePunct", "1"), ("w:overflowPunct", "0")):
        assert defaults.find(f".//{qn(tag)}").get(qn("w:val")) == value, tag
    assert "compressPunctuation" in settings_xml
    assert "noLineBreaksBefore" in settings_xml and "，。" in settings_xml
    body = document.styles["正文"].element.find(qn("w:pPr"))
    assert body.find(qn("w:jc")).get(qn("w:val")) == "both"
    assert body.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"


def test_every_han_character_of_the_sample_is_present(sample_docx, sample_issue):
    document = docx.Document(str(sample_docx))
    text = "".join(p.text for p in _body_paragraphs(document))
    text += "".join(t.text or "" for t in document.element.body.iter(qn("w:t")))
    need = _han("".join(a.all_text() for a in sample_issue.articles()))
    assert need and not need - _han(text)


def test_page_headings_come_first_then_articles_in_page_order(sample_docx, sample_issue):
    document = docx.Document(str(sample_docx))
    paragraphs = _body_paragraphs(document)
    page = sample_issue.pages[0]
    assert paragraphs[0].style.name == "版面标题"
    assert paragraphs[0].text == f"第{page.number}版 {page.name}"
    marks = document.element.body.iter(qn("w:bookmarkStart"))
    anchors = [parse_name(m.get(qn("w:name"))) for m in marks]
    order = list(dict.fromkeys(a.ref for a in anchors if a))
    assert order == [a.id for a in page.articles]


def test_photos_are_inline_downscaled_with_alt_text_and_captions(sample_docx, sample_issue):
    document = docx.Document(str(sample_docx))
    photos = [ph for a in sample_issue.articles() for ph in a.photos]
    shapes = document.inline_shapes
    assert len(shapes) == len(photos) == 2
    descr = [s._inline.docPr.get("descr") for s in shapes]
    assert descr == [ph.caption for ph in photos]
    for rel in document.part.rels.values():
        if "image" in rel.reltype:
            with Image.open(io.BytesIO(rel.target_part.blob)) as img:
                assert max(img.size) <= MAX_EDGE_PX and img.format == "JPEG"
    texts = [p.text for p in _body_paragraphs(document)]
    for photo in photos:
        at = texts.index(photo.caption)
        assert texts[at + 1] == photo.credit


def test_every_text_paragraph_is_anchored_to_its_article(sample_docx, sample_issue):
    document = docx.Document(str(sample_docx))
    fields = {}
    for para in _body_paragraphs(document):
        marks = [parse_name(m.get(qn("w:name"))) for m in para._p.iter(qn("w:bookmarkStart"))]
        assert all(marks)
        for anchor in marks:
            fields[(anchor.ref, anchor.field)] = para.text
        assert marks or para.style.name == "版面标题" or not para.text, para.text
    for article in sample_issue.articles():
        for n, para in enumerate(article.paragraphs, start=1):
            assert fields[(article.id, f"p{n}")].endswith(para.text)
        if article.dateline:
            assert fields[(article.id, "p1")].startswith(article.dateline)
            assert (article.id, "dateline") in fields
        for n, photo in enumerate(article.photos, start=1):
            assert fields[(article.id, f"caption{n}")] == photo.caption
            assert fields[(article.id, f"credit{n}")] == photo.credit
        assert fields.get((article.id, "title"), "") == article.headline.title


def test_subheads_and_datelines_use_their_styles(sample_docx, sample_issue):
    document = docx.Document(str(sample_docx))
    by_text = {p.text: p.style.name for p in _body_paragraphs(document)}
    for article in sample_issue.articles():
        for para in article.paragraphs:
            text = para.text if para.text in by_text else article.dateline + para.text
            want = "小标题" if para.kind is ParagraphKind.SUBHEAD else "正文"
            assert by_text[text] == want
    dateline_ids = {r.get(qn("w:val")) for r in document.element.body.iter(qn("w:rStyle"))}
    assert dateline_ids == {document.styles["电头"].style_id}


def test_output_is_reproducible_and_dated_from_the_issue(build, sample_issue, sample_docx,
                                                         tmp_path):
    build(sample_issue, tmp_path / "again.docx")
    assert (tmp_path / "again.docx").read_bytes() == sample_docx.read_bytes()
    props = docx.Document(str(sample_docx)).core_properties
    assert props.created.date() == sample_issue.date == props.modified.date()
    assert props.language == "zh-CN"


def test_page_view_gives_each_page_its_size_and_columns(pages_docx, sample_issue):
    document = docx.Document(str(pages_docx))
    house = sample_issue.style
    sections = document.sections
    assert len(sections) == len(sample_issue.pages)
    for section in sections:
        assert abs(section.page_width.pt - house.page_width) < 0.1
        assert abs(section.page_height.pt - house.page_height) < 0.1
        cols = section._sectPr.find(qn("w:cols"))
        assert int(cols.get(qn("w:num"))) == house.columns
        assert abs(int(cols.get(qn("w:space"))) / 20 - house.gutter) < 0.1
    body_size = document.styles["正文"].font.size.pt
    assert body_size == house.roles["body"].size


def test_edit_view_is_a4(sample_docx):
    section = docx.Document(str(sample_docx)).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_unknown_layout_is_refused(build, sample_issue, tmp_path):
    with pytest.raises(BuildError, match="docx-layout"):
        build(sample_issue, tmp_path / "x.docx", docx_layout="spread")


def test_summary_counts_pages_articles_and_photos(build, sample_issue, tmp_path):
    summary = build(sample_issue, tmp_path / "s.docx")
    assert summary.startswith("1 page(s), 7 articles, 2 photos")
