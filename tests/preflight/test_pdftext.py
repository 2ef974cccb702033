"""The loss check's own PDF reader (preflight.pdftext) finds what pymupdf finds.

Every character a page draws, at the centre of its glyph box, read both ways
from PDFs the build wrote (horizontal and vertical pages) and from a page
that uses every text operator (TJ with kerning, ', ", Td, TD, T*, Tc, Tw, Tz,
Ts, a rotated matrix, q/Q, a form XObject): the same characters at the same
places, so the check that replaced pymupdf's in every build charges each
character to the same article.
"""
from __future__ import annotations

import collections
from pathlib import Path

import pytest

from layout.errors import Diagnostics
from layout.options import BuildOptions
from layout.pipeline import build
from layout.preflight.pdftext import page_texts, to_unicode
from tests.conftest import FIXTURES, REPO, SAMPLE

pymupdf = pytest.importorskip("pymupdf")


TOLERANCE = 0.01   # points


def mupdf_pages(path: Path) -> list[tuple[tuple, list]]:
    pages = []
    with pymupdf.open(path) as doc:
        for page in doc:
            found = []
            for span in page.get_texttrace():
                for code, _gid, _origin, (x0, y0, x1, y1) in span["chars"]:
                    if 0 < code < 0x110000:
                        found.append((chr(code), (x0 + x1) / 2, (y0 + y1) / 2))
            pages.append((tuple(page.trimbox), found))
    return pages


def our_pages(path: Path) -> list[tuple[tuple, list]]:
    return [(page.trim, list(page.glyphs)) for page in page_texts(path)]


def by_char(glyphs: list) -> dict[str, list]:
    out = collections.defaultdict(list)
    for text, x, y in glyphs:
        out[text].append((x, y))
    return {text: sorted(places) for text, places in out.items()}


def same_as_mupdf(path: Path) -> int:
    """The same characters, each at the same centre (within TOLERANCE), page by page."""
    ours, theirs = our_pages(path), mupdf_pages(path)
    assert len(ours) == len(theirs)
    for number, ((trim, found), (their_trim, expected)) in enumerate(zip(ours, theirs), 1):
        assert trim == pytest.approx(their_trim, abs=TOLERANCE), number
        mine, others = by_char(found), by_char(expected)
        assert {t: len(p) for t, p in mine.items()} == {t: len(p) for t, p in others.items()}
        for text, places in mine.items():
            left = list(others[text])
            for x, y in places:
                match = next((p for p in left if abs(p[0] - x) <= TOLERANCE
                              and abs(p[1] - y) <= TOLERANCE), None)
                assert match is not None, (number, text, x, y)
                left.remove(match)
    return sum(len(found) for _trim, found in ours)


@pytest.mark.parametrize("edition", [SAMPLE, FIXTURES / "editions" / "vertical",
                                     FIXTURES / "editions" / "jump2"], ids=lambda p: p.name)
def test_the_builds_pdf_reads_the_same_as_with_pymupdf(edition, tmp_path):
    report = build(edition, BuildOptions(out_dir=tmp_path, formats=("pdf",)), Diagnostics())
    assert same_as_mupdf(report.outputs["pdf"]) > 1000


def every_operator_pdf(path: Path) -> Path:
    """A reportlab page of text (rise, spacing, scaling, a rotated and a form-drawn line)
    plus a content stream of TJ with kerning, ', ", TD and T* in the same fonts."""
    import pikepdf
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Serif", str(REPO / "fonts" / "NotoSerifSC-Regular.ttf")))
    c = canvas.Canvas(str(path), pagesize=(400, 400))
    c.setTrimBox((10, 10, 390, 390))
    text = c.beginText(30, 350)
    text.setFont("Serif", 12)
    text.setCharSpace(1.5)
    text.setWordSpace(4)
    text.textLine("凉亭 虽小 ab c")
    text.setHorizScale(80)
    text.setRise(3)
    text.textLine("社区议事会")
    c.drawText(text)
    c.saveState()
    c.translate(200, 200)
    c.rotate(90)
    c.setFont("Serif", 10)
    c.drawString(0, 0, "竖排标题")
    c.restoreState()
    c.beginForm("f")
    c.setFont("Serif", 9)
    c.drawString(5, 5, "表单里的字")
    c.endForm()
    c.saveState()
    c.translate(50, 60)
    c.scale(1.5, 1.5)
    c.doForm("f")
    c.restoreState()
    c.setFont("Serif", 14)
    c.drawString(30, 120, "凉亭社区")
    c.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        name = next(n for n, f in page.Resources.Font.items() if "/ToUnicode" in f)
        codes = {v: k for k, v in to_unicode(page.Resources.Font[name].ToUnicode.read_bytes()).items()}
        s = lambda t: "".join(f"\\{codes[ch]:03o}" for ch in t)   # noqa: E731
        page.contents_add(pdf.make_stream(
            (f"BT {name} 11 Tf 40 90 Td [({s('凉亭')}) -500 ({s('社区')}) 250 ({s('亭')})] TJ "
             f"2 -14 TD ({s('小')}) Tj T* ({s('社')}) Tj 16 TL ({s('区')}) ' "
             f"3 1 ({s('凉 亭')}) \" ET").encode()), prepend=False)
        pdf.save(path)
    return path


def test_every_text_operator_reads_the_same_as_with_pymupdf(tmp_path):
    assert same_as_mupdf(every_operator_pdf(tmp_path / "ops.pdf")) >= 30


def test_a_code_the_tounicode_map_lacks_gives_no_character():
    cmap = (b"2 beginbfchar <01> <51C9> <02> <4EAD> endbfchar "
            b"1 beginbfrange <10> <12> <793E> endbfrange "
            b"1 beginbfrange <20> <21> [<5C0F> <D840DC00>] endbfrange")
    assert to_unicode(cmap) == {1: "凉", 2: "亭", 0x10: "社", 0x11: "礿", 0x12: "祀",
                                0x20: "小", 0x21: "\U00020000"}
