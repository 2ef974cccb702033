"""An article's body merged three ways, paragraph by paragraph.

The DOCX's paragraphs of the article, in their order, carry the exported
paragraphs they came from (their anchors). Each is the exported paragraph
unchanged, or new text standing for one exported paragraph (a correction),
several (a merge), a share of one (a split) or none (a new paragraph). An
exported paragraph no DOCX paragraph carries was deleted: applied when the
deletion was tracked, or with `--apply-deletes`, else kept and reported.
The same paragraph twice is kept once and the copy reported.

The exported paragraphs are matched to the file's paragraphs by checksum, so
paragraphs a reporter added or changed in the file since the export are
kept; a correction to one the file changed is a conflict (three-way, not
applied without `--force`). The result is written as a few edits of the
file's text: paragraphs kept are copied byte for byte, even when moved.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from layout.export.docx.anchors import checksum
from layout.i18n import _
from layout.intake.docx.parts import BodyPara, Theirs
from layout.intake.docx.plan import ROLE_OF_KIND, Base, Edit, Plan, show
from layout.intake.normalise import normalise
from layout.manifest.markdown import escape_markdown


@dataclass(slots=True)
class Item:
    """A paragraph of the merged body: an exported paragraph kept, or new text."""

    origins: tuple[int, ...]      # exported paragraph numbers (p3 → 3)
    text: str | None = None       # None: the exported paragraph as it is
    kind: str = "body"            # body, subhead or verse
    where: str = ""


@dataclass(slots=True)
class Entry:
    """A paragraph of the file as it will be: a file paragraph kept, or new text."""

    slot: int | None              # the file paragraph kept (0-based)
    text: str = ""
    kind: str = "body"
    replaces: tuple[int, ...] = ()
    notes: list[str] = field(default_factory=list)   # what changed, then what was normalised


SIMILAR = 0.5       # a file paragraph this close to an exported one is that one, changed
PAIRS = 400         # at most this many text comparisons per pass (else paired by position)


def _pairs(base: list[Base], ours: list[str], left: list[int], free: list[int]):
    """Exported and file paragraphs paired in order among those left: by likeness of text
    when the exported text is known, else by position when as many of each are left."""
    if not all(base[i].text is not None for i in left) or len(left) * len(free) > PAIRS:
        return list(zip(left, free)) if len(left) == len(free) else []
    pairs, start = [], 0
    for i in left:
        for n in range(start, len(free)):
            matcher = SequenceMatcher(None, base[i].text, ours[free[n]], autojunk=False)
            if matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR:
                pairs.append((i, free[n]))
                start = n + 1
                break
    return pairs


def _moved_pairs(base: list[Base], ours: list[str], left: list[int], free: list[int]):
    """Exported and file paragraphs still unpaired, paired by likeness wherever they stand: a
    paragraph the file changed and that also moved is still that paragraph, not gone."""
    left = [i for i in left if base[i].text is not None]
    if not left or not free or len(left) * len(free) > PAIRS:
        return []
    pairs, free = [], list(free)
    for i in left:
        ratio, k = max((SequenceMatcher(None, base[i].text, ours[k], autojunk=False).ratio(), k)
                       for k in free)
        if ratio >= SIMILAR:
            pairs.append((i, k))
            free.remove(k)
            if not free:
                break
    return pairs


def _align(base: list[Base], ours: list[str],
           docx_own: set[int]) -> tuple[dict[int, int], set[int], list[int]]:
    """Exported paragraph → file paragraph, the ones the file changed (or may have: no
    record of them), and the file's own. A file paragraph reading as the exported one did is
    that one, wherever it stands; the others are paired by likeness — except those reading
    as a paragraph of the DOCX does (`docx_own`: an earlier import of it wrote them, or the
    reporter made the same change), which are the DOCX's, not the exported ones changed."""
    align: dict[int, int] = {}
    slots: dict[str, list[int]] = {}
    for j, text in enumerate(ours):
        slots.setdefault(checksum(text), []).append(j)
    for n, b in enumerate(base, 1):
        if slots.get(b.checksum):
            align[n] = slots[b.checksum].pop(0)
    changed: set[int] = set()
    for pairing in (_pairs, _moved_pairs):
        left = [i for i in range(len(base)) if i + 1 not in align]
        taken = set(align.values())
        free = [j for j in range(len(ours)) if j not in taken and j not in docx_own]
        for i, j in pairing(base, ours, left, free):
            align[i + 1] = j
            changed.add(i + 1)
    changed |= {n for n, b in enumerate(base, 1) if not b.known}
    matched = set(align.values())
    return align, changed, [j for j in range(len(ours)) if j not in matched]


