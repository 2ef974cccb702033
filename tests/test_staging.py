"""An edition's outputs change together or not at all (issue 17 Deliver 4).

Every format (and copyfit.json) is written to a temporary file and renamed
into place only when all succeeded; options are checked before any work; a
failing or full-disk exporter, in this process or the export process, leaves
the earlier edition byte for byte and no temporary file; stale temporary
files are removed; `kill -9` at any moment leaves one whole edition, old or
new, and the export process does not outlive the build.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from layout.cli import app
from layout.errors import Diagnostics
from layout.export import REGISTRY, Exporter
from layout.options import BuildOptions
from layout.pipeline import build
from tests.conftest import REPO, SAMPLE

OUTPUTS = ("sample.pdf", "sample.docx", "sample.epub", "copyfit.json")


def edition(folder: Path) -> dict[str, bytes]:
    """Every file in the output folder, by name (temporary files included)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def earlier(shared_build) -> dict[str, bytes]:
    """A good edition of the sample, as a page editor would have it from the last build
    (the session's shared build, tests/conftest.py: read here, copied by `out`)."""
    found = edition(shared_build(SAMPLE).out)
    assert set(found) == set(OUTPUTS)
    return found


@pytest.fixture
def out(tmp_path, earlier) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    for name, data in earlier.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("option, value, words", [
    ("--pdfx", "X-9", "--pdfx X-9: choose X-4 or X-1a"),
    ("--docx-layout", "foo", "--docx-layout foo: choose edit or pages"),
    ("--breaker", "foo", "--breaker foo: choose total-fit or first-fit"),
])
def test_a_bad_option_is_refused_before_any_work(out, earlier, monkeypatch, option, value, words):
    import layout.pipeline

    def no_work(*args, **kwargs):
        raise AssertionError("the issue was read before the options were checked")

    monkeypatch.setattr(layout.pipeline, "load_issue", no_work)
    result = CliRunner().invoke(app, ["build", str(SAMPLE), "-o", str(out), option, value])
    assert result.exit_code == 1
    assert result.output.strip() == f"layout: error: {words}"
    assert edition(out) == earlier


@pytest.mark.parametrize("fmt, target, expected", [
    ("docx", "tests.failing_exporter:write", "layout: error: cannot write this DOCX (test)"),
    ("pdf", "tests.failing_exporter:write", "layout: error: cannot write this DOCX (test)"),
    ("docx", "tests.failing_exporter:write_half_then_fill_the_disk",
     "layout: error: {out}/sample.docx: the disk is full; free some space and try again"),
    ("pdf", "tests.failing_exporter:write_half_then_fill_the_disk",
     "layout: error: {out}/sample.pdf: the disk is full; free some space and try again"),
    ("pdf", "tests.failing_exporter:write_into_a_read_only_folder",
     "layout: error: {out}/sample.pdf: the file system is read-only; choose a folder that can be written"),
    ("epub", "tests.failing_exporter:write_into_a_read_only_folder",
     "layout: error: {out}/sample.epub: the file system is read-only; choose a folder that can be written"),
    ("epub", "tests.failing_exporter:write_then_crash", "layout: internal error: RuntimeError: "
     "the process writing DOCX, EPUB failed: ZeroDivisionError: a bug in an exporter (test)"),
])
def test_a_failing_exporter_leaves_the_earlier_edition_whole(out, earlier, monkeypatch, fmt, target,
                                                             expected):
    """In the export process (DOCX, EPUB) or this one (PDF): one line, nothing replaced."""
    original = REGISTRY[fmt]
    monkeypatch.setitem(REGISTRY, fmt, Exporter(fmt, original.suffix, target, original.needs_pages))
    result = CliRunner().invoke(app, ["build", str(SAMPLE), "-o", str(out)])
    assert result.exit_code in (1, 70)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[-1].split(" (please report")[0] == expected.format(out=out)
    assert "Traceback" not in result.output
    assert edition(out) == earlier


