"""What one article's corrections come to: text edits for its file, notes, and what is held back.

The merge is three-way: the part as exported (the base: the DOCX's snapshot
of the exported text, or at least the checksum in its bookmark), the article
file as it is now (ours), and the DOCX (theirs). A part the DOCX changed is
applied when the file still holds the exported text; when the file changed
too (a reporter's later update), the three versions are shown and nothing is
applied unless `--force`. Corrected text goes through the same GB/T 15834
rules as `layout import FILE.txt`, each change reported.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from layout.export.docx.anchors import checksum
from layout.i18n import _
from layout.intake.docx.document import SnapField
from layout.intake.docx.parts import Theirs, label
from layout.intake.docx.source import Source
from layout.intake.normalise import normalise

# verse keeps its phrase gaps as a headline does (spaces between Han become U+3000)
ROLE_OF_KIND = {"body": "body", "subhead": "heading", "verse": "heading"}
ROLES = {"column": "heading", "kicker": "heading", "title": "heading", "subtitle": "heading",
         "byline": "credit", "dateline": "credit", "credit": "credit", "caption": "body",
         "p": "body"}


@dataclass(frozen=True, slots=True)
class Options:
    force: bool = False          # apply over changes made to the file since the export
    apply_deletes: bool = False  # apply whole-paragraph deletions made without Track Changes


@dataclass(frozen=True, slots=True)
class Base:
    """A part as exported: its text when the DOCX kept a snapshot, and its checksum."""

    text: str | None
    checksum: str
    kind: str | None = None   # of a paragraph: body, subhead or verse (None: not recorded)
    known: bool = True    # False: no bookmark and no snapshot; the file's text stands in


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    replacement: str


@dataclass(slots=True)
class Plan:
    """One article's edits, what they do (notes) and what was not applied (problems)."""

    article_id: str
    source: Source
    options: Options
    edits: list[Edit] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    expected: dict[str, str] = field(default_factory=dict)          # single field → value
    expected_body: list[tuple[str, str]] | None = None              # (text, kind) after

    def label(self, field_name: str) -> str:
        return label(self.article_id, field_name)

    def clean(self, field_name: str, text: str, kind: str = "body",
              where: str | None = None) -> tuple[str, list[str]]:
        """`text` through the intake's rules for the field's role, and a note per change."""
        role = ROLE_OF_KIND[kind] if field_name.startswith("p") else \
            ROLES[field_name.rstrip("0123456789")]
        result = normalise(text, role)
        return result.text, [_("{part}: normalised 「{before}」→「{after}」 ({rule})").format(
            part=where or self.label(field_name), before=change.before, after=change.after,
            rule=change.rule) for change in result.changes]

    def changed(self, field_name: str, change: str) -> str:
        """`hengji 正文 p2: …「a → b」…`: one line of the report for a change."""
        return _("{part}: {change}").format(part=self.label(field_name), change=change)

    def conflict(self, field_name: str, base: Base | None, now: str | None, docx: str) -> None:
        """A part changed both in the file and in the DOCX: the three versions, not applied."""
        exported = base.text if base is not None and base.text is not None else \
            _("(not kept in the DOCX; checksum {checksum})").format(
                checksum=base.checksum if base else "-")
        if base is None or not base.known:
            exported = _("(unknown: its bookmark was lost and the DOCX keeps no copy of the "
                         "exported text)")
            why = _("{part}: cannot tell whether the article file changed since the DOCX was "
                    "made; not applied (--force applies the DOCX):")
        else:
            why = _("{part}: changed in the article file since the DOCX was made, and in the "
                    "DOCX; not applied (--force applies the DOCX):")
        self.problems.append("\n".join((
            why.format(part=self.label(field_name)),
            "    " + _("exported:  {text}").format(text=exported),
            "    " + _("file now:  {text}").format(text=now if now is not None else _("(absent)")),
            "    " + _("DOCX:      {text}").format(text=docx or _("(empty)")))))


def scalar(value: str, written: str = '"') -> str:
    """`value` as a YAML scalar in the style the field was `written` in where that style can
    hold it (plain, or single-quoted), else double-quoted."""
    import yaml

    if written.startswith("'") and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    if written[:1] not in ('"', "'", "|", ">", "") and value == value.strip() and \
            "\n" not in value and " #" not in value:
        try:
            if yaml.safe_load(f"k: {value}") == {"k": value}:
                return value
        except yaml.YAMLError:
            pass
    return quote(value)


def quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def show(old: str, new: str) -> str:
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


def bases(theirs: Theirs, snapshot: list[SnapField] | None,
          source: Source) -> tuple[dict[str, Base], list[Base]]:
    """The exported parts of an article: from the snapshot when it agrees with the bookmarks,
    else from the bookmarks' checksums, the file standing in for what no bookmark records."""
    recorded = {f.field: checksum(f.text) for f in snapshot or ()}
    if snapshot and all(recorded.get(name) == cs for name, cs in theirs.checksums.items()):
        singles = {f.field: Base(f.text, checksum(f.text)) for f in snapshot
                   if not f.field.startswith(("p", "photo"))}
        body = {int(f.field[1:]): Base(f.text, checksum(f.text), f.kind) for f in snapshot
                if f.field[0] == "p" and f.field[1:].isdigit()}
        if sorted(body) == list(range(1, len(body) + 1)):
            return singles, [body[n] for n in sorted(body)]
    singles = {name: Base(None, cs) for name, cs in theirs.checksums.items()
               if not name.startswith(("p", "photo"))}
    ours = source.body()
    seen = {int(n[1:]): cs for n, cs in theirs.checksums.items() if n[0] == "p" and n[1:].isdigit()}
    count = max([len(ours), *seen])
    body = [Base(None, seen[n]) if n in seen else
            Base(None, checksum(ours[n - 1].value), known=False) if n <= len(ours)
            else Base(None, f"?{n}", known=False) for n in range(1, count + 1)]
    return singles, body


def apply_edits(text: str, edits: list[Edit]) -> str:
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[:edit.start] + edit.replacement + text[edit.end:]
    return text


def verify(plan: Plan, text: str) -> bool:
    """The edited file reads back with exactly the planned values."""
    try:
        after = Source.parse(plan.source.path, text)
    except Exception:  # noqa: BLE001 - any failure to read back means: do not write
        return False
    for name, value in plan.expected.items():
        span = after.fields.get(name)
        if (span.value if span else "") != value:
            return False
    if plan.expected_body is not None:
        if [(s.value, s.kind) for s in after.body()] != plan.expected_body:
            return False
    return True
