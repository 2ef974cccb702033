"""Every message wrapped in _() has its Chinese in the catalog, with the same placeholders."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import polib
import pytest
from babel.messages.extract import extract_from_dir

import layout
from layout import i18n

PACKAGE = Path(layout.__file__).parent
FIELDS = re.compile(r"\{[^{}]*\}")


def messages_in_code() -> dict[str, str]:
    """msgid → 'file:line' of its first use, for every _("…") literal in the package."""
    found = {}
    for name, line, message, _comments, _context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords={"_": None}):
        if isinstance(message, str):
            found.setdefault(message, f"{name}:{line}")
    return found


def test_every_message_has_chinese():
    catalog = {e.msgid: e.msgstr for e in polib.pofile(str(i18n.CATALOG)) if e.msgid}
    missing = [f"{where}: {msgid!r}" for msgid, where in messages_in_code().items()
               if not catalog.get(msgid)]
    assert not missing, "add these to layout/locale/zh_CN/LC_MESSAGES/layout.po:\n" + "\n".join(missing)


def test_translations_keep_their_placeholders():
    wrong = [e.msgid for e in polib.pofile(str(i18n.CATALOG))
             if e.msgstr and sorted(FIELDS.findall(e.msgid)) != sorted(FIELDS.findall(e.msgstr))]
    assert not wrong


@pytest.mark.parametrize("env, expected", [
    ({"LAYOUT_LANG": "zh"}, "zh"), ({"LAYOUT_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "zh"), ({"LC_ALL": "POSIX"}, "zh"), ({}, "zh")])
def test_language_is_chinese_unless_english_is_asked_for(monkeypatch, env, expected):
    for name in ("LAYOUT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.language() == expected


def test_chinese_is_given_when_asked(monkeypatch):
    entry = next(e for e in polib.pofile(str(i18n.CATALOG)) if e.msgid and e.msgstr)
    monkeypatch.setenv("LAYOUT_LANG", "zh")
    assert i18n._(entry.msgid) == entry.msgstr
    monkeypatch.setenv("LAYOUT_LANG", "en")
    assert i18n._(entry.msgid) == entry.msgid


# Calls whose first argument is a message for the user: it must come from _() (a literal
# or an f-string there would reach Chinese users in English).
MESSAGE_CALLS = {"InputError", "BuildError", "LayoutError", "MissingCharacters", "Invalid",
                 "warn", "echo", "_say", "_fail", "progress"}


def _raw_text(node: ast.AST) -> bool:
    """A string literal, an f-string, or text built from one, outside _()."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value.strip())
    if isinstance(node, ast.BinOp):
        return _raw_text(node.left) or _raw_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr in ("format", "join"):
        return _raw_text(node.func.value)
    return False


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def test_no_message_reaches_the_user_without_going_through_the_catalog():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and _called(node) in MESSAGE_CALLS and node.args \
                    and _raw_text(node.args[0]):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert not found, "wrap these messages in _() and add their Chinese:\n" + "\n".join(found)


def test_no_function_that_translates_rebinds_the_underscore():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for func in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            calls = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_"
                        for n in ast.walk(func))
            binds = any(isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)
                        for n in ast.walk(func))
            if calls and binds:
                found.append(f"{path.relative_to(PACKAGE)}:{func.lineno}: {func.name}")
    assert not found, "these functions call _() but also assign to _:\n" + "\n".join(found)


def test_the_command_lines_own_frame_has_chinese():
    """typer's and click's own words (panel titles, usage, a missing argument) are looked up
    in the catalog too: each one layout hands them has its Chinese."""
    from layout.cli_frame import FRAME_MESSAGES

    catalog = {e.msgid: e.msgstr for e in polib.pofile(str(i18n.CATALOG)) if e.msgid}
    assert [m for m in FRAME_MESSAGES if not catalog.get(m)] == []


@pytest.mark.parametrize("args, words", [
    (["build", "--help"], ["用法", "参数", "选项", "[必填]", "[默认：", "显示本帮助并退出"]),
    (["build"], ["用法", "缺少参数 'ISSUE_DIR'", "查看帮助"]),
    (["build", ".", "--bogus"], ["没有 '--bogus' 这个选项", "是不是 '--out'"]),
])
def test_the_frame_of_help_and_command_line_errors_is_chinese(args, words):
    import os
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "layout", *args], capture_output=True,
                            text=True, env=dict(os.environ, LAYOUT_LANG="zh", COLUMNS="100"),
                            timeout=60)
    text = result.stdout + result.stderr
    for word in words:
        assert word in text, text
    for english in ("Usage:", "Options", "Missing argument", "No such option", "[default:"):
        assert english not in text, text


@pytest.mark.parametrize("locale", [{}, {"LANG": "C.UTF-8"}, {"LC_ALL": "POSIX"}])
def test_a_user_who_set_no_language_reads_chinese(tmp_path, locale):
    """A fresh server (no locale, or C/POSIX) is where a newsroom runs builds: the staff
    read Chinese there without setting anything."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("LAYOUT_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    result = subprocess.run([sys.executable, "-m", "layout", "build", str(tmp_path / "nowhere")],
                            capture_output=True, text=True, env=dict(env, **locale), timeout=60)
    assert result.returncode == 1
    assert "layout：错误：" in result.stderr and "没有 issue.yaml" in result.stderr, result.stderr
