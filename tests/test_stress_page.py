"""The stress page (dense punctuation, numbers with units, Latin, a URL, rare names) from the outside."""
from __future__ import annotations

import pytest

from layout.errors import Diagnostics
from layout.options import BuildOptions
from layout.pipeline import build
from layout.preflight.typography import measure_typography
from tests.conftest import REPO, han

STRESS = REPO / "tests" / "fixtures" / "stress"


@pytest.fixture(scope="module")
def stress_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("stress")
    report = build(STRESS, BuildOptions(formats=("pdf",), out_dir=out), Diagnostics())
    return report.outputs["pdf"]


def test_rare_name_characters_beyond_the_bmp_extract_from_the_pdf(stress_pdf):
    """Regression: reportlab wrote 𠅤 and 𬌗 into ToUnicode unencoded, so they did not extract."""
    import pymupdf

    with pymupdf.open(stress_pdf) as doc:
        text = "".join(p.get_text() for p in doc)
    for char in "堃喆䶮𠅤𬌗":
        assert char in text
    source = (STRESS / "articles" / "stress.md").read_text("utf-8")
    assert not han(source.split("---", 2)[2]) - han(text)


def test_stress_page_meets_the_composition_figures(stress_pdf):
    m = measure_typography(stress_pdf)
    assert m.body_lines > 80
    assert m.kinsoku_start == 0 and m.kinsoku_end == 0, m.examples
    assert m.lone_char_lines == 0 and m.ragged_lines == 0, m.examples
    assert m.loose_lines <= 0.01 * m.body_lines, m.examples
    assert m.notdef == 0 and m.glyph_collisions == 0
    assert m.splits == 0, m.examples
    # only Latin may continue across lines: a word break at a space, or the URL's last-resort break
    assert m.latin_continued <= 5
    for example in m.examples.get("latin_continued", []):
        before, after = example.split(":", 1)[1].split("|")
        assert before[-1].isascii() and after[0].isascii(), example
