"""`layout import` for raw text and Markdown: read, segment, normalise, write, report.

The input file is read as UTF-8 (a BOM is dropped), control characters are
removed with a warning, and the text is NFC-normalised. Articles are written
under `<issue>/articles/` and listed on the last page of `<issue>/issue.yaml`
(created when missing, with the house style's paper name and today's date
for the editor to correct). An existing article file is never replaced
without `force`. With `dry_run` nothing is written and the report shows
every rewrite as a diff.
"""
from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter
from pathlib import Path

from layout.errors import Diagnostics, InputError
from layout.i18n import _
from layout.intake.clean import article_ids, clean_article
from layout.intake.issue_yaml import add_ids, new_manifest
from layout.intake.columns import page_starts, source_lines
from layout.intake.lines import LineKind, looks_like_markdown
from layout.intake.decisions import Decision
from layout.intake.furniture import drop_furniture
from layout.intake.measures import doubtful, story_shapes, unmeasured
from layout.intake.patterns import LEDE
from layout.intake.plan import Plan
from layout.intake.render import article_text
from layout.intake.report import report
from layout.intake.segment import Draft, segment
from layout.intake.shape import detect
from layout.intake.unwrap import unwrap
from layout.manifest.text import nfc, read_text


MAX_COPY_BYTES = 16_000_000  # raw copy of many editions at once; more is not one import
_ROUNDS = 3   # readings of copy mixing measures, each by the stories the one before found


def read_source(file: Path, diag: Diagnostics) -> str:
    if not file.is_file():
        raise InputError(_("no such file"), file)
    return nfc(read_text(file, diag, limit=MAX_COPY_BYTES))


def _manifest(issue_dir: Path, ids: list[str]) -> tuple[str, bool]:
    path = issue_dir / "issue.yaml"
    if path.is_file():
        return add_ids(path.read_text(encoding="utf-8"), ids, path), False
    from layout.style import default_style

    return new_manifest(default_style().paper.name, dt.date.today().isoformat(), ids), True


def _draft_texts(draft: Draft):
    yield from (draft.kicker, draft.title, draft.subtitle, draft.byline, draft.dateline)
    yield from (p.text for p in draft.paragraphs)
    for photo in draft.photos:
        yield from (photo.caption.text, photo.credit)


def _sure_head(draft: Draft) -> int | None:
    """The line of `draft`'s first paragraph when its headline group is sure (a byline, an
    电头, or text opening as news does), else None."""
    if draft.paragraphs and (draft.byline or draft.dateline
                             or LEDE.match(draft.paragraphs[0].text)):
        return draft.paragraphs[0].line
    return None


def _stories(lines, shape):
    """The drafts, notes and decisions of the copy read by its shape; where its stories are
    set at different widths, read again with each story by its own measure until the stories
    found stop moving (`measures.story_shapes`); each story too short to read its own measure
    there is listed for the editor (`measures.unmeasured`), as is each whose own measure may
    be an indent short (`measures.doubtful`)."""
    found, used = segment(*unwrap(lines, shape)), None
    for _reading in range(_ROUNDS):
        starts = [(d.line, _sure_head(d)) for d in found[0]]
        shapes = story_shapes(lines, shape, starts)
        if shapes is None:
            break
        found, used = segment(*unwrap(lines, shape, shapes)), shapes
        if [d.line for d in found[0]] == [line for line, _head in starts]:
            break
    drafts, notes, decisions = found
    listed = {d.line: d for d in drafts}
    firsts = [d.line for d in drafts]
    short = [Decision(n, "measure", listed[n].title) for n in
             unmeasured(lines, shape, used, firsts)]
    short += [Decision(n, "measure-wider", listed[n].title) for n in
              doubtful(lines, shape, used, firsts)]
    return drafts, notes, sorted(decisions + short, key=lambda d: d.line)


def check_nothing_lost(lines, drafts: list[Draft], file: Path) -> None:
    """Every character of the copy (but whitespace) is in some article, or the import stops."""
    def chars(texts) -> Counter:
        counts = Counter("".join(texts))
        del counts[" "], counts["\u3000"], counts["\t"], counts["\u00a0"]
        return counts

    lost = chars(ln.text for ln in lines if ln.kind is not LineKind.BREAK) \
        - chars(t for d in drafts for t in _draft_texts(d))
    if lost:
        raise InputError(_("the import would lose {count} characters ({sample}); nothing was "
                           "written — please report this with the file")
                         .format(count=sum(lost.values()), sample="".join(list(lost)[:10])), file)


def plan_import(file: Path, issue_dir: Path, diag: Diagnostics) -> Plan:
    """Read and clean `file` into the files an import into `issue_dir` would write."""
    if issue_dir.exists() and not issue_dir.is_dir():
        raise InputError(_("the issue folder is a file, not a folder"), issue_dir)
    text = read_source(file, diag)
    markdown = file.suffix.lower() == ".md" or looks_like_markdown(text)
    read, numbers = source_lines(text, markdown, page_starts(file.read_bytes()))
    lines, dropped = drop_furniture(read)
    if not lines:
        raise InputError(_("the file holds no text to import"), file)
    shape = detect(lines, markdown)
    drafts, notes, decisions = _stories(lines, shape)
    if numbers:
        decisions = [Decision(lines[0].number, "columns", lines[0].text)] + decisions
    check_nothing_lost(lines, drafts, file)
    ids = article_ids(file.stem, len(drafts))
    cleaned = tuple(clean_article(d, i, markdown) for d, i in zip(drafts, ids))
    files = {issue_dir / "articles" / f"{c.article.id}.md": article_text(c.article)
             for c in cleaned}
    manifest_text, created = _manifest(issue_dir, ids)
    files[issue_dir / "issue.yaml"] = manifest_text
    return Plan(file, issue_dir, cleaned, tuple(notes), files, created, shape, tuple(decisions),
                tuple(dropped), numbers)


def _existing_articles(plan: Plan) -> list[Path]:
    return [p for p in plan.files if p.name != "issue.yaml" and p.exists()]


def file_diffs(plan: Plan) -> str:
    """Unified diffs of the files that exist and the import would change (issue.yaml, --force)."""
    out = []
    for path, new in plan.files.items():
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        if old is None or old == new:
            continue
        out += difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                    str(path), str(path))
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n"
    return "".join(out)


def write_plan(plan: Plan) -> None:
    (plan.issue_dir / "articles").mkdir(parents=True, exist_ok=True)
    (plan.issue_dir / "photos").mkdir(exist_ok=True)
    for path, text in plan.files.items():
        path.write_text(text, encoding="utf-8", newline="\n")


def import_text(file: Path, issue_dir: Path, *, force: bool, dry_run: bool,
                diag: Diagnostics) -> str:
    """Import raw text or Markdown into `issue_dir`; the report to print."""
    plan = plan_import(file, issue_dir, diag)
    existing = _existing_articles(plan)
    if existing and not force and not dry_run:
        names = ", ".join(str(p) for p in existing)
        raise InputError(_("would overwrite {names}; pass --force to replace them")
                         .format(names=names), existing[0])
    if not dry_run:
        write_plan(plan)
    return report(plan, existing, dry_run=dry_run, diff=file_diffs(plan) if dry_run else "")
