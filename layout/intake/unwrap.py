"""Lines → units: the copy's lines rejoined into paragraphs and headline lines, by its shape.

Whatever the shape, a line runs on when a mark that may not start a line
opens the next one or one that may not end a line closes it; a byline,
credit or Markdown heading stands alone and an 电头 always opens a unit; a
meaningful blank line (`Shape.gap`) ends one; verse keeps its lines.
Then, by shape:

- `typeset`: a line of the usual width runs on; a shorter one ends its
  paragraph unless the next line's first word would not have fitted on it,
  or it is a paragraph's first line shortened by its lost indent. A
  full-width line ending a sentence runs on only if the next line can
  continue a paragraph — a possible paragraph end, reported — and, when
  indents tell, only if the next line is not indented. A short line that
  looks like a headline and cannot be a paragraph's first line stands alone.
- `chunked` and `paragraphs`: a line that does not end a sentence runs on,
  unless it looks like a headline and stands on its own (it does not stop
  mid-clause: no function word at its end). A chunked piece ending a sentence
  whose length is whole column lines (`Shape.whole_lines`) ends its paragraph
  as a guess, listed: a column may have ended right after a full stop.

Joining is linear: pieces are collected and joined once per unit.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from layout.intake import patterns as P
from layout.intake.chars import ends_sentence, is_han
from layout.intake.decisions import Decision
from layout.intake.heads import DASHES, has_gap
from layout.intake.joins import BreakAt, break_at, dateline_separator, runs_on, separator, vocabulary
from layout.intake.lines import Line, LineKind, em_width, headline_like, plain_headline
from layout.intake.normalise import normalise
from layout.intake.paragraph_ends import cuts, typical_length
from layout.intake.shape import INDENT_MIN_EMS, Gap, Shape, ShapeKind, starts_short
from layout.intake.verse import verse_lines
from layout.intake.words import word_cut

_ASCII = re.compile(r"[A-Za-z0-9]")
_ALONE = (LineKind.BYLINE, LineKind.CREDIT, LineKind.HEADING, LineKind.BREAK)
_FIRST_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%@:/\-_+]*|[“《（「『【〔‘(\[].|.")
_TAIL = 24  # characters enough to tell how a unit's text ends
_PIECE_MIN = 16    # a column's piece of a sentence is at least a column line long
_CAPTION_LINES = 4  # typeset lines a caption may take
_WRAP_MIN, _WRAP_MAX = 60, 100   # columns a mail client wraps at
_WRAP_NEAR = 8      # columns: a wrapped line comes this near the wrap
_WRAP_SHARE = 0.5   # ... and so many of the copy's lines running on do
_MAYBE_END = "maybe-end"   # a full line ends a sentence: run on for now, cut by length later


@dataclass(slots=True)
class Unit:
    """A paragraph, headline line, byline, 电头 paragraph, credit or verse line."""

    kind: LineKind
    first: Line
    last: Line
    pieces: list[str] = field(default_factory=list)
    count: int = 1
    gap: Gap = Gap.NONE
    verse: bool = False
    stanza_break: bool = False
    text: str = ""
    size: int = 0                                       # characters in the pieces so far
    soft: list[tuple[int, Line]] = field(default_factory=list)  # guessed run-ons: offset, line
    ends: list[tuple[int, Line, Line]] = field(default_factory=list)  # maybe-ends: offset, b, a
    widest: float = 0.0    # ems: the widest line inside the measure before the last one

    @property
    def line(self) -> int:
        return self.first.number

    @property
    def literary(self) -> bool:
        return self.first.literary

    @property
    def level(self) -> int:
        return self.first.level

    def tail(self) -> str:
        return "".join(self.pieces[-2:])[-_TAIL:]

    def closed(self) -> bool:
        return ends_sentence(normalise(self.tail()).text)


_QUOTE_SOURCE = re.compile(r"[”\"]——[^，。！？“”]{1,20}$")   # `……”——纺织东院居民杜玉兰`


def paragraph_final(text: str) -> bool:
    """A line that may end a paragraph: a sentence ends, a colon opens a list or quote, or a
    quote's source follows it."""
    return ends_sentence(text) or text[-1] in "：:" or bool(_QUOTE_SOURCE.search(text))


