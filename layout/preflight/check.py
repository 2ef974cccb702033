"""`layout check PATH`: preflight a PDF, or check an issue folder and then its built PDF."""
from __future__ import annotations

from pathlib import Path

from layout.errors import Diagnostics, InputError
from layout.preflight.pdfcheck import preflight_pdf


def built_pdf(folder: Path) -> Path:
    """Where `layout build` writes the folder's PDF by default."""
    name = folder.resolve().name
    return Path("output") / name / f"{name}.pdf"


def check_path(path: Path, diag: Diagnostics) -> tuple[bool, str]:
    """(ok, readable report) for a PDF file or an issue folder."""
    path = Path(path)
    if path.is_file() and (path.suffix.lower() == ".pdf" or _starts_like_pdf(path)):
        report = preflight_pdf(path)
        return report.ok, report.text()
    if path.is_dir():
        from layout.preflight.inputs import check_issue_folder

        inputs = check_issue_folder(path, diag)
        pdf = built_pdf(path)
        if not pdf.exists():
            return inputs.ok, (inputs.text + f"\nNo built PDF at {pdf}: "
                               f"run `layout build {path}` and check again.")
        report = preflight_pdf(pdf, min_ppi=inputs.min_ppi)
        return inputs.ok and report.ok, inputs.text + "\n\n" + report.text()
    if not path.exists():
        raise InputError("no such file or folder", path)
    raise InputError("not a PDF file or an issue folder (with issue.yaml)", path)


def _starts_like_pdf(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(5) == b"%PDF-"
