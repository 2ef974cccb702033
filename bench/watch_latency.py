"""Saved edit → built edition, as a page editor sees it: `layout watch` runs as its own
process on a copy of an edition; this script edits one article, saves it, and waits
until every output's modification time is past the save (layout/benchwatch.py, which
`make bench` runs too). Prints each latency and the median (and the load average).

Run: python bench/watch_latency.py [ISSUE_DIR] [--runs N] [--format pdf,docx,epub]
     [--article NAME.md] [--old 凉亭虽小]
"""
from __future__ import annotations

import argparse
import os
import statistics

from layout.benchwatch import latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("issue", nargs="?", default="issues/sample")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--format", default="pdf,docx,epub")
    parser.add_argument("--article", default="hengji.md")
    parser.add_argument("--old", default="凉亭虽小")
    args = parser.parse_args()
    found = latencies(args.issue, args.runs, args.format, args.article, args.old,
                      report=lambda n, s: print(f"{n:3d}  {s:.3f} s", flush=True))
    print(f"saved → built median {statistics.median(found):.3f} s over {len(found)} edits "
          f"(min {min(found):.3f}, max {max(found):.3f}); load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