@pytest.mark.parametrize("damage", [
    lambda icc: icc[:128] + b"\xff" * 72 + icc[200:],      # its tag table
    lambda icc: icc[:len(icc) // 3],                       # truncated
])
def test_a_broken_output_profile_is_one_line_and_nothing_is_replaced(out, earlier, tmp_path, damage):
    from layout.export.pdf.settings import DEFAULT_PROFILE

    issue = tmp_path / "sample"
    shutil.copytree(SAMPLE, issue)
    (issue / "broken.icc").write_bytes(damage(DEFAULT_PROFILE.read_bytes()))
    manifest = issue / "issue.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace(
        "pages:", "style:\n  pdf: {icc_profile: broken.icc}\npages:", 1), "utf-8")
    result = CliRunner().invoke(app, ["build", str(issue), "-o", str(out)])
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.strip()] == [result.output.strip()]
    assert "broken.icc" in result.output and "internal error" not in result.output
    assert edition(out) == earlier


def test_an_over_set_edition_writes_nothing_not_even_copyfit(out, earlier, tmp_path):
    issue = tmp_path / "long"
    shutil.copytree(SAMPLE, issue)
    article = issue / "articles" / "wenming.md"
    head, body = article.read_text("utf-8").rsplit("---\n", 1)
    article.write_text(head + "---\n" + (body.strip() + "\n\n") * 5, "utf-8")
    (out / "long.pdf").write_bytes(earlier["sample.pdf"])
    before = edition(out)
    result = CliRunner().invoke(app, ["build", str(issue), "-o", str(out)])
    assert result.exit_code == 1 and "copy does not fit" in result.output
    assert edition(out) == before


def test_stale_temporary_files_of_earlier_runs_are_removed(out, earlier):
    dead = 2 ** 22 + 12345   # above the default pid_max: no such process
    stale = [out / f".sample.pdf.{dead}-0a1b2c3d.tmp", out / ".sample.docx.k3j_4h5q.tmp",
             out / f".copyfit.json.{dead}-ffff0000.tmp"]
    alive = out / f".sample.epub.{os.getppid()}-12345678.tmp"   # a build still running
    foreign = out / ".notes.txt.tmp"
    for path in (*stale, alive, foreign):
        path.write_bytes(b"left over")
    build(SAMPLE, BuildOptions(out_dir=out), Diagnostics())
    left = {p.name for p in out.iterdir()}
    assert left == set(OUTPUTS) | {"web", alive.name, foreign.name}


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_bytes()
            except OSError:
                continue
            fields = stat.rsplit(b")", 1)[-1].split()
            if int(fields[1]) == pid and fields[0] != b"Z":
                found.append(int(entry.name))
    return found


def _gone(pids: list[int], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{p}").exists() and b") Z" not in Path(f"/proc/{p}/stat").read_bytes()
                   for p in pids if Path(f"/proc/{p}").exists()):
            return True
        time.sleep(0.02)
    return False


def _settled(folder: Path, within: float = 5.0) -> None:
    deadline = time.monotonic() + within
    while any(p.name.endswith(".tmp") for p in folder.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.02)


KILL_TRIES = int(os.environ.get("LAYOUT_KILL_TRIES", "3"))   # `make kill-test`: 20