_DATE_HEAD = re.compile(r"\d[年月]$")          # `…2026年12月` cut before its day
_DATE_TAIL = re.compile(r"^\d{1,2}[月日号]")    # `1日至2027年2月28日。`


def _cut_inside(a: str, b: str) -> bool:
    """The break between lines `a` and `b` falls inside a word (负责 + 人表示: 负责人), between
    a number and its unit (约6 + 公里, 8时至18 + 时) or inside a date (2026年12月 + 1日): running
    text cut by a column, where a headline line ends on a whole word."""
    return word_cut(a, b) or (a[-1].isdigit() and is_han(b[0])) \
        or bool(_DATE_HEAD.search(a) and _DATE_TAIL.match(b))


def _whole_paragraph(text: str, before: str) -> bool:
    """A line that reads as a paragraph of its own after the line `before`: it ends one, and
    holds more than one sentence or is much the longer (`施工进度。`, `机制，市民发现问题可拨打
    12345热线反映。` are the tails of a sentence cut at the line before)."""
    return paragraph_final(text) and (any(c in "。！？；" for c in text[:-1])
                                      or len(text) >= 2 * len(before))


def _mid_clause(text: str) -> bool:
    """A short line that stops mid-clause: a function word or an unclosed bracket at its end."""
    function_end = text[-1] in P.MID_CLAUSE_END and not (
        text[-2:] in P.WORDS_ENDING_AS_FUNCTION or text[-3:] in P.WORDS_ENDING_AS_FUNCTION) \
        or text.endswith(P.MID_CLAUSE_END_WORDS)
    return function_end or text.count("“") > text.count("”") \
        or text.count("（") > text.count("）") or text.count("(") > text.count(")")


def _open_bracket(text: str) -> bool:
    """A line that opens a bracket it does not close (`本报讯（记者 常欣月 通讯员 东`): the
    bracketed words go on on the next line."""
    return text.count("（") > text.count("）") or text.count("(") > text.count(")")


def _token_width(text: str, shape: Shape) -> float:
    token = _FIRST_TOKEN.match(text).group()
    if shape.by_chars:
        return len(token)
    return sum(0.5 if c < "\u2000" else 1.0 for c in token)


def _short_explained(unit: Unit, a: Line, b: Line, shape: Shape) -> bool:
    """A short line that does not end a sentence still runs on: the next word would not have
    fitted on it, or it is a paragraph's first line two characters short of its lost indent."""
    if shape.indent_lost and unit.count == 1 and shape.first_line_width(a):
        return True
    return shape.width(a) + _token_width(b.text, shape) > shape.full - 2.5


def _opens_paragraph(b: Line, after: Line | None, shape: Shape) -> bool:
    """Line `b` opens a paragraph for certain: indented where starts keep their indent, or,
    where they lost it, two characters short with no word too long for its end."""
    if shape.indented:
        return b.indent >= INDENT_MIN_EMS
    if not (shape.indent_lost and shape.first_line_width(b)):
        return False
    return after is None or shape.inside_width(b) + _token_width(after.text, shape) \
        <= shape.full - 0.5


def _between_paragraphs(a: Line, b: Line, shape: Shape) -> bool:
    """Line `a`, standing after a paragraph's end, cannot open a paragraph (not indented, or
    not two characters short), and `b` opens one: `a` is a line of its own."""
    if shape.indented:
        return a.indent < INDENT_MIN_EMS and b.indent >= INDENT_MIN_EMS
    short = shape.full - 3 <= shape.width(b) <= shape.full - 1.5   # no mark hanging to help
    return shape.indent_lost and not shape.first_line_width(a) and short


