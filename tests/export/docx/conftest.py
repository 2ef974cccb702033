"""Fixtures for the DOCX exporter tests: the sample issue and its DOCX, built once."""
from __future__ import annotations

from pathlib import Path

import pytest

from layout.errors import Diagnostics
from layout.export import ExportJob
from layout.manifest import load_issue
from layout.options import BuildOptions


def build_docx(issue, target: Path, **options) -> str:
    from layout.export.docx import write_docx

    return write_docx(ExportJob(issue, None, BuildOptions(**options), Diagnostics()), target)


@pytest.fixture(scope="session")
def build():
    """`build(issue, target, **options)` writes a DOCX and returns its summary."""
    return build_docx


@pytest.fixture(scope="session")
def sample_issue(sample_dir):
    return load_issue(sample_dir, Diagnostics())


@pytest.fixture(scope="session")
def sample_docx(sample_issue, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("docx") / "sample.docx"
    build_docx(sample_issue, target)
    return target


@pytest.fixture(scope="session")
def pages_docx(sample_issue, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("docx-pages") / "sample-pages.docx"
    build_docx(sample_issue, target, docx_layout="pages")
    return target
