"""Every message wrapped in _() has its Chinese in the catalog, with the same placeholders."""
from __future__ import annotations

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
    ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
    ({}, "en")])
def test_language_follows_layout_lang_then_the_locale(monkeypatch, env, expected):
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
