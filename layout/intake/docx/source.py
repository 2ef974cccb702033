"""An article file as text with the span of each field, so edits touch only what changed.

Front-matter fields are located through PyYAML's node marks (any scalar
style: plain, quoted, folded); body paragraphs are found by the manifest's
own parser (`parse_body`, and `parse_with_verse` for poems and fenced verse),
each spanning its block of lines. An edit replaces a span of the text, and
everything else in the file stays byte for byte.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from layout.errors import InputError
from layout.i18n import _
from layout.manifest.article import parse_body
from layout.manifest.text import nfc, strip_bad_chars
from layout.manifest.verse import CLOSE, OPEN, parse_with_verse
from layout.model import ParagraphKind


SINGLE_FIELDS = ("kicker", "title", "subtitle", "byline", "dateline", "column")


@dataclass(frozen=True, slots=True)
class Span:
    """Where a field's value sits in the article file text, and its current value."""

    start: int
    end: int
    value: str
    kind: str = "body"     # body, subhead (小标题) or verse (a stanza, its lines kept)

    @property
    def subhead(self) -> bool:
        return self.kind == "subhead"


@dataclass(slots=True)
class Source:
    """An article file's text (newlines as \\n) with the spans of its fields."""

    path: Path
    text: str
    crlf: bool
    bom: bool
    fields: dict[str, Span]
    front_end: int = 0    # where the closing '---' line of the front matter starts
    body_start: int = 0   # just after that line

    @classmethod
    def read(cls, path: Path) -> "Source":
        try:
            raw = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(_("not UTF-8 text (byte {byte}); save the file as UTF-8")
                             .format(byte=exc.start), path) from None
        bom = raw.startswith("\ufeff")
        raw = raw[1:] if bom else raw
        crlf = "\r\n" in raw and raw.count("\r\n") == raw.count("\n")
        text = raw.replace("\r\n", "\n") if crlf else raw
        return cls.parse(path, text, crlf, bom)

    @classmethod
    def parse(cls, path: Path, text: str, crlf: bool = False, bom: bool = False) -> "Source":
        fields, front_end, body_start = _field_spans(text, path)
        return cls(path, text, crlf, bom, fields, front_end, body_start)

    def body(self) -> list[Span]:
        """The body paragraphs p1, p2 … in order."""
        spans, n = [], 1
        while f"p{n}" in self.fields:
            spans.append(self.fields[f"p{n}"])
            n += 1
        return spans

    def encoded(self, text: str) -> bytes:
        text = text.replace("\n", "\r\n") if self.crlf else text
        return (("\ufeff" if self.bom else "") + text).encode("utf-8")


def _clean(value: object) -> str:
    return nfc(strip_bad_chars(str(value))[0]).strip()


def _field_spans(text: str, path: Path) -> tuple[dict[str, Span], int, int]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise InputError(_("an article file starts with '---' and front matter"), path, 1)
    close = next((i for i, ln in enumerate(lines[1:], 1) if ln.strip() == "---"), None)
    if close is None:
        raise InputError(_("front matter is not closed by a '---' line"), path, 1)
    offset = len(lines[0]) + 1
    spans, poem = _front_spans("\n".join(lines[1:close]), offset, path)
    front_end = sum(len(ln) + 1 for ln in lines[:close])
    body_start = front_end + len(lines[close]) + 1
    spans.update(_body_spans(lines, close + 1, poem, path))
    return spans, front_end, min(body_start, len(text))


def _front_spans(front: str, offset: int, path: Path) -> tuple[dict[str, Span], bool]:
    """The spans of the single fields and captions, and whether the article is a poem."""
    try:
        root = yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise InputError(_("invalid YAML front matter: {error}").format(error=exc), path) from None
    spans: dict[str, Span] = {}
    poem = False
    if not isinstance(root, yaml.MappingNode):
        return spans, poem
    for key, value in root.value:
        if key.value in SINGLE_FIELDS and isinstance(value, yaml.ScalarNode):
            spans[key.value] = _scalar_span(value, offset)
        elif key.value == "kind" and isinstance(value, yaml.ScalarNode):
            poem = value.value == "poem"
        elif key.value == "photos" and isinstance(value, yaml.SequenceNode):
            for n, entry in enumerate(value.value, start=1):
                if not isinstance(entry, yaml.MappingNode):
                    continue
                for k, v in entry.value:
                    if k.value in ("caption", "credit") and isinstance(v, yaml.ScalarNode):
                        spans[f"{k.value}{n}"] = _scalar_span(v, offset)
    return spans, poem


def _scalar_span(node, offset: int) -> Span:
    value = "" if node.tag.endswith(":null") else node.value
    return Span(offset + node.start_mark.index, offset + node.end_mark.index, _clean(value))


KINDS = {ParagraphKind.SUBHEAD: "subhead", ParagraphKind.VERSE: "verse"}


def _body_spans(lines: list[str], first: int, poem: bool, path: Path) -> dict[str, Span]:
    """p1, p2 … exactly as the manifest reads the body, each spanning its block of lines."""
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    paragraphs = parse_with_verse("\n".join(lines[first:]), first + 1, poem,
                                  lambda text, line: parse_body(text, line, path), path)
    spans = {}
    for n, paragraph in enumerate(paragraphs, start=1):
        top = paragraph.line - 1
        # a block of lines may hold several paragraphs (Markdown list items, a 小标题 line
        # over its text): each span ends before the next paragraph's first line
        stop = paragraphs[n].line - 1 if n < len(paragraphs) else len(lines)
        last = top
        while last + 1 < min(stop, len(lines)) and lines[last + 1].strip() \
                and not OPEN.match(lines[last + 1].strip()) \
                and not CLOSE.match(lines[last + 1].strip()):
            last += 1
        spans[f"p{n}"] = Span(starts[top], starts[last] + len(lines[last]),
                              _clean(paragraph.text), KINDS.get(paragraph.kind, "body"))
    return spans
