"""Which article and field each paragraph of the DOCX belongs to.

A paragraph belongs to the parts whose anchors cover its visible text (a
merged paragraph carries two; a split one shares its anchor with the piece
after it). A paragraph that kept no anchor is placed by its style, never by
what it inherited:

- 主题 / 引题 / 副题 / 作者 without an anchor (retyped, or new) belong to the
  article whose anchored paragraphs come next — its headline is above it;
- 正文 / 小标题 / 诗行 (or no style) typed after an article's headline or
  paragraphs are new paragraphs of that article, where they stand; after a
  photo's caption, or after new headline paragraphs (a new article), they
  are reported;
- the 电头 is the text inside its anchor; without one (typed over), the run
  of 电头-styled text that opens the first paragraph, up to its closing
  bracket — text typed after the 电头 inherits its style and is body text.

An anchor covering only text a tracked change removes is a tracked deletion
of its part; a paragraph left empty, or an anchor gone, an untracked one.
Anything ambiguous — a paragraph holding two articles' parts, an article's
paragraph moved into another article — is held for the report, with its
text; its parts are left as they are in the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from layout.export.docx.anchors import Mark, RefIndex
from layout.i18n import _
from layout.intake.docx.read import DocPara, Evidence, Revision
from layout.manifest.article import join_lines
from layout.manifest.text import nfc, strip_bad_chars

FIELD_NAMES = {"kicker": "引题", "title": "主题", "subtitle": "副题", "byline": "作者",
               "dateline": "电头", "p": "正文", "caption": "图片说明", "credit": "图片署名",
               "photo": "图片", "column": "栏目"}
HEADLINE_STYLES = {"栏目": "column", "引题": "kicker", "主题": "title", "副题": "subtitle",
                   "作者": "byline"}
PHOTO_STYLES = {"图片说明": "caption", "图片署名": "credit"}
BODY_STYLES = (None, "Normal", "正文", "小标题", "诗行", "Default Paragraph Style", "Standard",
               "Text Body", "Body Text")
PARAGRAPH_KINDS = {"小标题": "subhead", "诗行": "verse"}
PAGE_STYLE = "版面标题"
CLOSING = "）)】]"


def label(article_id: str, field_name: str) -> str:
    """`hengji 正文 p3` — how the report names a part."""
    kind = field_name.split("+")[0].rstrip("0123456789")
    return f"{article_id} {FIELD_NAMES.get(kind, '?')} {field_name}"


def clean(text: str) -> str:
    return nfc(strip_bad_chars(text)[0]).replace("\t", " ").strip()


@dataclass(slots=True)
class BodyPara:
    """One paragraph of an article's body as the DOCX now has it."""

    text: str
    kind: str                  # body, subhead (小标题) or verse (诗行, its lines kept)
    origins: tuple[int, ...]   # the exported paragraphs it carries (p3 → 3), in order
    where: str
    copy: bool = False         # it carries a pasted copy's bookmark
    kind_known: bool = True    # False: its style may be a removed paragraph's, not its own


@dataclass(slots=True)
class Theirs:
    """One article as the DOCX has it."""

    article_id: str
    checksums: dict[str, str] = field(default_factory=dict)      # field → from its bookmark
    singles: dict[str, list[str]] = field(default_factory=dict)   # field → texts seen
    recovered: dict[str, list[str]] = field(default_factory=dict)  # field → texts by style
    body: list[BodyPara] = field(default_factory=list)
    removed: set[str] = field(default_factory=set)   # only in text tracked changes remove
    emptied: set[str] = field(default_factory=set)   # left empty, without Track Changes
    held: set[str] = field(default_factory=set)      # ambiguous: keep the file's text
    problems: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Attribution:
    articles: dict[str, Theirs] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)          # bookmarks of other issues
    revisions: list[tuple[str, Revision]] = field(default_factory=list)
    comment_where: dict[str, str] = field(default_factory=dict)


