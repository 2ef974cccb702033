"""The one place the stages are chained: manifest → model → compose/pages → export.

`build()` loads and validates the issue, checks that every character has a
glyph, places the pages when an exporter draws them, writes each output
atomically (a temporary file renamed into place, so a failed build never
destroys an earlier good output) and checks that no article lost characters.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from layout.errors import BuildError, Diagnostics, LayoutError
from layout.export import REGISTRY, Exporter, ExportJob
from layout.manifest import load_issue
from layout.options import BuildOptions

Progress = Callable[[str], None]


@dataclass(slots=True)
class BuildReport:
    outputs: dict[str, Path] = field(default_factory=dict)
    summaries: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    copyfit: object | None = None


def default_out_dir(issue_dir: Path) -> Path:
    return Path("output") / Path(issue_dir).resolve().name


def write_atomically(target: Path, write: Callable[[Path], str]) -> str:
    """Run `write` on a temporary file beside `target`, then rename it into place."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise BuildError(f"cannot write into {target.parent}: {exc.strerror or exc}; "
                         "choose another output folder with -o") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        summary = write(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes files private; outputs are for sharing
        os.replace(tmp, target)
        return summary
    finally:
        tmp.unlink(missing_ok=True)


def write_json_atomically(target: Path, data: object) -> None:
    def dump(tmp: Path) -> str:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return ""
    write_atomically(target, dump)


def build(issue_dir: Path, options: BuildOptions, diag: Diagnostics,
          progress: Progress = lambda _msg: None) -> BuildReport:
    """Build the requested formats of the issue in `issue_dir`."""
    from layout.fonts import issue_fonts

    report = BuildReport()
    clock = time.perf_counter()
    progress("reading the issue")
    issue = load_issue(Path(issue_dir), diag)
    fonts = issue_fonts(issue)
    report.timings["read"] = time.perf_counter() - clock
    out_dir = options.out_dir or default_out_dir(issue_dir)
    exporters = [REGISTRY[f] for f in options.formats]
    placed = None
    if any(e.needs_pages for e in exporters):
        progress("laying out the pages")
        clock = time.perf_counter()
        from layout.pages import place_issue

        result = place_issue(issue, fonts, options, diag)
        placed, report.copyfit = result.placed, result.copyfit
        write_json_atomically(out_dir / "copyfit.json", result.copyfit.to_json())
        report.timings["pages"] = time.perf_counter() - clock
        if result.copyfit.overflows() and not options.allow_overflow:
            raise BuildError(result.copyfit.overflow_message())
    job = ExportJob(issue, placed, options, diag)
    drawn = [e for e in exporters if e.needs_pages]
    reflowed = [e for e in exporters if not e.needs_pages]
    child = start_export_process(job, reflowed, out_dir) if drawn and reflowed else None
    for exporter in (drawn if child else exporters):
        progress(f"writing {exporter.name.upper()}")
        export(exporter, job, out_dir, report)
    if child:
        progress("writing " + ", ".join(e.name.upper() for e in reflowed))
        finish_export_process(child, report, diag)
    return report


def export(exporter: Exporter, job: ExportJob, out_dir: Path, report: BuildReport) -> None:
    """Write one format atomically and check that no article lost a character."""
    from layout.preflight.fidelity import check_output, output_texts

    clock = time.perf_counter()
    target = out_dir / f"{job.issue.name}{exporter.suffix}"
    write, name = exporter.load(), exporter.name

    def write_checked(tmp: Path) -> str:
        summary = write(job, tmp)
        texts = output_texts(tmp, name, job.issue, job.placed)
        check_output(job.issue, texts, name, allow_overflow=job.options.allow_overflow,
                     diag=job.diagnostics)
        return summary

    report.summaries[name] = write_atomically(target, write_checked)
    report.outputs[name] = target
    report.timings[name] = time.perf_counter() - clock


# The reflowable formats (DOCX, EPUB) need only the model, the PDF the placed pages:
# on a machine with two cores, a forked process writes the former while this one
# draws the PDF. Its warnings, results and errors come back through a pipe.

def start_export_process(job: ExportJob, exporters: list[Exporter], out_dir: Path):
    """A forked process writing `exporters`, or None where forking is not available."""
    import multiprocessing

    if os.name != "posix" or (os.cpu_count() or 1) < 2:
        return None
    receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(
        target=_export_child, args=(sender, job, exporters, out_dir, len(job.diagnostics.warnings)),
        daemon=True)
    process.start()
    sender.close()
    return process, receiver, exporters


def _export_child(sender, job: ExportJob, exporters: list[Exporter], out_dir: Path,
                  known: int) -> None:
    report = BuildReport()
    try:
        for exporter in exporters:
            export(exporter, job, out_dir, report)
        outcome = ("ok", "")
    except LayoutError as exc:
        outcome = ("error", str(exc))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, never lost
        outcome = ("crash", f"{type(exc).__name__}: {exc}")
    sender.send((outcome, report.summaries, report.timings, report.outputs,
                 job.diagnostics.warnings[known:]))
    sender.close()


def finish_export_process(child, report: BuildReport, diag: Diagnostics) -> None:
    """Wait for the export process; its failure fails the build."""
    process, receiver, exporters = child
    try:
        (kind, message), summaries, timings, outputs, warnings = receiver.recv()
    except EOFError:
        kind, message, summaries, timings, outputs, warnings = "crash", "it died", {}, {}, {}, []
    process.join()
    diag.warnings.extend(warnings)
    if kind == "error":
        raise BuildError(message)
    if kind == "crash":
        names = ", ".join(e.name.upper() for e in exporters)
        raise RuntimeError(f"the process writing {names} failed: {message}")
    for name in (e.name for e in exporters):
        report.summaries[name], report.timings[name] = summaries[name], timings[name]
        report.outputs[name] = outputs[name]
