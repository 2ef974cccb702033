"""`make bench`, the comparison with Typst: whole processes, timed side by side.

Each state of `~/.cache/layout` is timed as a new `layout build` process and,
in the same round, Typst 0.15 (the `typst` package from PyPI, timed as a whole
process `python -c "import typst; typst.compile(...)"`) compiling
bench/sample.typ over the same copy (layout/benchedition.py). Rounds
interleave the two, so that load from other work on the machine falls on
both; figures are medians of the rounds. Wall seconds are what a user waits;
CPU seconds (user + sys of the process and the children it waited for) are
the steadier figure on a shared machine.

States (each round uses an edition no earlier round built):
- warm: the same edition built again, in the same formats, right after it was
  built (an editor building twice, `make` running again);
- new text: every paragraph new, the same characters (font data and photos cached);
- fresh: new text and new photo bytes, only font data cached (with the vertical
  metrics, and the installation's remembered checksums: a new edition on a
  machine that has built before, not one whose code or fonts just changed);
- empty: an empty cache (a new machine);
- 16 and 24 pages of new text.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from layout.benchedition import variant, write_typst_data

TYPST_FILE = Path(__file__).resolve().parent.parent / "bench" / "sample.typ"
FONT_KINDS = ("metrics", "rlface", "ink", "fallback", "glyphs", "vmetrics", "vface",
              "installed", "hash",   # font data, and the installation's checksums (rebuild.py)
              "classcode", "catalog", "icc", "yaml")   # and what the code and its data give,
#                                   the same for every edition (classcode.py, i18n, pdfx, yamlio)
TYPST = ("import sys, typst\n"
         "typst.compile(sys.argv[1], output=sys.argv[2], root='/', font_paths=[sys.argv[3]],"
         " ignore_system_fonts=True, sys_inputs={'data': sys.argv[4]})")


@dataclass(slots=True)
class Runs:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak: float = 0.0          # MiB, the largest process of the tree

    def add(self, wall: float, cpu: float, peak: float) -> None:
        self.wall.append(wall); self.cpu.append(cpu); self.peak = max(self.peak, peak)

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)


def timed(cmd: list[str], env: dict) -> tuple[float, float, float]:
    """Wall and CPU seconds and peak RSS (MiB) of a process; it must succeed."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            log.seek(0)
            raise RuntimeError(f"{cmd[:6]} failed:\n{log.read().decode(errors='replace')[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


class Bench:
    """Editions, caches and the two commands, in one temporary folder."""

    def __init__(self, sample: Path, root: Path, fonts: Path):
        self.sample, self.root, self.fonts = sample, root, fonts
        self.seed = 0
        self.warm_cache = root / "cache-warm"

    def env(self, cache: Path) -> dict:
        env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONUNBUFFERED": "1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)    # as installed: modules load compiled
        return env

    def edition(self, pages: int = 1, fresh: bool = False, same: bool = False) -> Path:
        """The edition in its folder: the same text again (`same`), new text in the same
        folder (an editor's day), or a `fresh` edition in a new folder with new photos."""
        if not same:
            self.seed += 1
        folder = self.root / (f"fresh-{self.seed}" if fresh else f"edition-{pages}")
        if not same or not folder.exists():
            variant(self.sample, folder, self.seed, pages, fresh)
            (folder.with_suffix(".json")).unlink(missing_ok=True)
        return folder

    def build(self, issue: Path, cache: Path, formats: str) -> tuple[float, float, float]:
        out = self.root / "out" / issue.name / formats.replace(",", "-")
        cmd = [sys.executable, "-m", "layout", "build", str(issue), "-o", str(out),
               "--format", formats]
        return timed(cmd, self.env(cache))

    def typst(self, issue: Path) -> tuple[float, float, float]:
        data = issue.with_suffix(".json")
        if not data.exists():
            write_typst_data(issue, data)
        return timed([sys.executable, "-c", TYPST, str(TYPST_FILE), str(issue.with_suffix(".pdf")),
                      str(self.fonts), str(data)], self.env(self.warm_cache))

    def font_cache(self) -> Path:
        """A new cache holding only the warm cache's font data."""
        folder = Path(tempfile.mkdtemp(dir=self.root, prefix="cache-fonts-"))
        (folder / "layout").mkdir()
        for entry in (self.warm_cache / "layout").iterdir():
            if entry.name.startswith(FONT_KINDS):
                (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, folder / "layout" / entry.name)
        return folder


