"""Helpers of the DOCX import tests: export, whole-folder diffs, the command line."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from layout.cli import app
from layout.errors import Diagnostics
from layout.export import ExportJob
from layout.export.docx import write_docx
from layout.manifest import load_issue
from layout.options import BuildOptions


def export(issue_dir: Path, target: Path) -> Path:
    issue = load_issue(issue_dir, Diagnostics())
    write_docx(ExportJob(issue, None, BuildOptions(), Diagnostics()), target)
    return target


def state(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (relative path → bytes): the whole issue, not only articles/."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def replaced(text: str, *edits: tuple[str, str]) -> str:
    """`text` with each (old, new) applied; every `old` must occur exactly once."""
    for old, new in edits:
        assert text.count(old) == 1, (old, text.count(old))
        text = text.replace(old, new)
    return text


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def cli_import(docx: Path, folder: Path, *options: str) -> Result:
    """`layout import DOCX --issue FOLDER OPTIONS…` through the real command line."""
    result = CliRunner().invoke(app, ["import", str(docx), "--issue", str(folder), *options])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr)


def assert_changed_only(folder: Path, before: dict[str, bytes], expected: dict[str, str]) -> None:
    """Exactly the files in `expected` changed in the whole issue folder, to exactly that text."""
    after = state(folder)
    assert changed(before, after) == set(expected), changed(before, after)
    for name, text in expected.items():
        assert after[name].decode("utf-8") == text, name


def article_text(folder: Path, article_id: str) -> str:
    return (folder / "articles" / f"{article_id}.md").read_text(encoding="utf-8")
