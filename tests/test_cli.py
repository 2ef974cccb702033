"""The command line: summaries, one-line errors without tracebacks, outputs kept safe."""
from __future__ import annotations

import os
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


def test_naming_the_issue_yaml_is_naming_its_folder(issue, tmp_path):
    """Staff often pass the manifest itself (tab completion ends there): same edition."""
    by_file = layout("build", str(issue / "issue.yaml"), "-o", str(tmp_path / "out"),
                     "--format", "docx")
    assert by_file.returncode == 0, by_file.stderr
    assert (tmp_path / "out" / "edition.docx").exists()
    assert layout("check", str(issue / "issue.yaml")).stdout == layout("check", str(issue)).stdout


@pytest.mark.parametrize("command", ["build", "watch"])
def test_unknown_format_is_one_line_before_any_work(issue, tmp_path, command):
    """As --pdfx and the others: not a usage box; and `watch` stops at once, not at a save."""
    result = subprocess.run([sys.executable, "-m", "layout", command, str(issue), "-o",
                             str(tmp_path / "out"), "--format", "pdf,odt"],
                            capture_output=True, text=True, cwd=REPO, timeout=60,
                            env=dict(os.environ, LAYOUT_LANG="en"))
    assert result.returncode == 1
    from layout.options import FORMATS

    assert result.stderr.strip() == f"layout: error: --format odt: choose {' or '.join(FORMATS)}"
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_preview_onto_a_full_disk_is_one_line_naming_the_file(issue, tmp_path):
    """MuPDF writing the PNG itself made a full disk an internal error (exit 70)."""
    out = tmp_path / "prev"
    out.mkdir()
    (out / "page-1.png").symlink_to("/dev/full")
    result = layout("preview", str(issue), "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"layout: error: {out / 'page-1.png'}: the disk is full; free some space and try again")


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


def test_an_overfull_edition_fails_naming_the_article_and_builds_with_allow_overflow(issue, tmp_path):
    path = issue / "articles" / "wuye.md"
    text = path.read_text("utf-8")
    body = text.split("---", 2)[2]
    path.write_text(text + body * 12, "utf-8")
    out = tmp_path / "out"
    failed = layout("build", str(issue), "-o", str(out), "--format", "pdf")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert "wuye" in failed.stderr and "over by" in failed.stderr and "characters" in failed.stderr
    assert not (out / "edition.pdf").exists()
    allowed = layout("build", str(issue), "-o", str(out), "--format", "pdf", "--allow-overflow")
    assert allowed.returncode == 0, allowed.stderr
    import json

    fit = {a["id"]: a for a in json.loads((out / "copyfit.json").read_text("utf-8"))["articles"]}
    assert fit["wuye"]["over"] > 0 and fit["wuye"]["set"] + fit["wuye"]["over"] == fit["wuye"]["chars"]


def test_empty_article_and_an_unbreakable_run_still_build_inside_their_columns(issue, tmp_path):
    (issue / "articles" / "hengji.md").write_text("---\ntitle: 空稿待补\n---\n", "utf-8")
    path = issue / "articles" / "niaolei.md"
    path.write_text(path.read_text("utf-8") + "\n" + "a" * 3000 + "\n", "utf-8")
    out = tmp_path / "out"
    result = layout("build", str(issue), "-o", str(out), "--allow-overflow")
    assert result.returncode == 0, result.stderr
    assert "no text" in result.stderr
    import pymupdf

    from layout.manifest import load_issue
    from layout.pages.grid import grid_for

    grid = grid_for(load_issue(issue).style)
    with pymupdf.open(out / "edition.pdf") as doc:
        trim_left = doc[0].trimbox.x0  # the page is drawn with its bleed around the trim
        letters = [(round(origin[1], 1), origin[0] - trim_left) for span in doc[0].get_texttrace()
                   for char, _gid, origin, _bbox in span["chars"] if char == ord("a")]
    assert len(letters) > 100
    runs: list[list[float]] = []
    for (y, x), prev in zip(sorted(letters), [None] + sorted(letters)[:-1]):
        if prev is None or prev[0] != y or x - prev[1] > grid.gutter / 2:
            runs.append([])
        runs[-1].append(x)
    for run in runs:  # each line of letters stays within one column
        assert grid.left - 0.5 <= run[0] and run[-1] <= grid.left + grid.width
        assert run[-1] - run[0] <= grid.column_width


def test_preview_writes_a_png_per_page_and_a_contact_sheet(issue, tmp_path):
    result = layout("preview", str(issue), "-o", str(tmp_path / "prev"))
    assert result.returncode == 0, result.stderr
    from PIL import Image

    for name in ("page-1.png", "contact.png"):
        with Image.open(tmp_path / "prev" / name) as img:
            assert img.width > 300 and img.height > 300


def test_an_output_folder_that_cannot_be_written_is_explained(issue, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    result = layout("build", str(issue), "-o", str(blocker / "out"), "--format", "docx")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "cannot write into" in result.stderr and "-o" in result.stderr


def test_a_headline_rank_typo_in_the_issue_style_is_one_line_naming_the_line(issue, tmp_path):
    manifest = issue / "issue.yaml"
    manifest.write_text(manifest.read_text("utf-8") + "style:\n  headlines:\n    ranks:\n"
                        "      - {size: 小初, min_sise: 30pt}\n", "utf-8")
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "pdf")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "issue.yaml:" in result.stderr and "did you mean 'min_size'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_briefs_title_lines_in_the_issue_style_are_checked_by_the_cli(issue, tmp_path):
    manifest = issue / "issue.yaml"
    text = manifest.read_text("utf-8")
    manifest.write_text(text + "style:\n  headlines:\n    brief_max_lines: 0\n", "utf-8")
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "issue.yaml:" in result.stderr and "brief_max_lines" in result.stderr
    manifest.write_text(text + "style:\n  headlines:\n    brief_max_line: 2\n", "utf-8")
    result = layout("build", str(issue), "-o", str(tmp_path / "out"), "--format", "docx")
    assert "did you mean 'headlines.brief_max_lines'" in result.stderr, result.stderr


@pytest.mark.parametrize("make, words", [
    (lambda d: (d / "articles" / "wuye.md").unlink() or os.mkfifo(d / "articles" / "wuye.md"),
     "'wuye.md' not found"),
    (lambda d: (d / "photos" / "zero.jpg").symlink_to("/dev/zero"), None),
])
def test_a_pipe_or_a_link_to_a_device_in_the_issue_folder_never_blocks_the_build(issue, tmp_path,
                                                                                 make, words):
    """The rebuild key read every file of the issue folder: a named pipe blocked the build
    forever, a link to /dev/zero never ended. Neither is read: the build says what is wrong."""
    make(issue)
    result = subprocess.run([sys.executable, "-m", "layout", "build", str(issue), "-o",
                             str(tmp_path / "out"), "--format", "docx"], capture_output=True,
                            text=True, cwd=REPO, timeout=120, env=dict(os.environ, LAYOUT_LANG="en"))
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    if words is None:   # an unused link is no input of the edition
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode == 1 and words in result.stderr, result.stderr


def test_new_without_options_makes_tomorrows_issue_of_the_house_paper(tmp_path):
    """A new user's `layout new DIR` works at once: the edition made today is tomorrow's."""
    import datetime

    import yaml

    from layout.style import default_style
    from tests.cli_helpers import run
    outcome = run("new", tmp_path / "issue")
    assert outcome.code == 0, outcome.stderr
    manifest = yaml.safe_load((tmp_path / "issue" / "issue.yaml").read_text("utf-8"))
    assert manifest["paper"] == default_style().paper.name
    assert manifest["date"] == datetime.date.today() + datetime.timedelta(days=1)
