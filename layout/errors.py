"""Errors and warnings that name the file (and line) they are about.

Every stage raises `InputError` for bad input; the command line prints it as
one line without a traceback. Survivable problems become `Warning`s collected
on a `Diagnostics` object and printed at the end of a build. Whatever reaches
the terminal goes through `printable()` (in `layout/cli.py`, once): control
characters, line and paragraph separators, bidirectional overrides and lone
surrogates in a file name or a quoted value are shown escaped (`\x1b`,
`\u2028`), so input can neither retitle the terminal nor split a message.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# C0 (but tab) and C1 controls, DEL, line/paragraph separators, bidi marks and overrides, surrogates
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                          "\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNPRINTABLE_BUT_NEWLINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f"
                                      "\u2028\u2029\u202a-\u202e\u2066-\u2069"
                                      "\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, lines: bool = False) -> str:
    """`text` safe for a terminal: unprintable characters escaped; newlines kept with `lines`."""
    return (_UNPRINTABLE_BUT_NEWLINE if lines else _UNPRINTABLE).sub(_escape, str(text))


def _where(path: Path | str | None, line: int | None) -> str:
    if path is None:
        return ""
    return f"{path}:{line}: " if line else f"{path}: "


class LayoutError(Exception):
    """Base of every error the command line reports as a message."""


class InputError(LayoutError):
    """Bad input: names the file, the line where known, and what to do."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.path, self.line, self.message = path, line, message
        super().__init__(_where(path, line) + message)


class BuildError(LayoutError):
    """The build cannot produce a correct output (e.g. text would be lost)."""


@dataclass(frozen=True, slots=True)
class Warning_:
    """A survivable problem; printed after the build."""

    message: str
    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        return _where(self.path, self.line) + self.message


@dataclass(slots=True)
class Diagnostics:
    """Collects warnings while the stages run."""

    warnings: list[Warning_] = field(default_factory=list)

    def warn(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        self.warnings.append(Warning_(message, str(path) if path else None, line))
