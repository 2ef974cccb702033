"""`layout check`: passes the exporter's print PDF, rejects each kind of broken PDF."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas

from layout.errors import Diagnostics, InputError
from layout.export.pdf import write_pdf
from layout.preflight.check import check_path
from layout.preflight.pdfcheck import preflight_pdf
from layout.preflight.report import FAIL
from tests.export.pdf.conftest import make_job
from tests.export.pdf.placed_fixture import MM, REPO


@pytest.fixture(scope="module")
def good_pdf(sample_issue_pdf) -> Path:
    return sample_issue_pdf


@pytest.fixture(scope="module")
def sample_issue():
    from layout.manifest import load_issue

    return load_issue(REPO / "issues" / "sample", Diagnostics())


def altered(good: Path, tmp_path: Path, change) -> Path:
    """A copy of the good PDF with `change(pdf, page)` applied."""
    target = tmp_path / "altered.pdf"
    with pikepdf.open(good) as pdf:
        change(pdf, pdf.pages[0])
        pdf.save(target)
    return target


def failed_topics(path: Path) -> set[str]:
    return {f.topic for f in preflight_pdf(path).findings if f.level == FAIL}


def append_content(pdf, page, content: bytes) -> None:
    page.contents_add(pikepdf.Stream(pdf, content), prepend=False)


def test_the_exporters_print_pdf_passes(good_pdf):
    ok, text = check_path(good_pdf, Diagnostics())
    assert ok, text
    assert "PASSED" in text and "PDF/X-4" in text and "ppi" in text


def test_an_rgb_rectangle_fails(good_pdf, tmp_path):
    bad = altered(good_pdf, tmp_path,
                  lambda pdf, page: append_content(pdf, page, b"q 1 0 0 rg 40 40 80 80 re f Q"))
    ok, text = check_path(bad, Diagnostics())
    assert not ok and "RGB" in text
    assert failed_topics(bad) == {"colour"}


def test_an_unembedded_font_fails(good_pdf, tmp_path):
    def add_helvetica(pdf, page):
        page.obj.Resources.Font.FHelv = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
        append_content(pdf, page, b"q 0 0 0 1 k BT /FHelv 9 Tf 50 50 Td (x) Tj ET Q")

    bad = altered(good_pdf, tmp_path, add_helvetica)
    ok, text = check_path(bad, Diagnostics())
    assert not ok and "Helvetica" in text
    assert failed_topics(bad) == {"fonts"}


def test_a_plain_reportlab_canvas_with_helvetica_fails(tmp_path):
    target = tmp_path / "helvetica.pdf"
    canvas = Canvas(str(target), pagesize=(200, 200), trimBox=(10, 10, 190, 190),
                    bleedBox=(0, 0, 200, 200))
    canvas.setFillColor(CMYKColor(0, 0, 0, 1))
    canvas.drawString(20, 100, "Hello")
    canvas.save()
    ok, text = check_path(target, Diagnostics())
    assert not ok
    assert "fonts" in failed_topics(target) and "Helvetica" in text


def test_a_missing_trimbox_fails(good_pdf, tmp_path):
    bad = altered(good_pdf, tmp_path, lambda pdf, page: page.obj.__delitem__("/TrimBox"))
    ok, text = check_path(bad, Diagnostics())
    assert not ok and "TrimBox" in text
    assert failed_topics(bad) == {"boxes"}


def test_too_little_bleed_fails(good_pdf, tmp_path):
    def shrink(pdf, page):
        trim = [float(v) for v in page.obj.TrimBox]
        page.obj.BleedBox = pikepdf.Array([trim[0] - MM, trim[1] - MM, trim[2] + MM, trim[3] + MM])

    assert failed_topics(altered(good_pdf, tmp_path, shrink)) == {"boxes"}


def test_a_missing_output_intent_fails(good_pdf, tmp_path):
    bad = altered(good_pdf, tmp_path, lambda pdf, page: pdf.Root.__delitem__("/OutputIntents"))
    assert failed_topics(bad) == {"intent"}


def test_rich_black_body_text_fails(good_pdf, tmp_path):
    content = b"q 0.6 0.4 0.4 1 k BT /F1+0 9 Tf 50 50 Td (a) Tj ET Q"

    def add(pdf, page):
        name = next(iter(page.obj.Resources.Font.keys()))
        append_content(pdf, page, content.replace(b"/F1+0", name.encode()))

    assert failed_topics(altered(good_pdf, tmp_path, add)) == {"text"}


def _insert_image(pdf, page, mode: str, size: tuple[int, int], placed_pt: float) -> None:
    img = Image.new(mode, size, (200, 30, 30) if mode == "RGB" else (0, 0, 0, 0))
    raw = io.BytesIO()
    img.save(raw, "JPEG")
    stream = pikepdf.Stream(pdf, raw.getvalue())
    stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    stream.Width, stream.Height, stream.BitsPerComponent = size[0], size[1], 8
    stream.ColorSpace = pikepdf.Name("/Device" + ("RGB" if mode == "RGB" else "CMYK"))
    stream.Filter = pikepdf.Name.DCTDecode
    page.obj.Resources.XObject.Ximg = stream
    append_content(pdf, page, f"q {placed_pt} 0 0 {placed_pt} 60 60 cm /Ximg Do Q".encode())


def test_an_rgb_image_fails(good_pdf, tmp_path):
    bad = altered(good_pdf, tmp_path, lambda pdf, page: _insert_image(pdf, page, "RGB", (400, 400), 72))
    topics = failed_topics(bad)
    assert topics == {"images"}
    assert "RGB" in preflight_pdf(bad).text()


def test_a_low_resolution_image_fails(good_pdf, tmp_path):
    bad = altered(good_pdf, tmp_path, lambda pdf, page: _insert_image(pdf, page, "CMYK", (60, 60), 72))
    report = preflight_pdf(bad)
    assert not report.ok and "60 ppi" in report.text()


def test_transparency_fails_in_pdfx1a(sample_issue, tmp_path):
    x1a = tmp_path / "x1a.pdf"
    write_pdf(make_job(sample_issue, pdfx="X-1a"), x1a)
    assert preflight_pdf(x1a).ok

    def add_alpha(pdf, page):
        page.obj.Resources.ExtGState.GSalpha = pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, ca=0.5)
        append_content(pdf, page, b"q /GSalpha gs 0 0 0 1 k 40 40 20 20 re f Q")

    bad = altered(x1a, tmp_path, add_alpha)
    assert failed_topics(bad) == {"colour"}


def test_not_a_pdf_is_reported_not_raised(tmp_path):
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.4 this is not really a PDF")
    ok, text = check_path(fake, Diagnostics())
    assert not ok and "not a readable PDF" in text


def test_a_path_that_does_not_exist_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        check_path(tmp_path / "nothing", Diagnostics())


def test_issue_folder_without_a_built_pdf_says_to_build(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ok, text = check_path(REPO / "issues" / "sample", Diagnostics())
    assert ok, text
    assert "every character has a glyph" in text and "layout build" in text
    assert "yizhen.jpg" in text


def test_issue_folder_checks_its_built_pdf(tmp_path, monkeypatch):
    from layout.options import BuildOptions
    from layout.pipeline import build

    monkeypatch.chdir(tmp_path)
    build(REPO / "issues" / "sample", BuildOptions(formats=("pdf",)), Diagnostics())
    ok, text = check_path(REPO / "issues" / "sample", Diagnostics())
    assert ok and "Input check" in text and "PASSED" in text, text
    assert "every character of 7 source text(s) is on the page" in text


def test_issue_folder_with_another_pdf_names_the_articles_missing_from_it(tmp_path, monkeypatch,
                                                                          good_pdf):
    monkeypatch.chdir(tmp_path)
    built = tmp_path / "output" / "sample" / "sample.pdf"
    built.parent.mkdir(parents=True)
    shutil.copy(good_pdf, built)
    ok, text = check_path(REPO / "issues" / "sample", Diagnostics())
    assert not ok and "PASSED" in text  # fine for the plant, but not this issue's text
    assert "wenming lost" in text


def test_a_broken_issue_folder_fails_with_the_reason(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "issue.yaml").write_text("paper: x\ndate: not-a-date\npages: []\n", encoding="utf-8")
    ok, text = check_path(folder, Diagnostics())
    assert not ok and "FAIL" in text and "issue.yaml" in text


def test_an_rgb_shading_fails(good_pdf, tmp_path):
    def add_shading(pdf, page):
        function = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[1, 0, 0], C1=[0, 0, 1], N=1)
        page.obj.Resources.Shading = pikepdf.Dictionary(Sh0=pikepdf.Dictionary(
            ShadingType=2, ColorSpace=pikepdf.Name.DeviceRGB, Coords=[0, 0, 100, 0],
            Function=function))
        append_content(pdf, page, b"q 10 10 100 100 re W n /Sh0 sh Q")

    assert failed_topics(altered(good_pdf, tmp_path, add_shading)) == {"colour"}
