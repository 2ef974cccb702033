"""The `layout` command (typer): argument parsing and messages only, no logic."""
from __future__ import annotations

import errno
import functools
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from layout.cli_frame import translate_frame
from layout.errors import Diagnostics, LayoutError, printable
from layout.i18n import _
from layout.options import FORMATS, BuildOptions, check_options

translate_frame()
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help=_("Chinese newspaper layout: issue manifest in, PDF, DOCX and EPUB out."))


def _issue_folder(path: Path) -> Path:
    """The issue folder, whether the folder itself or its issue.yaml was named."""
    return path.parent if path.name == "issue.yaml" and path.is_file() else path


def _say(text: object, err: bool = False, lines: bool = False) -> None:
    """The one way text reaches the terminal: escaped so input cannot take it over
    (a message is one line; a report keeps its newlines with `lines`)."""
    typer.echo(printable(text, lines=lines), err=err)


def _fail(message: object, code: int = 1) -> None:
    _say(_("layout: error: {message}").format(message=message), err=True)
    raise typer.Exit(code)


def _os_error(exc: OSError) -> None:
    """A file the command could not read or write: which, why, and what to do."""
    advice = {
        errno.ENOENT: _("no such file or folder; check the name"),
        errno.EACCES: _("permission denied; check the permissions or choose another folder"),
        errno.EPERM: _("permission denied; check the permissions or choose another folder"),
        errno.EROFS: _("the file system is read-only; choose a folder that can be written"),
        errno.ENOSPC: _("the disk is full; free some space and try again"),
        errno.EDQUOT: _("the disk quota is used up; free some space and try again"),
        errno.ENAMETOOLONG: _("the name is too long for the file system; shorten it"),
    }.get(exc.errno, exc.strerror or type(exc).__name__)
    if exc.filename is None:
        _fail(advice)
    _fail(_("{path}: {problem}").format(path=exc.filename, problem=advice))


def _internal_error(exc: BaseException) -> None:
    """A bug, not bad input: one line, and the traceback only when asked for."""
    if os.environ.get("LAYOUT_DEBUG"):
        raise exc
    _say(_("layout: internal error: {error} (please report it; set LAYOUT_DEBUG=1 "
           "to see the traceback)").format(error=f"{type(exc).__name__}: {exc}"), err=True)
    raise typer.Exit(70)


def _print_warnings(diag: Diagnostics) -> None:
    for warning in diag.warnings:
        _say(_("layout: warning: {warning}").format(warning=warning), err=True)


def _progress(message: str) -> None:
    if sys.stderr.isatty():
        _say(_("… {message}").format(message=message), err=True)


def guarded(command):
    """Run a command so that any unexpected exception becomes one line, not a traceback."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except KeyboardInterrupt:  # Ctrl-C: the outputs are committed together or not at all
            _say(_("layout: interrupted; the output folder still holds one whole edition"), err=True)
            raise typer.Exit(130) from None
        except LayoutError as exc:
            _fail(str(exc))
        except OSError as exc:  # a read-only file system, a full disk, a missing folder
            _os_error(exc)
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            _internal_error(exc)
    return run


def _formats(value: str) -> tuple[str, ...]:
    """The names in a --format list; the build's option check refuses a bad one in one line."""
    return tuple(f.strip().lower() for f in value.split(",") if f.strip())