class BodyMerge:
    def __init__(self, plan: Plan, theirs: Theirs, base: list[Base]):
        self.plan, self.theirs, self.base = plan, theirs, base
        self.ours = plan.source.body()
        self.docx = [self.own_kind(p) for p in theirs.body]     # the DOCX's paragraphs
        texts = {(t, p.kind) for p in self.docx if p.text
                 for t in (p.text, normalise(p.text, ROLE_OF_KIND[p.kind]).text)}
        self.align, self.file_changed, self.ours_only = _align(
            base, [s.value for s in self.ours],
            {k for k, span in enumerate(self.ours) if (span.value, span.kind) in texts})
        self.anchored = {o for p in theirs.body for o in p.origins}
        self.dropped: set[int] = set()     # file paragraphs deleted by a decision
        self.only = set(self.ours_only)
        self.by_text: dict[tuple[str, str], list[int]] = {}
        for k, span in enumerate(self.ours):
            self.by_text.setdefault((span.value, span.kind), []).append(k)
        self.by_checksum: dict[str, list[int]] = {}
        for n, b in enumerate(base, 1):
            self.by_checksum.setdefault(b.checksum, []).append(n)

    def run(self) -> None:
        if not self.theirs.body and not self.base:
            return
        items = self.retyped(self.items())
        items = self.place_kept(items, self.deletions(items))
        final = self.with_ours_only(self.mapped(items))
        self.write(final)

    # ------------------------------------------------------------ the DOCX
    def same_kind(self, origin: int, kind: str) -> bool:
        known = self.base[origin - 1].kind
        if known is None and origin in self.align:
            known = self.ours[self.align[origin]].kind
        return known is None or known == kind

    def unchanged(self, para: BodyPara) -> int | None:
        """The exported paragraph `para` is, unchanged (by its anchor, or moved without one)."""
        key = checksum(para.text)
        if len(para.origins) == 1:
            origin = para.origins[0]
            if 0 < origin <= len(self.base) and self.base[origin - 1].checksum == key \
                    and self.same_kind(origin, para.kind):
                return origin
            return None
        if para.origins:
            return None
        return next((n for n in self.by_checksum.get(key, ())
                     if n not in self.anchored and self.same_kind(n, para.kind)), None)

    def own_kind(self, para: BodyPara) -> BodyPara:
        """`para` with its exported kind where its style is not evidence of a new one."""
        if para.kind_known or len(para.origins) != 1 or not 0 < para.origins[0] <= len(self.base):
            return para
        kind = self.base[para.origins[0] - 1].kind
        return para if kind is None else replace(para, kind=kind)

    def items(self) -> list[Item]:
        """The DOCX's paragraphs as items; a second copy of a paragraph is reported, not kept."""
        found = [(para, self.unchanged(para)) for para in self.docx]
        keeper: dict[int, int] = {}
        for k, (para, origin) in enumerate(found):
            if origin is not None and (origin not in keeper or
                                       (found[keeper[origin]][0].copy and not para.copy)):
                keeper[origin] = k
        items = []
        for k, (para, origin) in enumerate(found):
            twice = origin if origin is not None and keeper[origin] != k else None
            if origin is None and not para.origins and checksum(para.text) in self.by_checksum:
                twice = self.by_checksum[checksum(para.text)][0]
            if twice is not None:
                self.plan.problems.append(_("{part}: the same paragraph stands twice in the DOCX "
                                            "(a copy at {where}); kept once: {text}").format(
                    part=self.plan.label(f"p{twice}"), where=para.where, text=para.text))
            elif origin is not None:
                items.append(Item((origin,), None, para.kind, para.where))
            else:
                origins = tuple(o for o in para.origins if 0 < o <= len(self.base))
                items.append(Item(origins, para.text, para.kind, para.where))
        return items

    def retyped(self, items: list[Item]) -> list[Item]:
        """A new paragraph standing where an exported one is missing (its anchor lost, not a
        tracked deletion) is that paragraph retyped."""
        referenced = {o for item in items for o in item.origins}
        last = 0
        for item in items:
            missing = last + 1
            if item.text is not None and not item.origins and missing <= len(self.base) \
                    and missing not in referenced and f"p{missing}" not in self.theirs.removed \
                    and f"p{missing}" not in self.theirs.held:
                item.origins = (missing,)
                referenced.add(missing)
            last = max((last, *item.origins))
        return items

    # ------------------------------------------------------------ deletions
    def deletions(self, items: list[Item]) -> list[int]:
        """Exported paragraphs no item carries: deleted where allowed; the rest, to keep."""
        referenced = {o for item in items for o in item.origins}
        keep = []
        for origin in range(1, len(self.base) + 1):
            if origin in referenced:
                continue
            name, slot = f"p{origin}", self.align.get(origin)
            if slot is None:
                continue                          # the file no longer has it either
            text = self.ours[slot].value
            tracked = name in self.theirs.removed
            if name in self.theirs.held:
                keep.append(origin)
            elif not tracked and not self.plan.options.apply_deletes:
                self.plan.problems.append(_(
                    "{part}: deleted in the DOCX without Track Changes (or its bookmark was "
                    "lost); the file keeps it (rerun with --apply-deletes to delete it): {text}")
                    .format(part=self.plan.label(name), text=text))
                keep.append(origin)
            elif origin in self.file_changed and not self.plan.options.force:
                self.plan.conflict(name, self.base[origin - 1], text, "")
                keep.append(origin)
            else:
                self.dropped.add(slot)
                self.plan.notes.append(_("{part}: paragraph deleted ({how}): {text}").format(
                    part=self.plan.label(name), text=text,
                    how=_("tracked") if tracked else _("--apply-deletes")))
        return keep

    @staticmethod
    def place_kept(items: list[Item], keep: list[int]) -> list[Item]:
        """Put the exported paragraphs that stay back where they stood among the others."""
        for origin in keep:
            at = next((k for k, item in enumerate(items)
                       if item.origins and min(item.origins) > origin), len(items))
            items.insert(at, Item((origin,)))
        return items

    # ------------------------------------------------------------ the file
    def mapped(self, items: list[Item]) -> list[Entry]:
        """Items as file paragraphs: kept ones by slot, corrections checked for conflicts."""
        final: list[Entry] = []
        taken: set[int] = set()
        counts: dict[int, int] = {}
        for item in items:
            for origin in item.origins:
                counts[origin] = counts.get(origin, 0) + (item.text is not None)
        for item in items:
            slots = [self.align.get(o) for o in item.origins]
            if item.text is None:
                self.keep(final, taken, [slots[0] if slots[0] is not None
                                         else self.unmoved(item.origins[0], taken)])
                continue
            single = len(item.origins) == 1 and counts[item.origins[0]] == 1
            there = self.already(item, slots, taken)
            if there is not None:                    # the file already reads so (imported
                self.keep(final, taken, [there])     # before, or the reporter did the same)
                continue
            clash = [o for o in item.origins if o not in self.align or o in self.file_changed]
            if clash and not (self.plan.options.force and None not in slots):
                self.clash(item, slots)
                self.keep(final, taken, slots)
                continue
            field_name = f"p{item.origins[0]}" if item.origins else "p"
            text, normalised = self.plan.clean(field_name, item.text, item.kind,
                                               None if item.origins else item.where)
            if single and slots[0] not in taken and \
                    (self.ours[slots[0]].value, self.ours[slots[0]].kind) == (text, item.kind):
                self.keep(final, taken, slots)
                continue
            final.append(Entry(None, text, item.kind, tuple(s for s in slots if s is not None),
                               [self.note(item, text, slots, counts), *normalised]))
        return final

    def unmoved(self, origin: int, taken: set[int]) -> int | None:
        """A file paragraph still reading as exported paragraph `origin` did, found by its
        checksum when the alignment paired it with another."""
        wanted = self.base[origin - 1].checksum
        return next((k for k, span in enumerate(self.ours)
                     if k not in taken and checksum(span.value) == wanted), None)

    def already(self, item: Item, slots: list[int | None], taken: set[int]) -> int | None:
        """A file paragraph, not yet placed, that already reads as `item` does (its own first,
        then the file's new ones, then any)."""
        text = item.text or ""
        found = [*self.by_text.get((text, item.kind), ()),
                 *self.by_text.get((normalise(text, ROLE_OF_KIND[item.kind]).text, item.kind), ())]
        found = [slot for slot in found if slot not in taken]
        if not found:
            return None
        own = {s for s in slots if s is not None}
        return min(found, key=lambda slot: (slot not in own, slot not in self.only, slot))

    @staticmethod
    def keep(final: list[Entry], taken: set[int], slots: list[int | None]) -> None:
        for slot in slots:
            if slot is not None and slot not in taken:
                final.append(Entry(slot))
                taken.add(slot)

    def clash(self, item: Item, slots: list[int | None]) -> None:
        first = item.origins[0]
        now = " ‖ ".join(self.ours[s].value for s in slots if s is not None) or None
        self.plan.conflict("+".join(f"p{o}" for o in item.origins) if len(item.origins) > 1
                           else f"p{first}", self.base[first - 1] if len(item.origins) == 1
                           else None, now, item.text or "")

    def note(self, item: Item, text: str, slots: list[int | None], counts: dict[int, int]) -> str:
        label = self.plan.label
        if not item.origins:
            return _("{where}: {text}").format(where=item.where, text=text)
        if len(item.origins) > 1:
            return _("{part}: paragraphs merged: {text}").format(
                part=label("+".join(f"p{o}" for o in item.origins)), text=text)
        origin = item.origins[0]
        if counts[origin] > 1:
            return _("{part}: split; this share: {text}").format(part=label(f"p{origin}"),
                                                                 text=text)
        old = self.base[origin - 1].text
        if old is None and slots[0] is not None:
            old = self.ours[slots[0]].value
        style = ""
        if slots[0] is not None and self.ours[slots[0]].kind != item.kind:
            style = {"subhead": _("now a 小标题"), "verse": _("now verse")}.get(
                item.kind, _("now body text"))
            if old == text:
                return self.plan.changed(f"p{origin}", style)
            style = f" ({style})"
        return self.plan.changed(f"p{origin}", show(old or "", text) + style)

    def with_ours_only(self, final: list[Entry]) -> list[Entry]:
        """Paragraphs the file gained since the export — and any other file paragraph no
        decision removed or replaced — stay after the one they followed: nothing is lost."""
        placed = {e.slot for e in final} | self.dropped | {s for e in final for s in e.replaces}
        for slot in (s for s in range(len(self.ours)) if s not in placed):
            at = 0
            for k, entry in enumerate(final):
                if max((entry.slot,) if entry.slot is not None else entry.replaces,
                       default=-1) < slot:
                    at = k + 1
            final.insert(at, Entry(slot))
        return final

    # ------------------------------------------------------------ edits
    def block(self, entry: Entry) -> str:
        if entry.slot is not None:
            span = self.ours[entry.slot]
            return self.plan.source.text[span.start:span.end]
        if entry.kind == "verse":       # stanzas are read line by line, never as Markdown
            return entry.text
        return ("## " if entry.kind == "subhead" else "") + escape_markdown(entry.text)

    def write(self, final: list[Entry]) -> None:
        ours, text = self.ours, self.plan.source.text
        old_keys = [("k", k) for k in range(len(ours))]
        new_keys = [("k", e.slot) if e.slot is not None else ("n", k) for k, e in enumerate(final)]
        opcodes = [op for op in SequenceMatcher(None, old_keys, new_keys, autojunk=False)
                   .get_opcodes() if op[0] != "equal"]
        if not opcodes:
            return
        for tag, i1, i2, j1, j2 in opcodes:
            joined = "\n\n".join(self.block(e) for e in final[j1:j2])
            if not ours:
                at = len(text)
                self.plan.edits.append(Edit(at, at, ("" if text.endswith("\n") else "\n")
                                            + "\n" + joined + "\n"))
            elif tag == "replace":
                self.plan.edits.append(Edit(ours[i1].start, ours[i2 - 1].end, joined))
            elif tag == "delete":
                end = ours[i2].start if i2 < len(ours) else ours[i2 - 1].end
                start = ours[i1].start if i2 < len(ours) or i1 == 0 else ours[i1 - 1].end
                self.plan.edits.append(Edit(start, end, ""))
            elif i1 < len(ours):
                self.plan.edits.append(Edit(ours[i1].start, ours[i1].start, joined + "\n\n"))
            else:
                self.plan.edits.append(Edit(ours[-1].end, ours[-1].end, "\n\n" + joined))
        self.moves(final)
        self.plan.notes += [note for e in final if e.slot is None for note in e.notes]
        self.plan.expected_body = [(ours[e.slot].value, ours[e.slot].kind)
                                   if e.slot is not None else (e.text, e.kind) for e in final]

    def moves(self, final: list[Entry]) -> None:
        """Note a new order of the kept paragraphs (numbered as in the file)."""
        kept = [e.slot for e in final if e.slot is not None]
        if kept != sorted(kept):
            order = ", ".join(f"p{e.slot + 1}" if e.slot is not None else
                              _("{part} (edited)").format(part="+".join(
                                  f"p{s + 1}" for s in e.replaces)) if e.replaces else _("new")
                              for e in final)
            self.plan.notes.append(_("{article} 正文: paragraphs now in the order {order}")
                                   .format(article=self.plan.article_id, order=order))


def merge_body(plan: Plan, theirs: Theirs, base: list[Base]) -> None:
    BodyMerge(plan, theirs, base).run()
