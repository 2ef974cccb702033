"""Corrections made in LibreOffice, driven through UNO, come back exactly — or are reported.

One headless LibreOffice runs for the module (started and stopped here, on a
loopback socket, with a throwaway profile); `uno_driver.py`, run by Debian's
python3 (which has the `uno` module), opens the sample's DOCX for every case,
switches Track Changes on or off, edits it with LibreOffice's own commands
(typing, Delete, Enter, cut and paste, paragraph styles) and saves it as
.docx. Every case is then imported into a fresh copy of the issue, and the
whole issue folder is compared: exactly the intended text in the intended
file changed, or nothing changed and the exit code is 3 with the text in
the report.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree

from layout.export.docx.anchors import parse_name
from tests.conftest import SAMPLE
from tests.intake.docx.helpers import (article_text, assert_changed_only, cli_import, export,
                                       replaced, state)

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SYSTEM_PYTHON = "/usr/bin/python3"
DRIVER = Path(__file__).with_name("uno_driver.py")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

P2 = ("此前，休闲缺场所一直是这两个小区居民的心头事。了解到居民这一需求后，社区积极联系上级包保部门。"
      "在区人大的大力支持下，进一步联动区人大代表，深入小区现场开展勘察选址、规划设计、优化功能布局"
      "等工作，最终让两座凝聚着民生温度与多方合力的休闲凉亭顺利落成。")
NEW_P2 = "此前，小区居民一直缺少休闲场所，两座凉亭如今顺利落成。"
HENGJI, WUYE, DANGJIAN = "articles/hengji.md", "articles/wuye.md", "articles/dangjian.md"
# dangjian's body: p1, p2 (小标题), p3 (全区40个社区), p4, p5 (小标题), p6
DJ = (SAMPLE / DANGJIAN).read_text(encoding="utf-8").split("---\n", 2)[2].strip().split("\n\n")


def _uno_available() -> bool:
    if SOFFICE is None or not Path(SYSTEM_PYTHON).exists():
        return False
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


pytestmark = pytest.mark.skipif(not _uno_available(), reason=(
    "LibreOffice with Debian's python3-uno is needed; `make test` installs "
    "libreoffice-writer-nogui and python3-uno"))


@dataclass
class Case:
    """Edits in LibreOffice and what the import must do with them."""

    ops: list[dict]
    edits: dict[str, list[tuple[str, str]]] = field(default_factory=dict)   # file → (old, new)
    held: list[str] = field(default_factory=list)  # untracked: exit 3 and these in the report
    untracked_held: list[str] = field(default_factory=list)
    options: tuple[str, ...] = ()
    tracked_only: bool = False
    formatting_only: bool = False   # Track Changes records no text revision


def at(mark: str, offset, length: int = 0, text: str | None = None) -> dict:
    op = {"op": "type" if text is not None else "delete", "mark": mark, "at": offset,
          "len": length}
    if text is not None:
        op["text"] = text
    return op


CASES: dict[str, Case] = {
    "first character": Case([at("hengji:p2", 0, 1, "以")],
                            {HENGJI: [("此前，休闲", "以前，休闲")]}),
    "insert at the start": Case([at("hengji:p2", 0, 0, "据悉，")],
                                {HENGJI: [("\n此前，休闲", "\n据悉，此前，休闲")]}),
    "middle": Case([at("hengji:p2", 3, 5, "缺少休闲场所")],
                   {HENGJI: [("休闲缺场所", "缺少休闲场所")]}),
    "delete in the middle": Case([at("hengji:p2", 3, 2)], {HENGJI: [("此前，休闲缺", "此前，缺")]}),
    "last character": Case([at("hengji:p2", -1, 1, "！")], {HENGJI: [("顺利落成。", "顺利落成！")]}),
    "append at the end": Case([at("hengji:p2", "end", 0, "（完）")],
                              {HENGJI: [("顺利落成。\n", "顺利落成。（完）\n")]}),
    "whole paragraph retyped": Case([at("hengji:p2", 0, len(P2), NEW_P2)],
                                    {HENGJI: [(P2, NEW_P2)]}),
    "whole paragraph deleted": Case(
        [{"op": "select_paragraph", "mark": "hengji:p2"}, {"op": "delete_selection"}],
        {HENGJI: [(P2 + "\n\n", "")]},
        untracked_held=["hengji 正文 p2: deleted in the DOCX without Track Changes", P2]),
    "whole paragraph deleted, --apply-deletes": Case(
        [{"op": "select_paragraph", "mark": "hengji:p2"}, {"op": "delete_selection"}],
        {HENGJI: [(P2 + "\n\n", "")]}, options=("--apply-deletes",)),
    "title, first character": Case([at("hengji:title", 0, 1, "干")],
                                   {HENGJI: [("办好民生实事", "干好民生实事")]}),
    "title retyped": Case([at("hengji:title", 0, 13, "办好民生实事　共建温馨家园")],
                          {HENGJI: [("打造温馨家园", "共建温馨家园")]}),
    "subtitle, at its end": Case([at("wuye:subtitle", "end", 0, "侧记")],
                                 {WUYE: [("专题调研\"", "专题调研侧记\"")]}),
    "dateline, inside": Case([at("hengji:dateline", 11, 3, "实习生")],
                             {HENGJI: [("通讯员 东宣", "实习生 东宣")]}),
    "typed after the dateline": Case([at("hengji:dateline", "end", 0, "6月15日，")],
                                     {HENGJI: [("\n为不断优化", "\n6月15日，为不断优化")]}),
    "photo caption": Case([at("yizhen:caption1", 0, 6, "为了提升")],
                          {"articles/yizhen.md": [("为进一步提升", "为了提升")]}),
    "byline": Case([at("dangjian:byline", 2, 3, "记者")],
                   {"articles/dangjian.md": [("本报通讯员 王琳", "本报记者 王琳")]}),
    "two paragraphs merged": Case([{"op": "join", "mark": "hengji:p2"}],
                                  {HENGJI: [("顺利落成。\n\n凉亭虽小", "顺利落成。凉亭虽小")]}),
    "paragraph split": Case([{"op": "enter", "mark": "hengji:p2", "at": 23}],
                            {HENGJI: [("心头事。了解", "心头事。\n\n了解")]}),
    "paragraph moved by cut and paste": Case(
        [{"op": "select_paragraph", "mark": "hengji:p2"}, {"op": "cut"},
         {"op": "paste", "mark": "wuye:title", "at": 0}],
        {HENGJI: [(P2 + "\n\n", ""), ("的社区家园。\n", "的社区家园。\n\n" + P2 + "\n")]}),
    "copied, pasted, then the original deleted": Case(
        [{"op": "select_paragraph", "mark": "hengji:p2"}, {"op": "copy"},
         {"op": "paste", "mark": "wuye:title", "at": 0},
         {"op": "select_paragraph", "mark": "hengji:p2"}, {"op": "delete_selection"}],
        {HENGJI: [(P2 + "\n\n", ""), ("的社区家园。\n", "的社区家园。\n\n" + P2 + "\n")]}),
    "paragraph copied and pasted": Case(
        [{"op": "select_paragraph", "mark": "hengji:p2"}, {"op": "copy"},
         {"op": "paste", "mark": "wuye:title", "at": 0}],
        held=["the same paragraph stands twice in the DOCX"]),
    "new paragraph after the last": Case(
        [{"op": "enter", "mark": "hengji:p3", "at": "end"},
         {"op": "type", "text": "（本报记者常欣月整理）"}],
        {HENGJI: [("的社区家园。\n", "的社区家园。\n\n（本报记者常欣月整理）\n")]}),
    "new kicker above a title": Case(
        [{"op": "enter", "mark": "wuye:title", "at": 0}, {"op": "up"},
         {"op": "style", "name": "引题"}, {"op": "type", "text": "聚焦民生实事"}],
        {WUYE: [("\n---\n", "\nkicker: \"聚焦民生实事\"\n---\n")]}),
    "subhead edited": Case([at("dangjian:p2", 0, 4, "夯实根基")],
                           {"articles/dangjian.md": [("## 固本强基", "## 夯实根基")]}),
    "body paragraph made a subhead": Case(
        [{"op": "type", "mark": "hengji:p3", "at": 0, "len": 0, "text": ""},
         {"op": "style", "name": "小标题"}],
        {HENGJI: [("\n凉亭虽小", "\n## 凉亭虽小")]}, formatting_only=True),
    "dateline retyped": Case([at("wuye:dateline", 0, 18, "本报讯（记者 常欣月）")],
                             {WUYE: [("记者 常欣月 通讯员 东宣）", "记者 常欣月）")]}),
    "several edits in one paragraph": Case(
        [at("hengji:p2", -1, 1, "！"), at("hengji:p2", 3, 2, "缺少"), at("hengji:p2", 0, 1, "以")],
        {HENGJI: [("此前，休闲缺", "以前，缺少缺"), ("顺利落成。", "顺利落成！")]}),
    "merged across two articles": Case([{"op": "join", "mark": "hengji:p3"}],
                                       held=["one paragraph holds parts that belong apart"]),
    "moved into another article": Case(
        [{"op": "select_paragraph", "mark": "hengji:p2"}, {"op": "cut"},
         {"op": "paste", "mark": "wuye:p2", "at": 0}],
        held=["sits among another article's paragraphs", P2]),
    # a copy editor's session: a number changed, a paragraph moved by cut and paste (the
    # 小标题 after it keeps its style: LibreOffice gives it the cut paragraph's when tracked),
    # one split, one deleted, and a correction in another article
    "a session of edits": Case(
        [at("dangjian:p3", DJ[2].index("40"), 2, "41"),
         {"op": "enter", "mark": "dangjian:p6", "at": DJ[5].index("开展")},
         {"op": "select_paragraph", "mark": "dangjian:p4"}, {"op": "delete_selection"},
         {"op": "select_paragraph", "mark": "dangjian:p1"}, {"op": "cut"},
         {"op": "paste", "mark": "dangjian:p5", "at": 0},
         at("hengji:p2", 3, 5, "缺少休闲场所")],
        {DANGJIAN: [(DJ[0] + "\n\n", ""), ("对全区40个社区", "对全区41个社区"),
                    (DJ[3] + "\n\n", DJ[0] + "\n\n"),
                    ("解决群众急难愁盼。开展", "解决群众急难愁盼。\n\n开展")],
         HENGJI: [("休闲缺场所", "缺少休闲场所")]}, options=("--apply-deletes",)),
    "wrong-width punctuation": Case(
        [at("hengji:p2", 3, 0, '据"居民"反映...４０名志愿者--')],
        {HENGJI: [("此前，休闲", "此前，据“居民”反映……40名志愿者——休闲")]}),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"soffice exited early ({process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("soffice did not open its socket")


def _names(docx_path: Path) -> dict[str, str]:
    """'hengji:p2' → the bookmark's name in the exported DOCX."""
    root = etree.fromstring(zipfile.ZipFile(docx_path).read("word/document.xml"))
    out = {}
    for mark in root.iter(W + "bookmarkStart"):
        parsed = parse_name(mark.get(W + "name"))
        if parsed:
            out[f"{parsed.ref}:{parsed.field}"] = mark.get(W + "name")
    return out


