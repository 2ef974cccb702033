"""Shared fixtures: the repository, the sample issue, the seed text and shared tools."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LAYOUT_SHARED", REPO.parent / "shared"))
SAMPLE = REPO / "issues" / "sample"
SEED = SHARED / "seed" / "tiedong-community-page.txt"


def han(text: str):
    import collections

    return collections.Counter(c for c in text if 0x3400 <= ord(c) <= 0x9FFF
                               or 0x20000 <= ord(c) <= 0x3FFFF)


@pytest.fixture(scope="session")
def seed_text() -> str:
    assert SEED.exists(), f"the seed page is expected at {SEED} (set LAYOUT_SHARED)"
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE
