"""An article file as text with the span of each field, so edits touch only what changed."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from layout.errors import InputError
from layout.intake.docx.read import SINGLE_FIELDS
from layout.manifest.article import join_lines
from layout.manifest.text import nfc, strip_bad_chars


@dataclass(frozen=True, slots=True)
class Span:
    """Where a field's value sits in the article file text, and its current value."""

    start: int
    end: int
    value: str
    subhead: bool = False


@dataclass(slots=True)
class Source:
    """An article file's text (newlines as \\n) with the spans of its fields."""

    path: Path
    text: str
    crlf: bool
    bom: bool
    fields: dict[str, Span]

    @classmethod
    def read(cls, path: Path) -> "Source":
        try:
            raw = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8",
                             path) from None
        bom = raw.startswith("\ufeff")
        raw = raw[1:] if bom else raw
        crlf = "\r\n" in raw and raw.count("\r\n") == raw.count("\n")
        text = raw.replace("\r\n", "\n") if crlf else raw
        return cls(path, text, crlf, bom, _field_spans(text, path))

    def encoded(self, text: str) -> bytes:
        text = text.replace("\n", "\r\n") if self.crlf else text
        return (("\ufeff" if self.bom else "") + text).encode("utf-8")


def _clean(value: object) -> str:
    return nfc(strip_bad_chars(str(value))[0]).strip()


def _field_spans(text: str, path: Path) -> dict[str, Span]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise InputError("an article file starts with '---' and front matter", path, 1)
    close = next((i for i, ln in enumerate(lines[1:], 1) if ln.strip() == "---"), None)
    if close is None:
        raise InputError("front matter is not closed by a '---' line", path, 1)
    offset = len(lines[0]) + 1
    front = "\n".join(lines[1:close])
    spans = _front_spans(front, offset, path)
    body_start = sum(len(ln) + 1 for ln in lines[:close + 1])
    spans.update(_body_spans(lines[close + 1:], body_start))
    return spans


def _front_spans(front: str, offset: int, path: Path) -> dict[str, Span]:
    try:
        root = yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML front matter: {exc}", path) from None
    spans: dict[str, Span] = {}
    if not isinstance(root, yaml.MappingNode):
        return spans
    for key, value in root.value:
        if key.value in SINGLE_FIELDS and isinstance(value, yaml.ScalarNode):
            spans[key.value] = _scalar_span(value, offset)
        elif key.value == "photos" and isinstance(value, yaml.SequenceNode):
            for n, entry in enumerate(value.value, start=1):
                if not isinstance(entry, yaml.MappingNode):
                    continue
                for k, v in entry.value:
                    if k.value in ("caption", "credit") and isinstance(v, yaml.ScalarNode):
                        spans[f"{k.value}{n}"] = _scalar_span(v, offset)
    return spans


def _scalar_span(node, offset: int) -> Span:
    value = "" if node.tag.endswith(":null") else node.value
    return Span(offset + node.start_mark.index, offset + node.end_mark.index, _clean(value))


def _body_spans(lines: list[str], start: int) -> dict[str, Span]:
    """p1, p2 … as the manifest splits them: blocks of lines between blank lines."""
    spans, block, block_start, pos, n = {}, [], 0, start, 0
    for line in lines + [""]:
        if line.strip():
            if not block:
                block_start = pos
            block.append(line)
        elif block:
            n += 1
            text = join_lines(block)
            subhead = text.startswith("## ")
            end = block_start + len("\n".join(block))
            spans[f"p{n}"] = Span(block_start, end, _clean(text[3:] if subhead else text), subhead)
            block = []
        pos += len(line) + 1
    return spans
