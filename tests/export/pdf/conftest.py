"""Fixtures for the PDF exporter: an ExportJob around the hand-made placed issue."""
from __future__ import annotations

from pathlib import Path

import pytest

from layout.errors import Diagnostics
from layout.export import ExportJob
from layout.manifest import load_issue
from layout.options import BuildOptions
from tests.export.pdf.placed_fixture import REPO, sample_placed


@pytest.fixture(scope="session")
def sample_issue():
    return load_issue(REPO / "issues" / "sample", Diagnostics())


def make_job(issue, placed=None, **options) -> ExportJob:
    return ExportJob(issue, placed or sample_placed(), BuildOptions(formats=("pdf",), **options),
                     Diagnostics())


@pytest.fixture(scope="session")
def print_pdf(sample_issue, tmp_path_factory) -> Path:
    from layout.export.pdf import write_pdf

    target = tmp_path_factory.mktemp("pdf") / "print.pdf"
    write_pdf(make_job(sample_issue), target)
    return target
