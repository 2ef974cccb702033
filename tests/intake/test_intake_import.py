"""Import as a whole: deterministic, nothing lost, and the command line around it."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.conftest import SEED, han
from layout.cli import app
from layout.errors import Diagnostics
from layout.intake import import_file

LINES = ["办好民生实事 打造温馨家园", "铁东区平南街道恒吉社区持续优化社区服务", "——副题说明",
         "本报通讯员 王琳", "本报讯(记者 常欣月)近日,社区开展活动。", "正文一段,没有结束",
         "接着的半句。", "完整的一段话。", "本报通讯员 东宣 摄", "短句", "Latin text, kept.",
         "见http://example.com/a,谢谢!", "全角１２３和\"引号\"...", ""]
raw_pages = st.lists(st.sampled_from(LINES), min_size=1, max_size=14).map("\n\n".join)


def _import(text: str, root: Path, name: str) -> dict[str, bytes]:
    src = root / "copy.txt"
    src.write_text(text, encoding="utf-8")
    folder = root / name
    import_file(src, folder, force=False, dry_run=False, diag=Diagnostics())
    return {p.name: p.read_bytes() for p in sorted((folder / "articles").glob("*.md"))}


@settings(max_examples=40, deadline=None)
@given(raw_pages)
def test_import_is_deterministic_and_keeps_every_han_character(text):
    if not text.strip():
        return
    with tempfile.TemporaryDirectory() as tmp:
        first = _import(text, Path(tmp), "a")
        second = _import(text, Path(tmp), "b")
    assert first == second
    assert han(b"".join(first.values()).decode("utf-8")) == han(text)


def test_cli_import_new_and_errors(tmp_path):
    runner = CliRunner()
    issue = tmp_path / "issue"
    result = runner.invoke(app, ["new", str(issue), "--date", "2025-06-18", "--paper", "铁东新闻"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["import", str(SEED), "--issue", str(issue)])
    assert result.exit_code == 0, result.output
    assert "Wrote 7 articles" in result.output and "comma" in result.output
    result = runner.invoke(app, ["import", str(SEED), "--issue", str(issue)])
    assert result.exit_code == 1 and "--force" in result.output and "Traceback" not in result.output
    forced = runner.invoke(app, ["import", str(SEED), "--issue", str(issue), "--force"])
    assert forced.exit_code == 0, forced.output
    bad = tmp_path / "copy.pdf"
    bad.write_bytes(b"%PDF")
    result = runner.invoke(app, ["import", str(bad), "--issue", str(issue)])
    assert result.exit_code == 1 and ".txt" in result.output and ".docx" in result.output
    result = runner.invoke(app, ["new", str(issue), "--date", "2025-06-18", "--paper", "x"])
    assert result.exit_code == 1 and "not an empty folder" in result.output


def test_not_utf8_and_empty_input_are_reported(tmp_path):
    runner = CliRunner()
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("中文稿件".encode("gbk"))
    result = runner.invoke(app, ["import", str(gbk), "--issue", str(tmp_path / "i")])
    assert result.exit_code == 1 and "UTF-8" in result.output
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(empty), "--issue", str(tmp_path / "i")])
    assert result.exit_code == 1 and "no text" in result.output


def test_docx_goes_to_the_docx_importer(tmp_path, monkeypatch):
    import sys
    import types

    calls = []
    fake = types.ModuleType("layout.intake.docx")
    fake.import_docx = lambda path, issue_dir, *, dry_run, diag: calls.append(
        (path, issue_dir, dry_run)) or "docx report"
    monkeypatch.setitem(sys.modules, "layout.intake.docx", fake)
    doc = tmp_path / "Edited.DOCX"
    out = import_file(doc, tmp_path / "i", force=True, dry_run=True, diag=Diagnostics())
    assert out == "docx report" and calls == [(doc, tmp_path / "i", True)]
