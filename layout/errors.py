"""Errors and warnings that name the file (and line) they are about.

Every stage raises `InputError` for bad input; the command line prints it as
one line without a traceback. Survivable problems become `Warning`s collected
on a `Diagnostics` object and printed at the end of a build.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