class Attributor:
    def __init__(self, refs: RefIndex, stray: set[int]):
        self.refs, self.stray = refs, stray
        self.out = Attribution()
        self.last: str | None = None          # the article of the last placed paragraph
        self.last_body = False                # … and whether it was its text (not a photo's)
        self.last_where = _("the start of the document")
        self.pending: list[tuple[str, str]] = []   # (field, text) of headline paragraphs
        self.dated: set[str] = set()          # articles whose 电头 was found

    def article(self, article_id: str) -> Theirs:
        if article_id not in self.out.articles:
            self.out.articles[article_id] = Theirs(article_id)
        return self.out.articles[article_id]

    def resolved(self, para: DocPara) -> list[tuple[str, Mark, Evidence]]:
        """The paragraph's marks whose article is in the manifest; the others are reported."""
        out = []
        for mark, ev in para.marks.items():
            article_id = self.refs.lookup(mark.ref)
            if article_id is None:
                self.out.unknown.append(f"{mark.field} {mark.ref}: {para.text or _('(empty)')}")
                continue
            self.article(article_id).checksums.setdefault(mark.field, mark.checksum)
            out.append((article_id, mark, ev))
        return out

    # ---------------------------------------------------------- paragraphs
    def paragraph(self, para: DocPara) -> None:
        marks = self.resolved(para)
        owners = self.classify(para, [(a, m, ev) for a, m, ev in marks if m.field != "dateline"])
        body_text = self.dateline(para, marks)
        if owners:
            where = self.owned(para, owners, clean(body_text))
        elif len(marks) < len(para.marks) and para.text.strip():
            where = _("a paragraph after {where}").format(where=self.last_where)
            self.out.unmapped.append(_("{where} (its bookmark names no article of this issue): "
                                       "{text}").format(where=where, text=clean(para.text)))
        else:
            where = self.unanchored(para, clean(body_text))
        for revision in para.revisions:
            at = self.refs.lookup(revision.mark.ref) if revision.mark is not None else None
            self.out.revisions.append((label(at, revision.mark.field) if at else where, revision))
        for number in para.comments:
            self.out.comment_where.setdefault(number, where)
        for box in para.boxes:
            self.out.unmapped.append(_("{where}: text box: {text}").format(where=where, text=box))

    def classify(self, para: DocPara, marks) -> list[tuple[str, Mark]]:
        """The paragraph's owners; removed and emptied parts are noted as deletions."""
        has_text = bool(para.text.strip())
        visible = any(ev.visible for _a, _m, ev in marks)
        owners = []
        for article_id, mark, ev in marks:
            if ev.visible or (has_text and not visible and not ev.removed):
                owners.append((article_id, mark))   # covers its text, or typed over
            elif ev.removed:
                self.article(article_id).removed.add(mark.field)
            else:
                self.article(article_id).emptied.add(mark.field)
        return owners

    def owned(self, para: DocPara, owners: list[tuple[str, Mark]], text: str) -> str:
        articles = list(dict.fromkeys(a for a, _m in owners))
        fields = list(dict.fromkeys(m.field for _a, m in owners))
        labels = list(dict.fromkeys(label(a, m.field) for a, m in owners))
        if len(articles) > 1 or (len(fields) > 1 and {m.kind for _a, m in owners} != {"p"}):
            return self.ambiguous(owners, labels, text)
        article_id, theirs = articles[0], self.article(articles[0])
        self.flush_pending(article_id)
        self.last, self.last_where = article_id, labels[0]
        self.last_body = not fields[0].startswith(("photo", "caption", "credit"))
        if para.index in self.stray:
            theirs.held.update(fields)
            theirs.problems.append(_("{part}: sits among another article's paragraphs (moved "
                                     "between articles?); the file keeps it where it was; the "
                                     "DOCX reads: {text}").format(part=labels[0], text=text))
        elif fields[0].startswith("photo"):
            if text:
                self.out.unmapped.append(_("{part}: text beside the photo: {text}")
                                         .format(part=labels[0], text=text))
        elif fields[0].startswith("p"):
            self.body(theirs, para, fields, any(m.copy for _a, m in owners), text, labels[0])
        elif text:
            theirs.singles.setdefault(fields[0], []).append(text)
        else:
            self.deleted(theirs, para, fields)
        return labels[0]

    def deleted(self, theirs: Theirs, para: DocPara, fields: list[str]) -> None:
        """Owned paragraphs left without text: tracked deletions if a revision removed it."""
        for field_name in fields:
            tracked = any(ev.removed for m, ev in para.marks.items() if m.field == field_name)
            (theirs.removed if tracked else theirs.emptied).add(field_name)

    def body(self, theirs: Theirs, para: DocPara, fields: list[str], copy: bool, text: str,
             where: str) -> None:
        kind = PARAGRAPH_KINDS.get(para.style, "body")
        pieces = _pieces(text, kind)
        if not pieces:
            self.deleted(theirs, para, fields)
            return
        origins = tuple(int(f[1:]) for f in fields)
        for piece in pieces:
            theirs.body.append(BodyPara(piece, kind, origins, where, copy,
                                        not para.style_doubtful))

    def ambiguous(self, owners: list[tuple[str, Mark]], labels: list[str], text: str) -> str:
        where = " + ".join(labels)
        for article_id in dict.fromkeys(a for a, _m in owners):
            theirs = self.article(article_id)
            theirs.held.update(m.field for a, m in owners if a == article_id)
            theirs.problems.append(_("{part}: one paragraph holds parts that belong apart; the "
                                     "file keeps them as they were; the DOCX reads: {text}")
                                   .format(part=where, text=text))
        return where

    def unanchored(self, para: DocPara, text: str) -> str:
        after = _("a paragraph after {where}").format(where=self.last_where)
        if not text:
            return after
        if para.style == PAGE_STYLE:
            self.flush_pending(None)
            self.last, self.last_body, self.last_where = None, False, text
            return text
        if para.style in HEADLINE_STYLES:
            self.pending.append((HEADLINE_STYLES[para.style], text))
            return _("new {style} ({text})").format(style=para.style, text=text)
        if para.style in BODY_STYLES and self.last is not None and self.last_body \
                and not self.pending:
            where = _("new paragraph after {where}").format(where=self.last_where)
            kind = PARAGRAPH_KINDS.get(para.style, "body")
            for piece in _pieces(text, kind):
                self.article(self.last).body.append(BodyPara(piece, kind, (), where))
            return where
        self.flush_pending(None)
        self.out.unmapped.append(_("{where}: {text}").format(where=after, text=text))
        return after

    def flush_pending(self, article_id: str | None) -> None:
        """Headline paragraphs without anchors go to the article that follows them."""
        for field_name, text in self.pending:
            if article_id is None:
                self.out.unmapped.append(_("new {style} (no article of the issue follows it): "
                                           "{text}").format(style=FIELD_NAMES[field_name],
                                                            text=text))
            else:
                self.article(article_id).recovered.setdefault(field_name, []).append(text)
        self.pending = []

    # ------------------------------------------------------------- 电头
    def dateline(self, para: DocPara, marks) -> str:
        """Note the paragraph's 电头, if it holds one; return the rest of its text."""
        datelines = [(a, m, ev) for a, m, ev in marks if m.field == "dateline"]
        body = [a for a, m, _ev in marks if m.kind == "p" and a not in self.dated]
        if not datelines and not (body and para.segments and para.segments[0].dateline_style):
            return "".join(s.text for s in para.segments)
        before, dateline, after = _split_dateline(para.segments)
        article_id = datelines[0][0] if datelines else body[0]
        self.dated.add(article_id)
        theirs = self.article(article_id)
        if clean(dateline):
            target = theirs.singles if datelines else theirs.recovered
            target.setdefault("dateline", []).append(clean(dateline))
        elif datelines:
            ev = datelines[0][2]
            (theirs.removed if ev.removed and not ev.visible else theirs.emptied).add("dateline")
        return before + after


