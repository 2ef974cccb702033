"""The team's test editions (tests/fixtures/editions/*), found on disk so that every
edition written is in every matrix that runs over them: a new edition cannot be left
out of the make-up, headline or plant checks by a list nobody updated (six and vertical
were missing from the make-up matrix, so six's ad at 199 ppi went unseen)."""
from __future__ import annotations

from pathlib import Path

EDITIONS = Path(__file__).resolve().parent / "fixtures" / "editions"

# Editions whose build fails by design: not in the matrices of built editions.
FAILS_BY_DESIGN = {
    "overfull": "three pages of copy for one page (tests/edition/test_overfull.py)",
}


def team_editions() -> list[str]:
    """Every edition folder with an issue.yaml that builds, by name."""
    return sorted(p.name for p in EDITIONS.iterdir()
                  if (p / "issue.yaml").is_file() and p.name not in FAILS_BY_DESIGN)
