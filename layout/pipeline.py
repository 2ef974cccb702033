"""The one place the stages are chained: manifest → model → compose/pages → export.

`build()` checks the options, loads and validates the issue, checks that
every character has a glyph, places the pages when an exporter draws them,
and writes every output (and copyfit.json) to a temporary file, checking that
no article lost a character. Only when all of them succeeded are they renamed
into place together (`layout.staging`), so a failed or killed build never
changes an earlier edition. A build whose every input is as it was for an
earlier successful one writes that build's stored outputs (`layout.rebuild`).
"""
from __future__ import annotations

import errno
import json
import os
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from layout import rebuild
from layout.errors import BuildError, Diagnostics, LayoutError, Warning_
from layout.export import REGISTRY, Exporter, ExportJob, shared_imports
from layout.i18n import _
from layout.options import BuildOptions, check_options
from layout.staging import Stage, output_bytes, write_output

Progress = Callable[[str], None]
COPYFIT = "copyfit.json"


@dataclass(slots=True)
class BuildReport:
    outputs: dict[str, Path] = field(default_factory=dict)
    summaries: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    copyfit: object | None = None
    pages: tuple[int, ...] = ()          # the edition's page numbers (drawn formats built)
    placed_anew: tuple[int, ...] = ()    # those placed by this build (`layout watch` keeps
                                         # the others from its last build: pages/kept.py)


def default_out_dir(issue_dir: Path) -> Path:
    return Path("output") / Path(issue_dir).resolve().name


def build(issue_dir: Path, options: BuildOptions, diag: Diagnostics,
          progress: Progress = lambda _msg: None) -> BuildReport:
    """Build the requested formats of the issue in `issue_dir`."""
    check_options(options)
    out_dir = Path(options.out_dir or default_out_dir(issue_dir))
    key = rebuild.build_key(issue_dir, options, out_dir)
    stored = rebuild.load(key) if options.site is None else None
    if stored is not None:
        return replay(stored, out_dir, diag)
    return make(issue_dir, options, diag, progress, out_dir, key)


def load_issue(issue_dir: Path, diag: Diagnostics):
    """The issue, read and validated (the manifest modules load only when one is read)."""
    from layout.manifest import load_issue as read

    return read(issue_dir, diag)


def make(issue_dir: Path, options: BuildOptions, diag: Diagnostics, progress: Progress,
         out_dir: Path, key: str) -> BuildReport:
    """Build the edition from its sources (nothing stored for these inputs)."""
    from layout.fonts import issue_fonts

    report = BuildReport()
    known = len(diag.warnings)
    clock = time.perf_counter()
    progress(_("reading the issue"))
    issue = load_issue(Path(issue_dir), diag)
    fonts = issue_fonts(issue)
    report.timings["read"] = time.perf_counter() - clock
    exporters = [REGISTRY[f] for f in options.formats]
    drawn = [e for e in exporters if e.needs_pages]
    names = [e.output(issue.name) for e in exporters] + ([COPYFIT] if drawn else [])
    elsewhere, lock = {}, nullcontext()
    if options.site is not None:   # the web edition goes into the archive, with its front
        from layout.export.web.site import archive_lock, archive_targets

        names.remove("web")
        elsewhere, lock = archive_targets(Path(options.site), issue), archive_lock(Path(options.site))
    with lock, Stage(out_dir, names, elsewhere) as stage:
        placed = place(issue, fonts, options, diag, stage, report, progress) if drawn else None
        job = ExportJob(issue, placed, options, diag)
        here, groups = split_exporters(exporters)
        children = [c for group in groups if (c := start_export_process(job, here, group, stage))]
        forked = {e.name for child in children for e in child[2]}
        try:
            for exporter in (e for e in exporters if e.name not in forked):
                progress(_("writing {formats}").format(formats=exporter.name.upper()))
                export(exporter, job, stage, report)
            for child in children:
                progress(_("writing {formats}").format(
                    formats=", ".join(e.name.upper() for e in child[2])))
                finish_export_process(child, report, diag)
        finally:
            for child in children:
                stop_export_process(child)
        if options.site is not None:
            publish(job, stage, report)
        written = {name: os.stat(stage.temp(name)).st_ino for name in stage.temps}
        stage.commit()
    if options.site is None:   # an archive's front depends on its other editions too: never replayed
        keep(key, issue_dir, options, out_dir, stage, report,
             {e.name: e.output(issue.name) for e in exporters}, diag.warnings[known:],
             fonts.paths.values(), written)
    prune()
    report.outputs = {e.name: stage.targets[e.output(issue.name)] for e in exporters}
    return report


def publish(job: ExportJob, stage: Stage, report: BuildReport) -> None:
    """The `--site` archive's front (往期, search, sitemap) with this edition among the others."""
    from layout.export.web.site import write_archive

    clock = time.perf_counter()
    with _writing(stage.targets["web"].parent):
        report.summaries["site"] = write_archive(job, {n: stage.temp(n) for n in stage.temps},
                                                 stage.targets)
    report.timings["site"] = time.perf_counter() - clock


