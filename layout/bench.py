"""`make bench`: how fast the sample edition builds, beside Typst, and in what memory.

Reports medians of several runs (these machines are noisy):
- our build against Typst's of the same copy, as whole processes, in every
  state of the cache, for one page and for 16 and 24 pages (layout.benchrun);
- with `--detail`: in one warm process, reading, placing and each exporter;
  the composer in characters per second, per line breaker
  (layout.compose.bench); the placer's growth: one page of 32, 64 and 128
  articles (cut from the sample's text, every fifth with a photo) placed in
  a new process, over-set allowed: its wall and CPU time and peak memory
  (`--placer` runs only this).
Run: python -m layout.bench [ISSUE_DIR] [--runs N] [--detail] [--placer] [--no-pages]
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
    from layout.fonts import issue_fonts
    from layout.manifest import load_issue
    from layout.options import BuildOptions
    from layout.pages import place_issue

    figures = {"read": median_time(lambda: load_issue(issue_dir, Diagnostics()), runs)}
    issue = load_issue(issue_dir, Diagnostics())
    fonts = issue_fonts(issue)
    figures["place"] = median_time(lambda: place_issue(issue, fonts, BuildOptions()), runs)
    placed = place_issue(issue, fonts, BuildOptions()).placed
    job = ExportJob(issue, placed, BuildOptions(), Diagnostics())
    with tempfile.TemporaryDirectory() as tmp:
        for name, exporter in REGISTRY.items():
            write = exporter.load()
            target = Path(tmp) / exporter.output("bench")
            figures[name] = median_time(lambda: write(job, target), runs)
    return figures


def crowded_issue(folder: Path, sample: Path, count: int) -> Path:
    """An issue of two pages of `count` / 2 articles cut from the sample's copy (the manifest
    takes at most 64 a page; `_place_crowded` puts them all on one page)."""
    import shutil

    text = "".join(p.read_text("utf-8").split("---", 2)[2].replace("\n", "").replace("#", "")
                   for p in sorted((sample / "articles").glob("*.md")))
    shutil.copytree(sample / "photos", folder / "photos")
    (folder / "articles").mkdir(parents=True)
    ids = []
    for n in range(count):
        length = 60 + (n * 137) % 700
        start = (n * 211) % (len(text) - length)
        photo = ("photos:\n  - file: yizhen.jpg\n    caption: 图片说明。\n    credit: 本报记者 摄\n"
                 if n % 5 == 1 else "")
        body = text[start:start + length]
        (folder / "articles" / f"a{n}.md").write_text(
            f"---\ntitle: {body[:6 + n % 9]}\n{photo}---\n\n{body}\n", "utf-8")
        ids.append(f"a{n}")
    half = (count + 1) // 2
    (folder / "issue.yaml").write_text(
        "paper: 铁东新闻\ndate: 2025-06-18\npages:\n"
        f"  - number: 1\n    name: 社区\n    articles: [{', '.join(ids[:half])}]\n"
        f"  - number: 2\n    name: 社区\n    articles: [{', '.join(ids[half:])}]\n", "utf-8")
    return folder


def _place_crowded(issue_dir: str) -> None:
    """In a child process: every article of the issue on one page, placed (over-set allowed)."""
    import dataclasses

    from layout.errors import Diagnostics
    from layout.fonts import font_set
    from layout.manifest import load_issue
    from layout.options import BuildOptions
    from layout.pages import place_issue

    issue = load_issue(Path(issue_dir), Diagnostics())
    page = dataclasses.replace(issue.pages[0], articles=issue.articles())
    issue = dataclasses.replace(issue, pages=(page,))
    fonts = font_set(issue.style, "".join(a.all_text() for a in issue.articles()))
    place_issue(issue, fonts, BuildOptions(allow_overflow=True))


def placer_scaling(sample: Path, counts=(32, 64, 128)) -> list[str]:
    """Wall and CPU time and peak memory of placing one page of `count` articles (sizing
    every article at every width, placement, drawing), each in a new process."""
    lines = []
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            issue = crowded_issue(Path(tmp) / "crowded", sample, count)
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", "import resource, sys\nfrom layout.bench import _place_crowded\n"
                 "_place_crowded(sys.argv[1])\nr = resource.getrusage(resource.RUSAGE_SELF)\n"
                 "print(r.ru_maxrss, r.ru_utime + r.ru_stime)", str(issue)],
                capture_output=True, text=True, check=True)
            elapsed = time.perf_counter() - start
            peak, cpu = done.stdout.split()[-2:]
            lines.append(f"one page of {count} articles (placed in a new process): {elapsed:.2f} s "
                         f"wall, {float(cpu):.2f} s CPU, peak RSS {int(peak) / 1024:.0f} MiB")
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the sample build.")
    parser.add_argument("issue", nargs="?", default="issues/sample", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--placer", action="store_true", help="only the placer's growth")
    parser.add_argument("--detail", action="store_true", help="also stages, composer, placer")
    parser.add_argument("--no-pages", action="store_true", help="skip 16 and 24 pages")
    args = parser.parse_args(argv)
    if args.placer:
        print("\n".join(placer_scaling(args.issue)))
        return 0
    from layout.benchrun import compare

    for line in compare(args.issue, args.runs, pages=not args.no_pages):
        print(line, flush=True)
    if args.detail:
        details(args)
    return 0


def details(args) -> None:
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
    for line in placer_scaling(args.issue):
        print("  " + line)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
