"""Fixtures of the EPUB tests: the sample edition built once per session.

Builds are shared across the tests (each takes a few seconds with fonts);
EPUBCheck starts a JVM, so it runs once per build variant.
"""
from __future__ import annotations

import pytest
from tests.export.epub.epub_helpers import WEEKLY4, Epub, build

from layout.manifest import load_issue


@pytest.fixture(scope="session")
def sample_issue(sample_dir):
    return load_issue(sample_dir)


@pytest.fixture(scope="session")
def epub(tmp_path_factory) -> Epub:
    """The sample edition with default options (as `layout build` writes it)."""
    return build(tmp_path_factory.mktemp("epub") / "sample.epub")


@pytest.fixture(scope="session")
def epub_plain(tmp_path_factory) -> Epub:
    """The sample edition without embedded fonts (`--no-epub-fonts`)."""
    return build(tmp_path_factory.mktemp("epub-plain") / "sample.epub", epub_fonts=False)


@pytest.fixture(scope="session")
def epub_weekly4(tmp_path_factory) -> Epub:
    """The 4-page test edition (tests/fixtures/editions/weekly4), fonts embedded."""
    return build(tmp_path_factory.mktemp("epub-weekly4") / "weekly4.epub", WEEKLY4)