def _typeset_head(unit: Unit, a: Line, b: Line, shape: Shape, caption: bool,
                  after: Line | None = None) -> tuple[bool, str]:
    """The unit is one headline-like line: a heading, or a paragraph's first line?"""
    can = shape.in_band(b) or paragraph_final(b.text) or b.text[-1] in "；;" \
        or (after is not None and shape.width(b) >= shape.full - 3
            and shape.width(b) + _token_width(after.text, shape) > shape.full)   # b full too
    if not caption and _between_paragraphs(a, b, shape) and not _mid_clause(a.text):
        return False, ""   # no paragraph starts as `a` does, and `b` starts one: a 小标题
    pause = any(c in P.PAUSE_MARKS for c in a.text)
    if pause and shape.width(a) >= shape.full - 3 or caption and shape.in_band(a):
        # a (nearly) full line with a comma, or a caption's: running text
        return can or shape.width(b) >= shape.low, ""
    if has_gap(a.text) or unit.gap is Gap.STORY:
        starts = False   # a phrase gap, or the first line after a gap between stories: a 题
    elif shape.indented:
        starts = a.indent >= INDENT_MIN_EMS
    elif shape.indent_lost:
        starts = shape.first_line_width(a) or _first_line_filled(a, b, shape)
    else:
        starts = shape.in_band(a) and unit.gap is not Gap.STORY
    if not starts and unit.gap is not Gap.STORY and _first_over_full(a, b, shape):
        return True, "headline"   # a paragraph's first line two ems short, over a full line
    if not starts:   # a heading, unless it stops mid-clause or inside a word (负责 + 人表示)
        return _mid_clause(a.text) or _cut_inside(a.text, b.text), ""
    sure = shape.indented or shape.indent_lost or any(c in P.PAUSE_MARKS for c in a.text)
    return can, "" if sure or not can else "headline"


def _first_over_full(a: Line, b: Line, shape: Shape) -> bool:
    """`a`, two ems short of the measure, stands over a full line `b` that is no paragraph's
    first (not indented, not two ems short, as wide as a line inside a paragraph): the text
    after a 小标题 opens a paragraph, whose first line is indented or short by its lost indent,
    so `a` is itself a paragraph's first line that lost its indent (`招聘会还设置了政策咨询台和技能`
    over `培训报名点，工作人员为求职者讲解社`), however the measure of its story was read. Only in
    copy whose paragraphs start two ems short (`shape.starts_short`): copy set flush or cut at
    a count starts them on full lines."""
    return shape.starts_short and not shape.indented and b.indent < INDENT_MIN_EMS \
        and shape.first_line_width(a) \
        and not has_gap(a.text) and shape.in_band(b) and not shape.first_line_width(b) \
        and not ends_sentence(b.text) and not plain_headline(b.text)


def _first_line_filled(a: Line, b: Line, shape: Shape) -> bool:
    """`a` is a paragraph's first line (its indent lost) that the first word of `b` would not
    have fitted on (`…社区推广` + `“老娘舅”`: an opening mark goes down with its word)."""
    room = shape.full - 2
    return room - 3 <= shape.width(a) < room - 0.5 \
        and shape.width(a) + _token_width(b.text, shape) > room + 0.25


def _next_word_overflows(a: Line, b: Line, shape: Shape) -> bool:
    """The first word of `b` would not have fitted at the end of `a`: `a` is a full line even
    if it is a little short. The measure read in ems is known to half an em (the usual width
    of lines mixing half-width characters), in characters exactly."""
    slack = 0.25 if shape.by_chars else 0.75
    return shape.width(a) + _token_width(b.text, shape) > shape.full + slack


def _may_run_on(b: Line, after: Line | None, shape: Shape) -> bool:
    """Line `after` may continue the paragraph of line `b`: running text with no gap, neither a
    headline nor a paragraph's first line (two characters short of its lost indent)."""
    if after is None or after.kind is not LineKind.TEXT or shape.gap(after):
        return False
    return shape.in_band(after) or not (headline_like(after.text)
                                         or shape.first_line_width(after))


