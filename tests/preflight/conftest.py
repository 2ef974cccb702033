"""A print PDF made by the exporter from the hand-made placed issue, for the preflight tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from layout.errors import Diagnostics


@pytest.fixture(scope="session")
def sample_issue_pdf(tmp_path_factory) -> Path:
    from layout.export.pdf import write_pdf
    from layout.manifest import load_issue
    from tests.export.pdf.conftest import make_job
    from tests.export.pdf.placed_fixture import REPO

    issue = load_issue(REPO / "issues" / "sample", Diagnostics())
    target = tmp_path_factory.mktemp("preflight") / "good.pdf"
    write_pdf(make_job(issue), target)
    return target
