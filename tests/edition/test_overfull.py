"""A page sent three pages of copy (tests/fixtures/editions/overfull: 27 stories, about
10,000 characters with their headlines, for a page that holds about 3,600): the build
fails with one line naming the articles that do not fit and the page's capacity, writes
no PDF; an --allow-overflow proof marks each overset point (超 N 字) and charges every
lost character to its own article, so nothing is lost silently."""
from __future__ import annotations

import json
import re

import pytest

from tests.cli_helpers import run
from tests.team_editions import EDITIONS

OVERFULL = EDITIONS / "overfull"


def test_the_build_fails_naming_what_does_not_fit(tmp_path):
    outcome = run("build", OVERFULL, "-o", tmp_path / "out", "--format", "pdf")
    error = outcome.one_error()
    named = re.findall(r"'([a-z]+)' is over by (\d+) characters", error)
    holds = re.search(r"page 1 holds about (\d+) of the (\d+) characters", error)
    assert named and holds, error
    capacity, total = map(int, holds.groups())
    assert total >= 2.5 * capacity, "three pages of copy for one"
    assert sum(int(n) for _, n in named) >= total - capacity - 200
    assert not (tmp_path / "out" / "overfull.pdf").exists()


def proof(tmp_path):
    out = tmp_path / "proof"
    outcome = run("build", OVERFULL, "-o", out, "--format", "pdf", "--allow-overflow", "--proof")
    assert outcome.code == 0, outcome.stderr
    fits = {a["id"]: a for a in json.loads((out / "copyfit.json").read_text("utf-8"))["articles"]}
    return outcome, fits, out / "overfull.pdf"


def test_a_proof_counts_every_lost_character_against_its_own_article(tmp_path):
    outcome, fits, _ = proof(tmp_path)
    over = {aid: a["over"] for aid, a in fits.items() if a["over"]}
    assert over and all(a["chars"] == a["set"] + a["over"] for a in fits.values())
    lost = {aid: int(n) for aid, n in
            re.findall(r"article (\S+) lost (\d+) characters", " ".join(outcome.warnings))}
    assert set(lost) == set(over), "every over-set article named, none that is whole"
    for aid, chars in over.items():   # read back from the PDF: at least what copyfit counts
        assert chars <= lost[aid] <= fits[aid]["chars"], aid


@pytest.mark.xfail(strict=True, reason="page make-up (issue 11, routed in FINDINGS): an "
                   "article cut after a few characters (xiaofei: 5 set, 超425) gets no 超 marker; "
                   "only articles with nothing set are marked")
def test_a_proof_marks_each_overset_point(tmp_path):
    import pymupdf

    _, fits, pdf = proof(tmp_path)
    with pymupdf.open(pdf) as doc:
        text = doc[0].get_text().replace("\n", "")
    for a in fits.values():
        if a["over"]:
            assert f"超{a['over']}字" in text, a["id"]
