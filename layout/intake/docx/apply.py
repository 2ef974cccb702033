"""`import_docx`: read the DOCX, merge each article, write the files that changed, report.

Nothing is written outside `ISSUE_DIR/articles/`, and there only to
`<id>.md` of an id the manifest lists. A file is written only when its
edited text reads back with exactly the planned values (else the article is
reported and left alone), keeping its line endings and BOM; the files are
written only once every article is planned, all of them or none.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from layout.errors import Diagnostics, InputError
from layout.export.docx.anchors import RefIndex
from layout.i18n import _
from layout.intake.docx.body import merge_body
from layout.intake.docx.document import Docx, read_docx
from layout.intake.docx.package import LIMITS, Limits
from layout.intake.docx.fields import merge_singles
from layout.intake.docx.issue import article_file, manifest_ids, write_files
from layout.intake.docx.parts import Attribution, Theirs, attribute
from layout.intake.docx.plan import Options, Plan, apply_edits, bases, verify
from layout.intake.docx.source import Source

MODES = ("accept", "reject", "report")


@dataclass(frozen=True, slots=True)
class Outcome:
    """The report, and whether everything in the DOCX was applied (exit 0) or not (exit 3)."""

    text: str
    complete: bool

    def __str__(self) -> str:
        return self.text


@dataclass(slots=True)
class _Run:
    lines: list[str]
    held: list[str]
    changed: int = 0
    writes: list[tuple[Path, bytes]] = field(default_factory=list)   # written when all planned


def import_docx(path: Path, issue_dir: Path, *, dry_run: bool, diag: Diagnostics,
                track_changes: str = "accept", force: bool = False,
                apply_deletes: bool = False) -> Outcome:
    """Apply the corrections in an edited DOCX to the article files of `issue_dir`."""
    if track_changes not in MODES:
        raise InputError(_("--track-changes is one of accept, reject, report, not '{value}'")
                         .format(value=track_changes))
    path, issue_dir = Path(path), Path(issue_dir)
    articles = issue_dir / "articles"
    ids = manifest_ids(issue_dir)
    if not articles.is_dir():
        raise InputError(_("no articles/ folder in {folder} (is this an issue folder?)")
                         .format(folder=issue_dir), issue_dir)
    docx = read_docx(path, "accept" if track_changes == "accept" else "reject")
    found = attribute(docx.paragraphs, RefIndex(ids))
    if not found.articles and not found.unknown:
        raise InputError(_("no article anchors in this DOCX: import only works on a DOCX "
                           "written by `layout build` (its hidden bookmarks kept)"), path)
    run = _Run([], [])
    options = Options(force=force, apply_deletes=apply_deletes)
    for article_id in [i for i in ids if i in found.articles]:
        _article(run, found.articles[article_id], articles, docx, options, diag)
    if not dry_run:
        write_files(run.writes)
    verb = _("would change") if dry_run else _("changed")
    head = _("{docx}: {verb} {count} article file(s) in {folder}").format(
        docx=path.name, verb=verb, count=run.changed, folder=articles)
    if dry_run:
        head += _(" (dry run: nothing written)")
    lines = [head, *run.lines, *_extras(found, docx, track_changes, run.held)]
    if run.held:
        diag.warn(_("{count} correction(s) or paragraph(s) of the DOCX were not applied; "
                    "see NOT APPLIED in the report").format(count=len(run.held)))
    return Outcome("\n".join(lines), not run.held)


def _article(run: _Run, theirs: Theirs, articles: Path, docx: Docx, options: Options,
             diag: Diagnostics) -> None:
    article_id = theirs.article_id
    file = article_file(articles, article_id)
    try:
        source = Source.read(file) if file is not None else None
        problem = None if file is not None else _(
            "{article}: no regular file articles/{article}.md inside the issue (missing, or a "
            "link leading elsewhere); its corrections are not applied").format(article=article_id)
    except InputError as exc:
        source, problem = None, _("{article}: the article file cannot be read ({error}); its "
                                  "corrections are not applied").format(article=article_id,
                                                                        error=exc)
    if source is None:
        run.held.append(problem)
        run.lines.append("  " + _("NOT APPLIED {problem}").format(problem=problem))
        diag.warn(problem)
        return
    plan = Plan(article_id, source, options, problems=list(theirs.problems))
    singles, body = bases(theirs, docx.snapshot.get(article_id), source)
    merge_singles(plan, theirs, singles)
    merge_body(plan, theirs, body)
    new = apply_edits(source.text, plan.edits)
    if plan.edits and not verify(plan, new):
        plan.problems.append(_("{article}: the edited file would not read back as planned; "
                               "nothing written. The corrections were: {notes}")
                             .format(article=article_id, notes=" / ".join(plan.notes)))
        plan.notes, new = [], source.text
    run.held += plan.problems
    for problem in plan.problems:
        diag.warn(problem.splitlines()[0], file)
    if new != source.text:
        run.changed += 1
        run.writes.append((file, source.encoded(new)))
    run.lines += _article_lines(plan, file, changed=new != source.text)


def _article_lines(plan: Plan, file: Path, changed: bool) -> list[str]:
    if not changed and not plan.problems and not plan.notes:
        return ["  " + _("{article}: unchanged").format(article=plan.article_id)]
    out = ["  " + _("{article} ({file}): {count} change(s)").format(
        article=plan.article_id, file=file.name, count=len(plan.notes) if changed else 0)]
    out += [f"    {note}" for note in (plan.notes if changed else [])]
    for problem in plan.problems:
        first, *rest = problem.splitlines()
        out.append("    " + _("NOT APPLIED {problem}").format(problem=first))
        out += [f"    {line}" for line in rest]
    return out


def _extras(found: Attribution, docx: Docx, mode: str, held: list[str]) -> list[str]:
    """Tracked changes, loose paragraphs, foreign bookmarks and comments."""
    out = []
    if found.revisions:
        title = {"accept": _("tracked changes accepted: {count}"),
                 "reject": _("tracked changes rejected: {count}"),
                 "report": _("tracked changes NOT APPLIED (--track-changes report): {count}")}[mode]
        out.append(title.format(count=len(found.revisions)))
        out += ["  " + (_("{where}: {kind} by {author}: {text}") if r.text else
                        _("{where}: {kind} by {author}")).format(
            where=where, kind=_kind(r.kind), author=r.author, text=r.text)
            for where, r in found.revisions]
        if mode == "report":
            held += [f"{where}: {r.kind}" for where, r in found.revisions]
    for title, entries in ((_("not mapped to any article field (not imported): {count}"),
                            found.unmapped),
                           (_("bookmarks naming no article of this issue (ignored): {count}"),
                            found.unknown)):
        if entries:
            out.append(title.format(count=len(entries)))
            out += [f"  {text}" for text in entries]
            held += entries
    if docx.notes:
        out.append(_("footnotes and endnotes (not imported): {count}").format(
            count=len(docx.notes)))
        out += [f"  {found.comment_where.get(number, _('unknown place'))}: {text}"
                for number, _author, text in docx.notes]
        held += [text for _number, _author, text in docx.notes]
    if docx.comments:
        out.append(_("comments (listed, not applied): {count}").format(count=len(docx.comments)))
        out += [f"  {found.comment_where.get(cid, _('unknown place'))}: {author}: {text}"
                for cid, author, text in docx.comments]
        held += [text for _cid, _author, text in docx.comments]
    return out


def _kind(kind: str) -> str:
    return {"inserted": _("inserted"), "deleted": _("deleted"),
            "paragraph mark inserted": _("paragraph mark inserted"),
            "paragraph mark deleted": _("paragraph mark deleted")}.get(kind, kind)
