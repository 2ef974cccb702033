"""Anchors that tie every paragraph of the DOCX to its article file and field.

Each article part is wrapped in a hidden bookmark (a name starting with `_` is
hidden from Word's bookmark list) whose name carries the field, a checksum of
the text as exported and the article id::

    _Lp3_9f2c01_hengji        paragraph 3 of articles/hengji.md
    _Ldateline_1a2b3c_hengji  the run-in 电头 inside the first paragraph

Fields are `kicker`, `title`, `subtitle`, `byline`, `dateline`, `p<n>` (the
n-th paragraph of the body, 小标题 included, counted from 1), `caption<n>`,
`credit<n>` and `photo<n>` (the picture itself, not imported). Bookmarks
survive editing in Word, WPS and LibreOffice alike (content controls do not
survive a LibreOffice save). The checksum lets an import tell an editor's
correction from a change made to the article file after the export.

Word allows bookmark names of at most 40 letters, digits and underscores;
an id character other than A–Z, a–z, 0–9 is written `_` + four hex digits.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

MAX_NAME = 40
_NAME = re.compile(r"^_L(kicker|title|subtitle|byline|dateline|column|p\d+|caption\d+|credit\d+|photo\d+)"
                   r"_([0-9a-f]{6})_((?:[A-Za-z0-9]|_[0-9a-f]{4})+)$")
_ESCAPE = re.compile(r"_([0-9a-f]{4})")


@dataclass(frozen=True, slots=True)
class Anchor:
    article_id: str
    field: str
    checksum: str

    @property
    def name(self) -> str:
        """The bookmark name; longer than Word's 40 characters for very long ids."""
        return f"_L{self.field}_{self.checksum}_{_encode(self.article_id)}"

    @property
    def fits(self) -> bool:
        return len(self.name) <= MAX_NAME and all(ord(c) <= 0xFFFF for c in self.article_id)

    @property
    def index(self) -> int:
        """The 1-based number of a numbered field (p3 → 3), 0 for the others."""
        digits = self.field[len(self.kind):]
        return int(digits) if digits else 0

    @property
    def kind(self) -> str:
        """The field name without its number: p, caption, credit, photo, title …"""
        return self.field.rstrip("0123456789")


def _encode(article_id: str) -> str:
    return "".join(c if c.isascii() and c.isalnum() else f"_{ord(c):04x}" for c in article_id)


def checksum(text: str) -> str:
    """Six hex digits of CRC-32 over the UTF-8 text."""
    return f"{zlib.crc32(text.encode('utf-8')) & 0xFFFFFF:06x}"


def anchor_for(article_id: str, field: str, text: str) -> Anchor:
    return Anchor(article_id, field, checksum(text))


def parse_name(name: str | None) -> Anchor | None:
    """The anchor in a bookmark name, or None for a bookmark we did not write."""
    match = _NAME.match(name or "")
    if not match:
        return None
    article_id = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), match.group(3))
    return Anchor(article_id, match.group(1), match.group(2))
