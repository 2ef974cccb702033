"""The EPUB as residents read it: rendered by Chromium at phone sizes and font sizes.

Each article of the sample and of the 4-page test edition is opened at
375×812 and 414×896, at 100 %, 150 % and 200 % of the reader's font size; the
tests assert on what Chromium laid out (line boxes from Range.getClientRects),
the colours it computed in a night theme, and the fonts it drew with.
"""
from __future__ import annotations

import re
import zipfile

import pytest
from tests.export.epub.browser import (FONT_SIZES, NIGHT, VIEWPORTS, LINES_JS, Reader,
                                       contrast)

HEADLINES = "header.headline h1, header.headline p, h2.subhead"
RUNNING_TEXT = "article > p, figcaption"
GAP = "\u3000"
STRETCH_EM = 0.5    # widest space Chromium may put between two characters of a justified line

# For each headline element: its lines, its content width and each phrase's own width.
HEADLINE_JS = """
(selector) => Array.from(document.querySelectorAll(selector)).map(el => {
  const style = getComputedStyle(el);
  const width = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const phrases = Array.from(el.querySelectorAll('span.phrase')).map(s => {
    const r = document.createRange(); r.selectNodeContents(s);
    const w = Array.from(r.getClientRects()).reduce((a, b) => a + b.width, 0);
    return {text: s.textContent, width: w};
  });
  return {lines: (%s)(el), width: width, phrases: phrases};
})
""" % LINES_JS.strip()


def documents(book) -> list[str]:
    with zipfile.ZipFile(book.path) as z:
        return [n[len("EPUB/"):] for n in z.namelist() if re.match(r"EPUB/text/p\d", n)]


COLOURS_JS = """() => Array.from(document.querySelectorAll('body *'))
  .filter(e => Array.from(e.childNodes).some(n => n.nodeType === 3 && n.data.trim())
               && e.getClientRects().length)
  .map(e => [e.tagName + '.' + e.className, getComputedStyle(e).color])"""


def _set_font_size(reader: Reader, percent: int) -> None:
    reader.page.evaluate(
        f"document.documentElement.style.setProperty('font-size', '{percent}%', 'important')")


def _measure_document(reader: Reader, doc: str, where: str, first_viewport: bool) -> list[dict]:
    """One document at every font size: headlines and images always; running text,
    colours in a night theme and the fonts used on the first viewport only."""
    reader.open(doc)
    out = []
    for size in FONT_SIZES:
        _set_font_size(reader, size)
        out.append({"where": f"{doc} at {where}, {size} %", "doc": doc, "size": size,
                    "headlines": reader.page.evaluate(HEADLINE_JS, HEADLINES),
                    "running": reader.lines(RUNNING_TEXT) if first_viewport else [],
                    "images": reader.page.evaluate(
                        "Array.from(document.images).map(i => i.getBoundingClientRect().height)"),
                    "viewport": reader.height})
    if first_viewport:
        _set_font_size(reader, 100)
        out[0]["fonts"] = reader.used_fonts("body *")
        reader.page.add_style_tag(content=NIGHT)
        out[0]["night"] = reader.page.evaluate(COLOURS_JS)
    return out


def _measure(browser, book) -> list[dict]:
    """Every (viewport, font size, document) of `book`, measured."""
    out = []
    for number, (width, height) in enumerate(VIEWPORTS):
        reader = Reader(browser, book.path, width, height)
        try:
            for doc in (["nav.xhtml"] if number == 0 else []) + documents(book):
                out += _measure_document(reader, doc, f"{width}×{height}", number == 0)
        finally:
            reader.close()
    return out


@pytest.fixture(scope="module")
def rendered(browser, epub, epub_weekly4):
    """The sample and the 4-page edition, measured in every reading setting."""
    return {"sample": _measure(browser, epub), "weekly4": _measure(browser, epub_weekly4)}


EDITIONS = ["sample", "weekly4"]


