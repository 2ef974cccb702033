"""Helpers of the web edition's tests: build editions through the pipeline, place them
independently, and read a built web edition in Chromium from `file://`.

A module of its own (not conftest) so tests can import it by a name no other
test folder uses.
"""
from __future__ import annotations

import collections
import os
from dataclasses import dataclass
from pathlib import Path

from layout.errors import Diagnostics
from layout.fonts import issue_fonts
from layout.manifest import load_issue
from layout.model import Issue
from layout.model.placed import PlacedIssue
from layout.options import BuildOptions
from layout.pages import place_issue
from layout.pipeline import BuildReport, build

REPO = Path(__file__).resolve().parents[3]
SAMPLE = REPO / "issues" / "sample"
EDITIONS = REPO / "tests" / "fixtures" / "editions"
WEEKLY4 = EDITIONS / "weekly4"
JUMP2 = EDITIONS / "jump2"     # a story jumped from page 1 to page 2 (转版)
ARTEFACTS = Path(os.environ.get("LAYOUT_ARTEFACTS", REPO / "output" / "test-artefacts")) / "web"
PHONE = {"width": 375, "height": 812}


@dataclass
class Edition:
    """A built web edition, with the issue and its placement (made apart from the build)."""

    issue_dir: Path
    issue: Issue
    placed: PlacedIssue
    folder: Path
    report: BuildReport

    def url(self, name: str = "index.html") -> str:
        return (self.folder / name).as_uri()


def build_web(issue_dir: Path, out: Path, site: Path | None = None,
              formats: tuple[str, ...] = ("web",)) -> Edition:
    report = build(issue_dir, BuildOptions(formats=formats, out_dir=out, site=site), Diagnostics())
    issue = load_issue(issue_dir, Diagnostics())
    placed = place_issue(issue, issue_fonts(issue), BuildOptions()).placed
    return Edition(issue_dir, issue, placed, report.outputs["web"], report)


def chars(text: str) -> collections.Counter:
    """Every character that must survive: all but whitespace."""
    return collections.Counter(c for c in text if not c.isspace())


class Visit:
    """A phone-sized tab on `file://`: records console errors, uncaught exceptions and
    every request, and refuses any request that would leave `root`."""

    def __init__(self, browser, root: Path):
        self.root = root.resolve().as_uri() + "/"
        self.context = browser.new_context(viewport=PHONE, device_scale_factor=2,
                                           has_touch=True, is_mobile=True)
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if not url.startswith(self.root):
            self.outside.append(url)
            return route.abort()
        return route.continue_()

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.settle()

    def settle(self) -> None:
        self.page.wait_for_load_state("load")
        self.page.evaluate("document.fonts.ready.then(() => true)")

    def scroll_width(self) -> tuple[int, int]:
        return self.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")

    def close(self) -> None:
        self.context.close()
