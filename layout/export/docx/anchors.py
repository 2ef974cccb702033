"""Anchors that tie every paragraph of the DOCX to its article file and field.

Each article part is written inside a content control (`w:sdt`) whose tag
names the article, the field and a checksum of the text as exported::

    layout|hengji|p3|9f2c01ab

Fields are `kicker`, `title`, `subtitle`, `byline`, `dateline` (a run-level
control inside the first body paragraph), `p<n>` (the n-th paragraph of the
body, 小标题 included, counted from 1), `caption<n>`, `credit<n>` and
`photo<n>` (the picture itself, not imported). Word and WPS keep tags through
editing; the checksum lets an import tell an editor's correction from a
change made to the article file after the export.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

PREFIX = "layout"
_FIELD = re.compile(r"^(kicker|title|subtitle|byline|dateline|p\d+|caption\d+|credit\d+|photo\d+)$")


@dataclass(frozen=True, slots=True)
class Anchor:
    article_id: str
    field: str
    checksum: str

    @property
    def tag(self) -> str:
        return f"{PREFIX}|{self.article_id}|{self.field}|{self.checksum}"

    @property
    def index(self) -> int:
        """The 1-based number of a numbered field (p3 → 3), 0 for the others."""
        digits = self.field.lstrip("abcdefghijklmnopqrstuvwxyz")
        return int(digits) if digits else 0

    @property
    def kind(self) -> str:
        """The field name without its number: p, caption, credit, photo, title …"""
        return self.field.rstrip("0123456789")


def checksum(text: str) -> str:
    """Eight hex digits of CRC-32 over the UTF-8 text."""
    return f"{zlib.crc32(text.encode('utf-8')):08x}"


def anchor_for(article_id: str, field: str, text: str) -> Anchor:
    return Anchor(article_id, field, checksum(text))


def parse_tag(tag: str | None) -> Anchor | None:
    """The anchor in a content-control tag, or None for a tag we did not write."""
    if not tag:
        return None
    parts = tag.split("|")
    if len(parts) != 4 or parts[0] != PREFIX or not parts[1] or not _FIELD.match(parts[2]):
        return None
    return Anchor(parts[1], parts[2], parts[3])
