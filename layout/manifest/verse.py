"""Verse in article bodies: a poem's stanzas, and fenced verse inside a story.

A `kind: poem` article keeps the lines of its body as written: each block of
lines separated by a blank line is a stanza (a paragraph of kind VERSE whose
text keeps its lines apart with "\\n"); a block starting `## ` is a 小标题.
In any other article, the lines between a fence ```` ```verse ```` (or
`~~~verse`, ```` ```诗 ````) and the closing ```` ``` ```` are verse in the
same way; the rest of the body is prose.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from layout.errors import InputError
from layout.i18n import _
from layout.model import Paragraph, ParagraphKind

OPEN = re.compile(r"^(```|~~~)\s*(verse|poem|诗)\s*$")
CLOSE = re.compile(r"^(```|~~~)\s*$")

Prose = Callable[[str, int], list[Paragraph]]


def stanzas(lines: list[str], first_line: int) -> list[Paragraph]:
    """Blocks of lines separated by blank lines: stanzas, or 小标题 led by `## `."""
    out, block, start = [], [], first_line
    for n, line in enumerate(lines + [""], start=first_line):
        if line.strip():
            if not block:
                start = n
            block.append(line.strip())
            continue
        if block and len(block) == 1 and block[0].startswith("## "):
            out.append(Paragraph(block[0][3:].strip(), ParagraphKind.SUBHEAD, start))
        elif block:
            out.append(Paragraph("\n".join(block), ParagraphKind.VERSE, start))
        block = []
    return out


def parse_with_verse(body: str, first_line: int, poem: bool, prose: Prose,
                     path: Path) -> list[Paragraph]:
    """The body's paragraphs: all verse for a poem, else prose with fenced verse sections."""
    lines = body.split("\n")
    if poem:
        return stanzas(lines, first_line)
    out: list[Paragraph] = []
    start, fence = 0, None
    for i, line in enumerate(lines):
        if fence is None and OPEN.match(line.strip()):
            out += prose("\n".join(lines[start:i]), first_line + start)
            start, fence = i + 1, first_line + i
        elif fence is not None and CLOSE.match(line.strip()):
            out += stanzas(lines[start:i], first_line + start)
            start, fence = i + 1, None
    if fence is not None:
        raise InputError(_("the verse section opened here is not closed: end it with a line "
                           "```"), path, fence)
    return out + prose("\n".join(lines[start:]), first_line + start)
