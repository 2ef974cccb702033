"""Reading the copy editors' DOCX: anchored parts, tracked changes accepted, comments."""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from layout.errors import InputError
from layout.export.docx.anchors import Anchor, parse_name
from layout.manifest.text import nfc

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SKIPPED = {W + t for t in ("pPr", "rPr", "sdtPr", "delText", "instrText", "delInstrText",
                           "txbxContent")}
TEXT = {W + "t": "", W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
SINGLE_FIELDS = ("kicker", "title", "subtitle", "byline", "dateline", "column")
FIELD_NAMES = {"kicker": "引题", "title": "主题", "subtitle": "副题", "byline": "作者",
               "dateline": "电头", "p": "正文", "caption": "图片说明", "credit": "图片署名",
               "photo": "图片", "column": "栏目"}
PAGE_HEADING = re.compile(r"^第\s*\d+\s*版")
UNKNOWN_CHECKSUM = "?"   # an anchor recovered from the 电头 style, not from a bookmark





@dataclass(slots=True)
class Para:
    text: str
    subhead: bool = False
    joins_next: bool = False   # its paragraph mark was deleted (tracked): joins the next
    added: bool = False        # typed after an anchored paragraph, without an anchor of its own


@dataclass(slots=True)
class Part:
    anchor: Anchor
    paragraphs: list[Para] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Revision:
    where: str     # "hengji 正文 p3"
    kind: str      # inserted / deleted
    text: str
    author: str


@dataclass(slots=True)
class Reading:
    parts: list[Part] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)
    comment_where: dict[str, str] = field(default_factory=dict)


def label(anchor: Anchor) -> str:
    """`hengji 正文 p3` — how the report names a part."""
    return f"{anchor.article_id} {FIELD_NAMES.get(anchor.kind, anchor.kind)} {anchor.field}"


