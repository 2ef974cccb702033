"""The command line: summaries, one-line errors without tracebacks, outputs kept safe."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def layout(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "layout", *args], capture_output=True,
                          text=True, cwd=cwd or REPO, env=None)


@pytest.fixture
def issue(tmp_path, sample_dir) -> Path:
    target = tmp_path / "edition"
    shutil.copytree(sample_dir, target)
    return target


def test_build_writes_the_outputs_and_summarises(issue, tmp_path):
    out = tmp_path / "out"
    result = layout("build", str(issue), "-o", str(out), "--format", "docx,epub")
    assert result.returncode == 0, result.stderr
    assert (out / "edition.docx").exists() and (out / "edition.epub").exists()
    assert "DOCX" in result.stdout and "EPUB" in result.stdout


def test_unknown_format_is_refused(issue):
    result = layout("build", str(issue), "--format", "pdf,odt")
    assert result.returncode != 0 and "Traceback" not in result.stderr


@pytest.mark.parametrize("breakage", [
    lambda d: (d / "issue.yaml").write_text("pages: [\n", "utf-8"),
    lambda d: (d / "articles" / "wuye.md").unlink(),
    lambda d: (d / "photos" / "wenhua.jpg").write_bytes(b"garbage"),
    lambda d: (d / "issue.yaml").write_text("paper: !!python/object/apply:os.system ['true']\n", "utf-8"),
])
def test_bad_input_is_one_line_without_traceback(issue, tmp_path, breakage):
    breakage(issue)
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [l for l in result.stderr.splitlines() if l.startswith("layout: error:")]
    assert len(errors) == 1 and str(issue) in errors[0]


def test_a_failed_build_keeps_the_earlier_good_output(issue, tmp_path):
    out = tmp_path / "out"
    assert layout("build", str(issue), "-o", str(out), "--format", "docx,epub").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (issue / "articles" / "hengji.md").write_text("no front matter", "utf-8")
    assert layout("build", str(issue), "-o", str(out), "--format", "docx,epub").returncode == 1
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before, "a failed build changed or removed earlier outputs"


def test_control_characters_build_valid_outputs(issue, tmp_path):
    path = issue / "articles" / "hengji.md"
    path.write_text(path.read_text("utf-8").replace("此前，", "此前\x0b\x1f\ufffe，"), "utf-8")
    out = tmp_path / "out"
    result = layout("build", str(issue), "-o", str(out), "--format", "docx,epub")
    assert result.returncode == 0, result.stderr
    assert "warning" in result.stderr and "U+000B" in result.stderr
    import zipfile
    from xml.dom import minidom

    for name in ("edition.docx", "edition.epub"):
        with zipfile.ZipFile(out / name) as z:
            for entry in z.namelist():
                if entry.endswith((".xml", ".xhtml")):
                    minidom.parseString(z.read(entry))  # raises on invalid XML
