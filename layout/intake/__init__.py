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

__all__ = ["import_file", "new_issue"]


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

        return import_docx(file, issue_dir, dry_run=dry_run, diag=diag)
    raise InputError(f"cannot import '{suffix or 'a file without extension'}': "
                     "give raw text (.txt), Markdown (.md) or an edited DOCX (.docx)", file)