@dataclass(slots=True)
class _Scan:
    """What one paragraph holds: text pieces with the bookmark they sit in, and notes."""

    pieces: list[tuple[bool, str]] = field(default_factory=list)   # (is 电头, text)
    touched: list[Anchor] = field(default_factory=list)   # anchors open in this paragraph
    revisions: list[tuple[str, str, str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    def text(self, dateline: bool) -> str:
        return nfc("".join(t for is_dateline, t in self.pieces if is_dateline == dateline))


class _BodyReader:
    """Walks document.xml in order, sorting paragraphs into bookmarked parts."""

    def __init__(self, style_names: dict[str, str]) -> None:
        self.style_names = style_names          # w:styleId → style name (editors may rename ids)
        self.reading = Reading()
        self.open: dict[str, Anchor] = {}      # bookmark w:id → anchor, innermost last
        self.parts: dict[str, Part] = {}
        self.last: Anchor | None = None         # anchor of the last mapped paragraph
        self.where = "the start of the document"

    def walk(self, node) -> None:
        for child in node:
            if child.tag == W + "p":
                self.paragraph(child)
            elif child.tag in (W + "bookmarkStart", W + "bookmarkEnd"):
                self.bookmark(child, None)
            elif child.tag not in (W + "sectPr", W + "sdtPr") and isinstance(child.tag, str):
                self.walk(child)

    def bookmark(self, node, scan: _Scan | None) -> None:
        number = node.get(W + "id")
        if node.tag == W + "bookmarkEnd":
            self.open.pop(number, None)
            return
        anchor = parse_name(node.get(W + "name"))
        if anchor is not None:
            self.open[number] = anchor
            if scan is not None:
                scan.touched.append(anchor)

    def part(self, anchor: Anchor) -> Part:
        if anchor.name not in self.parts:
            self.parts[anchor.name] = Part(anchor)
            self.reading.parts.append(self.parts[anchor.name])
        return self.parts[anchor.name]

    def paragraph(self, p) -> None:
        scan = _Scan(touched=list(self.open.values()))
        self.collect(p, scan)
        style = p.find(f"{W}pPr/{W}pStyle")
        style_name = self.style_names.get(style.get(W + "val")) if style is not None else None
        mains = [a for a in scan.touched if a.kind != "dateline"]
        datelines = [a for a in scan.touched if a.kind == "dateline"]
        if not datelines and mains and mains[0].field == "p1" and scan.text(dateline=True):
            # 电头-styled text whose bookmark Word dropped (typed over): still the 电头
            datelines = [Anchor(mains[0].article_id, "dateline", UNKNOWN_CHECKSUM)]
        for anchor in datelines[:1]:
            self.part(anchor).paragraphs.append(Para(scan.text(dateline=True)))
        text = scan.text(dateline=False)
        para = Para(text, style_name == "小标题",
                    p.find(f"{W}pPr/{W}rPr/{W}del") is not None)
        owner = mains[0] if mains else self.follows(style_name, text)
        for merged in mains[1:]:   # paragraphs joined in Word: the first part takes the text
            self.part(merged).paragraphs.append(Para(""))
        if owner is not None:
            para.added = not mains
            self.part(owner).paragraphs.append(para)
            self.last, self.where = owner, label(owner)
        elif style_name == "版面标题" and PAGE_HEADING.match(text.strip()):
            self.last, self.where = None, text.strip()
        elif text.strip():
            self.reading.unmapped.append(f"after {self.where}: {text.strip()}")
        self.notes(scan, label(owner) if owner else f"a paragraph after {self.where}")

    def follows(self, style_name: str | None, text: str) -> Anchor | None:
        """A new paragraph typed right after a body paragraph belongs to that paragraph."""
        body_like = style_name in (None, "Normal", "正文", "小标题")
        if text.strip() and body_like and self.last is not None and self.last.kind == "p":
            return self.last
        return None

    def notes(self, scan: _Scan, where: str) -> None:
        for kind, text, author in scan.revisions:
            self.reading.revisions.append(Revision(where, kind, text, author))
        for number in scan.comments:
            self.reading.comment_where.setdefault(number, where)

    def collect(self, node, scan: _Scan, dateline_run: bool = False) -> None:
        """Text of `node` in order; 电头 text is in the 电头 bookmark or the 电头 style."""
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED or tag == MC_FALLBACK:
                continue
            if tag in (W + "bookmarkStart", W + "bookmarkEnd"):
                self.bookmark(child, scan)
            elif tag in (W + "del", W + "moveFrom"):
                self.revision(child, scan, "deleted")
            elif tag in (W + "commentRangeStart", W + "commentReference"):
                scan.comments.append(child.get(W + "id"))
            elif tag in TEXT:
                inner = next(reversed(self.open.values()), None)
                is_dateline = dateline_run or (inner is not None and inner.kind == "dateline")
                scan.pieces.append((is_dateline,
                                    (child.text or "") if tag == W + "t" else TEXT[tag]))
            else:
                if tag in (W + "ins", W + "moveTo"):
                    self.revision(child, scan, "inserted")
                self.collect(child, scan, dateline_run or self.is_dateline_run(child))

    def is_dateline_run(self, node) -> bool:
        style = node.find(f"{W}rPr/{W}rStyle") if node.tag == W + "r" else None
        return style is not None and self.style_names.get(style.get(W + "val")) == "电头"

    @staticmethod
    def revision(node, scan: _Scan, kind: str) -> None:
        texts = node.iter(W + ("delText" if kind == "deleted" else "t"))
        text = "".join(t.text or "" for t in texts)
        if text:
            scan.revisions.append((kind, text, node.get(W + "author") or "unknown"))


def read_style_names(xml: bytes | None) -> dict[str, str]:
    """w:styleId → w:name from styles.xml (LibreOffice renames ids, never names)."""
    if not xml:
        return {}
    root = etree.fromstring(xml)
    return {s.get(W + "styleId"): s.find(W + "name").get(W + "val")
            for s in root.iter(W + "style") if s.find(W + "name") is not None}


def read_comments(xml: bytes | None) -> list[tuple[str, str, str]]:
    """(id, author, text) of every comment in comments.xml."""
    if not xml:
        return []
    root = etree.fromstring(xml)
    return [(c.get(W + "id"), c.get(W + "author") or "unknown",
             " ".join("".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p")))
            for c in root.iter(W + "comment")]


def read_docx(path: Path) -> tuple[Reading, list[tuple[str, str, str]]]:
    """The anchored parts, revisions, loose text and comments of a DOCX file."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            document = archive.read("word/document.xml")
            comments = archive.read("word/comments.xml") if "word/comments.xml" in names else None
            styles = archive.read("word/styles.xml") if "word/styles.xml" in names else None
        root = etree.fromstring(document)
        style_names = read_style_names(styles)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise InputError(f"not a readable DOCX ({exc}); save it as Word .docx", path) from None
    body = root.find(W + "body")
    reader = _BodyReader(style_names)
    if body is not None:
        reader.walk(body)
    return reader.reading, read_comments(comments)
