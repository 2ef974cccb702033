"""Composer speed: every body paragraph of an issue set at the house column,
timed per breaker, reported in characters per second.

    python -m layout.compose.bench issues/sample [tests/fixtures/stress …]

`make bench` can call `bench_issue` and print its lines.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from layout.compose.check import line_problems, loose_lines
from layout.compose.paragraph import set_paragraph
from layout.compose.types import ParagraphSpec, Span
from layout.errors import Diagnostics


def _paragraphs(issue):
    body = issue.style.role("body")
    dateline = issue.style.role("dateline")
    for article in issue.articles():
        for n, par in enumerate(article.paragraphs):
            spans = (Span(par.text, body.face, body.size),)
            if n == 0 and article.dateline:
                spans = (Span(article.dateline, dateline.face, dateline.size),) + spans
            yield spans


def bench_issue(issue_dir: Path, repeat: int = 5) -> list[str]:
    """One report line per breaker: chars/s (median of `repeat` runs), lines, problems."""
    from layout.fonts import issue_fonts
    from layout.manifest import load_issue

    issue = load_issue(Path(issue_dir), Diagnostics())
    fonts = issue_fonts(issue)
    pars = list(_paragraphs(issue))
    chars = sum(len(s.text) for spans in pars for s in spans)
    out = []
    for breaker in ("total-fit", "first-fit"):
        spec = ParagraphSpec(issue.style.column_width, breaker=breaker,
                             punctuation=issue.style.punctuation)
        composed = [set_paragraph(spans, spec, fonts) for spans in pars]  # warm caches
        times = []
        for _ in range(repeat):
            clock = time.perf_counter()
            composed = [set_paragraph(spans, spec, fonts) for spans in pars]
            times.append(time.perf_counter() - clock)
        median = sorted(times)[len(times) // 2]
        lines = sum(len(p.lines) for p in composed)
        problems = sum(len(line_problems(p, spec.measure)) for p in composed)
        loose = sum(loose_lines(p, issue.style.body_size) for p in composed)
        out.append(f"compose {breaker:9} {Path(issue_dir).name}: {chars / median:,.0f} chars/s "
                   f"({chars} chars, {lines} lines, {problems} rule problems, {loose} loose lines)")
    return out


def main(argv: list[str]) -> int:
    for folder in argv or ["issues/sample"]:
        for line in bench_issue(Path(folder)):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
