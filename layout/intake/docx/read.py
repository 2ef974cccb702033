"""Reading the body of an edited DOCX: paragraphs with their text, anchors and revisions.

document.xml is read as a stream of events (`xmlstream`), so memory stays
bounded whatever its size. Each paragraph comes out as a `DocPara`:

- its visible text, as segments that say whether they sit inside a 电头
  anchor or in the 电头 character style;
- every anchor bookmark seen in it, with what it covered: visible text,
  text a tracked change removes, or nothing (collapsed) — bookmarks are
  found wherever an editor's program put them, inside `w:del`, `w:moveFrom`
  or `w:ins` too, and between paragraphs;
- its tracked changes (who inserted or deleted what) and comment ids.

`mode` decides what the tracked changes mean: "accept" keeps insertions and
moves' destinations and drops deletions and moves' sources; "reject" does
the opposite. A paragraph mark that the mode removes (a deleted mark when
accepting, an inserted one when rejecting) joins the paragraph to the next,
as Word does. Formatting changes (`w:rPrChange`, `w:pPrChange`) and field
codes are skipped; text boxes are kept aside to be reported.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from layout.errors import InputError
from layout.export.docx.anchors import Mark, parse_name
from layout.i18n import _
from layout.intake.docx.package import Limits
from layout.intake.docx.xmlstream import parse, wattr
from layout.manifest.text import nfc

REVISION = {"ins": "inserted", "moveTo": "inserted", "del": "deleted", "moveFrom": "deleted"}
SKIP = frozenset({"instrText", "delInstrText", "sdtPr", "sdtEndPr", "pPrChange", "rPrChange",
                  "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "tblPrEx", "numPr", "ffData",
                  "fldData", "mc:Fallback", "footnotePr", "endnotePr", "tblPrChange",
                  "tcPrChange", "trPrChange", "sectPrChange", "tblGridChange", "numberingChange"})
CHARACTERS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
NOTE_MARKS = {"commentRangeStart": "", "commentReference": "", "footnoteReference": "footnote:",
              "endnoteReference": "endnote:"}     # → the prefix of the note's id
STARTS = frozenset({"t", "delText", "txbxContent", "p", "bookmarkStart", "bookmarkEnd", "r",
                    "pStyle", "rStyle", *NOTE_MARKS, *REVISION})
ENDS = frozenset({"t", "delText", "txbxContent", "p", *REVISION, *CHARACTERS})
DATELINE_STYLE = "电头"


@dataclass(slots=True)
class Evidence:
    """What one anchor covered in one paragraph."""

    started: bool = False   # its bookmark starts here
    visible: bool = False   # it covers text that stays
    removed: bool = False   # it covers text a tracked change removes


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    in_dateline: bool       # inside the 电头 anchor
    dateline_style: bool    # in the 电头 character style


@dataclass(frozen=True, slots=True)
class Revision:
    kind: str      # inserted / deleted / paragraph mark inserted / paragraph mark deleted
    author: str
    text: str
    mark: Mark | None = None   # the anchor it was made in, where known


@dataclass(slots=True)
class DocPara:
    """One paragraph of the DOCX as the chosen mode reads it."""

    index: int
    style: str | None = None
    segments: list[Segment] = field(default_factory=list)
    marks: dict[Mark, Evidence] = field(default_factory=dict)
    mark_removed: bool = False
    revisions: list[Revision] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)
    style_doubtful: bool = False   # its style may be a removed paragraph's (see `join`)

    @property
    def text(self) -> str:
        return nfc("".join(s.text for s in self.segments))

    def evidence(self, mark: Mark) -> Evidence:
        if mark not in self.marks:
            self.marks[mark] = Evidence()
        return self.marks[mark]

    def join(self, other: "DocPara") -> "DocPara":
        """This paragraph with its mark removed: `other` runs on after it."""
        for mark, ev in other.marks.items():
            mine = self.evidence(mark)
            mine.started |= ev.started
            mine.visible |= ev.visible
            mine.removed |= ev.removed
        empty = not "".join(s.text for s in self.segments).strip()
        # LibreOffice, removing a whole paragraph with Track Changes on, gives the next one
        # the removed paragraph's style: the same style after an emptied one is not evidence
        doubtful = other.style_doubtful or (empty and self.style == other.style)
        return DocPara(self.index, other.style if empty else self.style,
                       self.segments + other.segments, self.marks, other.mark_removed,
                       self.revisions + other.revisions, self.comments + other.comments,
                       self.boxes + other.boxes, doubtful)


@dataclass(slots=True)
class _Open:
    mark: Mark
    paragraph: int      # index of the paragraph its bookmark starts in


@dataclass(slots=True)
class _Change:
    kind: str
    author: str
    text: list[str] = field(default_factory=list)
    mark: Mark | None = None


class BodyReader:
    """Turns document.xml's events into DocParas (see the module docstring)."""

    def __init__(self, mode: str, style_names: dict[str, str], limits: Limits, path: Path):
        self.mode, self.style_names, self.limits, self.path = mode, style_names, limits, path
        self.depth = limits.depth
        self.paragraphs: list[DocPara] = []
        self.open: dict[str, _Open] = {}
        self.count = 0                      # paragraphs started, the next one's index
        self.para: DocPara | None = None
        self.carry: DocPara | None = None   # a paragraph whose mark this mode removes
        self.pending: list[Mark] = []       # bookmarks started between paragraphs
        self.changes: list[_Change] = []
        self.stack: list[str] = []
        self.skip = 0
        self.box_depth = 0
        self.box_text: list[str] = []
        self.dateline_run = False
        self.chars: list[str] | None = None   # the text of the w:t being read
        self.characters = 0
        self.bookmarks = 0
        self.marks: dict[str, Mark | None] = {}   # bookmark name → its mark, parsed once

    # ---------------------------------------------------------------- events
    def feed(self, stream, part: str) -> list[DocPara]:
        parse(stream, self, self.path, part)
        if self.carry is not None:
            self.emit(self.carry)
        return self.paragraphs

    def start(self, name: str, attrib) -> None:
        if self.skip or name in SKIP:
            self.skip += 1
            return
        stack = self.stack
        stack.append(name)
        if len(stack) > self.depth:
            raise InputError(_("the DOCX nests its elements more than {limit} deep; Word, WPS and "
                               "LibreOffice never do").format(limit=self.depth), self.path)
        if name not in STARTS:
            return
        parent = stack[-2] if len(stack) > 1 else ""
        grand = stack[-3] if len(stack) > 2 else ""
        if name in ("t", "delText"):
            self.chars = []
        elif name == "txbxContent":
            self.box_depth += 1
        elif self.box_depth:
            return
        elif name == "p":
            self.begin_paragraph()
        elif name in ("bookmarkStart", "bookmarkEnd"):
            self.bookmark(attrib, name)
        elif name in REVISION:
            self.revision_start(attrib, name, parent, grand)
        elif name == "pStyle" and parent == "pPr" and self.para is not None:
            self.para.style = self.style_names.get(wattr(attrib, "val") or "")
        elif name == "r":
            self.dateline_run = False
        elif name == "rStyle" and parent == "rPr" and grand == "r":
            self.dateline_run = self.style_names.get(wattr(attrib, "val") or "") == DATELINE_STYLE
        elif name in NOTE_MARKS and self.para is not None:
            self.para.comments.append(NOTE_MARKS[name] + (wattr(attrib, "id") or ""))

    def text(self, chunk: str) -> None:
        if self.chars is not None and not self.skip:
            self.characters += len(chunk)
            if self.characters > self.limits.characters:
                raise InputError(_("the DOCX holds more than {limit} characters of text, over "
                                   "the limit for one edition").format(
                                       limit=self.limits.characters), self.path)
            self.chars.append(chunk)

    def end(self, name: str) -> None:
        if self.skip:
            self.skip -= 1
            return
        if self.stack:
            self.stack.pop()
        if name not in ENDS:
            return
        if name in ("t", "delText"):
            text, self.chars = "".join(self.chars or ()), None
            if self.box_depth:
                self.box_text.append(text)
            else:
                self.piece(text)
        elif name == "txbxContent":
            self.box_depth -= 1
            if not self.box_depth and self.para is not None and "".join(self.box_text).strip():
                self.para.boxes.append(nfc("".join(self.box_text).strip()))
            if not self.box_depth:
                self.box_text = []
        elif self.box_depth:
            if name in CHARACTERS or name == "p":
                self.box_text.append(CHARACTERS.get(name, "\n"))
        elif name in CHARACTERS:
            self.piece(CHARACTERS[name])
        elif name == "p":
            self.end_paragraph()
        elif name in REVISION and self.changes:
            change = self.changes.pop()
            if change.kind != "mark" and self.para is not None and "".join(change.text):
                self.para.revisions.append(Revision(change.kind, change.author,
                                                    nfc("".join(change.text)), change.mark))

    # ------------------------------------------------------------ paragraphs
    def begin_paragraph(self) -> None:
        if self.count >= self.limits.paragraphs:
            raise InputError(_("the DOCX has more than {limit} paragraphs, over the limit for "
                               "one edition").format(limit=self.limits.paragraphs), self.path)
        self.para = DocPara(self.count)
        self.count += 1
        for mark in self.pending:
            self.para.evidence(mark).started = True
        self.pending = []

    def end_paragraph(self) -> None:
        para, self.para = self.para, None
        if para is None:
            return
        own = next((m for m in para.marks if m.field != "dateline"), None)
        para.revisions = [r if r.mark is not None else Revision(r.kind, r.author, r.text, own)
                          for r in para.revisions]
        if self.carry is not None:
            para = self.carry.join(para)
            self.carry = None
        if para.mark_removed:
            self.carry = para
        else:
            self.emit(para)

    def emit(self, para: DocPara) -> None:
        self.paragraphs.append(para)

    # ------------------------------------------------------------- revisions
    def revision_start(self, attrib, name: str, parent: str, grand: str) -> None:
        author = wattr(attrib, "author") or "?"
        if parent == "rPr" and grand == "pPr":        # the paragraph mark itself
            self.changes.append(_Change("mark", author))
            if self.para is not None:
                inserted = REVISION[name] == "inserted"
                self.para.mark_removed |= inserted == (self.mode == "reject")
                kind = "paragraph mark inserted" if inserted else "paragraph mark deleted"
                self.para.revisions.append(Revision(kind, author, ""))
        elif parent == "rPr":                          # run-level marks (numbering): not text
            self.changes.append(_Change("mark", author))
        else:
            self.changes.append(_Change(REVISION[name], author))

    def visible(self) -> bool:
        kinds = {c.kind for c in self.changes}
        return ("inserted" if self.mode == "reject" else "deleted") not in kinds

    # ----------------------------------------------------------------- text
    def piece(self, text: str) -> None:
        para = self.para
        if para is None or not text:
            return
        if self.changes and self.changes[-1].kind != "mark":
            change = self.changes[-1]
            change.text.append(text)
            if change.mark is None:
                change.mark = next((h.mark for h in reversed(self.open.values())
                                    if h.mark.field != "dateline"), None)
        shown = self.visible()
        in_dateline = False
        for held in self.open.values():
            evidence = para.evidence(held.mark)
            if shown:
                evidence.visible = True
            else:
                evidence.removed = True
            in_dateline |= held.mark.field == "dateline"
        if shown:
            para.segments.append(Segment(text, in_dateline, self.dateline_run))

    # ------------------------------------------------------------- bookmarks
    def bookmark(self, attrib, name: str) -> None:
        number = wattr(attrib, "id") or ""
        if name == "bookmarkEnd":
            self.open.pop(number, None)
            return
        name = wattr(attrib, "name") or ""
        if not name.startswith("_L"):
            return                                  # _GoBack, the editor's own bookmarks
        mark = self.marks.get(name)
        if mark is None:
            mark = parse_name(name)
            if mark is None:
                return
            self.marks[name] = mark                 # at most `bookmarks` of them (below)
        self.bookmarks += 1
        if self.bookmarks > self.limits.bookmarks or len(self.open) >= self.limits.open_bookmarks:
            raise InputError(_("the DOCX has more bookmarks than an edition needs (limit {limit})")
                             .format(limit=self.limits.bookmarks), self.path)
        here = self.para.index if self.para is not None else self.count
        for key, held in list(self.open.items()):
            # a name started again closes the earlier one (LibreOffice writes a split
            # paragraph's bookmark twice); a new part ends parts left open before it
            same = held.mark == mark
            older = mark.field != "dateline" and held.mark.field != "dateline" \
                and held.paragraph < here
            if same or older:
                del self.open[key]
        self.open[number] = _Open(mark, here)
        if self.para is not None:
            self.para.evidence(mark).started = True
        else:
            self.pending.append(mark)


