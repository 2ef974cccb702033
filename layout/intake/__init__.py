"""Intake: raw copy in, clean article files out (`layout import`, `layout new`).

Raw text and Markdown go through `blocks` (one classified block per line),
`segment` (blocks → articles and their parts), `clean` (every part
normalised by the rule table in `rules`, each change reported), `render`
(the article file format) and `issue_yaml` (listing the new articles).
DOCX round trips live in `intake.docx`, written separately.
"""
from __future__ import annotations

from pathlib import Path

from layout.errors import Diagnostics, InputError
from layout.i18n import _
from layout.intake.scaffold import new_issue

TEXT_SUFFIXES = (".txt", ".md")

__all__ = ["import_copy", "import_file", "new_issue"]


def import_copy(file: Path, issue_dir: Path, *, force: bool, dry_run: bool, diag: Diagnostics,
                track_changes: str = "accept", apply_deletes: bool = False) -> tuple[str, bool]:
    """What `layout import` runs: the report, and whether everything was applied.

    For a DOCX, `force` applies corrections over changes made to the article
    file since the export; `track_changes` (accept, reject, report) and
    `apply_deletes` are passed on (see `layout.intake.docx`).
    """
    file = Path(file)
    if not file.exists():
        raise InputError(_("no such file; check the name and folder"), file)
    if not file.is_file():
        raise InputError(_("this is a folder or a device, not a file to import"), file)
    if file.suffix.lower() == ".docx":
        from layout.intake.docx import import_docx

        outcome = import_docx(file, issue_dir, dry_run=dry_run, diag=diag, force=force,
                              track_changes=track_changes, apply_deletes=apply_deletes)
        return outcome.text, outcome.complete
    return import_file(file, issue_dir, force=force, dry_run=dry_run, diag=diag), True


def import_file(file: Path, issue_dir: Path, *, force: bool, dry_run: bool,
                diag: Diagnostics) -> str:
    """Bring `file` into the issue at `issue_dir`; the report to print."""
    file, issue_dir = Path(file), Path(issue_dir)
    if file.is_dir():
        raise InputError(_("is a folder; give the file to import (.txt, .md or .docx)"), file)
    suffix = file.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        from layout.intake.text_import import import_text

        return import_text(file, issue_dir, force=force, dry_run=dry_run, diag=diag)
    if suffix == ".docx":
        from layout.intake.docx import import_docx

        return str(import_docx(file, issue_dir, dry_run=dry_run, diag=diag))
    raise InputError(_("cannot import '{suffix}': give raw text (.txt), Markdown (.md) or an "
                       "edited DOCX (.docx)").format(suffix=suffix or _("a file without extension")),
                     file)
