"""Saved edit → built edition, as a page editor sees it (`make bench`, bench/watch_latency.py).

`layout watch` runs as its own process on a copy of an edition; the measure
edits one article (one phrase of one paragraph changed to one of `EDITS`,
the characters already in the edition), saves it, and waits until the
modification time of every output is past the save: the time from the save
to the whole edition in place (the outputs are replaced together), whatever
the watcher does between — noticing the change, reading, placing, drawing,
checking, writing. The first edit warms the process and is not counted.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EDITS = "大新美好多高老长远深广厚宽强明亮静雅清秀"   # 凉亭虽小 → 凉亭大小 …: one paragraph new each time
OUTPUTS = {"pdf": "{name}.pdf", "docx": "{name}.docx", "epub": "{name}.epub", "web": "web"}
PAUSE = 0.5          # seconds between a build and the next edit


def mtimes(paths: list[Path]) -> list[int]:
    out = []
    for path in paths:
        try:
            out.append(path.stat().st_mtime_ns)
        except OSError:
            out.append(0)
    return out


def wait_built(paths: list[Path], after: int, limit: float) -> float:
    """perf_counter when every output's mtime passed `after` (ns), polled every 2 ms."""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        if min(mtimes(paths)) > after:
            return time.perf_counter()
        time.sleep(0.002)
    raise RuntimeError(f"layout watch built nothing within {limit} s")


def latencies(issue: Path, runs: int, formats: str = "pdf,docx,epub", article: str = "hengji.md",
              old: str = "凉亭虽小", env: dict | None = None, report=lambda n, s: None) -> list[float]:
    """Seconds from each of `runs` saved edits to every output of `formats` rebuilt."""
    with tempfile.TemporaryDirectory(prefix="watch-latency-") as tmp:
        folder = Path(tmp) / Path(issue).resolve().name
        shutil.copytree(issue, folder)
        out = Path(tmp) / "out"
        outputs = [out / OUTPUTS[f].format(name=folder.name) for f in formats.split(",")]
        path = folder / "articles" / article
        text = path.read_text("utf-8")
        if old not in text:
            raise ValueError(f"{old} is not in {path.name}")
        watcher = subprocess.Popen([sys.executable, "-m", "layout", "watch", str(folder), "-o", str(out),
                                    "-f", formats], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=env)
        try:
            wait_built(outputs, 0, 300)
            found = []
            for n in range(runs + 1):
                time.sleep(PAUSE)
                before = max(mtimes(outputs))
                new = text.replace(old, old[:2] + EDITS[n % len(EDITS)] + old[3:])
                saved = time.perf_counter()
                path.write_text(new if new != path.read_text("utf-8") else text, "utf-8")
                latency = wait_built(outputs, before, 120) - saved
                if n:
                    found.append(latency)
                    report(n, latency)
        finally:
            watcher.terminate()
            watcher.wait(10)
    return found
