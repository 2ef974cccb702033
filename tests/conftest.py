"""Shared fixtures: the repository, the sample issue and the seed text (all inside the repository)."""
from __future__ import annotations

import os
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
