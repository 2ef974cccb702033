"""The edition's manifest and front-matter keys, tried through the command line."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

WEEKLY = REPO / "tests" / "fixtures" / "editions" / "weekly4"


def layout(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "layout", *args], capture_output=True,
                          text=True, cwd=REPO)


@pytest.fixture
def weekly(tmp_path) -> Path:
    target = tmp_path / "weekly"
    shutil.copytree(WEEKLY, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_teaser_is_a_known_key_and_a_misspelt_one_is_named(weekly, tmp_path):
    article = weekly / "articles" / "yanglao.md"
    edit(article, "---\n", "---\nteaser: 助餐点扩容\n")
    result = layout("build", str(weekly), "-o", str(tmp_path / "out"), "--format", "docx")
    assert result.returncode == 0, result.stderr
    assert "teaser" not in result.stderr
    edit(article, "teaser:", "teasr:")
    result = layout("build", str(weekly), "-o", str(tmp_path / "out"), "--format", "docx")
    assert "'teasr'" in result.stderr and "'teaser'" in result.stderr


@pytest.mark.parametrize("old, new, says", [
    ("number: 3\n", "number: 5\n", "page 5 is page 3"),
    ("number: 3\n", "number: 2\n", "page 2 comes after page 2"),
])
def test_pages_out_of_order_or_with_a_gap_are_refused(weekly, tmp_path, old, new, says):
    edit(weekly / "issue.yaml", old, new)
    result = layout("build", str(weekly), "-o", str(tmp_path / "out"), "--format", "docx")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert says in result.stderr and "issue.yaml:" in result.stderr
