"""The print PDF checked from the outside with pikepdf, pymupdf and Ghostscript."""
from __future__ import annotations

import collections
import shutil
import subprocess

import pikepdf
import pymupdf
import pytest
from PIL import Image, ImageMath

from layout.export.pdf import write_pdf
from layout.export.pdf.images import ink_limit
from layout.export.pdf.settings import DEFAULT_PROFILE
from layout.preflight.content import paint_use, space_family
from tests.export.pdf.conftest import make_job
from tests.export.pdf.placed_fixture import MM, sample_placed

RGB_OPS = {"rg", "RG"}


def boxes(path):
    with pikepdf.open(path) as pdf:
        page = pdf.pages[0].obj
        return {k: [float(v) for v in page[k]] for k in ("/MediaBox", "/BleedBox", "/TrimBox")}


def test_boxes_trim_bleed_and_media(print_pdf):
    placed = sample_placed()
    b = boxes(print_pdf)
    trim, bleed = b["/TrimBox"], b["/BleedBox"]
    assert trim[2] - trim[0] == pytest.approx(placed.pages[0].width, abs=0.01)
    assert trim[3] - trim[1] == pytest.approx(placed.pages[0].height, abs=0.01)
    for i in (0, 1):
        assert trim[i] - bleed[i] == pytest.approx(3 * MM, abs=0.01)
        assert bleed[i + 2] - trim[i + 2] == pytest.approx(3 * MM, abs=0.01)
    assert b["/MediaBox"] == bleed


def test_marks_enlarge_the_media_box_beyond_the_bleed(sample_issue, tmp_path):
    target = tmp_path / "marks.pdf"
    write_pdf(make_job(sample_issue, marks=True), target)
    b = boxes(target)
    assert b["/MediaBox"][2] - b["/BleedBox"][2] >= 20
    assert b["/BleedBox"][0] - b["/MediaBox"][0] >= 20
    with pikepdf.open(target) as pdf:
        spaces = pdf.pages[0].obj.Resources.ColorSpace
        assert any(str(cs[1]) == "/All" for cs in spaces.values())   # registration colour


