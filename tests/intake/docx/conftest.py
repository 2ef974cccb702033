"""Fixtures for the DOCX import tests: the sample's DOCX (built once), a copy of the issue."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.intake.docx.helpers import export


@pytest.fixture(scope="session")
def exported(sample_dir, tmp_path_factory) -> Path:
    """The sample's DOCX, built once."""
    return export(sample_dir, tmp_path_factory.mktemp("export") / "sample.docx")


@pytest.fixture
def issue_dir(sample_dir, tmp_path) -> Path:
    folder = tmp_path / "issue"
    shutil.copytree(sample_dir, folder)
    return folder
