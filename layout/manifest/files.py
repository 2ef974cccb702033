"""Files an issue names (articles, photos): always inside the issue folder.

An article id or a photo name is a name, not a way out: a path that leaves
the issue folder, directly or through a symbolic link, is refused, and so
is a name the file system cannot take (a NUL, 300 characters, a link loop).
"""
from __future__ import annotations

import difflib
import errno
from pathlib import Path

from layout.errors import InputError
from layout.i18n import _


def inside_issue(root: Path, folder: str, name: str, source: Path, line: int | None,
                 what: str) -> Path:
    """`root/folder/name`, resolved, refusing what leaves `root` or cannot be a file.

    `source` and `line` are where the name was written (for the message);
    `what` names the thing (article, photo) in the message.
    """
    wanted = root / folder / name
    try:
        real = wanted.resolve()
        inside = real.is_relative_to(root.resolve())
        found = real.is_file()
    except (OSError, RuntimeError, ValueError) as exc:  # a link loop, NUL, a name too long
        if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
            raise InputError(_("{what} '{name}' is a symbolic link that leads back to itself; "
                               "put the file itself in its place").format(what=what, name=name),
                             source, line) from None
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(_("{what} '{name}' cannot be opened as a file ({reason}); rename it "
                           "with letters, digits, - and _").format(
                               what=what, name=name, reason=reason), source, line) from None
    if not inside:
        raise InputError(_("{what} '{name}' leaves the issue folder (it leads to {target}); "
                           "put the file itself under {folder}/ and name it relative to it")
                         .format(what=what, name=name, target=real, folder=folder), source, line)
    if not found:
        raise InputError(_("{what} '{name}' not found: expected {path}").format(
            what=what, name=name, path=wanted) + _nearest(root / folder, name), source, line)
    return real


def _nearest(folder: Path, name: str) -> str:
    """' (did you mean …?)' naming the file of `folder` closest to `name`, if one is close."""
    try:
        names = [p.name for p in folder.iterdir() if p.is_file()]
    except OSError:
        return ""
    near = difflib.get_close_matches(name, names, n=1)
    return _(" (did you mean '{near}'?)").format(near=near[0]) if near else ""
