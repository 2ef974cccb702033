"""Planning the edits: each corrected part compared with its field and turned into a text edit."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from layout.export.docx.anchors import Anchor, checksum
from layout.intake.docx.read import FIELD_NAMES, UNKNOWN_CHECKSUM, Para, Part, label
from layout.intake.docx.source import Source, Span
from layout.manifest.article import join_lines


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