def _pieces(text: str, kind: str) -> list[str]:
    """A DOCX paragraph's text as article paragraphs: a line break (soft return) in prose
    starts a new paragraph; a stanza keeps its lines."""
    if kind == "verse":
        lines = [clean(line) for line in text.split("\n")]
        stanza = "\n".join(line for line in lines if line)
        return [stanza] if stanza else []
    return [piece for piece in (clean(t) for t in text.split("\n")) if piece]


def _split_dateline(segments: list) -> tuple[str, str, str]:
    """(text before the 电头, the 电头, text after it) of a first paragraph.

    The 电头 is the text inside its anchor; when the anchor holds nothing, or
    stops before the 电头's closing bracket (LibreOffice keeps only part of a
    retyped 电头 inside it), the 电头-styled text that follows, up to its last
    closing bracket, belongs to it too.
    """
    inside = [k for k, s in enumerate(segments) if s.in_dateline]
    start = inside[0] if inside else 0
    stop = inside[-1] + 1 if inside else 0
    head = "".join(s.text for s in segments[start:stop])
    before = "".join(s.text for k, s in enumerate(segments[:stop]) if k not in inside)
    styled = []
    for segment in segments[stop:]:
        if not segment.dateline_style:
            break
        styled.append(segment.text)
    tail = "".join(styled)
    extra = ""
    if head.rstrip()[-1:] not in CLOSING or not head.strip():
        cut = max(tail.rfind(c) for c in CLOSING)
        extra = tail[:cut + 1] if cut >= 0 else ("" if head.strip() else tail)
    after = "".join(s.text for s in segments[stop:])[len(extra):]
    return before, head + extra, after


def _strays(paragraphs: list[DocPara], refs: RefIndex) -> set[int]:
    """Paragraphs of an article standing apart from the longest run of its paragraphs."""
    runs: list[tuple[str, list[int]]] = []
    for para in paragraphs:
        ids = {refs.lookup(m.ref) for m, ev in para.marks.items()
               if ev.visible and m.field != "dateline"} - {None}
        if len(ids) != 1:
            continue
        article_id = ids.pop()
        if runs and runs[-1][0] == article_id:
            runs[-1][1].append(para.index)
        else:
            runs.append((article_id, [para.index]))
    home: dict[str, list[int]] = {}
    for article_id, members in runs:
        if len(members) > len(home.get(article_id, ())):
            home[article_id] = members
    return {i for article_id, members in runs if members is not home[article_id] for i in members}


def attribute(paragraphs: list[DocPara], refs: RefIndex) -> Attribution:
    """Sort every paragraph of the DOCX into the article parts it belongs to."""
    attributor = Attributor(refs, _strays(paragraphs, refs))
    for para in paragraphs:
        attributor.paragraph(para)
    attributor.flush_pending(None)
    for theirs in attributor.out.articles.values():
        for found in (theirs.singles, theirs.recovered):
            for field_name, texts in found.items():
                lines = [line.strip() for t in texts for line in t.split("\n") if line.strip()]
                found[field_name] = [join_lines(lines)] if lines else []
    return attributor.out


__all__ = ["Attribution", "BodyPara", "Evidence", "Theirs", "attribute", "clean", "label"]
