"""`import_docx`: read the DOCX, plan and apply the edits per article file, report."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from layout.errors import Diagnostics, InputError
from layout.intake.docx.edits import ArticlePlan, apply_edits, plan_article
from layout.intake.docx.read import Part, Reading, label, read_docx
from layout.intake.docx.source import Source


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
