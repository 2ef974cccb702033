"""Cases the test editions do not have: a URL in the text, a photo used twice, a tall
portrait photo with a long credit, a two-level table of contents, and a correction.

The edition is written into a temporary folder by `write_cases` (text here,
photos painted with Pillow), so nothing binary is committed.
"""
from __future__ import annotations

import os
import shutil
import zipfile

import pytest
from tests.export.epub.browser import Reader, VIEWPORTS
from tests.export.epub.epub_helpers import NS, PACKAGE, SAMPLE, build, run_epubcheck

# [text colour, background composited over the page's] of the first element matching a selector
BACKGROUND_JS = """(selector) => {
  const rgba = s => { const v = s.match(/[\\d.]+/g).map(Number); return v.length > 3 ? v : [...v, 1]; };
  const el = document.querySelector(selector);
  const chain = []; for (let e = el; e; e = e.parentElement) chain.unshift(e);
  let bg = [255, 255, 255];
  for (const e of chain) {
    const [r, g, b, a] = rgba(getComputedStyle(e).backgroundColor);
    bg = [r * a + bg[0] * (1 - a), g * a + bg[1] * (1 - a), b * a + bg[2] * (1 - a)].map(Math.round);
  }
  return [rgba(getComputedStyle(el).color).slice(0, 3), bg]; }"""
URL = "https://www.tiedong.gov.cn/zwgk/tzgg/2025/0618/notice-12345.html"
ISSUE = """paper: 铁东新闻
date: 2025-06-25
number: 2317
pages:
  - number: 1
    name: 要闻
    articles: [wangzhi, huiyi]
  - number: 2
    name: 社区
    articles: [chongfu, tingshui]
"""
WANGZHI = f"""---
title: "政务公开再提速　办事指南全上网"
kicker: "便民服务"
byline: "本报记者 常欣月"
photos:
  - file: tall.jpg
    caption: "区政务服务中心的工作人员在窗口为居民办理业务，并耐心讲解网上预约办理的具体流程（详见《办事指南》），请居民提前准备材料。"
    credit: "本报记者 常欣月 实习生 欧阳晓晓 摄"
---

今年以来，铁东区持续推进政务公开，全区各部门共公开政策文件和办事指南三百余件（详见{URL}），居民在手机上就能查到所需材料和办理时限。

## 办事流程　一网通查

区政务服务中心设置了咨询导办窗口，安排专人帮助老年人使用手机预约。
"""
HUIYI = """---
title: "区人大常委会召开第二十六次会议"
photos:
  - file: wide.jpg
    caption: "会议现场。"
    credit: "本报记者 王琳 摄"
---

会议听取和审议了有关工作报告。
"""
CHONGFU = """---
kind: photo
photos:
  - file: wide-copy.jpg
    caption: "区人大常委会第二十六次会议现场，委员们认真审议各项报告。"
    credit: "本报记者 王琳 摄"
---
"""


TINGSHUI = """---
title: "停水通知"
column: 便民提示
tint: 15
box: double
---

7月12日8时至18时，光明社区部分楼栋暂停供水，请居民提前储水。
"""


def write_cases(root):
    from PIL import Image, ImageDraw

    (root / "articles").mkdir(parents=True)
    (root / "photos").mkdir()
    (root / "issue.yaml").write_text(ISSUE, encoding="utf-8")
    for name, text in (("wangzhi", WANGZHI), ("huiyi", HUIYI), ("chongfu", CHONGFU),
                       ("tingshui", TINGSHUI)):
        (root / "articles" / f"{name}.md").write_text(text, encoding="utf-8")
    for name, size in (("tall.jpg", (900, 2000)), ("wide.jpg", (1800, 1000))):
        image = Image.new("RGB", size, (70, 110, 160))
        ImageDraw.Draw(image).ellipse((100, 100, size[0] - 100, size[1] - 100), fill=(220, 180, 60))
        image.save(root / "photos" / name, quality=85)
    shutil.copyfile(root / "photos" / "wide.jpg", root / "photos" / "wide-copy.jpg")
    stamp = 1750000000                      # 2025-06-15T15:06:40Z, for every source
    for path in root.rglob("*"):
        os.utime(path, (stamp, stamp))
    return root


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    root = write_cases(tmp_path_factory.mktemp("cases") / "cases")
    return root, build(root.parent / "cases.epub", root)