def _first_lines(unit: Unit, a: Line, b: Line, shape: Shape, after: Line | None) -> bool:
    """In copy whose paragraphs lost their indent, `a` (a unit's one line) and `b` are both
    two ems short and `b` ends no paragraph: a line inside a paragraph is full unless the next
    word would not have fitted (`_opens_paragraph`), so `b` opens a paragraph and `a`, which
    stops at no mid-clause word, is a line of its own (a 题 or a one-line paragraph:
    `柏桥大道东延段设计方案征求意见`, `各街道办事处，区直各有关单位：`). Lines set in ems only:
    copy cut at a count (`by_chars`) has lines of any length inside a paragraph."""
    return shape.indent_lost and not shape.indented and unit.count == 1 \
        and unit.kind is LineKind.TEXT and shape.first_line_width(a) \
        and not shape.by_chars \
        and _opens_paragraph(b, after, shape) and not paragraph_final(b.text) \
        and not _mid_clause(a.text) and not _cut_inside(a.text, b.text) \
        and (paragraph_final(a.text) or plain_headline(a.text))


def _typeset(unit: Unit, a: Line, b: Line, shape: Shape, after: Line | None,
             caption: bool) -> tuple[bool, str]:
    if _first_lines(unit, a, b, shape, after) and not caption:
        return False, ""
    if unit.kind is LineKind.TEXT and unit.count == 1 and P.SUBHEAD_MARK.match(a.text) \
            and headline_like(a.text):   # a 小标题, or a list's item cut inside a word
        if _mid_clause(a.text) or _cut_inside(a.text, b.text):
            return True, ""
        if shape.indent_lost and _first_over_full(a, b, shape):
            return True, "headline"   # a list's item two ems short over a full line
        if shape.indented and a.indent >= INDENT_MIN_EMS \
                and shape.width(a) + a.indent >= shape.full - 1 and b.indent < INDENT_MIN_EMS:
            return True, "headline"   # indented as paragraphs start and as wide as the
            # measure, over a line that starts none: an item's first line
        # two ems short over the short last line of a paragraph (`三、湖滨农贸市场及周边` over
        # `沿街商铺。`): a list's item set in two lines, more likely than a 小标题 over a
        # paragraph of a few words
        first = (shape.indent_lost or shape.starts_short) and shape.first_line_width(a) \
            and (paragraph_final(b.text) or b.text[-1] in "；;") and shape.width(b) < shape.low
        return (True, "headline") if first else (False, "")
    if unit.kind is LineKind.TEXT and unit.count == 1 and headline_like(a.text):
        return _typeset_head(unit, a, b, shape, caption, after)
    if shape.indented and b.indent >= INDENT_MIN_EMS:
        return False, ""
    full = shape.in_band(a) or shape.width(a) > shape.high or (
        shape.indent_lost and unit.count == 1 and shape.first_line_width(a))
    if not unit.closed():
        if a.text[-1] in "；;" and P.SUBHEAD_MARK.match(b.text):
            return False, ""   # a list's item ends, the next one opens (`…片区；` + `二、…`),
            # however full its last line
        if full or _short_explained(unit, a, b, shape):
            return True, ""
        if a.text[-1] in P.PAUSE_MARKS or a.text[-1] in "；;" or (
                unit.count >= 2 and not paragraph_final(a.text) and shape.in_band(b)):
            return True, "run-on"   # a paragraph of lines stops mid-sentence: cut short
        return False, "" if paragraph_final(a.text) else "paragraph-end"
    if P.SUBHEAD_MARK.match(b.text):
        return False, ""   # after a sentence's end, `一、…` opens a 小标题 or a list's item
    full = full or _next_word_overflows(a, b, shape)
    can = shape.in_band(b) or paragraph_final(b.text) or (
        after is not None and after.kind is LineKind.TEXT and _next_word_overflows(b, after, shape)
        and not (shape.indent_lost and shape.first_line_width(b)))
    # b, short of the band, is still a line inside a paragraph when the next line's first word
    # would not have fitted on it (`…15个社区建成` over `“健康小屋”。`: an opening mark goes down
    # with its word) — unless it is as short as a first line that lost its indent
    if not full or not can:
        return False, ""
    if shape.indented:   # an unindented line goes on; a caption's is taken back out
        return True, "run-on" if caption else ""
    if shape.indent_lost and shape.first_line_width(b):
        short_for_a_word = after is not None and not paragraph_final(b.text) and \
            shape.inside_width(b) + _token_width(after.text, shape) > shape.full - 0.5
        if short_for_a_word:   # b may be a full line whose last word went down
            return True, "run-on"
        if paragraph_final(b.text) and not _may_run_on(b, after, shape):
            return True, "run-on"   # b ends its paragraph: a one-line paragraph is rarer
        return False, "paragraph-end" if ends_sentence(b.text) else ""
    if shape.indent_lost and shape.in_band(b) and not caption:
        return True, ""
    if has_gap(b.text):
        return False, "paragraph-end"   # a phrase gap is a 题's, never running text's
    return True, _MAYBE_END   # decided by the paragraphs' lengths (paragraph_ends); a caption
    # before a credit is taken back out at such a place


