"""Shared fixtures: the repository, the sample issue and the seed text (all inside the repository)."""
from __future__ import annotations

from pathlib import Path

import pytest

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