def test_the_cases_edition_passes_epubcheck(cases):
    _root, book = cases
    assert run_epubcheck(book.path) == []


def test_a_url_is_a_link_that_may_break_after_its_separators(cases):
    _root, book = cases
    doc = book.xml(PACKAGE + "text/p01-a01.xhtml")
    link = doc.find(".//x:a[@class='url']", NS)
    assert link is not None and link.get("href") == URL
    assert "".join(link.itertext()) == URL
    assert len(link.findall("x:wbr", NS)) >= 8


def test_a_photo_used_twice_is_stored_once(cases):
    _root, book = cases
    images = [n for n in book.names() if n.startswith(PACKAGE + "images/") and n.endswith(".jpg")]
    assert len(images) == 2
    sources = {img.get("src") for href, d in book.content_documents().items()
               if href != "text/cover.xhtml" for img in d.iterfind(".//x:img", NS)}
    assert sources == {"../images/p01-a01-1.jpg", "../images/p01-a02-1.jpg"}
    items = book.opf().findall("opf:manifest/opf:item[@media-type='image/jpeg']", NS)
    assert len(items) == 2


def test_contents_list_the_subheads_under_their_article(cases):
    _root, book = cases
    nav = book.xml(PACKAGE + "nav.xhtml")
    article = nav.find(".//x:nav[@id='toc']/x:ol/x:li/x:ol/x:li", NS)
    sub = article.find("x:ol/x:li/x:a", NS)
    assert "".join(sub.itertext()) == "办事流程　一网通查"
    href, anchor = sub.get("href").split("#")
    doc = book.xml(PACKAGE + href)
    assert doc.find(f".//x:h2[@id='{anchor}']", NS) is not None
    ncx = book.xml(PACKAGE + "toc.ncx")
    assert ncx.find("ncx:head/ncx:meta[@name='dtb:depth']", NS).get("content") == "3"
    orders = [int(p.get("playOrder")) for p in ncx.iter(f"{{{NS['ncx']}}}navPoint")]
    assert orders == sorted(orders)


def test_tall_photo_and_long_credit_read_well_on_a_phone(cases, browser):
    """The portrait photo fits the screen with its caption starting on it; the caption
    whose credit wraps is not spaced out."""
    _root, book = cases
    for width, height in VIEWPORTS:
        reader = Reader(browser, book.path, width, height)
        try:
            reader.open("text/p01-a01.xhtml")
            box = reader.page.evaluate("""() => {
                const i = document.querySelector('img').getBoundingClientRect();
                const c = document.querySelector('figcaption').getBoundingClientRect();
                return [i.height, c.top - i.bottom]; }""")
            lines = reader.lines("figcaption, article > p:not([class])")
        finally:
            reader.close()
        assert box[0] <= 0.8 * height and box[1] < 0.1 * height
        for block in lines:
            for line in block[:-1]:
                b = line["boxes"]
                gaps = [(y[1] - x[2]) / x[3] for x, y in zip(b, b[1:])
                        if x[4] == y[4] and not x[0].isspace() and not y[0].isspace()]
                assert not gaps or max(gaps) < 0.5, (width, line["text"])


def test_punctuation_pairs_in_the_kai_face_are_compressed_too(cases, browser):
    """LXGW WenKai has no `halt`; the embedded 楷 subset gets one, so `指南》），请` in a
    caption takes five characters' width, not six: 》 and ） half each."""
    _root, book = cases
    reader = Reader(browser, book.path, *VIEWPORTS[0])
    try:
        reader.open("text/p01-a01.xhtml")
        widths = reader.page.evaluate("""() => {
            const s = document.createElement('span');
            s.textContent = '指南》），请'; s.style.whiteSpace = 'nowrap';
            document.querySelector('figcaption .caption').appendChild(s);
            return Array.from(s.textContent, (c, i) => {
                const r = document.createRange();
                r.setStart(s.firstChild, i); r.setEnd(s.firstChild, i + 1);
                return r.getBoundingClientRect().width; }); }""")
        fonts = reader.used_fonts("figcaption .caption")
    finally:
        reader.close()
    assert [f["postScriptName"] for _h, used in fonts for f in used] == ["LayoutKai-Regular"]
    han = widths[0]                       # the face's em (WenKai's Han advance)
    assert [round(w / han, 2) for w in widths] == [1, 1, 0.52, 0.52, 1, 1]


