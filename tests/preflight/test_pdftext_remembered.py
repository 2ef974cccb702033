"""`layout watch` reads back only the pages of a PDF whose reading could differ from the
last PDF's (preflight.pdftext.remember_pages): a page with the same content streams,
boxes and fonts is given as read before; every page read either way is the same."""
from __future__ import annotations

import re

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from layout.preflight import pdftext
from tests.conftest import REPO

FACE = REPO / "fonts" / "NotoSerifSC-Regular.ttf"


def write(path, pages: list[str]) -> None:
    if "RememberedSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("RememberedSerif", str(FACE)))
    canvas = Canvas(str(path), pagesize=(200, 200), invariant=1)
    for text in pages:
        canvas.setFont("RememberedSerif", 12)
        canvas.drawString(20, 100, text)
        canvas.showPage()
    canvas.save()


def read(path) -> list:
    return [(p.trim, list(p.glyphs)) for p in pdftext.page_texts(path)]


@pytest.fixture
def remembering():
    pdftext.remember_pages()
    yield
    pdftext.remember_pages(False)


@pytest.fixture
def runs(monkeypatch) -> list:
    counted = []
    real = pdftext._Reader.run

    def run(self, stream, resources, state, depth=0):
        if depth == 0:
            counted.append(1)
        return real(self, stream, resources, state, depth)

    monkeypatch.setattr(pdftext._Reader, "run", run)
    return counted


@pytest.mark.parametrize("second, read_again", [
    (["甲页文字", "字文页乙", "丙页文字"], 1),      # page 2's characters moved: page 2 only
    (["甲页文字", "乙页文字", "丙页文字"], 0),      # the same PDF: nothing read again
    (["甲页文字", "乙页文字", "丙页新字"], 1),      # a new character on page 3: the subset's
    #                                                 ToUnicode grew, pages 1 and 2 kept
    (["甲页文字", "乙页新字", "丙页文字"], 2),      # on page 2: 丙 has another code now, so
])                                                  # page 3's stream differs too
def test_only_pages_whose_inputs_changed_are_read_again(tmp_path, remembering, runs, second,
                                                        read_again):
    first, then = tmp_path / "first.pdf", tmp_path / "then.pdf"
    write(first, ["甲页文字", "乙页文字", "丙页文字"])
    write(then, second)
    read(first)
    runs.clear()
    again = read(then)
    assert len(runs) == read_again
    pdftext.remember_pages(False)
    assert again == read(then)               # as a reader remembering nothing reads it
    assert "".join(t for _trim, glyphs in again for t, _x, _y in glyphs) == "".join(second)


def test_nothing_is_remembered_unless_asked(tmp_path, runs):
    path = tmp_path / "one.pdf"
    write(path, ["甲页文字", "乙页文字"])
    read(path)
    read(path)
    assert len(runs) == 4


def test_a_page_whose_font_reads_its_codes_otherwise_is_read_again(tmp_path, remembering, runs):
    """The same content stream, but the font's ToUnicode gives one of its codes another
    character: the page is read again, and says so."""
    import pikepdf

    first, then = tmp_path / "first.pdf", tmp_path / "then.pdf"
    write(first, ["甲页文字", "乙页文字"])
    with pikepdf.open(first) as pdf:
        for font in pdf.pages[0].obj.Resources.Font.values():
            if "/ToUnicode" in font:
                cmap = font.ToUnicode.read_bytes()
                changed = re.sub(rb"<7532>", b"<4E19>", cmap, flags=re.I)   # 甲 → 丙
                assert changed != cmap
                font.ToUnicode.write(changed)
        pdf.save(then)
    read(first)
    runs.clear()
    again = read(then)
    assert len(runs) == 2
    assert "".join(t for _trim, glyphs in again for t, _x, _y in glyphs) == "丙页文字乙页文字"
