"""Saved edit → built edition, as a page editor sees it: `layout watch` runs as its own
process on a copy of an edition; this script edits one article, saves it, and waits
until every output's modification time is past the save. Prints each latency and the
median (and the load average beside it).

Run: python bench/watch_latency.py [ISSUE_DIR] [--runs N] [--format pdf,docx,epub]
     [--article NAME.md] [--old 凉亭虽小]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EDITS = "大新美好多高老长远深广厚宽强明亮静雅清秀"   # 凉亭虽小 → 凉亭大小 …: one paragraph new each time
OUTPUTS = {"pdf": "{name}.pdf", "docx": "{name}.docx", "epub": "{name}.epub"}


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
    raise SystemExit(f"no build within {limit} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("issue", nargs="?", default="issues/sample")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--format", default="pdf,docx,epub")
    parser.add_argument("--article", default="hengji.md")
    parser.add_argument("--old", default="凉亭虽小")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="watch-latency-") as tmp:
        folder = Path(tmp) / Path(args.issue).resolve().name
        shutil.copytree(args.issue, folder)
        out = Path(tmp) / "out"
        outputs = [out / OUTPUTS[f].format(name=folder.name) for f in args.format.split(",")]
        article = folder / "articles" / args.article
        text = article.read_text("utf-8")
        if args.old not in text:
            raise SystemExit(f"{args.old} is not in {article.name}")
        watcher = subprocess.Popen([sys.executable, "-m", "layout", "watch", str(folder), "-o", str(out),
                                    "-f", args.format], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        try:
            wait_built(outputs, 0, 300)
            latencies = []
            for n in range(args.runs + 1):       # the first edit warms the process; not counted
                time.sleep(0.5)
                before = max(mtimes(outputs))
                new = text.replace(args.old, args.old[:2] + EDITS[n % len(EDITS)] + args.old[3:])
                saved = time.perf_counter()
                article.write_text(new if new != article.read_text("utf-8") else text, "utf-8")
                latency = wait_built(outputs, before, 120) - saved
                if n:
                    latencies.append(latency)
                    print(f"{n:3d}  {latency:.3f} s", flush=True)
        finally:
            watcher.terminate()
            watcher.wait(10)
    print(f"saved → built median {statistics.median(latencies):.3f} s over {len(latencies)} edits "
          f"(min {min(latencies):.3f}, max {max(latencies):.3f}); load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