def _soft_break(unit: Unit, b: Line, shape: Shape, caption: bool) -> bool:
    """In copy of a paragraph a line whose blank lines part its paragraphs (`some`: blank
    lines between some lines, not mostly before headlines), a sentence's end with the next
    line of text right under it, no blank line between, is a line break the writer typed
    inside a paragraph (Word's Shift+Enter), not a paragraph's end — unless either line is a
    heading's, or the next a caption's or a list item's."""
    return shape.blanks == "some" and not shape.markdown and not b.blanks \
        and unit.kind in (LineKind.TEXT, LineKind.DATELINE) and not caption \
        and not headline_like(unit.last.text) \
        and not headline_like(b.text) and not P.SUBHEAD_MARK.match(b.text) \
        and not P.SUBHEAD_MARK.match(unit.first.text) and unit.last.text[-1] not in "：:；;"


def _running(unit: Unit, a: Line, b: Line, shape: Shape, caption: bool) -> tuple[bool, str]:
    if unit.closed() or _QUOTE_SOURCE.search(a.text):
        if _soft_break(unit, b, shape, caption):
            return True, ""
        column_end = shape.kind is ShapeKind.CHUNKED and unit.closed() \
            and shape.whole_lines(a.text, unit.count == 1) and not headline_like(b.text)
        return False, "paragraph-end" if column_end else ""   # a column may have ended right
        # after a full stop: listed
    if unit.kind is LineKind.TEXT and unit.count == 1 and headline_like(a.text):
        if _mid_clause(a.text):
            return True, ""
        if _cut_inside(a.text, b.text) and not b.text.startswith(DASHES):
            return True, "headline"   # a line ends on a word, never inside one (负责 + 人表示)
        if len(a.text) >= _PIECE_MIN and any(c in P.PAUSE_MARKS for c in a.text) \
                and not b.text.startswith(DASHES) and not P.SUBHEAD_MARK.match(a.text) \
                and (shape.kind is ShapeKind.CHUNKED or not _whole_paragraph(b.text, a.text)):
            # a column's piece of a sentence, more likely than a 题 — in copy of a paragraph
            # a line, only where the next line is no paragraph of its own (lines of a column,
            # a sentence's tail)
            return True, "headline"
        return False, ""
    if shape.kind is ShapeKind.PARAGRAPHS and a.text[-1] in "：:；;":   # a list's items
        return False, ""
    return True, ""


def _alnum_pair(a: str, b: str) -> bool:
    """Digits or Latin letters on both sides of the break (`10秒52` + `12月1日`)."""
    return a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum()


def _whole_line(unit: Unit, a: Line, shape: Shape) -> bool:
    """`a` is a headline-like line standing alone, shorter than any line the copy's width or
    column would cut (or a dash-led 副题): over a lede opening with a date no run of digits goes
    on past its end (a 主题 ending in `10秒52` over `12月1日，…` is two lines, not one number;
    `是母亲19` over `82年结婚时的陪嫁` is)."""
    if unit.count != 1 or unit.kind is not LineKind.TEXT or shape.markdown \
            or not headline_like(a.text):
        return False
    if shape.kind is ShapeKind.TYPESET:   # shorter than a first line that lost its indent,
        return shape.width(a) <= shape.full - 3 or unit.gap is Gap.STORY   # or after a gap
    return len(a.text) < _PIECE_MIN or a.text.startswith(DASHES)   # or a dash-led 副题