@app.command(help=_("Build the issue into PDF, DOCX, EPUB and the web edition."))
@guarded
def build(
    issue_dir: Path = typer.Argument(..., callback=_issue_folder, help=_("The issue folder (holds issue.yaml).")),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help=_("Output folder [output/<issue>/].")),
    format: str = typer.Option(",".join(FORMATS), "--format", "-f", help=_("pdf,docx,epub,web")),
    proof: bool = typer.Option(False, help=_("A light RGB screen PDF marked 校样.")),
    marks: bool = typer.Option(False, help=_("Crop and registration marks on the PDF.")),
    pdfx: Optional[str] = typer.Option(None, help=_("PDF/X flavour: X-4 or X-1a.")),
    allow_overflow: bool = typer.Option(False, help=_("Build even if copy does not fit.")),
    docx_layout: str = typer.Option("edit", help=_("DOCX view: edit (A4) or pages.")),
    epub_fonts: Optional[bool] = typer.Option(None, "--epub-fonts/--no-epub-fonts",
                                              help=_("Embed a font subset in the EPUB.")),
    breaker: str = typer.Option("total-fit", help=_("Line breaker: total-fit or first-fit.")),
    site: Optional[Path] = typer.Option(None, "--site", help=_(
        "Publish the web edition into this archive folder (往期 and search).")),
) -> None:
    """Build the issue into PDF, DOCX, EPUB and the web edition."""
    from layout.pipeline import build as run_build

    options = BuildOptions(formats=_formats(format), out_dir=out, proof=proof, marks=marks,
                           pdfx=pdfx, allow_overflow=allow_overflow, docx_layout=docx_layout,
                           epub_fonts=epub_fonts, breaker=breaker, site=site)
    diag = Diagnostics()
    try:
        report = run_build(issue_dir, options, diag, _progress)
    except LayoutError as exc:
        _print_warnings(diag)
        _fail(str(exc))
    _print_warnings(diag)
    if report.copyfit is not None:
        _say(report.copyfit.table(), lines=True)
    for name, path in report.outputs.items():
        _say(_("{format} {path}  {summary}  ({seconds:.2f} s)").format(
            format=f"{name.upper():5}", path=path, summary=report.summaries[name],
            seconds=report.timings[name]))
    if site is not None and "site" in report.summaries:
        _say(_("{format} {path}  {summary}  ({seconds:.2f} s)").format(
            format="SITE ", path=site, summary=report.summaries["site"],
            seconds=report.timings["site"]))


@app.command(help=_("Rebuild whenever a file of the issue changes (Ctrl-C to stop)."))
@guarded
def watch(
    issue_dir: Path = typer.Argument(..., callback=_issue_folder, help=_("The issue folder (holds issue.yaml).")),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help=_("Output folder [output/<issue>/].")),
    format: str = typer.Option(",".join(FORMATS), "--format", "-f", help=_("pdf,docx,epub,web")),
    allow_overflow: bool = typer.Option(False, help=_("Build even if copy does not fit.")),
) -> None:
    """Rebuild whenever a file of the issue changes (Ctrl-C to stop)."""
    from layout.watch import pages_line, watch as run_watch

    options = BuildOptions(formats=_formats(format), out_dir=out, allow_overflow=allow_overflow)
    check_options(options)   # a bad option stops at once, not at every save

    def report(result, diag: Diagnostics, seconds: float) -> None:
        _print_warnings(diag)
        outputs = ", ".join(str(p) for p in result.outputs.values())
        _say(_("built in {seconds:.2f} s: {outputs}").format(seconds=seconds, outputs=outputs))
        if pages_line(result):
            _say(pages_line(result))

    def fail(exc: LayoutError, diag: Diagnostics) -> None:
        _print_warnings(diag)
        _say(_("layout: error: {message} (earlier outputs kept; fix and save to rebuild)")
             .format(message=exc), err=True)

    _say(_("watching {folder} (Ctrl-C to stop)").format(folder=issue_dir))
    try:
        run_watch(issue_dir, options, report, fail)
    except KeyboardInterrupt:
        _say(_("stopped"))


@app.command(help=_("Check an issue folder's inputs, or preflight a PDF for the printing plant."))
@guarded
def check(
    path: Path = typer.Argument(..., callback=_issue_folder, help=_("An issue folder or a PDF file.")),
    out: Optional[Path] = typer.Option(None, "-o", "--out",
                                       help=_("Where the issue was built [output/<issue>/].")),
) -> None:
    """Check an issue folder's inputs, or preflight a PDF for the printing plant."""
    from layout.preflight.check import check_path

    diag = Diagnostics()
    try:
        ok, text = check_path(path, diag, out)
    except LayoutError as exc:
        _print_warnings(diag)
        _fail(str(exc))
    _print_warnings(diag)
    _say(text, lines=True)
    if not ok:
        raise typer.Exit(1)


