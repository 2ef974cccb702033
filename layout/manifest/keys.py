"""What each manifest and front-matter key may hold: one table per kind of mapping.

A new key is one row in its table (type and range, from the spec types the
house style uses too) and a line in README.md. `check()` converts a mapping
by its table: errors name the file and the key's line; unknown keys warn
with the nearest known name (or fail, for the page editor's hints, which
would otherwise be silently ignored).
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from layout.errors import Diagnostics, InputError
from layout.i18n import _
from layout.manifest.ads import AdSize, At
from layout.manifest.edition import Box, Tint
from layout.manifest.text import join_lines, nfc
from layout.style.schema import Choice, Context, Invalid, Size, Text, Whole, shown

Spec = Callable[[Any, Context], Any]

KINDS = ("story", "photo", "brief", "poem", "ad")   # ad: issue 12's reserved blocks
UNTITLED_KINDS = ("photo", "ad")                     # may leave out `title`
POSITIONS = ("top", "bottom", "left", "right",   # a corner pins an ad; a hint for others
             "top-left", "top-right", "bottom-left", "bottom-right")
AD_KEYS = ("file", "size", "epub")                   # front-matter keys of an ad only
DIRECTIONS = ("horizontal", "vertical")             # 横排, 竖排
FIRST_DATE, LAST_DATE = dt.date(1900, 1, 31), dt.date(2099, 12, 31)  # the 农历 calendar's range
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


@dataclass(frozen=True, slots=True)
class Date:
    """An ISO date (2025-06-18) within the range the masthead's 农历 covers."""

    def __call__(self, value: Any, ctx: Context) -> dt.date:
        try:
            date = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        except ValueError:
            raise Invalid(_("{value} is not an ISO date; write e.g. 2025-06-18").format(
                value=shown(value))) from None
        if not FIRST_DATE <= date <= LAST_DATE:
            raise Invalid(_("{value} is outside {first} – {last} (the years the masthead's "
                            "农历 covers); check the date").format(
                                value=date.isoformat(), first=FIRST_DATE, last=LAST_DATE))
        return date


@dataclass(frozen=True, slots=True)
class ArticleId:
    """An article's name: its file is articles/<id>.md, so never a path."""

    def __call__(self, value: Any, ctx: Context) -> str:
        text = value if isinstance(value, str) else str(value) if isinstance(value, int) else ""
        if not _ID.fullmatch(text):
            raise Invalid(_("{value} is not an article id: use letters, digits, - and _ "
                            "(at most 64, e.g. dangjian); the article is then "
                            "articles/<id>.md").format(value=shown(value)))
        return text


@dataclass(frozen=True, slots=True)
class Prose:
    """Text of an article part: its lines joined as body lines are, at most `most` characters."""

    most: int

    def __call__(self, value: Any, ctx: Context) -> str:
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise Invalid(_("{value} is not text; write it as plain text").format(
                value=shown(value)))
        text = nfc(join_lines(str(value).replace("\u2028", "\n").replace("\u2029", "\n")
                              .split("\n")))
        if len(text) > self.most:
            raise Invalid(_("it is {count} characters long; at most {most} fit").format(
                count=len(text), most=self.most))
        return text


@dataclass(frozen=True, slots=True)
class Items:
    """A list of at most `most` entries (each checked where it is read)."""

    least: int
    most: int

    def __call__(self, value: Any, ctx: Context) -> list:
        if value is None:
            value = []
        if not isinstance(value, list):
            raise Invalid(_("must be a list (one '- ' entry per line)"))
        if not self.least <= len(value) <= self.most:
            raise Invalid(_("has {count} entries; give {least} to {most}").format(
                count=len(value), least=self.least, most=self.most))
        return value


@dataclass(frozen=True, slots=True)
class Section:
    """A mapping read by another table (the house-style override)."""

    def __call__(self, value: Any, ctx: Context) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise Invalid(_("must be a mapping of keys (key: value on indented lines)"))
        return value


@dataclass(frozen=True, slots=True)
class Switch:
    """true or false (absent: false)."""

    def __call__(self, value: Any, ctx: Context) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            raise Invalid(_("{value} is not true or false").format(value=shown(value)))
        return value


@dataclass(frozen=True, slots=True)
class Table:
    """The keys of one kind of mapping: what each holds, which are required."""

    what: str                          # English name for messages, translated when shown
    keys: dict[str, Spec]
    required: tuple[str, ...] = ()
    unknown_is_error: bool = False