def continues(unit: Unit, b: Line, shape: Shape, after: Line | None = None,
              caption: bool = False) -> tuple[bool, str]:
    """Whether line `b` runs on from `unit` (whose last line is `unit.last`), and the kind of
    guess when that was not certain ('' when it was). `after` is the line after `b`: a
    headline-like `b` right above a byline or 电头 is a headline line. `caption`: a photo
    credit follows within a few lines, so `b` may be a caption's."""
    a = unit.last
    if unit.verse or b.kind in (LineKind.HEADING, LineKind.BREAK) \
            or unit.kind in (LineKind.HEADING, LineKind.BREAK) or shape.gap(b):
        return False, ""
    if b.kind is not LineKind.DATELINE and runs_on(a.text, b.text) \
            and not (_alnum_pair(a.text, b.text) and _whole_line(unit, a, shape)
                     and (P.LEDE.match(b.text) or a.text.startswith(DASHES))):
        return True, ""
    if unit.count == 1 and a.text.startswith(DASHES) and headline_like(a.text) \
            and not _mid_clause(a.text):
        return False, ""   # a 副题 led by a dash (`——…每天开放至21:00`), however long
    if unit.kind in _ALONE or b.kind is not LineKind.TEXT:
        return False, ""
    if P.CONTINUES_LINE.match(b.text) or _open_bracket(a.text):
        return True, ""
    if a.text[-1] in "：:" and P.SUBHEAD_MARK.match(b.text) and not P.SUBHEAD_MARK.match(a.text):
        return False, ""   # `有关事项公告如下：` before `一、报名条件。`: a list's first item
    if a.text[-1] in "；;" and P.SUBHEAD_MARK.match(b.text) and not shape.markdown:
        return False, ""   # a list's item ends, the next one opens (`…片区；` + `二、…`)
    if P.SALUTATION.match("".join(unit.pieces)) or P.CLOSING_FORMULA.match(b.text):
        return False, ""   # a notice's addressees (`各街道办事处，区直各有关单位：`) and its
        # closing formula (`特此公告。`) are paragraphs of their own
    if after is not None and after.kind in (LineKind.BYLINE, LineKind.DATELINE) \
            and headline_like(b.text):
        return False, ""
    if shape.markdown and shape.blanks != "every":
        return True, ""   # the lines of one Markdown paragraph
    if shape.kind is ShapeKind.TYPESET:
        return _typeset(unit, a, b, shape, after, caption)
    return _running(unit, a, b, shape, caption)


def set_in_ems(lines: list[Line]) -> bool:
    """Whether the copy's lines were set to a width in ems rather than cut at a count of
    characters: its lines holding Latin letters or digits come nearer the usual width of its
    all-Chinese lines in ems (a count cut leaves them short by half an em a letter) than in
    characters (a setter fits two letters to the em)."""
    inner = [ln.text for ln in lines if ln.kind is LineKind.TEXT and not ends_sentence(ln.text)]
    pure = Counter(len(t) for t in inner if not _ASCII.search(t))
    if not pure:
        return False
    usual = pure.most_common(1)[0][0]
    votes = Counter(abs(em_width(t) - usual) < abs(len(t) - usual)
                    for t in inner if len(_ASCII.findall(t)) >= 2)
    return votes[True] > votes[False]


def _lost_indent(unit: Unit, shape: Shape) -> float:
    """The 2 ems a paragraph's first line (the unit's last so far) lost with its indent."""
    first = (shape.indent_lost or shape.starts_short) and unit.count == 1 \
        and shape.first_line_width(unit.last)
    return 2.0 if first else 0.0


