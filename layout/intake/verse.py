"""Verse in the copy: runs of short lines that must keep their line breaks (makeup.md 副刊).

A poem is recognised where the 副刊 conventions announce one: after a 副刊
byline (`□ 名`, `文／名`) — or a paragraph ending with a colon that quotes
verse —, a run of at least three short lines most of which do not end a
sentence or a list's item (`；`) (a long line between two of them included); under a heading that
names verse (诗/词 forms such as 七律·…, 组诗, 外一首), or in Markdown from a
line whose break the writer kept (two spaces at its end), a run of at least
two short lines, punctuated or not. A verse line ends no sentence inside it and
holds at most one pause; in typeset copy a run of mostly full lines is prose.
Blank lines inside the run are stanza breaks. The run stops at a line too
long for verse or at a byline or 电头; when it stops at a byline or 电头 it
has taken the next story's title, and its last line goes back, as does a
last one-line stanza followed by prose (the next story's title).
"""
from __future__ import annotations

from layout.intake import patterns as P
from layout.intake.chars import ends_sentence, is_han
from layout.intake.joins import runs_on
from layout.intake.lines import Line, LineKind, em_width, headline_like
from layout.intake.shape import Gap, Shape, ShapeKind
from layout.intake.words import word_cut

_MIN_LINES = 3
_MIN_LINES_UNDER_HEADING = 2
_OPEN_SHARE = 0.6
_LONG_LINE_MAX = 60   # characters of a long verse line kept inside a run


def _short(line: Line, shape: Shape) -> bool:
    """Short, with Han, no sentence ended inside it and at most one pause mark."""
    text = line.text
    if line.kind is not LineKind.TEXT or not any(is_han(c) for c in text):
        return False
    if em_width(text) > P.VERSE_MAX_EMS or any(c in "。！？!?；;" for c in text[:-1]):
        return False
    if sum(1 for c in text[:-1] if c in P.PAUSE_MARKS) > 1 or text[0] in P.NO_LINE_START \
            or text.startswith(("——", "--")):   # a 副题 under the next story's title
        return False
    if P.CLOSING_DATE.match(text) or P.CLOSING_FORMULA.match(text):
        return False   # a notice's 落款 (`特此通知。`, `2026年12月2日`): no verse
    return True   # in typeset copy, a run of mostly full lines is prose (`_prose_lines`)


def _prose_lines(lines: list[Line], run: list[int], shape: Shape) -> bool:
    """In typeset copy, a run most of whose lines are nearly full is prose, not verse — unless
    it has stanza breaks (blank lines) and none of its breaks falls inside a word: a verse
    line ends on a word, a line of prose wherever the width falls."""
    if shape.kind is not ShapeKind.TYPESET:
        return False
    near_full = sum(1 for j in run if shape.full - 3 <= shape.width(lines[j]) <= shape.high)
    if near_full * 2 <= len(run):
        return False
    stanzas = any(lines[j].blanks for j in run[1:])
    return not stanzas or any(word_cut(lines[j].text, lines[j + 1].text)
                              for j in run[:-1] if j + 1 in run)


def _cut(lines: list[Line], run: list[int]) -> bool:
    """Two lines of the run are one piece of text cut in two (`母亲19` + `82年`, a mark
    opening a line): prose cut at a width, not verse."""
    return any(runs_on(lines[j].text, lines[j + 1].text) for j in run[:-1] if j + 1 in run)


def _long_verse(lines: list[Line], j: int, shape: Shape, run: list[int]) -> bool:
    """A long line between two verse lines, with no sentence ended inside it, is verse too —
    the last of a stanza as well, when the blank lines after it are a stanza break the run
    has already had."""
    text = lines[j].text
    if not (lines[j].kind is LineKind.TEXT and len(text) <= _LONG_LINE_MAX
            and not any(c in "。！？!?；;" for c in text[:-1])
            and j + 1 < len(lines) and _short(lines[j + 1], shape)):
        return False
    after = lines[j + 1]
    return shape.gap(after) is Gap.NONE or (
        after.blanks and any(lines[k].blanks == after.blanks for k in run[1:]))


