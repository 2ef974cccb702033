"""`layout watch`: rebuild the edition whenever one of its files changes.

A page editor keeps it running while copy comes in. Changes arrive as
file-system events (watchdog: inotify on Linux, FSEvents on macOS,
ReadDirectoryChangesW on Windows), not by polling, so a rebuild starts as
soon as a file is saved: a burst of events (an editor writing a temporary
file and renaming it) is gathered for `SETTLE` seconds, and the build runs
only when the snapshot of the files it reads (name, size, modification and
change times, inode) differs from the last build's. The process keeps its
imports, faces and composed paragraphs, and the pages it placed: a page
whose inputs are as they were is not placed again (`layout.pages.kept`), so
an edit to one story places its page only; each build says which pages it
placed (`pages_line`); the PDF's loss check reads again only the pages whose
content or fonts differ from the last PDF's (`preflight.pdftext.remember_pages`),
and a font subset the PDF embedded before is embedded as made then
(`export.pdf.facecache.keep_subsets`).
The outputs are replaced together, only after every
one was written and checked (`layout.staging`): a failed build leaves the
last good edition in place.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Callable

from layout.errors import Diagnostics, LayoutError
from layout.i18n import _
from layout.options import BuildOptions

Snapshot = tuple[tuple[str, int, int, int, int], ...]
SETTLE = 0.01       # seconds: events closer than this are one change
WAKE = 0.5          # seconds between checks of keep_going() while nothing happens
# what an EPUB or web edition imports when an edit brings a character its embedded
# subsets lack (a new WOFF2 subset; the 楷's halt is compiled by feaLib: ~0.45 s to import)
FONT_MAKING = ("fontTools.ttLib", "fontTools.ttLib.woff2", "fontTools.feaLib.builder", "brotli",
               "uharfbuzz")


def snapshot(issue_dir: Path) -> Snapshot:
    """Name, size, modification and change times and inode of every file the build reads
    (a file copied over another with `cp -p` keeps size and mtime, never ctime)."""
    files = [issue_dir / "issue.yaml", *sorted((issue_dir / "articles").glob("*.md")),
             *sorted((issue_dir / "photos").glob("*"))]
    out = []
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        out.append((str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return tuple(out)


class Changes:
    """A flag the file-system observer raises on any event under the issue folder."""

    def __init__(self, folder: Path):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        self.flag = threading.Event()
        flag = self.flag

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.event_type not in ("opened", "closed_no_write"):
                    flag.set()

        self.observer = Observer()
        self.observer.schedule(Handler(), str(folder), recursive=True)
        self.observer.daemon = True
        self.observer.start()

    def wait(self, timeout: float) -> bool:
        """Whether something changed within `timeout` seconds (then the burst is gathered)."""
        if not self.flag.wait(timeout):
            return False
        time.sleep(SETTLE)
        self.flag.clear()
        return True

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=2)


def preload(options: BuildOptions) -> None:
    """Import every format's writer and reader once: each build forks the processes that
    write the DOCX, EPUB and web edition, which would otherwise import python-docx, lxml,
    the EPUB modules — and fontTools whenever an edit brings a new character — again
    every time (a one-off `layout build` imports them only there)."""
    import importlib

    from layout.export import REGISTRY

    for name in options.formats:
        REGISTRY[name].load()
    for module, formats in (("layout.intake.docx", ("docx",)), ("layout.export.epub.plan", ("epub",)),
                            ("layout.preflight.fidelity", options.formats),
                            *((m, ("epub", "web")) for m in FONT_MAKING)):
        if any(f in options.formats for f in formats):
            importlib.import_module(module)


def pages_line(result) -> str:
    """Which pages a build placed anew and which it kept as placed before ("" when it
    drew no pages, or replayed a stored build)."""
    if not result.pages:
        return ""
    anew = set(result.placed_anew)
    kept = [n for n in result.pages if n not in anew]
    comma = _(", ")
    if not kept:
        return _("pages placed: {pages}").format(pages=comma.join(str(n) for n in result.pages))
    if not anew:
        return _("no page placed anew; kept as placed before: {kept}").format(
            kept=comma.join(str(n) for n in kept))
    return _("pages placed: {anew}; kept as placed before: {kept}").format(
        anew=comma.join(str(n) for n in result.pages if n in anew),
        kept=comma.join(str(n) for n in kept))


def watch(issue_dir: Path, options: BuildOptions,
          report: Callable[[object, Diagnostics, float], None],
          fail: Callable[[LayoutError, Diagnostics], None], *,
          wake: float = WAKE, keep_going: Callable[[], bool] = lambda: True) -> int:
    """Build now and after every change; returns the number of builds run."""
    from layout.pages import kept
    from layout.pipeline import build
    from layout.preflight.pdftext import remember_pages

    issue_dir, seen, builds = Path(issue_dir), None, 0
    preload(options)
    kept.enable()
    remember_pages()
    subsets = _keep_subsets(options)
    subsets(True)
    changes = Changes(issue_dir)
    try:
        woke = True
        while keep_going():
            current = snapshot(issue_dir) if woke else seen
            if current != seen:
                seen, builds = current, builds + 1
                diag = Diagnostics()
                start = time.perf_counter()
                try:
                    result = build(issue_dir, options, diag)
                except LayoutError as exc:
                    fail(exc, diag)
                else:
                    report(result, diag, time.perf_counter() - start)
            woke = changes.wait(wake)
    finally:
        changes.stop()
        kept.enable(False)
        kept.forget()
        remember_pages(False)
        subsets(False)
    return builds


def _keep_subsets(options: BuildOptions) -> Callable[[bool], None]:
    """The switch keeping the PDF's font subsets (`keep_subsets`), where a format draws."""
    from layout.export import REGISTRY

    if not any(REGISTRY[f].needs_pages for f in options.formats):
        return lambda _on: None
    from layout.export.pdf.facecache import keep_subsets

    return keep_subsets
