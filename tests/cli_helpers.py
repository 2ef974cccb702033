"""Running `layout` in-process on a copy of the sample issue, and reading its one-line errors."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from layout.cli import app


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines()
                if line.startswith(("layout: error:", "layout：错误："))]

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("layout: warning:")]

    def one_error(self) -> str:
        """The only error line, after checking it is a clean one (no traceback, no bug)."""
        assert self.code == 1, (self.code, self.stdout, self.stderr)
        assert "Traceback" not in self.stderr and "internal error" not in self.stderr, self.stderr
        assert len(self.errors) == 1, self.stderr
        return self.errors[0]


def run(*args: str, lang: str = "en") -> Outcome:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"LAYOUT_LANG": lang})
    return Outcome(result.exit_code, result.stdout, result.stderr)


def located(line: str) -> tuple[str, int | None]:
    """(file, line) named at the start of an error line."""
    m = re.match(r"layout: (?:error|warning): (.+?):(?:(\d+):)? ", line)
    assert m, line
    return m.group(1), int(m.group(2)) if m.group(2) else None


@pytest.fixture
def issue(tmp_path, sample_dir) -> Path:
    target = tmp_path / "issue"
    shutil.copytree(sample_dir, target)
    return target


def add_style(issue: Path, yaml_text: str) -> None:
    """Insert a `style:` block (indented YAML lines) before `pages:` in issue.yaml."""
    path = issue / "issue.yaml"
    text = path.read_text("utf-8")
    block = "style:\n" + "".join(f"  {line}\n" for line in yaml_text.splitlines())
    path.write_text(text.replace("pages:", block + "pages:", 1), "utf-8")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of `path` holding `needle`."""
    for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def style_builder(edition: Path, tmp_path: Path):
    """A function building a copy of `edition` (PDF, a new process) with a `style:` block
    put in its manifest; it returns the finished process (its exit code and stderr)."""
    issue = tmp_path / edition.name
    shutil.copytree(edition, issue)
    manifest = issue / "issue.yaml"
    original = manifest.read_text("utf-8")
    repo = Path(__file__).resolve().parents[1]

    def build_with(style_text: str) -> subprocess.CompletedProcess:
        manifest.write_text(original.replace("pages:", style_text + "pages:", 1), "utf-8")
        return subprocess.run([sys.executable, "-m", "layout", "build", str(issue), "-o",
                               str(tmp_path / "out"), "--format", "pdf"], capture_output=True,
                              text=True, cwd=repo)

    return build_with
