"""Fonts for a whole issue: every character it prints has a face, or the build stops
naming the file and line where the first character without one is written."""
from __future__ import annotations

from pathlib import Path

from layout.fonts.registry import FontSet, MissingCharacters, font_set


def _texts(issue) -> list[tuple[str, Path | None]]:
    """(text, the file it comes from) for everything the issue prints."""
    manifest = issue.root / "issue.yaml" if issue.root else None
    out = [(issue.paper, manifest)]
    out += [(page.name + page.editor, manifest) for page in issue.pages]
    out += [(article.all_text(), article.source) for article in issue.articles()]
    return out


def _first_line(path: Path | None, chars: set[str]) -> int | None:
    """The first line of `path` holding one of `chars`."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n") if path else []
    except OSError:
        return None
    return next((n for n, line in enumerate(lines, start=1) if chars & set(line)), None)


def issue_fonts(issue) -> FontSet:
    """The faces of the issue's house style, extended to cover every character it prints."""
    texts = _texts(issue)
    try:
        return font_set(issue.style, "".join(text for text, _path in texts))
    except MissingCharacters as exc:
        for text, path in texts:
            here = exc.chars & set(text)
            if here:
                raise MissingCharacters(here, path, _first_line(path, here),
                                        len(exc.chars - here)) from None
        raise
