"""Vertical columns are written as vertical text (Identity-V, WMode 1), drawn as before.

Read from the built PDFs of the fukan (one 竖题) and vertical (two 竖题 and a vertical
essay) editions with pymupdf: each column's upright characters come out as one run of
vertical-writing glyphs on one centre line, stepping down, in reading order — not, as
when every glyph was drawn across at its own origin, as one-character lines. A column
drawn the new way lands on exactly the pixels of the old way.
"""
from __future__ import annotations

import io
import re
import subprocess

import pikepdf
import pymupdf
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from layout.export.pdf.facecache import load_ttfont
from layout.export.pdf.vertical import VerticalFont, column_operators
from layout.fonts import FONT_DIR
from layout.fonts.vertical import vertical_face, vertical_metrics
from layout.manifest import load_issue
from tests.conftest import FIXTURES

EDITIONS = FIXTURES / "editions"


def vertical_runs(pdf) -> list[str]:
    """The WMode 1 glyphs of every page in drawing order, cut into runs: a run goes on
    while the next glyph stands on the same centre line (within 0.1 em), below the last
    and less than half an em below its foot."""
    runs: list[list] = []
    with pymupdf.open(pdf) as doc:
        for page in doc:
            for span in page.get_texttrace():
                if span["wmode"] != 1:
                    continue
                size = span["size"]
                for code, _gid, _origin, (x0, y0, x1, y1) in span["chars"]:
                    cx, last = (x0 + x1) / 2, runs[-1] if runs else None
                    if (last and abs(last[-1][1] - cx) < 0.1 * size
                            and -0.01 * size <= y0 - last[-1][2] < 0.5 * size):
                        last.append((chr(code), cx, y1))
                    else:
                        runs.append([(chr(code), cx, y1)])
    return ["".join(c for c, _x, _y in run) for run in runs]


def plain(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.fixture(scope="module")
def fukan(shared_build):
    edition = EDITIONS / "fukan"
    return shared_build(edition, ("pdf",)).report.outputs["pdf"], load_issue(edition)


@pytest.fixture(scope="module")
def vertical(shared_build):
    edition = EDITIONS / "vertical"
    return shared_build(edition, ("pdf",)).report.outputs["pdf"], load_issue(edition)


def article(issue, article_id: str):
    return next(a for a in issue.articles() if a.id == article_id)


def test_the_vertical_title_of_the_fukan_is_one_vertical_line(fukan):
    pdf, issue = fukan
    title = plain(article(issue, "lao-chuanchang").headline.title)
    assert title == "老船厂的黄昏"
    assert title in vertical_runs(pdf)


@pytest.mark.parametrize("article_id", ["gaizao", "tushuguan"])
def test_each_vertical_title_reads_as_its_columns_in_order(vertical, article_id):
    """A 竖题 of one or two columns: its columns, right to left, are consecutive runs."""
    pdf, issue = vertical
    title, runs = plain(article(issue, article_id).headline.title), vertical_runs(pdf)
    assert any("".join(runs[i:i + n]) == title for n in (1, 2, 3) for i in range(len(runs)))


def test_the_vertical_essay_reads_column_by_column_in_reading_order(vertical):
    """The essay's upright characters — all but its figures and Latin words, turned or set
    纵中横 — come out as vertical runs, column by column from the right: joined, they are
    its text in order, every character once."""
    pdf, issue = vertical
    body = plain("".join(p.text for p in article(issue, "qiuye").paragraphs))
    upright = re.sub(r"[0-9A-Za-z—]", "", body)
    runs = [run for run in vertical_runs(pdf) if run in upright]
    assert len(runs) >= 10 and "".join(runs) == upright


def test_the_vertical_fonts_are_embedded_type0_subsets_ghostscript_renders(vertical):
    """What the plant's preflight asks of every font, for the Identity-V ones too (the
    text across is in Type0 fonts too, Identity-H: `cidfont.py`)."""
    pdf, _issue = vertical
    with pikepdf.open(pdf) as doc:
        fonts = [f for page in doc.pages for f in page.obj.Resources.Font.values()]
        assert fonts and all(f.Subtype == "/Type0" for f in fonts)
        down = [f for f in fonts if f.Encoding == "/Identity-V"]
        assert down and all(f.Encoding == "/Identity-H" for f in fonts if f not in down)
        for font in fonts:
            cid_font = font.DescendantFonts[0]
            assert cid_font.Subtype == "/CIDFontType2"
            assert "/FontFile2" in cid_font.FontDescriptor and "/ToUnicode" in font
            assert "/CIDToGIDMap" in cid_font and ("/W2" in cid_font) == (font in down)
            tag, _plus, name = str(cid_font.BaseFont)[1:].partition("+")
            assert len(tag) == 6 and tag.isupper() and (name.endswith("-Vert") or font not in down)
    run = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage",
                          str(pdf)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "Error" not in run.stdout + run.stderr


def _drawn(write) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(120, 320), invariant=1)
    text = canvas.beginText()
    write(canvas, text)
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_column_in_identity_v_lands_where_the_glyphs_drawn_across_did():
    """老船厂的黄昏，。 down one column with a wider gap after 厂 (justification) and the
    marks' vertical forms: the same pixels, the same glyph boxes, now WMode 1, and the text
    extracted is the characters written (，。 — not the vertical presentation forms)."""
    base = FONT_DIR / "NotoSerifSC-Regular.ttf"
    name, metrics = "VerticalTestFace", vertical_metrics(base)
    pdfmetrics.registerFont(load_ttfont(name, vertical_face(base)))
    face, size, text = pdfmetrics.getFont(name).face, 20.0, "老船厂的黄昏，。"
    chars, y = [], 300.0
    for ch in text:
        width = metrics.form_widths.get(ord(ch)) or face.charWidths[ord(ch)] / 1000
        chars.append((ch, 60 - width * size / 2, y - face.ascent / 1000 * size))
        y -= metrics.advance(ch) * size + (3.0 if ch == "厂" else 0.0)

    def across(canvas, t):
        t.setFont(name, size)
        for ch, x, baseline in chars:
            t.setTextOrigin(x, baseline)
            t.textOut(ch)

    def down(canvas, t):
        t._code.extend(column_operators(VerticalFont(name, metrics.advances), canvas._doc,
                                        chars, size))

    pages = [pymupdf.open(stream=_drawn(draw), filetype="pdf")[0] for draw in (across, down)]
    pixels = [p.get_pixmap(dpi=144).samples for p in pages]
    assert pixels[0] == pixels[1]
    traces = [[c for s in p.get_texttrace() for c in s["chars"]] for p in pages]
    assert [(c[0], tuple(round(v, 2) for v in c[3])) for c in traces[0]] == \
        [(c[0], tuple(round(v, 2) for v in c[3])) for c in traces[1]]
    assert {s["wmode"] for s in pages[1].get_texttrace()} == {1}
    assert plain(pages[1].get_text()) == text
