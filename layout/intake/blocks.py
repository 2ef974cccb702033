"""Raw copy → classified blocks: one non-blank line each, tagged with what it looks like.

The patterns are data (typography.md §9, newspaper.md): a byline names the
paper's reporter (`本报通讯员 王琳`), an 电头 opens the first paragraph
(`本报讯（记者 常欣月）`), a photo credit ends with `摄`, and a headline line is
short and has no closing stop. Markdown input adds `#` headings and `---`
breaks; everything else is a body line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from layout.intake.chars import HORIZONTAL_SPACE, is_han

HEADLINE_MAX_CHARS = 32  # longer lines are running text, not a 题
_STAFF = r"(?:本报|新华社|人民网)?(?:特约|实习|首席)?(?:记者|通讯员|摄影记者|实习生|特约通讯员|评论员)"
BYLINE = re.compile(rf"^{_STAFF}(?:[ \u3000\u00a0]+[^\s，。,.；;：:！？!?]{{1,12}}){{1,4}}$")
CREDIT = re.compile(rf"^(?:{_STAFF}[ \u3000\u00a0]+)?[^，。,.；;！？!?]{{1,30}}[ \u3000\u00a0]*摄(?:影)?$")
DATELINE = re.compile(r"^((?:本报讯|本报[^\s，。,()（）]{1,12}电|新华社[^\s，。,()（）]{1,16}电)"
                      r"[ \u3000]*(?:[(（][^()（）]{1,40}[)）])?)[ \u3000]*(.*)$")
# a headline line holds no running-text marks (it may end with ！ or ？)
_NOT_IN_HEADLINE = re.compile(r"[，,。；;：:、]|\.(?:\s|$)")
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_MD_BREAK = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_MD_QUOTE = re.compile(r"^>[ \t]?")


class BlockKind(str, Enum):
    BODY = "body"
    HEADLINE = "headline"   # short, no closing stop: a 题 or a 小标题
    BYLINE = "byline"
    DATELINE = "dateline"   # starts with an 电头; the rest of the line is body text
    CREDIT = "credit"       # photo credit, ends with 摄
    BREAK = "break"         # Markdown `---`: the next headline starts a new article


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    line: int            # 1-based line in the source file
    level: int = 0       # Markdown heading level (1 = `#`), 0 when not a Markdown heading


def looks_like_headline(text: str) -> bool:
    """Short, some Han, none of the marks of running text."""
    han = sum(1 for c in text if is_han(c))
    return 0 < han and len(text) <= HEADLINE_MAX_CHARS and not _NOT_IN_HEADLINE.search(text)


def classify(text: str, line: int) -> Block:
    """What one stripped, non-blank raw line looks like."""
    if CREDIT.match(text) and len(text) <= HEADLINE_MAX_CHARS:
        return Block(BlockKind.CREDIT, text, line)
    if BYLINE.match(text):
        return Block(BlockKind.BYLINE, text, line)
    if DATELINE.match(text):
        return Block(BlockKind.DATELINE, text, line)
    if looks_like_headline(text):
        return Block(BlockKind.HEADLINE, text, line)
    return Block(BlockKind.BODY, text, line)


def _markdown_block(text: str, line: int) -> Block | None:
    if _MD_BREAK.match(text):
        return Block(BlockKind.BREAK, text, line)
    heading = _MD_HEADING.match(text)
    if heading and heading.group(2):
        return Block(BlockKind.HEADLINE, heading.group(2), line, len(heading.group(1)))
    return None


def split_blocks(source: str, markdown: bool = False) -> list[Block]:
    """Every non-blank line of `source` as a classified block, in order."""
    blocks = []
    for number, raw in enumerate(source.splitlines(), start=1):
        text = raw.strip(HORIZONTAL_SPACE + "\ufeff")
        if markdown:
            text = _MD_QUOTE.sub("", text).strip(HORIZONTAL_SPACE)
        if not text:
            continue
        special = _markdown_block(text, number) if markdown else None
        blocks.append(special or classify(text, number))
    return blocks
