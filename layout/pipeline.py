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

from layout.errors import BuildError, Diagnostics
from layout.export import REGISTRY, ExportJob
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
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
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
    from layout.fonts import font_set
    from layout.preflight.fidelity import check_output, output_text, placed_text

    report = BuildReport()
    clock = time.perf_counter()
    progress("reading the issue")
    issue = load_issue(Path(issue_dir), diag)
    fonts = font_set(issue.style, "".join(a.all_text() for a in issue.articles()))
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
    for exporter in exporters:
        progress(f"writing {exporter.name.upper()}")
        clock = time.perf_counter()
        target = out_dir / f"{issue.name}{exporter.suffix}"
        write = exporter.load()

        def write_checked(tmp: Path, write=write, name=exporter.name) -> str:
            summary = write(job, tmp)
            text = placed_text(placed) if name == "pdf" else output_text(tmp, name)
            check_output(issue, text, name, allow_overflow=options.allow_overflow, diag=diag)
            return summary

        report.summaries[exporter.name] = write_atomically(target, write_checked)
        report.outputs[exporter.name] = target
        report.timings[exporter.name] = time.perf_counter() - clock
    return report
