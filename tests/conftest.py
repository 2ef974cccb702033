"""Shared fixtures: the repository, the sample issue and the seed text (all inside the repository)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# `make test` draws the same examples on every run, so a green run is repeatable and
# CI never fails by chance; LAYOUT_HYPOTHESIS_EXPLORE=1 draws new ones (a search for bugs).
settings.register_profile("repeatable", derandomize=True)
settings.load_profile("default" if os.environ.get("LAYOUT_HYPOTHESIS_EXPLORE") else "repeatable")

# Users get Chinese unless they ask for English; the tests assert the English msgids
# (the catalog is checked whole in tests/test_i18n.py, which also runs the default).
os.environ["LAYOUT_LANG"] = "en"

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SAMPLE = REPO / "issues" / "sample"
SEED = FIXTURES / "seed" / "tiedong-community-page.txt"
HANZI_8105 = FIXTURES / "data" / "tongyong-guifan-hanzi-8105.txt"


def han(text: str):
    import collections

    return collections.Counter(c for c in text if 0x3400 <= ord(c) <= 0x9FFF
                               or 0x20000 <= ord(c) <= 0x3FFFF)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session (tests/export/epub/browser.py),
    shared by the EPUB and web tests. Take this fixture; never open a second
    `chromium()` in a test: Playwright's sync API cannot start inside another one that is
    still open in the process (a test that did so failed or passed by the order the
    modules ran in)."""
    from tests.export.epub.browser import chromium

    with chromium() as found:
        yield found


# ---------------------------------------------------------------------------------------
# Shared builds: one build per (edition, formats) for the whole session.
#
# Building an edition costs 2–15 s, and many modules only READ what a build wrote. Such a
# module asks `shared_build(EDITION_DIR, formats)` instead of calling `pipeline.build` in a
# fixture of its own: the first test to ask builds the edition (in-process, default
# options but `formats` and a temporary `out_dir`), every later test of any module gets the
# same `SharedBuild` (its `report`, `out` folder and the `warnings` the build printed).
#
#     @pytest.fixture(scope="module")
#     def built(shared_build):
#         return shared_build(EDITIONS / "weekly4", ("pdf",))
#
# - Treat the outputs as read-only. A test that edits, deletes or rebuilds into the output
#   folder copies it first (`shutil.copytree(built.out, tmp_path / "out")`), or builds its
#   own edition: a shared build changed by one test is a wrong input to all the others.
# - `formats=None` is the default set (`layout build` with no --format).
# - Tests ABOUT building (options, caches, staging, failures, the CLI's exit codes) build
#   for themselves; the shared builds are for tests that judge a finished edition.
# - `make test` runs the suite in worker processes (pytest-xdist, whole files per worker):
#   the session is per worker, so a shared build is made at most once in each worker.
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SharedBuild:
    report: object          # layout.pipeline.BuildReport
    out: Path               # the output folder
    warnings: tuple[str, ...]


@pytest.fixture(scope="session")
def shared_build(tmp_path_factory):
    """`shared_build(edition_dir, formats=None)` → the session's one `SharedBuild` of it."""
    from layout.errors import Diagnostics
    from layout.options import BuildOptions
    from layout.pipeline import build

    builds: dict[tuple, SharedBuild] = {}

    def get(edition: Path, formats: tuple[str, ...] | None = None) -> SharedBuild:
        key = (Path(edition).resolve(), tuple(formats) if formats else None)
        if key not in builds:
            out = tmp_path_factory.mktemp(f"shared-{Path(edition).name}")
            options = BuildOptions(out_dir=out, **({"formats": key[1]} if formats else {}))
            diag = Diagnostics()
            report = build(Path(edition), options, diag)
            builds[key] = SharedBuild(report, out, tuple(w.message for w in diag.warnings))
        return builds[key]

    return get
