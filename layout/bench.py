"""`make bench`: how fast the sample edition builds, per stage and format, and in what memory.

Reports medians of several runs (these machines are noisy):
- the whole `layout build` as a fresh process, as a user runs it (all three
  formats), with its peak resident memory;
- a whole rebuild in a process that built before, as `layout watch` does;
- in one warm process: reading, placing, and each exporter;
- the composer in characters per second, per line breaker (layout.compose.bench).
Run: python -m layout.bench [ISSUE_DIR] [--runs N]
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def median_time(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_builds(issue: Path, runs: int) -> tuple[float, float]:
    """Median wall time of `layout build` in a new process, and the peak RSS in MiB."""
    times, peak = [], 0.0
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "layout", "build", str(issue), "-o", out],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - start)
            peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    return statistics.median(times), peak


def warm_rebuild(issue_dir: Path, runs: int) -> float:
    """Median time of a whole build (all formats) in a process that built before,
    as `layout watch` rebuilds after a change."""
    from layout.errors import Diagnostics
    from layout.options import BuildOptions
    from layout.pipeline import build

    with tempfile.TemporaryDirectory() as out:
        options = BuildOptions(out_dir=Path(out))
        build(issue_dir, options, Diagnostics())
        return median_time(lambda: build(issue_dir, options, Diagnostics()), runs)


def warm_stages(issue_dir: Path, runs: int) -> dict[str, float]:
    from layout.errors import Diagnostics
    from layout.export import REGISTRY, ExportJob
    from layout.fonts import font_set
    from layout.manifest import load_issue
    from layout.options import BuildOptions
    from layout.pages import place_issue

    figures = {"read": median_time(lambda: load_issue(issue_dir, Diagnostics()), runs)}
    issue = load_issue(issue_dir, Diagnostics())
    fonts = font_set(issue.style, "".join(a.all_text() for a in issue.articles()))
    figures["place"] = median_time(lambda: place_issue(issue, fonts, BuildOptions()), runs)
    placed = place_issue(issue, fonts, BuildOptions()).placed
    job = ExportJob(issue, placed, BuildOptions(), Diagnostics())
    with tempfile.TemporaryDirectory() as tmp:
        for name, exporter in REGISTRY.items():
            write = exporter.load()
            target = Path(tmp) / f"bench{exporter.suffix}"
            figures[name] = median_time(lambda: write(job, target), runs)
    return figures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the sample build.")
    parser.add_argument("issue", nargs="?", default="issues/sample", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    total, peak = cold_builds(args.issue, args.runs)
    print(f"layout build (pdf+docx+epub, new process): median {total:.3f} s, "
          f"peak RSS {peak:.0f} MiB, {args.runs} runs")
    print(f"layout watch rebuild (pdf+docx+epub, running process): "
          f"median {warm_rebuild(args.issue, args.runs):.3f} s")
    for name, value in warm_stages(args.issue, args.runs).items():
        print(f"  warm {name:<8} median {value * 1000:.1f} ms")
    from layout.compose.bench import bench_issue

    for issue in (args.issue, Path("tests/fixtures/stress")):
        for line in bench_issue(issue, args.runs):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