def _visible(text: str) -> str:
    return "".join(c for c in text if not c.isspace())


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_headline_line_of_one_or_two_characters(rendered, edition):
    short = [(r["where"], [line["text"] for line in h["lines"]])
             for r in rendered[edition] for h in r["headlines"]
             if len(h["lines"]) > 1 and any(len(_visible(line["text"])) <= 2 for line in h["lines"])]
    assert not short, short[:5]


def _breaks_inside_phrase(headline: dict) -> list[str]:
    """Phrases broken across lines although the phrase alone fits the headline's width."""
    ends, at = [], 0
    for line in headline["lines"]:
        at += len(line["text"])
        ends.append(at)
    text = "".join(line["text"] for line in headline["lines"])
    wrong, start = [], 0
    for phrase in text.split(GAP):
        stop = start + len(phrase)
        inside = [e for e in ends[:-1] if start < e < stop]
        fits = next((p["width"] for p in headline["phrases"] if p["text"] == phrase),
                    None)
        if inside and fits is not None and fits <= headline["width"] + 0.5:
            wrong.append(f"{phrase} broken at {inside} though {fits:.0f} ≤ {headline['width']:.0f} px")
        start = stop + 1
    return wrong


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_headline_breaks_inside_a_phrase_that_fits_the_line(rendered, edition):
    wrong = [(r["where"], w) for r in rendered[edition] for h in r["headlines"]
             for w in _breaks_inside_phrase(h)]
    assert not wrong, wrong[:5]
    two_phrase = [h for r in rendered[edition] for h in r["headlines"] if h["phrases"]]
    assert two_phrase, "the edition has two-phrase headlines to check"
    assert any(len(h["lines"]) > 1 for h in two_phrase), "some break at 200 % at least"


@pytest.mark.parametrize("edition", EDITIONS)
def test_running_text_is_never_spaced_out(rendered, edition):
    """No line of a paragraph or caption gets wide gaps between its characters (a URL
    that could not break, or a credit that would not wrap, used to cause them)."""
    wide = []
    for r in rendered[edition]:
        for block in r["running"]:
            for line in block[:-1]:
                boxes = line["boxes"]
                gaps = [(b[1] - a[2]) / a[3] for a, b in zip(boxes, boxes[1:])
                        if a[4] == b[4] and not a[0].isspace() and not b[0].isspace()]
                if gaps and max(gaps) > STRETCH_EM:
                    wide.append((r["where"], line["text"], round(max(gaps), 2)))
    assert not wide, wide[:5]


@pytest.mark.parametrize("edition", EDITIONS)
def test_no_image_is_taller_than_the_screen(rendered, edition):
    tall = [(r["where"], h) for r in rendered[edition] for h in r["images"] if h > r["viewport"]]
    assert not tall, tall
    assert any(r["images"] for r in rendered[edition])


def test_the_four_page_edition_has_a_portrait_photo_held_within_the_screen(rendered):
    heights = [h for r in rendered["weekly4"] for h in r["images"]]
    assert max(heights) > 0.6 * min(h for _w, h in VIEWPORTS)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_text_meets_wcag_aa_contrast_in_a_night_theme(rendered, edition):
    """A theme that sets only the page colours (white on black) leaves no text dim:
    captions, credits, links and headlines all take the reader's colour."""
    checked, low = 0, []
    for r in rendered[edition]:
        for name, colour in r.get("night", []):
            rgb = tuple(float(x) for x in re.findall(r"[\d.]+", colour)[:3])
            checked += 1
            if contrast(rgb, (0, 0, 0)) < 4.5:
                low.append((r["doc"], name, colour))
    assert not low, low[:5]
    assert checked > 20 and any(name.lower() == "span.caption" for r in rendered[edition]
                                for name, _c in r.get("night", []))