class _Styles:
    """w:styleId → w:name from styles.xml (LibreOffice renames ids, never names)."""

    def __init__(self):
        self.names: dict[str, str] = {}
        self.current: str | None = None

    def start(self, name: str, attrib) -> None:
        if name == "style":
            self.current = wattr(attrib, "styleId")
        elif name == "name" and self.current is not None:
            self.names[self.current] = wattr(attrib, "val") or ""
            self.current = None

    def end(self, name: str) -> None:
        if name == "style":
            self.current = None

    def text(self, chunk: str) -> None:
        pass


def read_style_names(stream, path: Path, part: str) -> dict[str, str]:
    styles = _Styles()
    parse(stream, styles, path, part)
    return styles.names


class _Notes:
    """(id, author, text) of every comment, footnote or endnote (`element`) of a part;
    a footnote's separators (w:type) are not notes."""

    def __init__(self, element: str, limit: int):
        self.element, self.limit, self.size = element, limit, 0
        self.found: list[tuple[str, str, str]] = []
        self.current: tuple[str, str] | None = None
        self.parts: list[str] = []
        self.reading = False

    def start(self, name: str, attrib) -> None:
        if name == self.element and wattr(attrib, "type") is None:
            self.current = (wattr(attrib, "id") or "", wattr(attrib, "author") or "?")
            self.parts = []
        self.reading = name == "t" and self.current is not None

    def end(self, name: str) -> None:
        self.reading = False
        if name == "p" and self.current is not None:
            self.parts.append(" ")
        elif name == self.element and self.current is not None:
            self.found.append((*self.current, nfc("".join(self.parts).strip())))
            self.current = None

    def text(self, chunk: str) -> None:
        if self.reading:
            self.size += len(chunk)
            if self.size > self.limit:
                raise InputError(_("the comments and notes hold more than {limit} characters, "
                                   "over the limit for one edition").format(limit=self.limit))
            self.parts.append(chunk)


def read_notes(stream, path: Path, part: str, element: str,
               limit: int) -> list[tuple[str, str, str]]:
    """The comments (`element` "comment"), footnotes or endnotes of a part."""
    notes = _Notes(element, limit)
    parse(stream, notes, path, part)
    return notes.found
