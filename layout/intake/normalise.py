"""The normaliser: applies the rule table to a piece of text and reports every change.

`normalise(text, role)` returns the cleaned text and one `Change` per edit
(rule, text before, text after, position in the text as that rule saw it).
Each rule runs until it finds nothing more to change, and the table runs
until a whole pass changes nothing, so `normalise` is idempotent by
construction. URLs and e-mail addresses are never touched, and the spaces
that set them off from Chinese text are kept so an address stays delimited.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from layout.intake.chars import protected_spans
from layout.intake.rules import RULES, Edit, Rule

_TRIGGERS = tuple((rule, re.compile(rule.trigger)) for rule in RULES)
_ANY_TRIGGER = re.compile("|".join(f"(?:{rule.trigger})" for rule in RULES if rule.trigger)
                          if all(rule.trigger for rule in RULES) else "")
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
    """The edit lies outside every span (and, unless `touching`, does not abut one).
    `spans` are sorted and disjoint, so only the span at or before `end` can meet it."""
    k = bisect.bisect_right(spans, (end, float("inf"))) - 1
    if k < 0:
        return True
    lo, hi = spans[k]
    if touching:
        return end <= lo or start >= hi
    return end < lo or start > hi


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
        edits = rule.edits(text)
        if edits:
            spans = protected_spans(text)
            edits = [e for e in edits if _outside(spans, e[0], e[1], rule.touches_addresses)]
        if not edits:
            break
        changes += [Change(rule.name, text[s:e], new, s) for s, e, new in sorted(edits)]
        text = _apply(text, edits)
    return text


def normalise(text: str, role: str = "body", markdown: bool = False) -> Normalised:
    """Clean `text` for an article part of the given role (body, heading, verse or credit);
    `markdown` also removes emphasis and code markup. A rule whose trigger is not in the
    text is not run, and text with no trigger at all is returned as it is."""
    changes: list[Change] = []
    if not _ANY_TRIGGER.search(text):
        return Normalised(text, ())
    for _ in range(_MAX_PASSES):
        before = text
        for rule, trigger in _TRIGGERS:
            if role in rule.roles and (markdown or not rule.markdown_only) \
                    and trigger.search(text):
                text = _run_rule(rule, text, changes)
        if text == before:
            break
    return Normalised(text, tuple(changes))
