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


@pytest.fixture(scope="module")
def built_proof(tmp_path_factory):
    out = tmp_path_factory.mktemp("overfull") / "proof"
    outcome = run("build", OVERFULL, "-o", out, "--format", "pdf", "--allow-overflow", "--proof")
    assert outcome.code == 0, outcome.stderr
    fits = {a["id"]: a for a in json.loads((out / "copyfit.json").read_text("utf-8"))["articles"]}
    return outcome, fits, out / "overfull.pdf"


def test_a_proof_counts_every_lost_character_against_its_own_article(built_proof):
    outcome, fits, _ = built_proof
    over = {aid: a["over"] for aid, a in fits.items() if a["over"]}
    assert over and all(a["chars"] == a["set"] + a["over"] for a in fits.values())
    lost = {aid: int(n) for aid, n in
            re.findall(r"article (\S+) lost (\d+) characters", " ".join(outcome.warnings))}
    assert set(lost) == set(over), "every over-set article named, none that is whole"
    for aid, chars in over.items():   # read back from the PDF: at least what copyfit counts
        assert chars <= lost[aid] <= fits[aid]["chars"], aid


def test_a_proof_marks_each_overset_point(built_proof):
    import pymupdf

    _, fits, pdf = built_proof
    with pymupdf.open(pdf) as doc:
        text = doc[0].get_text().replace("\n", "")
    for a in fits.values():
        if a["over"]:
            assert f"超{a['over']}字" in text, a["id"]


def test_the_cuts_fall_on_the_tail_not_the_lead(built_proof):
    """A page editor keeps the lead and the top stories whole and cuts the least important:
    the over-set articles are the last of the manifest's order, none before a whole one
    (on main the lead, ditie, was a one-row stub marked 超1894字 while the page's last
    short items stood whole)."""
    _, fits, _ = built_proof
    order = [a["id"] for a in fits.values()]   # the page's order: the manifest's
    cut = [aid for aid in order if fits[aid]["over"]]
    assert cut, "three pages of copy for one: something is cut"
    assert cut == order[len(order) - len(cut):], f"a story cut before a whole one: {cut}"
    assert fits[order[0]]["over"] == 0 and fits[order[1]]["over"] == 0, "the lead and the second"
    first_cut = fits[cut[0]]
    assert 0 < first_cut["set"], "the first story cut keeps its start on the page"
