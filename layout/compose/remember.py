"""Composed paragraphs and headlines kept on disk between builds.

An editor rebuilds the edition many times a day with small changes; setting
every paragraph again costs most of a build. Results are stored (marshal,
plain tuples) in the disk cache of `layout.cache`, keyed by the spans, the
spec, the font files and a fingerprint of the composer's own code and rule
tables — so a change to either never serves a stale result. The placer
composes an article inside `article_group`, so all of an article's results
share one cache file.
"""
from __future__ import annotations

import hashlib
import marshal
from functools import cache, lru_cache
from pathlib import Path
from typing import Callable

from layout.compose.types import ComposedParagraph, Glyph, HeadlineSet, Line
from layout.fonts import FontSet

_SOURCES = (Path(__file__).parent, Path(__file__).parents[1] / "cjk",
            Path(__file__).parents[1] / "fonts")


ARTICLE_KINDS = frozenset({"para", "head", "words"})   # what an article's cache file holds


@cache
def fingerprint() -> str:
    """A hash of the composer's source files and rule tables."""
    digest = hashlib.sha1()
    for folder in _SOURCES:
        for path in sorted(folder.iterdir()):
            if path.suffix in (".py", ".yaml"):
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _pack_lines(lines: tuple[Line, ...]) -> tuple:
    return tuple((tuple((g.char, g.face, g.size, g.x, g.advance, g.pen_offset) for g in line.glyphs),
                  line.width, line.spacing) for line in lines)


def _unpack_lines(packed: tuple) -> tuple[Line, ...]:
    return tuple(Line(tuple(Glyph(*g) for g in glyphs), width, spacing)
                 for glyphs, width, spacing in packed)


@lru_cache(maxsize=64)
def _fonts(fonts: FontSet) -> str:
    """The font files' identities, as one key string (once per font set)."""
    from layout.cache import key_of

    return key_of("fonts", tuple(sorted((k, Path(p)) for k, p in fonts.paths.items())) + (fonts.fallback,))


def article_group(source: object, fonts: FontSet):
    """A context in which compositions go to the one cache file of the article from
    `source` (its file, or its id): see `layout.cache.group`."""
    from layout.cache import group

    return group("art", (fingerprint(), str(source), _fonts(fonts)), ARTICLE_KINDS)


def _load_paragraph(raw: bytes) -> ComposedParagraph:
    lines, lone = marshal.loads(raw)
    return ComposedParagraph(_unpack_lines(lines), bool(lone))


def remembered_paragraph(key: tuple, fonts: FontSet,
                         make: Callable[[], ComposedParagraph]) -> ComposedParagraph:
    """`make()`, or what it gave before for the same inputs."""
    from layout.cache import cached_object

    def pack(result: ComposedParagraph) -> bytes:
        return marshal.dumps((_pack_lines(result.lines), result.lone_last_line))

    return cached_object("para", (fingerprint(), repr(key), _fonts(fonts)), make, pack,
                         _load_paragraph)


def remembered_headline(key: tuple, fonts: FontSet,
                        make: Callable[[], HeadlineSet]) -> HeadlineSet:
    """`make()` for a headline, or what it gave before for the same inputs: its lines
    and its break decisions (so a rebuild never needs the word segmenter)."""
    from layout.cache import cached_object

    def pack(result: HeadlineSet) -> bytes:
        return marshal.dumps((_pack_lines(result.lines), result.inside_words, result.stubs,
                              result.gaps_ignored))

    def load(raw: bytes) -> HeadlineSet:
        lines, *defects = marshal.loads(raw)
        return HeadlineSet(_unpack_lines(lines), *defects)

    return cached_object("head", (fingerprint(), repr(key), _fonts(fonts)), make, pack, load)
