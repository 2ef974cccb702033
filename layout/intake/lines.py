"""Raw copy → lines: each non-blank line with what it looks like and how it sat on the page.

A `Line` keeps what the later steps need to read the copy's shape: the
blank lines before it, its indent, whether whitespace touched its ends (a
Latin word broken at a space), and its kind by pattern alone (`patterns`):
an 电头 opening a paragraph (a byline run into the text as one too), a byline (a 副刊 one marked `literary`), a photo
credit, and in Markdown a `#` heading or a `---` break. Everything else is
`TEXT` — running text or a headline line, told apart later.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from layout.intake import patterns as P
from layout.intake.chars import HORIZONTAL_SPACE, ends_sentence
from layout.intake.datelines import split_dateline
from layout.intake.heads import DASHES
from layout.intake.words import leading_name, time_word

_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_MD_BREAK = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_MD_QUOTE = re.compile(r"^>[ \t]?")
# A whole line in emphasis (`*本报记者 王琳*`, `**一、小标题**`): the marks go, the line is read
# as what it says.
_MD_EMPHASIS = re.compile(r"^(\*{1,2}|_{1,2})([^\s*_](?:[^*_]*[^\s*_])?)\1$")
_NOT_IN_HEADLINE = re.compile(r"\.(?:\s|$)")


class LineKind(str, Enum):
    TEXT = "text"
    DATELINE = "dateline"   # opens with an 电头; the rest is the paragraph's text
    BYLINE = "byline"
    CREDIT = "credit"       # a photo credit, ends with 摄
    HEADING = "heading"     # Markdown `#` heading
    BREAK = "break"         # Markdown `---`: the next headline starts a new article


@dataclass(frozen=True, slots=True)
class Line:
    number: int             # 1-based line in the source file
    text: str               # stripped of surrounding whitespace (and Markdown marks)
    kind: LineKind
    blanks: int = 0         # blank lines just before it
    indent: float = 0.0     # leading whitespace, in ems
    space_before: bool = False
    space_after: bool = False
    level: int = 0          # Markdown heading level
    literary: bool = False  # a 副刊 byline (□ 名, 文／名)
    hard_break: bool = False  # Markdown: two spaces at the end keep the line break
    gap_after: bool = False   # the line ends with one U+3000 (a phrase gap the break fell at)


_NARROW = re.compile("[\x00-\u1fff]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_SENTENCE = re.compile("[" + re.escape("".join(sorted(P.SENTENCE_MARKS))) + "]")
_NOTE = re.compile(r"^[（(][^（）()]*[）)]$")   # `（未完待续）`, `（完）`: a note, not a headline
_QUOTED = re.compile("“[^“”]*”")
_PAUSE = re.compile("[" + re.escape("".join(sorted(P.PAUSE_MARKS))) + "]")


def em_width(text: str) -> float:
    """Width in ems as set: ASCII (and other narrow script) half an em, the rest a full em."""
    return len(text) - len(_NARROW.findall(text)) / 2


def headline_like(text: str) -> bool:
    """Short, some Han, no full stop or semicolon, few pausing marks (one in up to 24
    characters, two in up to 20: 改不改、怎么改，居民说了算) and none at the end: what a 题
    or 小标题 looks like."""
    if len(text) > P.HEADLINE_MAX_CHARS or not _HAN.search(text) or _NOTE.match(text):
        return False
    if _SENTENCE.search(text) or _NOT_IN_HEADLINE.search(text):
        return False
    pauses = len(_PAUSE.findall(_QUOTED.sub("", text)))   # `“一年新、两年旧”` is one phrase
    if text.startswith(DASHES) and not ends_sentence(text):
        return True   # a 副题 led by a dash explains in as many clauses as it needs
    if pauses > 2 or (pauses and (len(text) > (24 if pauses == 1 else 20)
                                  or text[-1] in P.PAUSE_MARKS)):
        return False
    return not (pauses and ends_sentence(text))


def plain_headline(text: str) -> bool:
    """Looks like a headline and has no pausing mark at all."""
    return headline_like(text) and not _PAUSE.search(text)


def runs_into_text(byline: str) -> bool:
    """A line of byline form whose last name runs on into a time word or a number
    (`本报记者 欧阳晨 通讯员 李卫凌晨`, `…李卫凌晨2点`): a byline set as the 电头, cut at the line's
    end, whose text goes on on the next line."""
    last = re.split(r"[ \u3000\u00a0]+", byline)[-1]
    name = leading_name(last)
    rest = last[len(name):]
    return bool(name and rest) and (rest[0].isdigit() or time_word(rest))


def classify(text: str) -> tuple[LineKind, bool]:
    """(kind, literary) of one stripped, non-blank raw line by its pattern alone."""
    if P.CREDIT.match(text) and len(text) <= P.CREDIT_MAX_CHARS:
        return LineKind.CREDIT, False
    if P.BYLINE.match(text) and not runs_into_text(text):
        return LineKind.BYLINE, False
    if P.LITERARY_BYLINE.match(text):
        return LineKind.BYLINE, True
    if P.DATELINE_START.match(text) or (P.STAFF_LEAD.match(text) and split_dateline(text)):
        return LineKind.DATELINE, False
    return LineKind.TEXT, False


def _indent(raw: str) -> float:
    lead = raw[:len(raw) - len(raw.lstrip(HORIZONTAL_SPACE))]
    return sum(0.5 if c in " \t" else 1.0 for c in lead)


def _markdown(text: str) -> tuple[str, LineKind, int] | None:
    if _MD_BREAK.match(text):
        return text, LineKind.BREAK, 0
    heading = _MD_HEADING.match(text)
    if heading and heading.group(2):
        return heading.group(2), LineKind.HEADING, len(heading.group(1))
    return None


def read_lines(source: str, markdown: bool = False) -> list[Line]:
    """Every non-blank line of `source`, classified, with the blank lines before it."""
    out, blanks = [], 0
    for number, raw in enumerate(source.splitlines(), start=1):
        raw = raw.replace("\ufeff", "")
        text = raw.strip(HORIZONTAL_SPACE)
        if markdown:
            text = _MD_QUOTE.sub("", text).strip(HORIZONTAL_SPACE)
            text = _MD_EMPHASIS.sub(r"\2", text).strip(HORIZONTAL_SPACE)
        if not text:
            blanks += 1
            continue
        special = _markdown(text) if markdown else None
        if special:
            text, kind, level = special
            literary = False
        else:
            (kind, literary), level = classify(text), 0
        out.append(Line(number, text, kind, blanks, _indent(raw),
                        raw[:1] in HORIZONTAL_SPACE, raw[-1:] in HORIZONTAL_SPACE,
                        level, literary, markdown and raw.endswith("  "),
                        raw[len(raw.rstrip(HORIZONTAL_SPACE)):] == "\u3000"))
        blanks = 0
    return out


def looks_like_markdown(source: str) -> bool:
    """Raw text written in Markdown: at least two `#` headings, one of them a `# ` title."""
    headings = [m.group(1) for m in re.finditer(r"(?m)^(#{1,6})[ \t]+\S", source)]
    return len(headings) >= 2 and "#" in headings
