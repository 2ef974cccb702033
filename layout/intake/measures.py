"""Copy from a page whose stories are set at different widths: the measure read story by story.

A page copied from a PDF mixes column widths — a lead across two columns at
26 ems, a feature at 21, briefs at 13 — so no one width holds for the whole
copy: `shape.detect` finds no measure (the copy reads as one paragraph a
line) or the commonest one, and the lines of every other width are misjudged
(a wrapped line of a narrow column taken for a short line standing alone, a
小标题). Read once with the copy's shape, the stories are found all the same
(a headline group does not depend on the measure); each story's lines, from
its headline group to the line before the next story, are then measured on
their own (`shape.typeset_shape`), and the copy is read again with each
story long enough to tell rejoined by its own measure, until the stories
found stop moving. Whether paragraph starts kept their indent is the page's
habit, told by the starts of all its stories together (a story has too few
to tell). Measuring story by story, not by a window of neighbouring lines,
never lets a measure run across a boundary, where the next story's headline
would be read at the wrong width. Copy of one measure is left to its shape.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from layout.intake.lines import Line, LineKind
from layout.intake.shape import (Shape, ShapeKind, indent_evidence, typeset_shape,
                                 with_indents)

_MIN_STORY_LINES = 6   # text lines a story needs to have its measure read
_MIN_MEASURE = 10      # ems: a column narrower than this is verse or a list, not a measure
_SURE_LINES = 8        # text lines that make a story's measure sure enough to tell copy mixes them
_COVER = 0.5           # share of the text lines measured stories must hold to be used
_LISTED_LINES = 3      # text lines (headline with them) of an unmeasured story worth listing


def _index(numbers: list[int], number: int) -> int:
    """The index of the first line numbered `number` or later (`numbers`: the lines' numbers,
    ascending)."""
    return bisect_left(numbers, number)


def _story_ranges(lines: list[Line], starts: list[int]) -> list[tuple[int, int, int]]:
    """Each story starting on line number `starts[k]`, as (its first line's number, the index
    of its first line in `lines`, the index after its last)."""
    numbers = [ln.number for ln in lines]
    firsts = [_index(numbers, n) for n in starts]
    return list(zip(starts, firsts, firsts[1:] + [len(lines)]))


def _spans(lines: list[Line], stories: list[tuple[int, int | None]]) -> list[tuple[int, int, int]]:
    """(first, kept, end) indexes into `lines` of each story, from its first line number and,
    when its headline group is sure, its first paragraph's (else None): its lines are
    `first:end`, and the joins of `first:kept` stay as the copy's shape decided them — the
    break before the story (the line before is another story's, of another measure), and a
    sure headline group's and its break from the text; of an unsure one only the break after
    its first line, so a wrapped line taken for its 副题 is read again."""
    numbers = [ln.number for ln in lines]
    firsts = [_index(numbers, n) for n, _ in stories]
    ends = firsts[1:] + [len(lines)]
    return [(first, min(end, first + 2 if para is None else _index(numbers, para) + 1), end)
            for first, end, (_, para) in zip(firsts, ends, stories)]


def _text_count(lines: list[Line]) -> int:
    return sum(1 for ln in lines if ln.kind in (LineKind.TEXT, LineKind.DATELINE))


def _mixed(lines: list[Line], shape: Shape, measured: list[tuple[int, int, int, Shape]]) -> bool:
    """Whether two stories long enough to be sure of their measure have run-on bands that do
    not meet, and, in copy read as typeset, one of them a measure outside the copy's band
    (copy of one measure cut raggedly varies from story to story, within its own band)."""
    sure = [s for first, _, end, s in measured if _text_count(lines[first:end]) >= _SURE_LINES]
    if not sure or min(s.high for s in sure) >= max(s.low for s in sure):
        return False
    return shape.kind is not ShapeKind.TYPESET or any(
        not shape.low <= s.full <= shape.high for s in sure)


def _explaining_starts(lines: list[Line], story: Shape) -> Shape:
    """`story`, or the same an em wider when that explains more of its paragraph starts as
    first lines that lost their indent: a story's few lines may put its measure an em short."""
    wider = replace(story, full=story.full + 1, high=max(story.high, story.full + 2.5))
    return wider if indent_evidence(lines, wider)[2] > indent_evidence(lines, story)[2] else story


def story_shapes(lines: list[Line], shape: Shape,
                 stories: list[tuple[int, int | None]]) -> list[Shape] | None:
    """The shape to rejoin each line by, its story's, where the copy mixes measures; None
    when it does not (chunked or Markdown copy, one measure, or too few stories measured).
    `stories`: the first line number of each story found, and its first paragraph's when its
    headline group is sure (else None)."""
    if shape.kind is ShapeKind.CHUNKED or shape.markdown:
        return None
    measured: list[tuple[int, int, int, Shape]] = []
    unsure: set[int] = set()
    for (first, body, end), (_, para) in zip(_spans(lines, stories), stories):
        story = typeset_shape(lines[first:end], shape, _MIN_STORY_LINES)
        if story is not None and story.full >= _MIN_MEASURE:
            measured.append((first, body, end, story))
            unsure |= {first} if para is None else set()
    covered = sum(_text_count(lines[first:end]) for first, _, end, _ in measured)
    if not _mixed(lines, shape, measured) or covered < _COVER * _text_count(lines):
        return None
    same = {first for first, _, _, s in measured
            if first in unsure and _same_measure_before(measured, first, s)}
    measured = [(first, kept, end, _explaining_starts(lines[first:end], s))
                for first, kept, end, s in measured]
    evidence = [indent_evidence(lines[first:end], s) for first, _, end, s in measured]
    totals = [sum(e[k] for e in evidence) for k in range(3)]
    out = [shape] * len(lines)
    for first, kept, end, story in measured:
        out[first:end] = [with_indents(story, *totals)] * (end - first)
        if first not in same:
            out[first:kept] = [shape] * (kept - first)
    return out


def _same_measure_before(measured: list[tuple[int, int, int, Shape]], first: int,
                         story: Shape) -> bool:
    """The story measured right before the one starting at index `first` ends where it starts
    and has its measure: the break between them is no change of width, so a story start found
    without byline, 电头 or news lede there is read again by that measure — a full line of a
    narrow lead (`项目负责人介绍，产业园规划` at 13 ems in copy mostly 21 wide) was taken for
    a short line standing alone, a headline, splitting the lead in two."""
    return any(end == first and abs(s.full - story.full) < 0.5 for _f, _k, end, s in measured)


def unmeasured(lines: list[Line], shape: Shape, shapes: list[Shape] | None,
               starts: list[int]) -> list[int]:
    """Of the stories starting on lines `starts`, in copy mixing measures (`shapes` from
    `story_shapes`, None where it does not), the first lines of those too short to have their
    own measure read, with lines enough to hold a paragraph break: their breaks follow the
    copy's width, not theirs, so each is listed for the editor."""
    if shapes is None:
        return []
    out = []
    for number, first, end in _story_ranges(lines, starts):
        own = lines[first:end]
        if all(s is shape for s in shapes[first:end]) and _text_count(own) >= _LISTED_LINES:
            out.append(number)
    return out


def doubtful(lines: list[Line], shape: Shape, shapes: list[Shape] | None,
             starts: list[int]) -> list[int]:
    """Of the stories starting on lines `starts` that were rejoined by their own measure
    (`shapes` from `story_shapes`), the first lines of those whose measure may be an indent
    short: one an em or two wider explains more of their paragraph starts as first lines that lost
    their indent. A short story's first lines can be most of its lines (`江城百余家餐馆推出
    “半份菜”` at 26 ems read as 24), and a paragraph ending a sentence at what is in truth two
    ems short of the measure runs on: its breaks are listed for the editor."""
    if shapes is None:
        return []
    out = []
    for number, first, end in _story_ranges(lines, starts):
        own = shapes[end - 1] if end > first else shape
        if own is shape:
            continue
        read = indent_evidence(lines[first:end], own)[2]
        if any(indent_evidence(lines[first:end], replace(own, full=own.full + more))[2] > read
               for more in (1, 2)):
            out.append(number)
    return out