def _run(lines: list[Line], start: int, shape: Shape) -> list[int]:
    run, j = [], start
    while j < len(lines) and (_short(lines[j], shape)
                              or (run and _long_verse(lines, j, shape, run))):
        run.append(j)
        j += 1
    if len(run) < 2:
        return run
    usual = min(lines[k].blanks for k in run[1:])
    after = lines[j] if j < len(lines) else None
    if after is not None and (after.kind in (LineKind.BYLINE, LineKind.DATELINE)
                              or (after.kind is LineKind.TEXT
                                  and after.text.startswith(("——", "--")))):
        return run[:-1]   # the run took the next story's title (副刊 titles are one line; a
                          # 副题 under it stops the run as its byline does)
    if after is not None and after.kind is LineKind.TEXT and lines[run[-1]].blanks > usual:
        return run[:-1]   # a one-line last stanza before prose: the next story's title
    if after is not None and _prose_opening(lines[run[-1]], after, shape):
        return run[:-1]   # the first line of the prose after the verse
    return _without_prose_tail(lines, run, shape)


def _without_prose_tail(lines: list[Line], run: list[int], shape: Shape) -> list[int]:
    """In typeset copy, full lines ending the run with text right under them (no blank line)
    are the prose's first lines (`外婆每回都在他的摊前停下，买上一块` over `豆腐，再顺手…`
    after the quoted verse), not verse."""
    while run and shape.kind is ShapeKind.TYPESET and shape.in_band(lines[run[-1]]):
        after = lines[run[-1] + 1] if run[-1] + 1 < len(lines) else None
        if after is None or after.kind is not LineKind.TEXT or after.blanks:
            break
        run = run[:-1]
    return run


def _prose_opening(last: Line, after: Line, shape: Shape) -> bool:
    """In typeset copy whose indents were lost, a line two characters short that a full line
    continues is a paragraph's first line, not verse."""
    return shape.kind is ShapeKind.TYPESET and shape.indent_lost \
        and shape.first_line_width(last) and shape.in_band(after) \
        and shape.gap(after) is Gap.NONE and not ends_sentence(last.text)


def _opener(lines: list[Line], i: int) -> tuple[int, bool] | None:
    """(first line of the verse, under a verse heading) when line `i` announces a poem."""
    line = lines[i]
    if line.kind is LineKind.BYLINE and line.literary:
        heading = i > 0 and bool(P.POEM_HEADING.search(lines[i - 1].text))
        return i + 1, heading
    if line.kind is LineKind.TEXT and P.POEM_HEADING.search(line.text) and headline_like(line.text):
        follows = i + 1 < len(lines) and lines[i + 1].kind is LineKind.BYLINE
        return (None if follows else (i + 1, True))
    if line.kind is LineKind.TEXT and line.text[-1] in "：:" and not headline_like(line.text):
        return i + 1, False   # text introducing lines quoted as verse (我到现在还背得出来：)
    if line.hard_break and (i == 0 or line.blanks or not lines[i - 1].hard_break):
        return i, True        # Markdown lines ending in two spaces: breaks the writer kept
    return None


def _closed(text: str) -> bool:
    """A line that closes what it says: a sentence, or a list's item (`；`: `一、…沿街商铺；`
    under `以下区域将暂停供电：` is a list, not verse)."""
    return ends_sentence(text) or text[-1] in "；;"


def verse_lines(lines: list[Line], shape: Shape) -> dict[int, bool]:
    """Index in `lines` → whether a stanza break comes before it, for every verse line."""
    out: dict[int, bool] = {}
    scanned = 0   # lines already looked at as verse: each line is scanned once (linear time)
    for i in range(len(lines)):
        found = _opener(lines, i)
        if found is None or found[0] < scanned:
            continue
        start, heading = found
        run = _run(lines, start, shape)
        scanned = max(scanned, run[-1] + 1 if run else start)
        need = _MIN_LINES_UNDER_HEADING if heading else _MIN_LINES
        open_lines = sum(1 for j in run if not _closed(lines[j].text))
        if len(run) < need or (not heading and open_lines < _OPEN_SHARE * len(run)) \
                or _prose_lines(lines, run, shape) or _cut(lines, run):
            continue
        usual = min((lines[j].blanks for j in run[1:]), default=0)
        for k, j in enumerate(run):
            out[j] = k > 0 and lines[j].blanks > usual
    return out