def _jobs(base: Path, folder: Path, port: int) -> tuple[dict, dict[str, Path]]:
    names, cases, outputs = _names(base), [], {}
    for name, case in CASES.items():
        for track in (True, False) if not case.tracked_only else (True,):
            key = f"{name} [{'tracked' if track else 'untracked'}]"
            out = folder / f"{len(outputs):02d}.docx"
            ops = [dict(op, mark=names[op["mark"]]) if "mark" in op else op for op in case.ops]
            cases.append({"src": str(base), "out": str(out), "track": track, "ops": ops})
            outputs[key] = out
    return {"port": port, "author": "校对 刘", "cases": cases, "quit": True}, outputs


@pytest.fixture(scope="module")
def edited(sample_dir, tmp_path_factory) -> dict[str, Path]:
    """Every case edited and saved by one LibreOffice process; case key → the saved DOCX."""
    folder = tmp_path_factory.mktemp("libreoffice")
    base = export(sample_dir, folder / "sample.docx")
    port = _free_port()
    jobs, outputs = _jobs(base, folder, port)
    (folder / "jobs.json").write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ, HOME=str(folder), SAL_USE_VCLPLUGIN="svp")
    office = subprocess.Popen(
        [SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
         f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait_for(port, office)
        driver = subprocess.run([SYSTEM_PYTHON, str(DRIVER), str(folder / "jobs.json")],
                                capture_output=True, text=True, timeout=600, env=env)
        assert driver.returncode == 0, driver.stderr
        failed = [line for line in driver.stdout.splitlines() if not line.startswith("ok ")]
        assert not failed, failed
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            os.killpg(office.pid, signal.SIGTERM)   # the session this fixture started
            office.wait(timeout=30)
    return outputs


KEYS = [f"{name} [{kind}]" for name, case in CASES.items()
        for kind in (("tracked", "untracked") if not case.tracked_only else ("tracked",))]


@pytest.mark.parametrize("key", KEYS)
def test_a_correction_made_in_libreoffice(edited, issue_dir, key):
    name, tracked = key.rsplit(" [", 1)[0], key.endswith("[tracked]")
    case = CASES[name]
    before = state(issue_dir)
    result = cli_import(edited[key], issue_dir, *case.options)
    held = case.held or ([] if tracked else case.untracked_held)
    if held:
        assert result.code == 3, result.output
        assert_changed_only(issue_dir, before, {})
        for phrase in held:
            assert phrase in result.stdout, result.stdout
        return
    assert result.code == 0, result.output
    expected = {path: replaced(before[path].decode("utf-8"), *edits)
                for path, edits in case.edits.items()}
    assert_changed_only(issue_dir, before, expected)
    if tracked and not case.formatting_only:
        assert "tracked changes accepted" in result.stdout and "校对 刘" in result.stdout
    again = cli_import(edited[key], issue_dir, *case.options)      # importing twice: no change
    assert again.code == 0 and "changed 0 article file(s)" in again.stdout, again.output
    assert_changed_only(issue_dir, before, expected)


@pytest.mark.parametrize("mode", ["reject", "report"])
def test_rejected_or_reported_libreoffice_revisions_change_nothing(edited, issue_dir, mode):
    for key in ("middle [tracked]", "whole paragraph deleted [tracked]",
                "paragraph moved by cut and paste [tracked]", "two paragraphs merged [tracked]"):
        before = state(issue_dir)
        result = cli_import(edited[key], issue_dir, "--track-changes", mode)
        assert result.code == (0 if mode == "reject" else 3), (key, result.output)
        assert_changed_only(issue_dir, before, {})


def test_a_reporters_later_update_is_not_overwritten(edited, issue_dir):
    path = issue_dir / HENGJI
    path.write_text(replaced(article_text(issue_dir, "hengji"), ("心头事", "烦心事")),
                    encoding="utf-8")
    updated = state(issue_dir)
    result = cli_import(edited["middle [untracked]"], issue_dir)
    assert result.code == 3
    assert_changed_only(issue_dir, updated, {})
    assert "exported:  " + P2 in result.stdout
    assert "file now:  " + P2.replace("心头事", "烦心事") in result.stdout
    assert "DOCX:      " + P2.replace("休闲缺场所", "缺少休闲场所") in result.stdout
    result = cli_import(edited["middle [untracked]"], issue_dir, "--force")
    assert result.code == 0
    assert_changed_only(issue_dir, updated, {HENGJI: replaced(
        updated[HENGJI].decode("utf-8"), ("休闲缺场所一直是这两个小区居民的烦心事",
                                          "缺少休闲场所一直是这两个小区居民的心头事"))})


@pytest.mark.parametrize("kind", ["tracked", "untracked"])
def test_a_session_imported_twice_reports_in_chinese(edited, issue_dir, monkeypatch, kind):
    """What the copy editor reads, in Chinese: the first import lists each change (a move
    by its paragraphs' order, the deletion, the split); the second changes nothing, exit 0;
    without --apply-deletes the untracked deletion is held (exit 3) on both imports alike."""
    monkeypatch.setenv("LAYOUT_LANG", "zh_CN")
    docx = edited[f"a session of edits [{kind}]"]
    first = cli_import(docx, issue_dir, "--apply-deletes")
    assert first.code == 0, first.output
    assert "中的 2 个稿件文件" in first.stdout and "对全区4「0 → 1」个社区" in first.stdout
    how = "修订" if kind == "tracked" else "--apply-deletes"
    assert f"dangjian 正文 p4：段落已删除（{how}）：" + DJ[3] in first.stdout
    assert "dangjian 正文 p6：已拆分；此部分为：夯实基层治理指挥体系，解决群众急难愁盼。" in first.stdout
    assert "dangjian 正文：段落顺序改为 p2, p3（已改）, p1, p5, p6（已改）, p6（已改）" in first.stdout
    assert "改为正文" not in first.stdout             # the 小标题 after the cut stays one
    if kind == "tracked":                             # a paragraph mark's revision: no text
        assert "  dangjian 正文 p4：校对 刘 删除段落标记\n" in first.stdout, first.stdout
    again = cli_import(docx, issue_dir, "--apply-deletes")
    assert again.code == 0 and "中的 0 个稿件文件" in again.stdout, again.output
    fresh = issue_dir.parent / "fresh"
    shutil.copytree(SAMPLE, fresh)
    results = [cli_import(docx, fresh) for _n in (1, 2)]
    expected = 0 if kind == "tracked" else 3
    assert [r.code for r in results] == [expected, expected], results
    if kind == "untracked":
        assert all("未应用 dangjian 正文 p4：在 DOCX 中未开修订被删除" in r.stdout
                   for r in results)
        assert "中的 0 个稿件文件" in results[1].stdout


def test_libreoffice_keeps_the_export_snapshot(edited):
    with zipfile.ZipFile(edited["middle [tracked]"]) as z:
        assert "customXml/item1.xml" in z.namelist()
