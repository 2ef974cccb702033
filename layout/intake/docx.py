"""Corrections from the copy editors' DOCX back into the article files.

The DOCX written by `layout.export.docx` anchors every article part in a
hidden bookmark naming the article, the field and a checksum (anchors.py).
Importing:

1. reads the DOCX body, accepting tracked changes (insertions kept, deletions
   dropped, deleted paragraph marks joined) and noting who made them; a
   paragraph typed right after a body paragraph joins that paragraph's part;
2. collects comments with the part they are attached to;
3. compares each anchored part with the article file's current text and, where
   the editor changed it, edits only that field or paragraph in the file text
   (never re-serialising the file, so untouched files stay byte-for-byte);
4. reports, per article, what changed, the tracked changes and comments, parts
   that could not be applied (the file changed since the export) and every
   paragraph that could not be mapped, with its full text.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from lxml import etree

from layout.errors import Diagnostics, InputError
from layout.export.docx.anchors import Anchor, checksum, parse_name
from layout.manifest.article import join_lines
from layout.manifest.text import nfc, strip_bad_chars

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
SKIPPED = {W + t for t in ("pPr", "rPr", "sdtPr", "delText", "instrText", "delInstrText",
                           "txbxContent")}
TEXT = {W + "t": "", W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
SINGLE_FIELDS = ("kicker", "title", "subtitle", "byline", "dateline")
FIELD_NAMES = {"kicker": "引题", "title": "主题", "subtitle": "副题", "byline": "作者",
               "dateline": "电头", "p": "正文", "caption": "图片说明", "credit": "图片署名",
               "photo": "图片"}
PAGE_HEADING = re.compile(r"^第\s*\d+\s*版")
UNKNOWN_CHECKSUM = "?"   # an anchor recovered from the 电头 style, not from a bookmark


# ---------------------------------------------------------------- reading the DOCX

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


# ---------------------------------------------------------------- the article file

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


# ---------------------------------------------------------------- planning the edits

@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    replacement: str
    note: str      # one line for the report


@dataclass(slots=True)
class ArticlePlan:
    article_id: str
    edits: list[Edit] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def _joined(paragraphs: list[Para]) -> list[Para]:
    """Paragraphs with tracked paragraph-mark deletions accepted, empty ones dropped."""
    out: list[Para] = []
    carry: Para | None = None
    for para in paragraphs:
        if carry is not None:
            para = Para(carry.text + para.text, carry.subhead, para.joins_next)
            carry = None
        if para.joins_next:
            carry = para
            continue
        out.append(para)
    if carry is not None:
        out.append(carry)
    result = []
    for para in out:
        pieces = [t.strip() for t in para.text.replace("\t", " ").split("\n")]
        result += [Para(t, para.subhead) for t in pieces if t]
    return result


def _show(old: str, new: str) -> str:
    """`…context「old → new」context…`: the changed stretch with a little context."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    before = ("…" if start > 8 else "") + old[max(0, start - 8):start]
    after = old[len(old) - end:][:8] + ("…" if end > 8 else "")
    return f"{before}「{old[start:len(old) - end]} → {new[start:len(new) - end]}」{after}"


def _quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _plan_part(part: Part, source: Source, plan: ArticlePlan) -> None:
    anchor = part.anchor
    if anchor.kind == "photo":
        return
    span = source.fields.get(anchor.field)
    paragraphs = _joined(part.paragraphs)
    name = label(anchor)
    if anchor.kind == "p":
        new_text = "\n\n".join(("## " if p.subhead else "") + p.text for p in paragraphs)
        old_text = ("## " if span and span.subhead else "") + (span.value if span else "")
    else:
        new_text = join_lines([p.text for p in paragraphs])
        old_text = span.value if span else ""
    if new_text == old_text:
        return
    if anchor.field == "title" and not new_text:
        plan.conflicts.append(f"{name}: the 主题 was emptied; a story needs one, kept as it was")
        return
    if span is None or anchor.checksum not in (checksum(span.value), UNKNOWN_CHECKSUM):
        plan.conflicts.append(f"{name}: the article file changed since the DOCX was made; "
                              f"not applied, the DOCX reads: {new_text or '(empty)'}")
        return
    if anchor.kind == "p":
        plan.edits.append(_paragraph_edit(span, new_text, name, source.text))
    else:
        text = source.text[span.start:span.end]
        tail = text[len(text.rstrip()):]
        plan.edits.append(Edit(span.start, span.end, _quote(new_text) + tail,
                               f"{name}: {_show(old_text, new_text)}"))


def _paragraph_edit(span: Span, new_text: str, name: str, text: str) -> Edit:
    old = ("## " if span.subhead else "") + span.value
    if new_text:
        count = new_text.count("\n\n") + 1
        note = _show(old, new_text) if count == 1 else f"now {count} paragraphs: {new_text}"
        return Edit(span.start, span.end, new_text, f"{name}: {note}")
    start, end = span.start, span.end   # deleted: take one blank line with it
    if text[end:].strip():
        while end < len(text) and text[end] == "\n" and end - span.end < 2:
            end += 1
    else:   # the last paragraph: drop the blank line before it instead
        start = len(text[:start].rstrip("\n"))
    return Edit(start, end, "", f"{name}: paragraph deleted: {old}")


