"""`layout new`: an empty issue folder for editors who start from scratch."""
from __future__ import annotations

from pathlib import Path

from layout.errors import InputError
from layout.i18n import _
from layout.intake.issue_yaml import FIRST_PAGE_NAME, check_date, new_manifest


def new_issue(folder: Path, *, date: str, paper: str) -> str:
    """Create `folder` with issue.yaml (paper, date, one empty page), articles/ and photos/."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(_("already exists and is not an empty folder; choose a new folder"),
                         folder)
    check_date(date)
    paper = paper.strip()
    if not paper:
        raise InputError(_("the paper's name (--paper) is empty"))
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "photos").mkdir(exist_ok=True)
    (folder / "issue.yaml").write_text(new_manifest(paper, date, []), encoding="utf-8",
                                       newline="\n")
    return _("Created {folder}: issue.yaml ({paper}, {date}, page 1 '{page}'), articles/, "
             "photos/.\nNext: layout import FILE --issue {folder}").format(
                 folder=folder, paper=paper, date=date, page=FIRST_PAGE_NAME)
