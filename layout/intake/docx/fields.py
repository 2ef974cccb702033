"""The single fields of an article (引题 主题 副题 作者 电头, captions, credits) merged three ways.

What the DOCX now says of a field comes from its anchored paragraph, or, for
a headline paragraph whose anchor is gone or that is new, from its style
(`parts.py`). A field the DOCX deleted is emptied in the file when the
deletion was tracked, or with `--apply-deletes`; the 主题 is never emptied.
A field new in the DOCX is added to the front matter.
"""
from __future__ import annotations

from layout.export.docx.anchors import checksum
from layout.i18n import _
from layout.intake.docx.parts import Theirs
from layout.intake.docx.plan import Base, Edit, Plan, quote, scalar, show
from layout.intake.docx.source import SINGLE_FIELDS, Span


def _wanted(theirs: Theirs, name: str, base: Base | None, plan: Plan) -> tuple[str | None, str]:
    """(the DOCX's text or None for a deletion, how the DOCX changed it: text/tracked/untracked)."""
    anchored, recovered = theirs.singles.get(name), theirs.recovered.get(name)
    if anchored and recovered:
        plan.problems.append(_("{part}: a second paragraph in this style was found; not "
                               "applied: {text}").format(part=plan.label(name), text=recovered[0]))
    if anchored or recovered:
        return (anchored or recovered)[0], "text"
    if name in theirs.removed:
        return None, "tracked"
    if name in theirs.emptied or base is not None:
        return None, "untracked"
    return "", "none"


def merge_single(plan: Plan, theirs: Theirs, name: str, base: Base | None) -> None:
    """Plan the edit of one single field (or report why there is none)."""
    if name in theirs.held or name.startswith("photo"):
        return
    span = plan.source.fields.get(name)
    value, how = _wanted(theirs, name, base, plan)
    if how == "none":
        return
    now = span.value if span is not None else None
    if value is not None and base is not None and checksum(value) == base.checksum:
        return                                      # the DOCX did not change it
    if value is None:
        _delete(plan, name, base, span, how)
        return
    if base is None and name not in theirs.checksums and now is None and not value:
        return
    new, normalised = plan.clean(name, value)
    if new == (now or ""):
        return
    unchanged = (now is None and base is None) if base is None or now is None else \
        checksum(now) == base.checksum
    if not unchanged and not plan.options.force:
        plan.conflict(name, base, now, new)
        return
    if _set(plan, name, span, new, now):
        plan.notes += normalised


def _delete(plan: Plan, name: str, base: Base | None, span: Span | None, how: str) -> None:
    if span is None or not span.value:
        return
    text = span.value
    if name == "title":
        plan.problems.append(_("{part}: the 主题 was deleted in the DOCX; a story needs one, so "
                               "the file keeps it: {text}").format(part=plan.label(name),
                                                                   text=text))
        return
    if how == "untracked" and not plan.options.apply_deletes:
        plan.problems.append(_("{part}: deleted in the DOCX without Track Changes (or its "
                               "bookmark was lost); the file keeps it (rerun with "
                               "--apply-deletes to delete it): {text}")
                             .format(part=plan.label(name), text=text))
        return
    if base is not None and checksum(text) != base.checksum and not plan.options.force:
        plan.conflict(name, base, text, "")
        return
    plan.edits.append(Edit(span.start, span.end, '""' + _tail(plan, span)))
    plan.expected[name] = ""
    plan.notes.append(_("{part}: deleted ({how}): {text}").format(
        part=plan.label(name), text=text,
        how=_("tracked") if how == "tracked" else _("--apply-deletes")))


def _tail(plan: Plan, span: Span) -> str:
    """The line ending a block scalar's span includes, kept after the replacement."""
    text = plan.source.text[span.start:span.end]
    return text[len(text.rstrip()):]


def _set(plan: Plan, name: str, span: Span | None, new: str, now: str | None) -> bool:
    """Plan the field's new value; False when it has nowhere to go (reported)."""
    if span is not None:
        written = plan.source.text[span.start:span.end]
        plan.edits.append(Edit(span.start, span.end, scalar(new, written) + _tail(plan, span)))
        plan.notes.append(plan.changed(name, show(now or "", new)))
    elif name in SINGLE_FIELDS:
        at = plan.source.front_end
        plan.edits.append(Edit(at, at, f"{name}: {quote(new)}\n"))
        plan.notes.append(_("{part}: added: {text}").format(part=plan.label(name), text=new))
    else:
        plan.problems.append(_("{part}: new in the DOCX, but the article file has no such "
                               "field to put it in; not applied: {text}")
                             .format(part=plan.label(name), text=new))
        return False
    plan.expected[name] = new
    return True


def merge_singles(plan: Plan, theirs: Theirs, singles: dict[str, Base]) -> None:
    names = list(dict.fromkeys([*singles, *theirs.singles, *theirs.recovered, *theirs.removed,
                                *theirs.emptied]))
    for name in names:
        if not (name[0] == "p" and name[1:].isdigit()):
            merge_single(plan, theirs, name, singles.get(name))
