"""The test editions built as a user builds them, judged from the PDF as the plant and a
page editor would: preflight passes, photos keep their resolution and crop, a short page
says how much it lacks, body typography stays clean."""
from __future__ import annotations

import math
import re
import shutil

import pytest

from layout.errors import BuildError, Diagnostics
from layout.options import BuildOptions
from layout.pipeline import build
from layout.preflight.typography import measure_typography
from tests.cli_helpers import run
from tests.conftest import REPO
from tests.team_editions import team_editions

EDITIONS = REPO / "tests" / "fixtures" / "editions"
# Every edition under tests/fixtures/editions that builds (tests/team_editions.py): the
# team's, those written for the page make-up and for the edition work (see the README
# there), found on disk so that none is left out.
NAMES = tuple(team_editions())


@pytest.fixture(scope="module", params=NAMES)
def built(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param)
    diag = Diagnostics()
    report = build(EDITIONS / request.param, BuildOptions(formats=("pdf",), out_dir=out), diag)
    return request.param, report, [w.message for w in diag.warnings]


def source_aspects(name: str) -> list[float]:
    from PIL import Image

    aspects = []
    for path in sorted(p for folder in ("photos", "ads") for p in (EDITIONS / name / folder).glob("*.jpg")):
        with Image.open(path) as image:
            aspects.append(image.width / image.height)
    return aspects


def test_layout_check_passes_on_every_pdf_the_build_writes(built):
    """`layout check EDITION -o OUT` as a user runs it on the build: its inputs (ads'
    artwork at their booked size among them), preflight for the plant, typography."""
    name, report, _ = built
    outcome = run("check", EDITIONS / name, "-o", report.outputs["pdf"].parent)
    assert outcome.code == 0, outcome.stdout
    assert "PASSED" in outcome.stdout and "[ FAIL ]" not in outcome.stdout, outcome.stdout


def test_no_photo_is_below_200_ppi_or_cropped_past_its_limit(built):
    import pymupdf

    name, report, _ = built
    aspects = source_aspects(name)
    with pymupdf.open(report.outputs["pdf"]) as doc:
        for page in doc:
            for info in page.get_image_info():
                x0, y0, x1, y1 = info["bbox"]
                w, h = x1 - x0, y1 - y0
                assert min(info["width"] / (w / 72), info["height"] / (h / 72)) >= 199.5
                assert min(abs(math.log(w / h / a)) for a in aspects) <= math.log(1.15) + 1e-3


def test_a_short_page_warns_with_its_shortfall(built):
    name, report, warnings = built
    short = [p for p in report.copyfit.pages if p.warn]
    said = [w for w in warnings if "缺约" in w]
    assert len(said) == len(short)
    for page in short:
        assert any(re.search(rf"page {page.number} .*缺约 \d+ 字", w) for w in said)
    if name == "short":
        assert short and short[0].short > 2000 and short[0].filled < 0.6
    if name == "three":
        assert short and short[0].short > 3500 and short[0].filled < 0.35
    if name == "oddshapes":
        assert short and short[0].short > 2000 and short[0].filled < 0.6
    if name == "sparse":   # one 300-character story and its photo on a whole page
        assert short and short[0].short > 2500 and short[0].filled < 0.5
    if name in ("longlead", "longjump"):
        assert not short


def test_body_typography_stays_clean(built):
    _, report, _ = built
    t = measure_typography(report.outputs["pdf"])
    assert t.kinsoku_start == t.kinsoku_end == t.splits == t.lone_char_lines == 0, t.examples
    assert t.ragged_lines == 0, t.examples["ragged_lines"]
    assert t.loose_lines <= 0.01 * t.body_lines, t.examples["loose_lines"]
    assert t.grid_aligned >= 0.98


def test_an_overfull_page_names_only_the_article_that_cannot_fit(tmp_path):
    issue = tmp_path / "overfull"
    shutil.copytree(EDITIONS / "longlead", issue)
    lead = issue / "articles" / "chanye.md"
    _, front, body = lead.read_text("utf-8").split("---\n", 2)
    lead.write_text(f"---\n{front}---\n{body}\n{body}\n", "utf-8")
    with pytest.raises(BuildError) as err:
        build(issue, BuildOptions(formats=("pdf",), out_dir=tmp_path / "out"), Diagnostics())
    message = str(err.value)
    assert "'chanye' is over by" in message and "page 1 holds about" in message
    assert "kuaixun" not in message
    diag = Diagnostics()
    report = build(issue, BuildOptions(formats=("pdf",), out_dir=tmp_path / "proof", proof=True,
                                       allow_overflow=True), diag)
    over = next(a.over for a in report.copyfit.articles if a.id == "chanye")
    import pymupdf

    with pymupdf.open(report.outputs["pdf"]) as doc:
        assert f"超{over}字" in doc[0].get_text()
    losses = [w.message for w in diag.warnings if " lost " in w.message]
    assert losses and f"chanye lost {over} characters" in losses[0] and "kuaixun" not in losses[0]