ISSUE = Table("issue.yaml", {
    "paper": Text(20),                 # default: the house style's paper.name
    "date": Date(),
    "number": Whole(1, 99_999_999),    # 总第…期
    "style": Section(),
    "pages": Items(1, 100),
    "jumps": Choice(("auto", "off")),  # auto: an over-set story continues on the next page
}, required=("date", "pages"))

PAGE = Table("page entry", {
    "number": Whole(1, 999),           # 版次
    "name": Text(12, required=True),   # 版名
    "editor": Text(20),                # 责任编辑
    "articles": Items(0, 64),
    "briefs": Switch(),                # gather short stories into the 简讯 block
}, required=("number", "name"))

ENTRY = Table("article entry", {       # an article on its page, with the page editor's hints
    "id": ArticleId(),
    "columns": Whole(1, 0),            # 0: the grid's columns
    "position": Choice(POSITIONS),
    "photo_columns": Whole(1, 0),
    "headline_size": Size("9pt", "96pt"),
    "at": At(),                        # pinned: {column: 1, row: 40}, from 1
    "continue": Whole(1, 999),         # a jump (转版): the page the article continues on
    "headline": Choice(DIRECTIONS),    # vertical: a 竖题 beside the body; absent: the placer's choice
}, required=("id",), unknown_is_error=True)

ARTICLE = Table("article front matter", {
    "title": Prose(60),                # 主题
    "kicker": Prose(60),               # 引题
    "subtitle": Prose(100),            # 副题
    "byline": Prose(100),
    "dateline": Prose(100),            # 电头
    "kind": Choice(KINDS),
    "photos": Items(0, 20),
    "teaser": Prose(40),               # page 1's 导读 line when the 主题 is too long
    "box": Box(),                      # a frame (花边): true, plain, double, dotted
    "tint": Tint(),                    # a light background: % K, or [c, m, y, k]; ≤ 15 each
    "column": Text(12),                # the recurring column's logo (栏目头), e.g. 铁东时评
    "file": Text(255),                 # an ad's artwork under ads/: an image or a one-page PDF
    "size": AdSize(),                  # an ad's size: 3x20 (columns × rows) or 120mm x 80mm
    "epub": Switch(),                  # an ad also in the EPUB
    "continued_title": Prose(30),      # 续题 over a jump's continuation (else the 主题)
    "direction": Choice(DIRECTIONS),   # vertical: the body top to bottom, right to left (竖排)
})

PHOTO = Table("photo", {
    "file": Text(255, required=True),  # under photos/
    "caption": Prose(1000),
    "credit": Prose(100),
}, required=("file",))


def _unknown(mapping: dict, table: Table, path: Path, diag: Diagnostics) -> None:
    what = _(table.what)
    for key in mapping:
        if key in table.keys:
            continue
        near = difflib.get_close_matches(str(key), list(table.keys), n=1)
        line = mapping.line_of(key) if hasattr(mapping, "line_of") else None
        if table.unknown_is_error:
            hint = _("did you mean '{key}'?").format(key=near[0]) if near else \
                _("known keys: {keys}").format(keys=", ".join(table.keys))
            raise InputError(_("unknown key '{key}' in {what}; {hint}").format(
                key=shown(str(key)), what=what, hint=hint), path, line)
        hint = _("; did you mean '{key}'?").format(key=near[0]) if near else \
            _("; known keys: {keys}").format(keys=", ".join(table.keys))
        diag.warn(_("unknown key '{key}' in {what} (ignored{hint})").format(
            key=shown(str(key)), what=what, hint=hint), path, line)


def check(mapping: dict, table: Table, path: Path, line: int | None, ctx: Context,
          diag: Diagnostics) -> dict[str, Any]:
    """The mapping's known keys, converted; InputError with file:line for any bad value."""
    if not isinstance(mapping, dict):
        raise InputError(_("{what} must be a mapping (key: value), e.g. {keys}").format(
            what=_(table.what), keys=", ".join(f"{k}: …" for k in table.required or
                                                list(table.keys)[:2])), path, line)
    _unknown(mapping, table, path, diag)
    out = {}
    for key, spec in table.keys.items():
        where = mapping.line_of(key, line) if hasattr(mapping, "line_of") else line
        value = mapping.get(key)
        if key in table.required and value in (None, ""):
            raise InputError(_("{what} needs '{key}'").format(what=_(table.what), key=key),
                             path, where)
        try:
            empty = value is None and key not in table.required
            out[key] = spec(value, ctx) if not empty or isinstance(spec, (Text, Prose)) else None
        except Invalid as exc:
            raise InputError(_("'{key}': {problem}").format(key=key, problem=exc.message),
                             path, where) from None
    return out
