"""A failed import never leaves the sources half-written: every article file as it was, or all
corrected.

Two corrections in two articles (dangjian, first in the manifest, and hengji after it). The
import fails after the first file could have been written: the disk refuses the second file
part-way (a real limit on file size, RLIMIT_FSIZE, in a separate process), or merging the
second article raises. Either way no article file changed, no temporary file is left in
articles/, and one line says what happened; the same DOCX imported afterwards applies both.
"""
from __future__ import annotations

import resource
import signal
import subprocess
import sys

import pytest

from tests.intake.docx.helpers import cli_import, state
from tests.intake.docx.wordxml import W, edit, paragraph, text_run

LONG = "居民们纷纷点赞，凉亭成了小区里最热闹的地方。" * 80     # ~5,300 bytes of UTF-8


def _two_corrections(root):
    """dangjian p1 corrected; hengji p2 made long (its file then the largest of the issue)."""
    r, whole = text_run(paragraph(root, "dangjian", "p1"))
    r.find(W + "t").text = whole.replace("今年以来", "今年来", 1)
    r, whole = text_run(paragraph(root, "hengji", "p2"))
    r.find(W + "t").text = whole + LONG


@pytest.fixture
def corrected(exported, tmp_path):
    return edit(exported, tmp_path / "corrected.docx", _two_corrections)


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)    # a write past the limit: EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _assert_untouched(issue_dir, before) -> None:
    after = state(issue_dir)
    assert after == before, sorted(k for k in after.keys() | before.keys()
                                   if after.get(k) != before.get(k))


def test_a_full_disk_on_the_second_file_changes_no_file(corrected, issue_dir):
    before = state(issue_dir)
    dangjian = len(before["articles/dangjian.md"])
    assert dangjian < 5000 < len(before["articles/hengji.md"]) + len(LONG.encode())
    result = subprocess.run(
        [sys.executable, "-m", "layout", "import", str(corrected), "--issue", str(issue_dir)],
        capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "LAYOUT_LANG": "zh_CN", "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=_limit_file_size(5000))
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    _assert_untouched(issue_dir, before)                  # no half-written file, no .tmp left
    lines = [line for line in result.stderr.splitlines() if "错误" in line]
    assert len(lines) == 1 and "hengji.md" in lines[0] and "所有稿件文件均未改动" in lines[0], \
        result.stderr
    assert "Traceback" not in result.stderr
    again = cli_import(corrected, issue_dir)              # with room on the disk: both applied
    assert again.code == 0 and "changed 2 article file(s)" in again.stdout, again.output


def test_an_error_in_a_later_article_changes_no_file(corrected, issue_dir, monkeypatch):
    import layout.intake.docx.apply as apply

    merge_body = apply.merge_body

    def failing(plan, theirs, base):
        if plan.article_id == "hengji":
            raise RuntimeError("a bug met in the second article")
        merge_body(plan, theirs, base)
    monkeypatch.setattr(apply, "merge_body", failing)
    before = state(issue_dir)
    result = cli_import(corrected, issue_dir)
    assert result.code == 70 and "internal error" in result.stderr, result.output
    _assert_untouched(issue_dir, before)