def test_punctuation_pairs_are_compressed_with_the_embedded_font(browser, epub):
    """`方案》，指导` takes 5.5 em, not 6: the embedded subset kept `halt`/`palt`."""
    reader = Reader(browser, epub.path, *VIEWPORTS[0])
    try:
        reader.open("text/p01-a01.xhtml")
        width = reader.page.evaluate("""() => {
            const s = document.createElement('span');
            s.textContent = '方案》，指导'; s.style.whiteSpace = 'nowrap';
            document.querySelector('article > p:not([class])').appendChild(s);
            return s.getBoundingClientRect().width / parseFloat(getComputedStyle(s).fontSize); }""")
        fonts = reader.used_fonts("article > p:not([class])")
    finally:
        reader.close()
    assert width == pytest.approx(5.5, abs=0.05)
    assert all(f["isCustomFont"] for _html, used in fonts for f in used)


ROLE_FACES = {  # start of an element's markup → the font Chromium must draw it with
    "<h1": "NotoSerifCJKsc-Bold", '<p class="kicker"': "LayoutKai-Regular",
    '<p class="subtitle"': "NotoSansCJKsc-Regular", '<p class="byline"': "LayoutKai-Regular",
    '<span class="dateline"': "NotoSansCJKsc-Bold", '<h2 class="subhead"': "NotoSansCJKsc-Bold",
    '<span class="caption"': "LayoutKai-Regular", '<span class="credit"': "LayoutKai-Regular",
    "<p>": "NotoSerifCJKsc-Regular"}


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_text_is_drawn_with_an_embedded_face_of_its_role(rendered, edition):
    """Body 宋, 主题 标宋, 引题/byline/caption 楷, 副题/电头/小标题 黑 — all from the
    EPUB's own fonts, never the phone's (目录 included)."""
    wrong, seen = [], set()
    for r in rendered[edition]:
        for html, used in r.get("fonts", []):
            html = html.replace(' xmlns="http://www.w3.org/1999/xhtml"', "")
            names = {f["postScriptName"] for f in used}
            if not all(f["isCustomFont"] for f in used):
                wrong.append((r["doc"], html[:60], names))
            role = next((k for k in ROLE_FACES if html.startswith(k)), None)
            if role and used and role != "<p>":
                seen.add(role)
                if names - {ROLE_FACES[role], ROLE_FACES["<p>"]}:
                    wrong.append((r["doc"], html[:60], names))
    assert not wrong, wrong[:5]
    assert {"<h1", '<span class="caption"', '<span class="credit"', '<p class="subtitle"',
            '<span class="dateline"'} <= seen


def _declarations(css: str) -> list[tuple[str, list[str]]]:
    """(selector, property names) of each style rule of `css` (@-rules left out)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@font-face\s*\{[^}]*\}", "", css)
    return [(" ".join(sel.split()), re.findall(r"([a-z-]+)\s*:", body))
            for sel, body in re.findall(r"([^{}@;]+)\{([^{}]*)\}", css)]


def test_every_declaration_of_the_stylesheet_is_understood_by_chromium(browser, epub):
    """A declaration Chromium drops (`text-autospace: ideograph-alpha …` was one) fails
    here, except those kept for other readers that Chromium does not know."""
    others = {"hanging-punctuation"}
    rules = _declarations(epub.read("EPUB/css/edition.css").decode("utf-8"))
    reader = Reader(browser, epub.path, *VIEWPORTS[0])
    try:
        reader.open("text/p01-a01.xhtml")
        kept = reader.page.evaluate(r"""(rules) => {
          const styles = {};
          for (const sheet of document.styleSheets)
            for (const rule of sheet.cssRules)
              if (rule.selectorText)
                (styles[rule.selectorText.replace(/\s+/g, ' ')] ||= []).push(rule.style);
          return rules.map(([sel, names]) => names.filter(
              n => (styles[sel] || []).some(style => style.getPropertyValue(n) !== '')));
        }""", rules)
    finally:
        reader.close()
    dropped = [(sel, n) for (sel, names), ok in zip(rules, kept) for n in names
               if n not in ok and n not in others]
    assert len(rules) > 20 and any("text-autospace" in names for _s, names in rules)
    assert not dropped, dropped