def keep(key: str, issue_dir: Path, options: BuildOptions, out_dir: Path, stage: Stage,
         report: BuildReport, outputs: dict[str, str], warnings: list[Warning_],
         faces, written: dict[str, int]) -> None:
    """Store a finished build for `layout.rebuild`, unless an input changed meanwhile: its
    outputs as committed, read once they are in place (storing them is no part of the
    time until the edition is there, which `layout watch` waits for) — unless one of them
    is no longer the file this build wrote (`written`: inodes; another build's since)."""
    if rebuild.build_key(issue_dir, options, out_dir) != key:
        return

    def read(name: str) -> bytes:     # one output at a time, as the entry is written
        target = stage.targets[name]
        if os.stat(target).st_ino != written[name]:
            raise rebuild.Changed(name)
        data = output_bytes(target)
        if os.stat(target).st_ino != written[name]:
            raise rebuild.Changed(name)
        return data

    rebuild.store(key, rebuild.Stored(
        rebuild.Outputs(stage.temps, read), dict(report.summaries), outputs,
        [(w.message, w.path, w.line) for w in warnings],
        rebuild.StoredCopyFit(report.copyfit.to_json(), report.copyfit.table())
        if report.copyfit is not None else None, rebuild.outside_files(faces, issue_dir)))


def prune() -> None:
    """Keep the disk cache within its size limit (least recently used entries go)."""
    from layout.cache import prune as prune_cache

    prune_cache()


def replay(stored: rebuild.Stored, out_dir: Path, diag: Diagnostics) -> BuildReport:
    """The stored build's outputs written again (staged, all or nothing) and its report."""
    clock = time.perf_counter()
    report = BuildReport()
    folders = {name for fmt, name in stored.outputs.items() if REGISTRY[fmt].folder}
    with Stage(out_dir, list(stored.files)) as stage:
        for name, data in stored.files.items():
            with _writing(stage.targets[name]):
                write_output(stage.temp(name), data, folder=name in folders)
        stage.commit()
    diag.warnings.extend(Warning_(*w) for w in stored.warnings)
    report.copyfit = stored.copyfit
    seconds = time.perf_counter() - clock
    report.outputs = {fmt: stage.targets[name] for fmt, name in stored.outputs.items()}
    report.summaries = dict(stored.summaries)
    report.timings = {fmt: seconds for fmt in stored.outputs}
    return report


def preview(issue_dir: Path, out: Path | None, diag: Diagnostics,
            allow_overflow: bool = False) -> list[Path]:
    """Build the proof PDF in a temporary folder and write a PNG per page and a contact
    sheet into `out` (default: the issue's output folder's preview/)."""
    import tempfile

    from layout.export.pdf.pngs import write_pngs

    out = Path(out) if out else default_out_dir(issue_dir) / "preview"
    with tempfile.TemporaryDirectory() as tmp:
        options = BuildOptions(formats=("pdf",), out_dir=Path(tmp), proof=True,
                               allow_overflow=allow_overflow)
        report = build(Path(issue_dir), options, diag)
        return write_pngs(report.outputs["pdf"], out)


def place(issue, fonts, options: BuildOptions, diag: Diagnostics, stage: Stage,
          report: BuildReport, progress: Progress):
    """The placed pages; copyfit.json staged with the outputs. Over-set copy fails here."""
    from layout.pages import place_issue

    progress(_("laying out the pages"))
    clock = time.perf_counter()
    result = place_issue(issue, fonts, options, diag)
    report.copyfit = result.copyfit
    report.pages = tuple(p.number for p in result.placed.pages)
    report.placed_anew = result.placed_anew
    with _writing(stage.targets[COPYFIT]):
        stage.temp(COPYFIT).write_text(json.dumps(result.copyfit.to_json(), ensure_ascii=False,
                                                  indent=2) + "\n", encoding="utf-8")
    report.timings["pages"] = time.perf_counter() - clock
    if result.copyfit.overflows() and not options.allow_overflow:
        raise BuildError(result.copyfit.overflow_message())
    return result.placed


WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO,
                errno.EFBIG}


@contextmanager
def _writing(target: Path):
    """An OSError while writing an output names the output, not its temporary file (a
    full disk, a read-only folder); the command line turns it into one line."""
    try:
        yield
    except OSError as exc:
        if exc.errno in WRITE_ERRORS:
            raise OSError(exc.errno, exc.strerror or os.strerror(exc.errno), str(target)) from None
        raise