def _recover_lost_anchors(article_id: str, parts: list[Part], source: Source) -> list[Part]:
    """Give a paragraph whose bookmark Word dropped (typed over) back its field.

    When p(n+1) has no bookmark left but unanchored paragraphs follow p(n), the
    first of them stands where p(n+1) stood: it is p(n+1), retyped. (Had the
    editor deleted p(n+1) and typed a new paragraph, the result is the same.)
    """
    present = {part.anchor.field for part in parts}
    recovered = []
    for part in parts:
        following = f"p{part.anchor.index + 1}"
        added = [p for p in part.paragraphs if p.added]
        if part.anchor.kind != "p" or following in present or following not in source.fields \
                or not added:
            continue
        part.paragraphs = [p for p in part.paragraphs if not p.added]
        recovered.append(Part(Anchor(article_id, following, UNKNOWN_CHECKSUM), added))
        present.add(following)
    return parts + recovered


def plan_article(article_id: str, parts: list[Part], source: Source) -> ArticlePlan:
    plan = ArticlePlan(article_id)
    parts = _recover_lost_anchors(article_id, parts, source)
    for part in parts:
        _plan_part(part, source, plan)
    present = {part.anchor.field for part in parts}
    for name, span in source.fields.items():
        if name not in present and span.value:
            plan.conflicts.append(f"{article_id} {FIELD_NAMES.get(name.rstrip('0123456789'))} "
                                  f"{name}: not found in the DOCX (deleted there, or its anchor "
                                  f"lost); the file keeps it: {span.value}")
    return plan


def apply_edits(text: str, edits: list[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


# ---------------------------------------------------------------- the import

def _write(path: Path, data: bytes) -> None:
    """Replace `path` atomically, so an interrupted import never leaves half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _group(parts: list[Part]) -> dict[str, list[Part]]:
    grouped: dict[str, list[Part]] = {}
    for part in parts:
        grouped.setdefault(part.anchor.article_id, []).append(part)
    return grouped


def import_docx(path: Path, issue_dir: Path, *, dry_run: bool, diag: Diagnostics) -> str:
    """Apply the corrections in an edited DOCX to the article files of `issue_dir`.

    Returns the report: what changed per article, tracked changes and comments,
    corrections that could not be applied and paragraphs that could not be mapped.
    """
    path, articles = Path(path), Path(issue_dir) / "articles"
    if not articles.is_dir():
        raise InputError(f"no articles/ folder in {issue_dir} (is this an issue folder?)",
                         issue_dir)
    reading, comments = read_docx(path)
    if not reading.parts:
        raise InputError("no article anchors in this DOCX: import only works on a DOCX "
                         "written by `layout build` (its hidden bookmarks kept)", path)
    lines, changed = [], 0
    for article_id, parts in _group(reading.parts).items():
        file = articles / f"{article_id}.md"
        if not file.is_file():
            reading.unmapped += [f"{label(p.anchor)} (no file {file}): "
                                 + " / ".join(x.text for x in p.paragraphs) for p in parts]
            continue
        source = Source.read(file)
        plan = plan_article(article_id, parts, source)
        lines += _article_report(plan, file)
        for conflict in plan.conflicts:
            diag.warn(conflict, file)
        if plan.edits:
            changed += 1
            if not dry_run:
                _write(file, source.encoded(apply_edits(source.text, plan.edits)))
    lines += _extras_report(reading, comments, diag)
    verb = "would change" if dry_run else "changed"
    lines.insert(0, f"{path.name}: {verb} {changed} article file(s) in {articles}"
                    + (" (dry run: nothing written)" if dry_run else ""))
    return "\n".join(lines)


def _article_report(plan: ArticlePlan, file: Path) -> list[str]:
    if not plan.edits and not plan.conflicts:
        return [f"  {plan.article_id}: unchanged"]
    out = [f"  {plan.article_id} ({file.name}): {len(plan.edits)} change(s)"]
    out += [f"    {edit.note}" for edit in plan.edits]
    out += [f"    NOT APPLIED {c}" for c in plan.conflicts]
    return out


def _extras_report(reading: Reading, comments: list[tuple[str, str, str]],
                   diag: Diagnostics) -> list[str]:
    out = []
    if reading.revisions:
        out.append(f"tracked changes accepted: {len(reading.revisions)}")
        out += [f"  {r.where}: {r.kind} by {r.author}: {r.text}" for r in reading.revisions]
    if comments:
        out.append(f"comments (listed, not applied): {len(comments)}")
        out += [f"  {reading.comment_where.get(cid, 'unknown place')}: {author}: {text}"
                for cid, author, text in comments]
    if reading.unmapped:
        diag.warn(f"{len(reading.unmapped)} paragraph(s) of the DOCX could not be mapped to an "
                  "article field; see the report and copy them over by hand")
        out.append(f"not mapped to any article field (not imported): {len(reading.unmapped)}")
        out += [f"  {text}" for text in reading.unmapped]
    return out