def test_pdfx4_output_intent_with_cmyk_profile_and_metadata(print_pdf):
    with pikepdf.open(print_pdf) as pdf:
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == pikepdf.Name.GTS_PDFX
        assert int(intent.DestOutputProfile.N) == 4
        assert intent.DestOutputProfile.read_bytes() == DEFAULT_PROFILE.read_bytes()
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        assert pdf.docinfo.Trapped == pikepdf.Name("/False")
        assert str(pdf.Root.Lang) == "zh-CN"
        assert len(pdf.trailer.ID) == 2
        title = str(pdf.docinfo.Title)
        assert "铁东新闻" in title and "2025年6月18日" in title and "第1版" in title
        assert str(pdf.docinfo.Author) == "铁东新闻"
        assert pdf.pdf_version >= "1.6"
        with pdf.open_metadata() as meta:
            assert meta["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
            assert meta["xmpMM:DocumentID"].startswith("uuid:")
            assert meta["dc:title"] == title


def test_no_rgb_operator_or_image_in_print(print_pdf):
    with pikepdf.open(print_pdf) as pdf:
        ops = collections.Counter(str(op) for _, op in pikepdf.parse_content_stream(pdf.pages[0]))
        assert not RGB_OPS & set(ops)
        images = [x for x in pdf.pages[0].get_images().values()]
        assert images and all(space_family(i.ColorSpace) == "CMYK" for i in images)


def test_text_is_100k_overprinting(print_pdf):
    with pikepdf.open(print_pdf) as pdf:
        (use,) = paint_use(pdf)
    assert use.text
    for (family, values, _size, overprint), _n in use.text.items():
        assert (family, values, overprint) == ("CMYK", (0.0, 0.0, 0.0, 1.0), True)


def test_fonts_embedded_subset_and_text_extracts(print_pdf):
    placed = sample_placed()
    with pymupdf.open(print_pdf) as doc:
        fonts = doc[0].get_fonts(full=True)
        text = doc[0].get_text()
    assert fonts and all(f[1] == "ttf" and f[3].split("+")[0].isupper() for f in fonts)
    with pikepdf.open(print_pdf) as pdf:
        for font in pdf.pages[0].obj.Resources.Font.values():
            # each face one Type0 font of two-byte codes (cidfont.py), its glyphs embedded
            assert font.Subtype == "/Type0" and font.Encoding in ("/Identity-H", "/Identity-V")
            assert "/FontFile2" in font.DescendantFonts[0].FontDescriptor and "/ToUnicode" in font
            assert str(font.BaseFont) != "/Helvetica"
    flat = "".join(text.split())
    for item in placed.pages[0].items:
        if hasattr(item, "text"):
            assert "".join(item.text.split()) in flat


def test_each_character_lands_where_it_was_placed(print_pdf):
    placed = sample_placed()
    line = next(i for i in placed.pages[0].items if getattr(i, "role", "") == "body")
    offset = placed.bleed
    with pymupdf.open(print_pdf) as doc:
        raw = doc[0].get_text("rawdict")
    chars = [c for b in raw["blocks"] for ln in b.get("lines", []) for s in ln["spans"]
             for c in s["chars"] if abs(c["origin"][1] - (offset + line.y)) < 0.5]
    assert "".join(c["c"] for c in chars).startswith(line.text)
    for c, x in zip(chars, line.xs):
        assert c["origin"][0] == pytest.approx(offset + line.x + x, abs=0.02)


def test_photos_resampled_to_target_ppi_never_up(print_pdf, sample_issue):
    target = sample_issue.style.target_ppi
    with pymupdf.open(print_pdf) as doc:
        infos = doc[0].get_image_info()
    assert len(infos) == 2
    for info in infos:
        ppi = info["width"] / ((info["bbox"][2] - info["bbox"][0]) / 72)
        assert 200 <= ppi <= target + 1


def test_the_same_input_gives_the_same_bytes(sample_issue, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_pdf(make_job(sample_issue), a)
    write_pdf(make_job(sample_issue), b)
    assert a.read_bytes() == b.read_bytes()


def test_bookmarks_page_then_articles(print_pdf):
    with pikepdf.open(print_pdf) as pdf:
        with pdf.open_outline() as outline:
            (page,) = outline.root
            assert "第1版" in page.title and "社区" in page.title
            assert [c.title for c in page.children] == [
                b.title for b in sample_placed().pages[0].bookmarks]


def test_pdfx1a_is_pdf14_without_transparency(sample_issue, tmp_path):
    target = tmp_path / "x1a.pdf"
    write_pdf(make_job(sample_issue, pdfx="X-1a"), target)
    with pikepdf.open(target) as pdf:
        assert pdf.pdf_version == "1.4"
        assert str(pdf.docinfo.GTS_PDFXVersion).startswith("PDF/X-1a")
        assert all(u.transparency == 0 for u in paint_use(pdf))


def test_grey_page_prints_photos_in_grey(sample_issue, tmp_path):
    target = tmp_path / "grey.pdf"
    write_pdf(make_job(sample_issue, sample_placed(colour=False)), target)
    with pikepdf.open(target) as pdf:
        assert {space_family(i.ColorSpace) for i in pdf.pages[0].get_images().values()} == {"gray"}


def test_low_resolution_photo_is_named_in_a_warning(sample_issue, tmp_path):
    job = make_job(sample_issue, sample_placed(photo_w=280 * MM))
    write_pdf(job, tmp_path / "low.pdf")
    messages = [str(w) for w in job.diagnostics.warnings]
    assert any("yizhen.jpg" in m and "ppi" in m for m in messages)


def test_proof_is_light_rgb_with_a_marker_and_no_pdfx(sample_issue, tmp_path):
    target = tmp_path / "proof.pdf"
    summary = write_pdf(make_job(sample_issue, proof=True, marks=True), target)
    assert "proof" in summary
    with pikepdf.open(target) as pdf:
        assert "/OutputIntents" not in pdf.Root and "/GTS_PDFXVersion" not in pdf.docinfo
        assert {space_family(i.ColorSpace) for i in pdf.pages[0].get_images().values()} == {"RGB"}
        b = [float(v) for v in pdf.pages[0].obj.MediaBox]
        assert b == [float(v) for v in pdf.pages[0].obj.BleedBox]     # no marks on a proof
    with pymupdf.open(target) as doc:
        assert "校样" in doc[0].get_text()
        assert all(info["width"] < 800 for info in doc[0].get_image_info())
    assert target.stat().st_size < 400_000


@pytest.mark.skipif(shutil.which("gs") is None, reason="Ghostscript not installed")
def test_ghostscript_renders_within_the_ink_limit(print_pdf, tmp_path):
    limit = ink_limit(DEFAULT_PROFILE)
    run = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=inkcov",
                          "-o", "-", str(print_pdf)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "Error" not in run.stderr + run.stdout
    pages = [line.split() for line in run.stdout.splitlines() if line.strip().endswith("OK")]
    assert len(pages) == 1
    for fields in pages:
        assert sum(float(v) for v in fields[:4]) * 100 <= limit
    # the page average hides peaks: render separations and check every pixel too
    tiff = tmp_path / "page.tif"
    run = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiff32nc",
                          "-r50", "-dOverrideICC", "-o", str(tiff), str(print_pdf)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    with Image.open(tiff) as img:
        c, m, y, k = img.convert("CMYK").split()
        total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"],
                                      c=c, m=m, y=y, k=k)
        assert total.getextrema()[1] / 2.55 <= limit + 6


def test_subject_and_keywords_describe_the_edition(print_pdf):
    with pikepdf.open(print_pdf) as pdf:
        subject, keywords = str(pdf.docinfo.Subject), str(pdf.docinfo.Keywords)
    assert "总第2316期" in subject and "第1版 社区" in subject
    assert "社区" in keywords and "党建引领添活力" in keywords


def test_full_bleed_band_reaches_into_the_bleed(print_pdf):
    with pymupdf.open(print_pdf) as doc:
        page = doc[0]
        bleed = page.bleedbox
        fills = [d["rect"] for d in page.get_drawings() if d.get("fill") is not None]
    trim_left = 3 * MM
    assert any(r.x0 <= bleed.x0 + 0.01 and r.x0 < trim_left - 1 for r in fills)


def test_a_house_style_profile_replaces_the_bundled_one(sample_issue, tmp_path):
    from dataclasses import replace

    custom = tmp_path / "plant.icc"
    custom.write_bytes(DEFAULT_PROFILE.read_bytes())
    issue = replace(sample_issue, style=replace(sample_issue.style, icc_profile=str(custom)))
    target = tmp_path / "custom.pdf"
    write_pdf(make_job(issue), target)
    with pikepdf.open(target) as pdf:
        intent = pdf.Root.OutputIntents[0]
        assert str(intent.OutputConditionIdentifier) == "Custom"
        assert "Newsprint" in str(intent.Info)


def test_an_unknown_pdfx_flavour_is_a_clear_error(sample_issue, tmp_path):
    from layout.errors import BuildError

    with pytest.raises(BuildError, match="X-4 or X-1a"):
        write_pdf(make_job(sample_issue, pdfx="X-3"), tmp_path / "x3.pdf")