def export(exporter: Exporter, job: ExportJob, stage: Stage, report: BuildReport) -> None:
    """Write one format to its temporary file and check that no article lost a character."""
    from layout.preflight.fidelity import check_output, output_texts

    clock = time.perf_counter()
    name = exporter.output(job.issue.name)
    tmp = stage.temp(name)
    with _writing(stage.targets[name]):
        report.summaries[exporter.name] = exporter.load()(job, tmp)
    texts = output_texts(tmp, exporter.name, job.issue, job.placed)
    check_output(job.issue, texts, exporter.name, allow_overflow=job.options.allow_overflow,
                 diag=job.diagnostics)
    report.outputs[exporter.name] = stage.targets[name]
    report.timings[exporter.name] = time.perf_counter() - clock


def split_exporters(exporters: list[Exporter]) -> tuple[list[Exporter], list[list[Exporter]]]:
    """The formats this process writes, and those forked processes write beside it, one
    process a group: the PDF here (the dearest to draw); the web edition in a process of
    its own (its page images are its own screen copies of the placed pages, never the
    PDF, rasterised and encoded: the largest transient memory of a build, ~85 MiB for
    one 1500-pixel AVIF, kept out of the processes that hold the PDF's or the EPUB's
    work); DOCX and EPUB, which need only the model, in another. Nothing is forked
    when this process writes no drawn format."""
    here = [e for e in exporters if e.name == "pdf"] or [e for e in exporters if e.needs_pages][:1]
    if not here:
        return [], []
    groups = [[e for e in exporters if e not in here and e.needs_pages],
              [e for e in exporters if not e.needs_pages]]
    return here, [g for g in groups if g]


# The reflowable formats (DOCX, EPUB) need only the model, the web edition the placed
# pages drawn as its own screen copies: on a machine with two cores, forked processes
# write them (split_exporters) while this one draws the PDF. Each writes only its
# temporary files (this process renames them), dies with this process, and sends its
# warnings, results and errors back by a pipe.

def start_export_process(job: ExportJob, drawn: list[Exporter], exporters: list[Exporter],
                         stage: Stage):
    """A forked process writing `exporters` (this one writing `drawn`), or None where
    forking is not available."""
    import multiprocessing

    if os.name != "posix" or (os.cpu_count() or 1) < 2:
        return None
    import_shared(drawn, exporters)
    from layout.export.memory import give_back

    give_back()      # what placing freed, not counted again in the size of each forked process
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_export_child, daemon=True, args=(
        sender, job, exporters, stage, len(job.diagnostics.warnings), os.getpid()))
    process.start()
    sender.close()
    stage.watch_process(process.pid)
    return process, receiver, exporters


def import_shared(drawn: list[Exporter], reflowed: list[Exporter]) -> None:
    """Import before the fork what both processes would import after it — Pillow, lxml,
    the loss check — once, not once in each (~0.05 s of CPU in a three-format build)."""
    import importlib

    for name in shared_imports(drawn, reflowed) + ["layout.preflight.fidelity"]:
        try:
            importlib.import_module(name)
        except ImportError:     # a library missing here fails where it is used, as before
            pass


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux), else watch for it."""
    import ctypes
    import signal
    import threading

    try:
        if ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL) != 0:   # PR_SET_PDEATHSIG
            raise OSError("prctl")
    except (OSError, AttributeError):
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.2)
            os._exit(1)
        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:   # it died before the request took effect
        os._exit(1)


def _export_child(sender, job: ExportJob, exporters: list[Exporter], stage: Stage,
                  known: int, parent: int) -> None:
    _die_with_parent(parent)
    stage.close_in_child()
    report = BuildReport()
    try:
        for exporter in exporters:
            export(exporter, job, stage, report)
        outcome = ("ok", "")
    except LayoutError as exc:
        outcome = ("error", str(exc))
    except OSError as exc:
        outcome = ("oserror", (exc.errno, exc.strerror, exc.filename))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, never lost
        outcome = ("crash", f"{type(exc).__name__}: {exc}")
    sender.send((outcome, report.summaries, report.timings, job.diagnostics.warnings[known:]))
    sender.close()


def finish_export_process(child, report: BuildReport, diag: Diagnostics) -> None:
    """Wait for the export process; its failure fails the build."""
    process, receiver, exporters = child
    try:
        (kind, message), summaries, timings, warnings = receiver.recv()
    except EOFError:
        kind, message, summaries, timings, warnings = "crash", "it died", {}, {}, []
    process.join()
    diag.warnings.extend(warnings)
    if kind == "error":
        raise BuildError(message)
    if kind == "oserror":
        raise OSError(*message)
    if kind == "crash":
        names = ", ".join(e.name.upper() for e in exporters)
        raise RuntimeError(f"the process writing {names} failed: {message}")
    for name in (e.name for e in exporters):
        report.summaries[name], report.timings[name] = summaries[name], timings[name]


def stop_export_process(child) -> None:
    """Make sure the export process is gone before its temporary files are removed."""
    process = child[0]
    if process.is_alive():
        process.kill()
    process.join()
