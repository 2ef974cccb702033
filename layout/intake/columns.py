"""A page dumped with its columns side by side (`pdftotext -layout`), read column by column.

Text taken from a PDF page set in two columns while keeping its layout puts a line of each
column on one line of the dump: the left column's line, the spaces to the right column's x,
and the right column's line (or only spaces and the right column's line where the left one
is blank). Read as it stands, every story would be cut into the next one line by line.

Where enough lines (`_MIN_PAIRS`, and `_PAIR_SHARE` of the lines with text) hold a run of
three or more spaces after which text starts at one x (the right column's, give or take
`_X_SLACK` columns, counted as a terminal counts them: a Han character two), the copy is
read page by page (a form feed opens each page: `page_starts`): the left column's lines first, then the
right column's, each line cut at the first such run whose text starts at that x. A left
line wider than its column (a headline set across both) is kept whole. Each line keeps the
line of the dump it came from (`Plan.source_line`), so the report's line numbers still point
into the file.
"""
from __future__ import annotations

import re
from collections import Counter
from layout.intake.lines import Line, read_lines

_GAP = re.compile(r"(?<=\S) {3,}(?=\S)|^ {8,}(?=\S)")
_MIN_PAIRS = 8
_PAIR_SHARE = 0.3
_X_SLACK = 2


def _columns(text: str) -> int:
    return sum(1 if ord(c) < 0x2000 else 2 for c in text)


def _right_starts(line: str) -> list[int]:
    """The display columns at which text starts after a run of spaces, and their offsets."""
    return [m.end() for m in _GAP.finditer(line)]


def _column_x(lines: list[str]) -> int | None:
    """The right column's x: the commonest display column text starts at after a gap, when
    enough lines share it."""
    xs = Counter(_columns(ln[:end]) for ln in lines for end in _right_starts(ln))
    if not xs:
        return None
    x, _ = xs.most_common(1)[0]
    pairs = sum(1 for ln in lines if _split_at(ln, x) is not None)
    with_text = sum(1 for ln in lines if ln.strip())
    return x if pairs >= _MIN_PAIRS and pairs >= _PAIR_SHARE * with_text else None


def _split_at(line: str, x: int) -> int | None:
    """Offset in `line` of the right column's text, or None when the line has none."""
    for end in _right_starts(line):
        if abs(_columns(line[:end]) - x) <= _X_SLACK or _columns(line[:end]) > x:
            return end
    return None


def page_starts(raw: bytes) -> frozenset[int]:
    """The lines of a file (1-based, as its text is numbered once the form feeds, control
    characters, are taken out) that a form feed opens: a dump's new pages. Counted in bytes,
    which any encoding that keeps ASCII as it is allows."""
    return frozenset(raw.count(b"\n", 0, m.start()) + 1 for m in re.finditer(b"\x0c", raw))


def _pages(source: str, starts: frozenset[int]) -> list[list[tuple[int, str]]]:
    """The dump's lines, numbered as `read_lines` numbers them, page by page: a new page at
    each line of `starts`."""
    pages: list[list[tuple[int, str]]] = [[]]
    for number, raw in enumerate(source.splitlines(), start=1):
        if number in starts and pages[-1]:
            pages.append([])
        pages[-1].append((number, raw))
    return pages


def unfold(source: str, starts: frozenset[int] = frozenset()) -> tuple[str, list[int]] | None:
    """The copy read column by column, page by page (a page starting at each line of
    `starts`), and for each of its lines the line of `source` it came from; None when `source`
    is not a dump of columns side by side."""
    pages = _pages(source, starts)
    x = _column_x([text for page in pages for _, text in page])
    if x is None:
        return None
    out: list[tuple[int, str]] = []
    for page in pages:
        left, right = [], []
        for number, text in page:
            at = _split_at(text, x)
            left.append((number, text if at is None else text[:at].rstrip()))
            right.append((number, "" if at is None else text[at:]))
        out += left + right
    return "\n".join(text for _, text in out) + "\n", [number for number, _ in out]


def source_lines(source: str, markdown: bool = False,
                 starts: frozenset[int] = frozenset()) -> tuple[list[Line], tuple[int, ...]]:
    """`read_lines` of the copy — its columns read one after the other where it is a dump of
    columns side by side —, and then the line of `source` each line read stands on (else
    empty: the copy's lines are the file's)."""
    unfolded = None if markdown else unfold(source, starts)
    if unfolded is None:
        return read_lines(source, markdown), ()
    text, numbers = unfolded
    return read_lines(text), tuple(numbers)
