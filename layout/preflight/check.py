"""`layout check PATH`: preflight and typography of a PDF, or an issue folder and its built PDF."""
from __future__ import annotations

from pathlib import Path

from layout.errors import Diagnostics, InputError
from layout.i18n import _
from layout.preflight.limits import MAX_PAGE_TEXT_BYTES, MAX_PAGE_TEXT_RUNS
from layout.preflight.pdfcheck import preflight_pdf
from layout.preflight.report import FAIL, Report


def built_pdf(folder: Path, out_dir: Path | None = None) -> Path:
    """Where `layout build` writes the folder's PDF (OUT, else output/<issue>/)."""
    name = folder.resolve().name
    return Path(out_dir or Path("output") / name) / f"{name}.pdf"


def check_path(path: Path, diag: Diagnostics, out_dir: Path | None = None) -> tuple[bool, str]:
    """(ok, readable report) for a PDF file, or an issue folder and its build in `out_dir`."""
    path = Path(path)
    if path.is_file() and (path.suffix.lower() == ".pdf" or _starts_like_pdf(path)):
        return check_pdf(path)
    if path.is_dir():
        return _check_folder(path, diag, out_dir)
    if not path.exists():
        raise InputError(_("no such file or folder"), path)
    raise InputError(_("not a PDF file or an issue folder (with issue.yaml)"), path)


def check_pdf(pdf: Path, min_ppi: float = 200.0, sources: dict[str, str] | None = None,
              ) -> tuple[bool, str]:
    """Preflight for the plant, then the typography report for the editor."""
    report = preflight_pdf(pdf, min_ppi=min_ppi)
    if not (report.readable and report.safe):
        return False, report.text()
    skip = frozenset(n for n, (size, runs) in enumerate(report.text_load, 1)
                     if size > MAX_PAGE_TEXT_BYTES or runs > MAX_PAGE_TEXT_RUNS)
    typography = typography_section(pdf, sources, skip)
    return report.ok and typography.ok, report.text() + "\n\n" + typography.text()


def typography_section(pdf: Path, sources: dict[str, str] | None, skip: frozenset[int]) -> Report:
    from layout.preflight.typography import typography_report

    try:
        return typography_report(pdf, sources, skip)[0]
    except (RuntimeError, ValueError, IndexError, KeyError, TypeError, OSError,
            RecursionError) as exc:  # pymupdf's errors (FzError*) on a PDF it cannot lay out
        report = Report(pdf, title=_("Typography of {path}").format(path=pdf))
        report.add(FAIL, "file", _("cannot read the text of the pages: {error}").format(error=exc))
        return report


def _check_folder(folder: Path, diag: Diagnostics, out_dir: Path | None) -> tuple[bool, str]:
    from layout.preflight.inputs import check_issue_folder

    inputs = check_issue_folder(folder, diag)
    pdf = built_pdf(folder, out_dir)
    if not pdf.is_file():
        return inputs.ok, inputs.text + "\n" + _("No built PDF at {pdf}: run `layout build {folder}` "
                                                  "and check again.").format(pdf=pdf, folder=folder)
    ok, text = check_pdf(pdf, inputs.min_ppi, inputs.sources)
    if inputs.pictures is not None:
        from layout.preflight.crops import crop_report

        crops = crop_report(pdf, inputs.pictures, inputs.max_crop)
        ok, text = ok and crops.ok, text + "\n\n" + crops.text()
    return inputs.ok and ok, inputs.text + "\n\n" + text


def _starts_like_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False
