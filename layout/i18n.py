"""Messages in the users' language (English or Chinese).

Every message, warning, `--help` text and report heading is written in
English in the code and wrapped in `_()`:

    raise InputError(_("date '{value}' is not an ISO date (write 2025-06-18)").format(value=v))

`layout/locale/zh_CN/LC_MESSAGES/layout.po` holds the Chinese of each one
(a gettext catalog; placeholders in braces are kept as they are). The people
who run `layout` are Chinese newspaper staff, so Chinese is the default:
English is used only when `LAYOUT_LANG` is `en…`, or, without `LAYOUT_LANG`,
when the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) starts with `en`. A bare
`C`/`POSIX` locale, as on a fresh server, gets Chinese. The catalog is read
only when Chinese is wanted.
"""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path

CATALOG = Path(__file__).with_name("locale") / "zh_CN" / "LC_MESSAGES" / "layout.po"


def language() -> str:
    """'en' when LAYOUT_LANG (else the locale) asks for English, 'zh' otherwise."""
    wanted = os.environ.get("LAYOUT_LANG", "")
    if not wanted:
        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            wanted = os.environ.get(name, "")
            if wanted:
                break
    return "en" if wanted.lower().startswith("en") else "zh"


@cache
def _chinese() -> dict[str, str]:
    """The catalog's translations, parsed once and kept in the disk cache by the catalog's
    content (polib's import and parse cost ~0.015 s CPU in every command)."""
    import marshal

    from layout.cache import cached

    def load(raw: bytes) -> dict[str, str]:
        found = marshal.loads(raw)
        if not isinstance(found, dict):
            raise ValueError("not a catalog")
        return found

    return cached("catalog", (CATALOG,), lambda: marshal.dumps(_parse()), load)


def _parse() -> dict[str, str]:
    import polib

    return {e.msgid: e.msgstr for e in polib.pofile(str(CATALOG))
            if e.msgstr and not e.obsolete and "fuzzy" not in e.flags}


def _(message: str) -> str:
    """`message` in the user's language (the English itself when no translation exists)."""
    if language() != "zh":
        return message
    return _chinese().get(message, message)


def reset() -> None:
    """Forget the loaded catalog (tests that edit it, or switch languages)."""
    _chinese.cache_clear()
