"""The normaliser: applies the rule table to a piece of text and reports every change.

`normalise(text, role)` returns the cleaned text and one `Change` per edit
(rule, text before, text after, position in the text as that rule saw it).
Each rule runs until it finds nothing more to change, and the table runs
until a whole pass changes nothing, so `normalise` is idempotent by
construction. URLs and e-mail addresses are never touched, and the spaces
that set them off from Chinese text are kept so an address stays delimited.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.intake.chars import protected_spans
from layout.intake.rules import RULES, Edit, Rule

_MAX_PASSES = 8  # rules only ever narrow ASCII to full width or drop spaces: a few passes settle


@dataclass(frozen=True, slots=True)
class Change:
    """One edit made by one rule."""

    rule: str
    before: str
    after: str
    position: int  # offset in the text as the rule saw it


@dataclass(frozen=True, slots=True)
class Normalised:
    text: str
    changes: tuple[Change, ...]


def _outside(spans: list[tuple[int, int]], start: int, end: int, touching: bool) -> bool:
    """The edit lies outside every span (and, unless `touching`, does not abut one)."""
    if touching:
        return all(end <= lo or start >= hi for lo, hi in spans)
    return all(end < lo or start > hi for lo, hi in spans)


def _apply(text: str, edits: list[Edit]) -> str:
    out, last = [], 0
    for start, end, new in sorted(edits):
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])
    return "".join(out)


def _run_rule(rule: Rule, text: str, changes: list[Change]) -> str:
    for _ in range(_MAX_PASSES):
        spans = protected_spans(text)
        edits = [e for e in rule.edits(text)
                 if _outside(spans, e[0], e[1], rule.touches_addresses)]
        if not edits:
            break
        changes += [Change(rule.name, text[s:e], new, s) for s, e, new in sorted(edits)]
        text = _apply(text, edits)
    return text


def normalise(text: str, role: str = "body", markdown: bool = False) -> Normalised:
    """Clean `text` for an article part of the given role (body, heading or credit);
    `markdown` also removes emphasis and code markup."""
    changes: list[Change] = []
    for _ in range(_MAX_PASSES):
        before = text
        for rule in RULES:
            if role in rule.roles and (markdown or not rule.markdown_only):
                text = _run_rule(rule, text, changes)
        if text == before:
            break
    return Normalised(text, tuple(changes))