ALL, PDF = "pdf,docx,epub", "pdf"


def one_page_rounds(bench: Bench, runs: int) -> dict[str, Runs]:
    """Typst and every state of ours, interleaved round by round."""
    figures: dict[str, Runs] = {}
    edition = bench.edition()
    for formats in (ALL, PDF):
        bench.build(edition, bench.warm_cache, formats)
    for _ in range(runs):
        figures.setdefault("typst", Runs()).add(*bench.typst(bench.edition(same=True)))
        for formats in (ALL, PDF):
            tag = "all" if formats == ALL else "pdf"
            figures.setdefault(f"new {tag}", Runs()).add(
                *bench.build(bench.edition(), bench.warm_cache, formats))
            figures.setdefault(f"warm {tag}", Runs()).add(     # the build just made, again
                *bench.build(bench.edition(same=True), bench.warm_cache, formats))
            cache = bench.font_cache()
            figures.setdefault(f"fresh {tag}", Runs()).add(
                *bench.build(bench.edition(fresh=True), cache, formats))
            shutil.rmtree(cache)
            empty = Path(tempfile.mkdtemp(dir=bench.root, prefix="cache-empty-"))
            figures.setdefault(f"empty {tag}", Runs()).add(
                *bench.build(bench.edition(fresh=True), empty, formats))
            shutil.rmtree(empty)
    return figures


def many_pages_rounds(bench: Bench, runs: int, counts=(16, 24)) -> dict[str, Runs]:
    """New text over `counts` pages, all formats, and Typst over the same pages."""
    figures: dict[str, Runs] = {}
    for count in counts:
        bench.build(bench.edition(count), bench.warm_cache, ALL)   # photos and fonts cached
        for _ in range(runs):
            issue = bench.edition(count)
            figures.setdefault(f"typst {count}", Runs()).add(*bench.typst(issue))
            figures.setdefault(f"new all {count}", Runs()).add(*bench.build(issue, bench.warm_cache, ALL))
    return figures


TARGETS = {"new all": 1.5, "new pdf": 1.0, "warm all": 1.0, "fresh all": 3.0, "empty all": 5.0}


def table(figures: dict[str, Runs], runs: int) -> list[str]:
    typst = figures["typst"]
    lines = [f"one page, {runs} rounds; Typst 0.15.2 (python -c 'import typst; typst.compile(…)') "
             f"median {typst.median:.3f} s wall, {typst.cpu_median:.3f} s CPU",
             "| state | formats | ours wall s | ours CPU s | × Typst (wall) | × Typst (CPU) | target | peak MiB |",
             "|---|---|---|---|---|---|---|---|"]
    for name, runs_ in figures.items():
        if name == "typst":
            continue
        state, tag = name.split()
        target = TARGETS.get(name)
        ratio = runs_.median / typst.median
        mark = "" if target is None else f"≤ {target:.1f}× {'✓' if ratio <= target else '✗'}"
        lines.append(f"| {state} | {'PDF' if tag == 'pdf' else 'PDF+DOCX+EPUB'} | "
                     f"{runs_.median:.3f} | {runs_.cpu_median:.3f} | {ratio:.2f} | "
                     f"{runs_.cpu_median / typst.cpu_median:.2f} | {mark} | {runs_.peak:.0f} |")
    return lines


