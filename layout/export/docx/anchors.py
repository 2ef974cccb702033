"""Anchors that tie every paragraph of the DOCX to its article file and field.

Each article part is wrapped in a hidden bookmark (a name starting with `_` is
hidden from Word's bookmark list) whose name carries the field, a checksum of
the text as exported and a reference to the article::

    _Lp3_9f2c01_hengji             paragraph 3 of articles/hengji.md
    _Ldateline_1a2b3c_hengji       the run-in 电头 inside the first paragraph
    _Lp3_9f2c01__h5d41402abc       paragraph 3 of an article whose id is long or
                                   not plain ASCII letters and digits

Fields are `column` (the 栏目), `kicker`, `title`, `subtitle`, `byline`,
`dateline`, `p<n>` (the n-th paragraph of the body, 小标题 and stanzas
included, counted from 1), `caption<n>`, `credit<n>` and `photo<n>` (the
picture itself, not imported).

Word allows bookmark names of at most 40 letters, digits and underscores. An
id of at most 20 ASCII letters and digits is written as it is; any other id
is written `_h` + ten hex digits of its SHA-256, which `layout import` matches
against the ids of the issue's manifest (so every id round-trips, whatever its
length, and an id never comes from the DOCX alone). Names of the older form,
`_` + four hex digits for each other character, are still read.
LibreOffice renames a pasted copy of a bookmark `<name>_Copy_<n>`; the copy
number is kept.

The checksum lets an import tell an editor's correction from a change made to
the article file after the export. The text of every part as exported also
travels inside the DOCX, in a custom XML part (`customXml/item1.xml`, see
`snapshot_xml`), which Word, WPS and LibreOffice keep on saving: with it the
import shows what a part read at export time beside the file and the DOCX.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from typing import Iterable

MAX_NAME = 40
PLAIN_ID_MAX = MAX_NAME - 20   # `_L` + the longest field (`caption999`) + `_` + 6 + `_`
_FIELD = (r"kicker|title|subtitle|byline|dateline|column|p\d{1,6}|caption\d{1,3}|credit\d{1,3}"
          r"|photo\d{1,3}")
_NAME = re.compile(rf"^_L({_FIELD})_([0-9a-f]{{6}})_"
                   r"(_h[0-9a-f]{10}|(?:[A-Za-z0-9]|_[0-9a-f]{4})+)((?:_Copy_\d{1,6})*)$")
_ESCAPE = re.compile(r"_([0-9a-f]{4})")
_PLAIN = re.compile(r"^[A-Za-z0-9]+$")

SNAPSHOT_NS = "urn:layout:docx-export:1"
SNAPSHOT_ITEM_ID = "{3F6D1A52-7C0B-4E8A-9B1D-5A2C7E4F9D30}"


def checksum(text: str) -> str:
    """Six hex digits of CRC-32 over the UTF-8 text."""
    return f"{zlib.crc32(text.encode('utf-8')) & 0xFFFFFF:06x}"


def ref_for(article_id: str) -> str:
    """How bookmark names refer to an article: its id, or `_h` + a hash of a long or odd id."""
    if _PLAIN.match(article_id) and len(article_id) <= PLAIN_ID_MAX:
        return article_id
    return "_h" + hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True, slots=True)
class Anchor:
    """One exported part: its article, field and the checksum of its text."""

    article_id: str
    field: str
    checksum: str

    @property
    def name(self) -> str:
        """The bookmark name, never longer than Word's 40 characters."""
        return f"_L{self.field}_{self.checksum}_{ref_for(self.article_id)}"

    @property
    def kind(self) -> str:
        """The field name without its number: p, caption, credit, photo, title …"""
        return self.field.rstrip("0123456789")

    @property
    def index(self) -> int:
        """The 1-based number of a numbered field (p3 → 3), 0 for the others."""
        digits = self.field[len(self.kind):]
        return int(digits) if digits else 0


@dataclass(frozen=True, slots=True)
class Mark:
    """A bookmark name read back from a DOCX: the article is still only a reference."""

    ref: str           # an article id, an old-style escaped id, or `_h` + hash
    field: str
    checksum: str
    copy: bool = False  # a `_Copy_<n>` LibreOffice made when the part was pasted

    def anchor(self, article_id: str) -> Anchor:
        return Anchor(article_id, self.field, self.checksum)

    @property
    def kind(self) -> str:
        return self.field.rstrip("0123456789")


def anchor_for(article_id: str, field: str, text: str) -> Anchor:
    return Anchor(article_id, field, checksum(text))


def parse_name(name: str | None) -> Mark | None:
    """The mark in a bookmark name, or None for a bookmark we did not write (`_GoBack` …)."""
    if not name or len(name) > 400:
        return None
    match = _NAME.match(name)
    if not match:
        return None
    return Mark(match.group(3), match.group(1), match.group(2), bool(match.group(4)))


class RefIndex:
    """Resolves the article references of bookmark names against the manifest's ids only."""

    def __init__(self, article_ids: Iterable[str]):
        self._ids: dict[str, str] = {}
        for article_id in article_ids:
            self._ids.setdefault(ref_for(article_id), article_id)
            self._ids.setdefault(_old_ref(article_id), article_id)

    def lookup(self, ref: str) -> str | None:
        """The manifest id `ref` names, or None when it names no article of this issue."""
        return self._ids.get(ref)


def _old_ref(article_id: str) -> str:
    """The form of earlier exports: `_` + four hex digits for each non-alphanumeric character."""
    return "".join(c if c.isascii() and c.isalnum() else f"_{ord(c):04x}" for c in article_id)


def snapshot_xml(parts: Iterable[tuple[str, str, str, str]]) -> bytes:
    """The custom XML part that records each exported part's text.

    `parts` gives (article id, field, text, kind) in document order; kind is
    "subhead" (小标题), "verse" (a stanza) or "" for anything else.
    """
    from lxml import etree

    root = etree.Element(f"{{{SNAPSHOT_NS}}}export", nsmap={None: SNAPSHOT_NS})
    articles: dict[str, object] = {}
    for article_id, field, text, kind in parts:
        if article_id not in articles:
            articles[article_id] = etree.SubElement(root, f"{{{SNAPSHOT_NS}}}article",
                                                    id=article_id, ref=ref_for(article_id))
        entry = etree.SubElement(articles[article_id], f"{{{SNAPSHOT_NS}}}field", name=field)
        if kind:
            entry.set("kind", kind)
        entry.text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def snapshot_props_xml() -> bytes:
    """The item properties Word expects beside a custom XML part."""
    ds = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<ds:datastoreItem ds:itemID="{SNAPSHOT_ITEM_ID}" xmlns:ds="{ds}">'
            f'<ds:schemaRefs><ds:schemaRef ds:uri="{SNAPSHOT_NS}"/></ds:schemaRefs>'
            f'</ds:datastoreItem>').encode("utf-8")


def add_snapshot(document, parts: Iterable[tuple[str, str, str, str]]) -> None:
    """Attach the snapshot of the exported text to a python-docx Document."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    item = Part(PackURI("/customXml/item1.xml"), "application/xml", snapshot_xml(parts), package)
    props = Part(PackURI("/customXml/itemProps1.xml"),
                 "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
                 snapshot_props_xml(), package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)