def test_a_tinted_boxed_column_stays_readable_in_a_night_theme(cases, browser):
    """The tint is a translucent wash, so on black it stays dark under light text; the
    frame and the 栏目头 take the text's colour and the column name its embedded face."""
    from tests.export.epub.browser import NIGHT, contrast

    _root, book = cases
    reader = Reader(browser, book.path, *VIEWPORTS[0])
    try:
        reader.open("text/p02-a02.xhtml")
        day = reader.page.evaluate(BACKGROUND_JS, "article > p")
        fonts = reader.used_fonts("p.column")
        reader.page.add_style_tag(content=NIGHT)
        night = reader.page.evaluate(BACKGROUND_JS, "article > p")
        frame = reader.page.evaluate(
            "getComputedStyle(document.querySelector('article')).borderTopColor")
    finally:
        reader.close()
    assert day[1] == [217, 217, 217]              # K 15 % on paper, as the print tint
    assert contrast(night[0], night[1]) >= 4.5 and contrast(day[0], day[1]) >= 4.5
    assert frame == "rgb(255, 255, 255)"
    assert [f["postScriptName"] for _h, used in fonts for f in used] == ["NotoSansCJKsc-Bold"]


def test_a_correction_changes_modified_and_the_version_line_not_the_identifier(tmp_path):
    root = write_cases(tmp_path / "issue")
    first = build(tmp_path / "first.epub", root)
    again = build(tmp_path / "again.epub", root)
    assert again.path.read_bytes() == first.path.read_bytes()
    article = root / "articles" / "huiyi.md"
    article.write_text(article.read_text(encoding="utf-8").replace("有关", "有关专项"),
                       encoding="utf-8")
    os.utime(article, (1750003600, 1750003600))       # an hour later
    fixed = build(tmp_path / "fixed.epub", root)

    def meta(book, path):
        return book.opf().find(path, NS).text

    ident, modified = "opf:metadata/dc:identifier", \
        "opf:metadata/opf:meta[@property='dcterms:modified']"
    assert meta(fixed, ident) == meta(first, ident)
    assert meta(first, modified) == "2025-06-15T15:06:40Z"
    assert meta(fixed, modified) == "2025-06-15T16:06:40Z"
    version = "".join(fixed.xml(PACKAGE + "nav.xhtml").find(".//x:p[@class='version']", NS)
                      .itertext())
    assert version == "本期电子版更新于2025年6月16日 00:06（北京时间）"


def test_package_names_creator_cover_guide_and_accessibility_conformance(epub):
    opf = epub.opf()
    assert opf.find("opf:metadata/dc:creator", NS).text == "铁东新闻"
    conforms = opf.find("opf:metadata/opf:meta[@property='dcterms:conformsTo']", NS)
    assert conforms.text == "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
    guide = {r.get("type"): r.get("href") for r in opf.iterfind("opf:guide/opf:reference", NS)}
    assert guide == {"cover": "text/cover.xhtml", "toc": "nav.xhtml"}
    docs = epub.content_documents()
    headings = [d for href, d in docs.items() if href != "text/cover.xhtml"
                and d.find(".//x:h1", NS) is None]
    assert headings == []              # every article, photo news included, has a heading


def test_the_sample_is_a_third_smaller_than_before(epub):
    """710 KB before (fonts embedded, photos at 1600 px, q82); at least 30 % less now."""
    assert epub.path.stat().st_size <= 0.70 * 710 * 1024
    with zipfile.ZipFile(epub.path) as z:
        for info in z.infolist():
            if info.filename.endswith((".jpg", ".png", ".woff2")):
                assert info.compress_type == zipfile.ZIP_STORED, info.filename
    assert SAMPLE.exists()