def pages_table(figures: dict[str, Runs], one: Runs | None) -> list[str]:
    lines = ["| pages (new text, all formats) | ours wall s | ours CPU s | Typst wall s | × Typst | "
             "target | peak MiB |", "|---|---|---|---|---|---|---|"]
    limits = {16: 1.5, 24: 2.2}
    counts = sorted(int(k.split()[-1]) for k in figures if k.startswith("typst "))
    for count in counts:
        ours, typst = figures[f"new all {count}"], figures[f"typst {count}"]
        ratio = ours.median / typst.median
        limit = limits.get(count)
        ok = limit is not None and ours.median <= limit and (count != 16 or ratio <= 3) \
            and (count != 24 or ours.peak < 250)
        target = {16: "≤ 1.5 s, ≤ 3×", 24: "≤ 2.2 s, < 250 MiB"}.get(count, "")
        lines.append(f"| {count} | {ours.median:.3f} | {ours.cpu_median:.3f} | {typst.median:.3f} | "
                     f"{ratio:.2f} | {target} {'✓' if ok else '✗'} | {ours.peak:.0f} |")
    if one is not None and len(counts) >= 2:
        a, b = counts[0], counts[-1]
        per = (figures[f"new all {b}"].median - figures[f"new all {a}"].median) / (b - a)
        per_cpu = (figures[f"new all {b}"].cpu_median - figures[f"new all {a}"].cpu_median) / (b - a)
        typ = (figures[f"typst {b}"].median - figures[f"typst {a}"].median) / (b - a)
        lines.append(f"cost per page ({a}→{b} pages): ours {per:.3f} s wall, {per_cpu:.3f} s CPU; "
                     f"Typst {typ:.3f} s wall")
    return lines


WATCH_RUNS = 10       # edits timed (at least ten: a single slow one is the load's, not ours)
# a four-page edition too: an edit to a page-2 story places and checks that page only
WATCH_PAGES = (Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "editions" / "thin4",
               "caishichang.md", "经过两个月")


def watch_rounds(bench: Bench, runs: int, edition: tuple | None = None) -> list[float]:
    """`layout watch` as its own process on a copy of the sample (or `edition`: folder,
    article, phrase edited), its cache the warm one: seconds from a saved edit to every
    output (PDF, DOCX, EPUB) rebuilt, by the outputs' modification times
    (layout.benchwatch), for max(runs, WATCH_RUNS) edits."""
    from layout.benchwatch import latencies

    issue, article, old = edition or (bench.sample, "hengji.md", "凉亭虽小")
    return latencies(issue, max(runs, WATCH_RUNS), ALL, article, old,
                     env=bench.env(bench.warm_cache))


def watch_line(latency: list[float], what: str = "one paragraph edited") -> str:
    median = statistics.median(latency)
    mark = "✓" if median <= 0.25 else "✗"
    return (f"layout watch (PDF+DOCX+EPUB, {what}, its own process): saved → "
            f"every output's modification time median {median:.3f} s over {len(latency)} edits "
            f"(min {min(latency):.3f}, max {max(latency):.3f}; load {os.getloadavg()[0]:.1f}), "
            f"target ≤ 0.25 s {mark}")


def compare(sample: Path, runs: int, pages: bool = True) -> list[str]:
    import compileall

    from layout.style import FONT_DIR

    compileall.compile_dir(Path(__file__).parent, quiet=1)   # as pip installs it: compiled

    with tempfile.TemporaryDirectory(prefix="layout-bench-") as tmp:
        bench = Bench(sample.resolve(), Path(tmp), FONT_DIR)
        figures = one_page_rounds(bench, runs)
        lines = table(figures, runs)
        lines.append(watch_line(watch_rounds(bench, runs)))
        if WATCH_PAGES[0].is_dir():
            lines.append(watch_line(watch_rounds(bench, runs, WATCH_PAGES),
                                    "thin4 (4 pages), a page-2 paragraph edited"))
        if pages:
            lines += [""] + pages_table(many_pages_rounds(bench, runs), figures.get("new all"))
    return lines
