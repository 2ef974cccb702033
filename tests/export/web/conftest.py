"""Fixtures of the web edition's tests: editions built once per session, one Chromium (the
session's `browser`, tests/conftest.py).

The sample is built alone into `OUT/web/`; the sample and the 4-page test edition
are also published into one `--site` archive (two dates, two months' calendar
entries, a search over both). Chromium is Debian's (`/usr/bin/chromium`, set up by
`make test`), driven by Playwright; never a downloaded browser.
"""
from __future__ import annotations

import pytest
from tests.export.web.web_helpers import JUMP2, SAMPLE, WEEKLY4, build_web


@pytest.fixture(scope="session")
def sample_web(tmp_path_factory):
    """The sample's web edition in OUT/web/, as `layout build --format web` writes it."""
    return build_web(SAMPLE, tmp_path_factory.mktemp("web-sample"))


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """An archive of two editions: the sample (2025-06-18) and weekly4 (2025-07-03)."""
    root = tmp_path_factory.mktemp("web-site") / "site"
    out = root.parent / "out"
    first = build_web(SAMPLE, out / "sample", site=root)
    second = build_web(WEEKLY4, out / "weekly4", site=root)
    return root, first, second


@pytest.fixture(scope="session")
def jump_web(tmp_path_factory):
    """jump2's web edition: one story's blocks on pages 1 and 2."""
    return build_web(JUMP2, tmp_path_factory.mktemp("web-jump2"))