@app.command("import", help=_("Bring copy into an issue: raw text or Markdown, or corrections made in the DOCX."))
@guarded
def import_(
    file: Path = typer.Argument(..., help=_("Raw copy (.txt, .md) or an edited DOCX.")),
    issue: Path = typer.Option(..., "--issue", callback=_issue_folder, help=_("The issue folder to write into.")),
    force: bool = typer.Option(False, help=_("Text: overwrite existing articles. DOCX: apply "
                                             "corrections to parts changed in the file since "
                                             "the export.")),
    dry_run: bool = typer.Option(False, help=_("Show the changes without writing.")),
    track_changes: str = typer.Option("accept", help=_("DOCX tracked changes: accept, reject, "
                                                       "or report (list them, apply none).")),
    apply_deletes: bool = typer.Option(False, help=_("DOCX: also apply whole paragraphs deleted "
                                                     "without Track Changes.")),
) -> None:
    """Bring copy into an issue: raw text or Markdown, or corrections made in the DOCX.

    Exit status 3: the DOCX held something that was reported but not applied.
    """
    from layout.intake import import_copy

    diag = Diagnostics()
    try:
        text, complete = import_copy(file, issue, force=force, dry_run=dry_run, diag=diag,
                                     track_changes=track_changes, apply_deletes=apply_deletes)
    except LayoutError as exc:
        _print_warnings(diag)
        _fail(str(exc))
    _print_warnings(diag)
    _say(text, lines=True)
    if not complete:
        raise typer.Exit(3)


@app.command(help=_("Scaffold an empty issue folder."))
@guarded
def new(
    folder: Path = typer.Argument(..., help=_("The new issue folder.")),
    date: Optional[str] = typer.Option(
        None, help=_("ISO date of the edition, e.g. 2025-06-18 (default: tomorrow's).")),
    paper: Optional[str] = typer.Option(
        None, help=_("The paper's name (default: the house style's).")),
) -> None:
    """Scaffold an empty issue folder."""
    import datetime

    from layout.intake import new_issue
    from layout.style import default_style

    date = date or (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    try:
        paper = paper if paper is not None else default_style().paper.name
        _say(new_issue(folder, date=date, paper=paper), lines=True)
    except LayoutError as exc:
        _fail(str(exc))


@app.command(help=_("Write a PNG per page and a contact sheet, for a look without a PDF reader."))
@guarded
def preview(
    issue_dir: Path = typer.Argument(..., callback=_issue_folder, help=_("The issue folder.")),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help=_("Output folder.")),
    allow_overflow: bool = typer.Option(False, help=_("Preview even if copy does not fit.")),
) -> None:
    """Write a PNG per page and a contact sheet, for a look without a PDF reader."""
    from layout.pipeline import preview as write_previews

    diag = Diagnostics()
    try:
        paths = write_previews(issue_dir, out, diag, allow_overflow=allow_overflow)
    except LayoutError as exc:
        _print_warnings(diag)
        _fail(str(exc))
    _print_warnings(diag)
    for path in paths:
        _say(path)


cache_app = typer.Typer(no_args_is_help=True, help=_("The disk cache of derived data and built editions."))
app.add_typer(cache_app, name="cache")


@cache_app.command("clear", help=_("Empty the cache (everything in it is made again when needed)."))
@guarded
def cache_clear() -> None:
    """Empty the cache."""
    from layout.cache import cache_dir, clear

    files, size = clear()
    _say(_("removed {files} files ({megabytes:.1f} MB) from {folder}").format(
        files=files, megabytes=size / 1024 / 1024, folder=cache_dir()))


def main() -> None:  # pragma: no cover - entry point
    app()
