"""Checks of composed lines against the rule tables (for tests, benches and reports).

`line_problems` lists every broken rule of a composed paragraph: a line
starting with a no-start mark or ending with a no-end one, a split number,
Latin word, —— or ……, a line wider than the measure, a non-last line not
ending at the measure (ragged), and a 孤字.
"""
from __future__ import annotations

from layout.cjk import NEVER, rules
from layout.compose.hyphens import compound_breaks
from layout.compose.types import ComposedParagraph

TOLERANCE = 0.01  # points


def line_problems(par: ComposedParagraph, measure: float, justified: bool = True) -> list[str]:
    """Human-readable problems of `par` set to `measure` points (empty: all rules met)."""
    table = rules()
    out = []
    lines = [ln for ln in par.lines if ln.glyphs]
    url_lines = _has_url(par.text, table)
    pos = 0
    for n, line in enumerate(lines):
        text = line.text
        last = n == len(lines) - 1
        visible = text.rstrip(" \u3000")
        first_c = table.class_of(text[0])
        if n > 0 and table.no_start[first_c]:
            out.append(f"line {n + 1} starts with {text[0]!r}: {text}")
        if not last and visible and table.no_end[table.class_of(visible[-1])]:
            out.append(f"line {n + 1} ends with {visible[-1]!r}: {text}")
        if not last and not line.hyphenated and not _after_hyphen(par.text, pos + len(text), table) \
                and _split(text[-1], lines[n + 1].text[0], url_lines):
            out.append(f"lines {n + 1}/{n + 2} split {text[-1]}|{lines[n + 1].text[0]}")
        if line.width > measure + TOLERANCE:
            out.append(f"line {n + 1} is {line.width - measure:.2f} pt too wide: {text}")
        if justified and not last and abs(line.width - measure) > TOLERANCE:
            out.append(f"line {n + 1} is ragged ({measure - line.width:.2f} pt short): {text}")
        pos += len(text)
    if par.lone_last_line:
        out.append(f"孤字: last line {lines[-1].text!r}")
    return out


def loose_lines(par: ComposedParagraph, em: float) -> int:
    """Lines whose inter-character spacing grew by more than the table's loose limit."""
    limit = rules().loose_em * em
    return sum(1 for ln in par.lines if ln.spacing > limit + 1e-9)


def _split(before: str, after: str, in_url: bool) -> bool:
    """A break rules never allow: inside a number, ——, ……, or a Latin word (URLs excepted)."""
    table = rules()
    a, b = table.class_of(before), table.class_of(after)
    if table.pairs[a][b] != NEVER:
        return False
    digit = table.cls("digit")
    if a == digit and b == digit or table.names[a] in ("dash", "ellipsis"):
        return True
    return not (in_url and table.latinish[a] and table.latinish[b])


def _after_hyphen(text: str, at: int, table) -> bool:
    """A break after the hyphen of a compound or between a date's digit groups: the mark
    ends the line, each part stays whole (`compose.hyphens.compound_breaks`, the table's
    `number_breaks`)."""
    if at in set(compound_breaks(text)):
        return True
    digit = table.cls("digit")
    return (1 < at < len(text) and text[at - 1] in table.number_breaks
            and table.class_of(text[at - 2]) == digit and table.class_of(text[at]) == digit)


def _has_url(text: str, table) -> bool:
    """Whether the paragraph holds a URL or e-mail (where last-resort breaks are allowed)."""
    return any(mark in text for mark in table.url_marks) and "." in text
