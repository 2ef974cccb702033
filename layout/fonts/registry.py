"""The faces of a house style, resolved to files, with per-character fallback.

`FontSet.face_for(role_face, char)` returns the face that actually has the
character: the role's own face, then the house style's fallback order, then
a face made from the system's Noto CJK for characters outside the committed
subsets (see `fallback.py`). A character no face has is reported by name.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from layout.errors import BuildError, InputError
from layout.i18n import _
from layout.fonts.metrics import FaceMetrics, load_metrics
from layout.style import FONT_DIR, HouseStyle
INVISIBLE = frozenset(" \u3000\n\t")


@dataclass(frozen=True, slots=True, eq=False)
class FontSet:
    """Face key → font file and metrics, plus the fallback order (hashed by identity)."""

    paths: dict[str, Path]
    fallback: tuple[str, ...]

    def metrics(self, key: str) -> FaceMetrics:
        return load_metrics(self.paths[key])

    def face_for(self, key: str, char: str) -> str:
        """The face that draws `char`: `key` itself, else the first fallback that covers it."""
        if char in INVISIBLE or self.metrics(key).covers(char):
            return key
        for other in self.fallback:
            if self.metrics(other).covers(char):
                return other
        raise MissingCharacters({char})

    def missing(self, text: str) -> set[str]:
        """Characters of `text` that no face of this set covers."""
        out = set()
        for char in set(text) - INVISIBLE:
            if not any(self.metrics(k).covers(char) for k in (*self.fallback,)):
                out.add(char)
        return out

    def with_face(self, key: str, path: Path) -> "FontSet":
        """This set with one more face, appended to the fallback order."""
        return FontSet({**self.paths, key: path}, (*self.fallback, key))


@cache
def _base_set(files: tuple[tuple[str, str], ...], fallback: tuple[str, ...]) -> FontSet:
    paths = {}
    for key, file in files:
        path = FONT_DIR / file
        if not path.exists():
            raise BuildError(_("font file {path} is missing; run `python fonts/build.py`")
                             .format(path=path))
        paths[key] = path
    return FontSet(paths, fallback)


def font_set(style: HouseStyle, text: str = "") -> FontSet:
    """The faces of `style`; with `text`, extended so that every character is covered."""
    files = tuple(sorted((k, f.file) for k, f in style.faces.items()))
    fonts = _base_set(files, style.fallback)
    missing = fonts.missing(text) if text else set()
    if missing:
        from layout.fonts.fallback import system_fallback_face

        path = system_fallback_face(missing)
        if path is not None:
            fonts = fonts.with_face("system", path)
        still = fonts.missing(text)
        if still:
            raise MissingCharacters(still)
    return fonts


def char_names(chars) -> str:
    """`堃(U+5803) 𠀀(U+20000)`, for messages."""
    return " ".join(f"{c}(U+{ord(c):04X})" for c in sorted(chars))


class MissingCharacters(InputError, BuildError):
    """Characters no face has (not even the system's Noto CJK), where they are written."""

    def __init__(self, chars: set[str], path: Path | None = None, line: int | None = None,
                 others: int = 0):
        self.chars = chars
        if others:
            message = _("no font has these characters: {chars} (and {count} more elsewhere); "
                        "install fonts-noto-cjk or replace them").format(
                            chars=char_names(chars), count=others)
        else:
            message = _("no font has these characters: {chars}; install fonts-noto-cjk or "
                        "replace them").format(chars=char_names(chars))
        super().__init__(message, path, line)
