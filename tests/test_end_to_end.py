"""End to end: build the sample edition and check the three outputs from the outside."""
from __future__ import annotations

import json
import zipfile

import pytest

from layout.errors import Diagnostics
from layout.options import BuildOptions
from layout.pipeline import build
from layout.preflight.typography import measure_typography
from tests.conftest import han


@pytest.fixture(scope="module")
def built(shared_build, sample_dir):
    made = shared_build(sample_dir)   # every format, built once (tests/conftest.py)
    return made.report, made.out, made.warnings


def text_of(path):
    if path.is_dir():   # the web edition: its article pages
        import html
        import re

        pages = "".join(p.read_text("utf-8") for p in sorted(path.glob("p*-a*.html")))
        return html.unescape(re.sub(r"<[^>]+>", "", pages))
    if path.suffix == ".pdf":
        import pymupdf

        with pymupdf.open(path) as doc:
            return "".join(p.get_text() for p in doc)
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.endswith((".xml", ".xhtml"))
                 and not n.endswith(("nav.xhtml", ".opf", ".ncx"))]
        import re

        return re.sub(r"<[^>]+>", "", "".join(z.read(n).decode("utf-8") for n in names))


def test_every_output_and_the_copyfit_report_are_written(built):
    report, out, _ = built
    assert set(report.outputs) == {"pdf", "docx", "epub", "web"}
    for path in report.outputs.values():
        size = sum(p.stat().st_size for p in path.rglob("*")) if path.is_dir() else path.stat().st_size
        assert path.exists() and size > 10_000
    fit = json.loads((out / "copyfit.json").read_text("utf-8"))
    assert {a["id"] for a in fit["articles"]} == {"dangjian", "hengji", "wuye", "niaolei", "wenming",
                                                   "yizhen", "wenhua"}
    assert all(a["over"] == 0 for a in fit["articles"])
    assert not list(out.glob(".*.tmp")), "temporary files left behind"


@pytest.mark.parametrize("fmt", ["pdf", "docx", "epub", "web"])
def test_every_han_character_of_the_seed_reaches_the_output(built, seed_text, fmt):
    report, _, _ = built
    missing = han(seed_text) - han(text_of(report.outputs[fmt]))
    assert not missing, f"{fmt} lost {sum(missing.values())}: {''.join(missing)[:40]}"


def test_pdf_fonts_are_all_embedded_and_no_helvetica(built):
    import pymupdf

    with pymupdf.open(built[0].outputs["pdf"]) as doc:
        assert doc.page_count == 1
        fonts = doc[0].get_fonts(full=True)
    assert fonts and all(f[1] not in ("n/a", "") for f in fonts)
    assert not any("Helvetica" in f[3] for f in fonts)


def test_sample_pdf_typesetting_figures(built, seed_text):
    """The typography report of `layout check`, on the sample, against the seed's Han characters."""
    seed_han = "".join(han(seed_text).elements())
    m = measure_typography(built[0].outputs["pdf"], {"seed": seed_han})
    assert m.body_lines > 200
    assert m.kinsoku_start == 0 and m.kinsoku_end == 0, m.examples
    assert m.splits == 0 and m.latin_continued == 0, m.examples
    assert m.notdef == 0 and m.fonts_not_embedded == []
    assert m.glyph_collisions == 0 and m.glyphs_on_images == 0
    assert m.missing == {"seed": 0}
    assert m.ragged_lines == 0, m.examples
    assert m.lone_char_lines == 0, m.examples
    assert m.loose_lines <= 0.01 * m.body_lines, m.examples
    assert m.grid_aligned >= 0.99
    assert m.blank_share <= 0.02


def test_docx_opens_with_python_docx(built):
    import docx

    document = docx.Document(str(built[0].outputs["docx"]))
    styles = {p.style.name for p in document.paragraphs}
    assert {"主题", "正文"} <= styles
    assert len(document.inline_shapes) == 2


def test_a_failure_while_writing_docx_in_the_export_process_fails_the_build(sample_dir, tmp_path,
                                                                             monkeypatch):
    """DOCX and EPUB are written by a forked process; its errors must reach the build."""
    from layout.errors import BuildError
    from layout.export import REGISTRY, Exporter

    monkeypatch.setitem(REGISTRY, "docx", Exporter("docx", ".docx", "tests.failing_exporter:write", False))
    with pytest.raises(BuildError, match="cannot write this DOCX"):
        build(sample_dir, BuildOptions(out_dir=tmp_path), Diagnostics())
    assert list(tmp_path.iterdir()) == []  # an edition changes whole or not at all; no temporary file
