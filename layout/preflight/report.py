"""Findings and reports shared by the PDF checks (pdfcheck, images, typography).

A `Finding` is one line of a check: its level (PASS, WARN or FAIL), its topic and its
message; a `Report` collects them under a title and prints the verdict. Kept apart so
that every check module imports it and none imports another to reach it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from layout.i18n import _

PASS, WARN, FAIL = "ok", "warning", "FAIL"


@dataclass(frozen=True, slots=True)
class Finding:
    level: str      # PASS, WARN or FAIL
    topic: str
    message: str


@dataclass(slots=True)
class Report:
    """Findings under a title; `verdict` is (all clear, "{n} problem(s)"), counting
    failures, and warnings too when `strict`."""

    path: Path
    findings: list[Finding] = field(default_factory=list)
    title: str = ""
    verdict: tuple[str, str] = ()
    strict: bool = False
    readable: bool = True      # False: the file could not be opened as a PDF
    safe: bool = True          # False: a stream is over the decoding limits (preflight.limits)
    pdfx: str = ""             # the PDF/X version claimed
    text_load: list[tuple[int, int]] = field(default_factory=list)   # per page: text bytes, runs

    def add(self, level: str, topic: str, message: str) -> None:
        self.findings.append(Finding(level, topic, message))

    @property
    def ok(self) -> bool:
        return all(f.level != FAIL for f in self.findings)

    def failures(self) -> list[Finding]:
        return [f for f in self.findings if f.level == FAIL]

    def text(self) -> str:
        mark = {PASS: "  ok  ", WARN: " warn ", FAIL: " FAIL "}
        lines = [self.title or _("Preflight of {path}").format(path=self.path)]
        lines += [f"[{mark[f.level]}] {f.topic:<10} {f.message}" for f in self.findings]
        counted = [f for f in self.findings if f.level == FAIL or (self.strict and f.level == WARN)]
        good, bad = self.verdict or (_("PASSED: ready for the plant"),
                                     _("FAILED: {n} problem(s) the plant would reject"))
        lines.append(bad.format(n=len(counted)) if counted else good)
        return "\n".join(lines)
