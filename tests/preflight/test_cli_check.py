"""`layout check FILE.pdf` from the command line: a readable report and the exit code."""
from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from typer.testing import CliRunner

from layout.cli import app


def test_check_exits_non_zero_on_a_broken_pdf(tmp_path):
    target = tmp_path / "plain.pdf"
    canvas = Canvas(str(target), pagesize=(200, 200))
    canvas.drawString(20, 100, "Hello")
    canvas.save()
    result = CliRunner().invoke(app, ["check", str(target)])
    assert result.exit_code == 1
    assert "TrimBox" in result.output and "Helvetica" in result.output


def test_check_exits_zero_on_a_good_pdf(tmp_path, sample_issue_pdf):
    result = CliRunner().invoke(app, ["check", str(sample_issue_pdf)])
    assert result.exit_code == 0, result.output
    assert "PASSED" in result.output


def test_check_of_an_issue_folder_reads_the_build_in_the_folder_given_with_o(tmp_path, monkeypatch):
    """Issue 11 (7): `layout check ISSUE -o OUT` checks OUT, not output/<issue>/."""
    from tests.conftest import SAMPLE

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "elsewhere"
    built = CliRunner().invoke(app, ["build", str(SAMPLE), "-o", str(out), "--format", "pdf"])
    assert built.exit_code == 0, built.output
    default = CliRunner().invoke(app, ["check", str(SAMPLE)])
    assert "No built PDF at output/sample/sample.pdf" in default.output
    result = CliRunner().invoke(app, ["check", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Preflight of {out / 'sample.pdf'}" in result.output
    assert "every character of 7 source text(s) is on the page" in result.output