def _first_child_after(process: subprocess.Popen, limit: float) -> float:
    """Seconds from now until the build forks its first helper (its stage opens)."""
    start = time.monotonic()
    while not _children(process.pid) and process.poll() is None and time.monotonic() - start < limit:
        time.sleep(0.01)
    return time.monotonic() - start


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_kill_9_at_random_moments_leaves_one_whole_edition(tmp_path):
    """Builds killed at random moments while they write: the folder holds edition A or
    edition B, whole, with no temporary file, and no helper process outlives the build."""
    issue = tmp_path / "sample"
    shutil.copytree(SAMPLE, issue)
    article = issue / "articles" / "wenhua.md"
    texts = {"A": article.read_text("utf-8")}
    texts["B"] = texts["A"].replace("宣传活动。", "宣传活动，活动持续到月底。")
    assert texts["B"] != texts["A"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "layout", "build", str(issue), "-o"]

    def write_variant(name: str) -> None:
        """The article as in edition A or B, with that edition's time (the EPUB dates itself
        by its sources' last change)."""
        article.write_text(texts[name], "utf-8")
        os.utime(article, (1750000000, 1750000000 + (3600 if name == "B" else 0)))

    editions = {}
    write_variant("B")   # B by a command, timing its stage
    process = subprocess.Popen(command + [str(tmp_path / "edition-B")], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _first_child_after(process, 60)
    start = time.monotonic()
    assert process.wait() == 0
    window = time.monotonic() - start        # from the stage opening to the end of the build
    write_variant("A")   # A in this process: builds are reproducible
    build(issue, BuildOptions(out_dir=tmp_path / "edition-A"), Diagnostics())
    for name in ("A", "B"):
        editions[name] = edition(tmp_path / f"edition-{name}")
    out = tmp_path / "out"
    shutil.copytree(tmp_path / "edition-A", out)
    rng, outcomes = random.Random(17), []
    for attempt in range(KILL_TRIES):
        write_variant("B" if attempt % 2 == 0 else "A")
        process = subprocess.Popen(command + [str(out)], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        _first_child_after(process, 60)
        time.sleep(rng.uniform(0, window))
        children = _children(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert _gone(children, within=5.0), f"attempt {attempt}: a helper outlived the build"
        _settled(out)
        found = edition(out)
        assert not [n for n in found if n.endswith(".tmp")], f"attempt {attempt}: temporary files left"
        outcome = next((name for name, files in editions.items() if files == found), None)
        assert outcome is not None, f"attempt {attempt}: a mixed edition " + ", ".join(
            f"{n}: {[e for e, files in editions.items() if files.get(n) == data] or 'neither'}"
            for n, data in found.items())
        outcomes.append(outcome)
    assert len(outcomes) == KILL_TRIES
    print(f"kill -9 after the stage opened, {KILL_TRIES} tries: earlier edition kept "
          f"{sum(o == ('B' if i % 2 else 'A') for i, o in enumerate(outcomes))}, new edition whole "
          f"{sum(o == ('A' if i % 2 else 'B') for i, o in enumerate(outcomes))}")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs Linux's /dev/full")
def test_the_real_pdf_writer_on_a_full_disk_is_one_line(out, earlier):
    """qpdf writing to a file aborts the process (C++ terminate) when the disk fills up;
    the PDF is written by Python, so a full disk is the usual one line. In a process of
    its own: an abort would take the test run with it."""
    script = ("import sys; from layout.export import REGISTRY, Exporter; from layout.cli import app\n"
              "REGISTRY['pdf'] = Exporter('pdf', '.pdf', 'tests.failing_exporter:real_pdf_onto_a_full_disk', True)\n"
              "app(sys.argv[1:], prog_name='layout')\n")
    result = subprocess.run([sys.executable, "-c", script, "build", str(SAMPLE), "-o", str(out)],
                            cwd=REPO, capture_output=True, text=True, timeout=300,
                            env=dict(os.environ, LAYOUT_LANG="en"))
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"layout: error: {out}/sample.pdf: the disk is full; free some space and try again")
    assert edition(out) == earlier


def test_ctrl_c_during_the_build_is_one_line_and_leaves_the_earlier_edition(out, earlier, monkeypatch):
    original = REGISTRY["pdf"]
    monkeypatch.setitem(REGISTRY, "pdf", Exporter("pdf", original.suffix,
                                                  "tests.failing_exporter:write_half_then_ctrl_c",
                                                  original.needs_pages))
    result = CliRunner().invoke(app, ["build", str(SAMPLE), "-o", str(out)], env={"LAYOUT_LANG": "en"})
    assert result.exit_code == 130
    assert result.output.strip().splitlines()[-1] == (
        "layout: interrupted; the output folder still holds one whole edition")
    assert edition(out) == earlier