def _break_at(unit: Unit, b: Line, shape: Shape, in_ems: bool) -> BreakAt:
    """What line `unit.last`'s width says about its break before `b`: only lines set to a
    measure in ems tell (copy cut at a count keeps its spaces in the raw text). The block's
    measure is its widest line before this one, or the copy's where there is none."""
    if not in_ems or shape.kind is not ShapeKind.TYPESET or shape.by_chars or not b.text:
        return BreakAt.RUN
    measure = unit.widest or shape.full
    width = shape.inside_width(unit.last) + _lost_indent(unit, shape)
    return break_at(measure - width, em_width(b.text[0]))


def columns(text: str) -> int:
    """Width in a mail client's columns: ASCII one, the rest two."""
    return sum(1 if ord(c) < 0x2000 else 2 for c in text)


def wrap_width(lines: list[Line]) -> int:
    """The column a mail client wrapped the copy at (0 when it was not wrapped so): the widest
    line running on (ending no sentence), when it is as wide as a mail wrap (60-100 columns)
    and many such lines come near it.
    Such a client breaks a line at a space where one is in reach, dropping the space."""
    widths = [w for w in (columns(ln.text) for ln in lines
                          if ln.kind is LineKind.TEXT and not ends_sentence(ln.text))
              if w > _WRAP_MIN // 2]   # no headline or verse line
    if not widths:
        return 0
    widest = max(widths)
    near = sum(1 for w in widths if w >= widest - _WRAP_NEAR)
    return widest if _WRAP_MIN <= widest <= _WRAP_MAX and near >= _WRAP_SHARE * len(widths) \
        else 0


class _Joiner:
    def __init__(self, lines: list[Line]):
        self.words = vocabulary(ln.text for ln in lines)
        self.in_ems = set_in_ems(lines)
        self.wrap = wrap_width(lines)
        self.decisions: list[Decision] = []

    def _break_at(self, unit: Unit, b: Line, shape: Shape) -> BreakAt:
        """As `_break_at`; in copy a mail client wrapped, a line that had room for the next
        line's first word was broken at a space (`0372-5561` + `6688`)."""
        if self.wrap and shape.kind is not ShapeKind.TYPESET and b.text:
            word = _FIRST_TOKEN.match(b.text).group()
            if columns(unit.last.text) + 1 + columns(word) <= self.wrap:
                return BreakAt.SPACE
        return _break_at(unit, b, shape, self.in_ems)

    def join(self, unit: Unit, b: Line, guess: str, shape: Shape) -> None:
        left = unit.pieces[-1]
        head = "".join(unit.pieces[:3])[:60]
        if unit.kind is LineKind.DATELINE and ("（" in head or "(" in head) \
                and not ("）" in head or ")" in head):
            sep = dateline_separator(left, b.text)
        else:
            sep, unsure = separator(left, b.text, unit.last.space_after or b.space_before,
                                    self.words, self._break_at(unit, b, shape))
            if unsure:
                self.decisions.append(Decision(b.number, unsure, left[-12:] + sep + b.text[:12]))
            if not sep and unit.last.gap_after and is_han(left[-1]) and is_han(b.text[0]):
                sep = "\u3000"   # a phrase gap (“珍爱生命　预防溺水”) the cut fell at: text, kept
        if sep:
            unit.pieces.append(sep)
        if guess in ("run-on", _MAYBE_END):
            unit.soft.append((unit.size + len(sep), b))
        if guess == _MAYBE_END:
            unit.ends.append((unit.size + len(sep), b, unit.last))
        # a line holding a number or Latin word may run half an em past the measure
        # (`训人员培训后就业率达到31.6%，` at 13 ems): counted to the whole em below, or a full
        # line would seem to leave room for a digit, and a number cut at its end (0412-1 +
        # 234567) would get a space
        unit.widest = max(unit.widest, math.floor(shape.inside_width(unit.last))
                          + _lost_indent(unit, shape))
        unit.pieces.append(b.text)
        unit.size += len(sep) + len(b.text)
        unit.last, unit.count = b, unit.count + 1


def _before_credits(lines: list[Line]) -> set[int]:
    """Indexes of text lines a photo credit follows within a few lines, with no blank line,
    byline or 电头 between: lines that may be a caption's."""
    out: set[int] = set()
    for j, line in enumerate(lines):
        if line.kind is not LineKind.CREDIT or line.blanks:
            continue
        k = j - 1
        while k >= 0 and j - k <= _CAPTION_LINES and lines[k].kind is LineKind.TEXT:
            out.add(k)
            if lines[k].blanks:
                break
            k -= 1
    return out


def _with_starts(shapes: list[Shape], short: bool) -> list[Shape]:
    """Each line's shape, saying whether the copy's paragraphs start two ems short."""
    told: dict[Shape, Shape] = {}
    return [told.setdefault(s, replace(s, starts_short=short)) for s in shapes]


def unwrap(lines: list[Line], shape: Shape,
           shapes: list[Shape] | None = None) -> tuple[list[Unit], list[Decision]]:
    """The units of the copy, and the uncertain line joins and breaks. `shapes`, one a line,
    rejoins each line by its own story's shape where the copy mixes measures
    (`measures.story_shapes`); `shape` is the copy's."""
    joiner = _Joiner(lines)
    shapes = _with_starts(shapes or [shape] * len(lines), starts_short(lines))
    verse = verse_lines(lines, shape)
    captions = _before_credits(lines)
    units: list[Unit] = []
    for i, line in enumerate(lines):
        unit = units[-1] if units else None
        if unit is not None and i not in verse:
            after = lines[i + 1] if i + 1 < len(lines) else None
            joined, guess = continues(unit, line, shapes[i], after, i in captions)
            if guess:
                where = line.number if joined else unit.last.number
                joiner.decisions.append(Decision(where, "run-on" if guess == _MAYBE_END
                                                 else guess,
                                                 unit.last.text[-16:] + "⏎" + line.text[:16]))
            if joined:
                joiner.join(unit, line, guess, shapes[i])
                continue
        gap = shape.gap(line) if units else Gap.STORY   # the copy starts with a story
        units.append(Unit(line.kind, line, line, [line.text], gap=gap, size=len(line.text),
                          verse=i in verse, stanza_break=verse.get(i, False)))
    for unit in units:
        unit.text = "".join(unit.pieces)
    return _cut_by_length(units, joiner.decisions)


def _certain_lengths(units: list[Unit]) -> list[int]:
    return [len(u.text) for u in units if u.kind is LineKind.TEXT and not u.verse
            and u.count >= 2 and not u.ends and u.closed()]


def _split(unit: Unit, offsets: list[int]) -> list[Unit]:
    """`unit` cut at `offsets` (each one of its maybe-ends) into paragraphs."""
    at = {o: (b, a) for o, b, a in unit.ends}
    out, start, first = [], 0, unit.first
    for o in offsets + [len(unit.text)]:
        b, a = at.get(o, (None, unit.last))
        text = unit.text[start:o]
        out.append(Unit(LineKind.TEXT if start else unit.kind, first, a, [text],
                        gap=unit.gap if not start else Gap.NONE,
                        text=text, size=len(text), count=max(1, a.number - first.number + 1),
                        soft=[(s - start, ln) for s, ln in unit.soft if start < s < o],
                        ends=[(s - start, bb, aa) for s, bb, aa in unit.ends if start < s < o]))
        start, first = o, b
    return out


def _cut_by_length(units: list[Unit], decisions: list[Decision]) -> tuple[list[Unit],
                                                                       list[Decision]]:
    """Each run of maybe-ends cut where the paragraphs come out most like the copy's others
    (`paragraph_ends`); the decisions at the cuts say a paragraph ends there."""
    typical = typical_length(_certain_lengths(units))
    out: list[Unit] = []
    cut_lines: set[int] = set()
    for unit in units:
        chosen = cuts(len(unit.text), [o for o, _, _ in unit.ends], typical) if unit.ends else []
        if not chosen:
            out.append(unit)
            continue
        cut_lines |= {b.number for o, b, _ in unit.ends if o in chosen}
        out += _split(unit, chosen)
    return out, [Decision(d.line, "paragraph-length", d.text)
                 if d.what == "run-on" and d.line in cut_lines else d for d in decisions]
