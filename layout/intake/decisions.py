"""What an import tells the editor about the copy: lines that fit no part, and guesses.

A `Note` is a line the importer could place in no part of a story (it is
kept as body text). A `Decision` is a choice it made without being sure —
a possible 小标题, a possible story boundary, a possible paragraph end, a
Latin word or number rejoined across a line — listed with its line so the editor can
check the few places that need it. `what` names the kind of choice; the
report words it (`report.DECISIONS`).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Note:
    """A line that fits no part, and where its text went."""

    line: int
    text: str
    why: str


@dataclass(frozen=True, slots=True)
class Decision:
    """A choice made without certainty, at a source line."""

    line: int
    what: str
    text: str


# The kinds of decision, in the order the report explains them.
KINDS = ("run-on", "paragraph-end", "paragraph-length", "headline", "roles-kicker", "roles-subtitle", "subhead",
         "story", "byline", "photo", "photo-story", "photo-own", "portrait", "portrait-head", "caption", "staff-lead",
         "staff-dateline", "latin-join", "number-join", "measure", "measure-wider", "columns")
