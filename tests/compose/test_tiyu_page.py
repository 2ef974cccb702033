"""A 文体 page of foreign copy built as a user builds it (tests/fixtures/tiyu: Michael
Johnson, 98-95, 3:1, 2:30:00, 42.195km, 30km/h, 5G+, COVID-19, Wi-Fi 7, URLs and e-mail
addresses in legs of 13 characters), read back from its PDF: every Latin run and number
reads back unchanged, whatever line it was broken across, and the body stays clean."""
from __future__ import annotations

import re

import pytest

from layout.compose.types import SOFT_HYPHEN
from layout.preflight.typography import measure_typography
from tests.conftest import REPO

TIYU = REPO / "tests" / "fixtures" / "tiyu"
_RUN = re.compile(r"[!-~\u00c0-\u024f]+(?: [!-~\u00c0-\u024f]+)*")


@pytest.fixture(scope="module")
def page(shared_build):
    made = shared_build(TIYU, ("pdf",))
    return measure_typography(made.report.outputs["pdf"])


def source_runs() -> set[str]:
    """Every run of Latin letters, digits and ASCII marks in the copy (a name, a score, a
    URL), spaces between words included."""
    runs = set()
    for path in sorted((TIYU / "articles").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        runs.update(m.group() for m in _RUN.finditer(body) if len(m.group()) > 1)
    return runs


def test_every_name_number_url_and_address_reads_back_unchanged(page):
    """Joined across its lines, without the soft hyphens a hyphenated word ends a line
    with and the word spaces a PDF leaves undrawn, each run is found as written:
    nothing inserted (a hyphen into an address), dropped or reordered."""
    text = page.text.replace(SOFT_HYPHEN, "").replace(" ", "")
    runs = source_runs()
    assert {"98-95", "3:1", "COVID-19", "https://marathon.tiedong.gov.cn/signup",
            "tdmarathon@126.com", "www.tdsports.cn/ticket", "30km/h", "Michael Johnson",
            "Carlos Fernández-García", "2:30:00"} <= runs
    missing = sorted(run for run in runs if run.replace(" ", "") not in text)
    assert not missing, missing


def test_the_foreign_copy_sets_clean_with_few_loose_lines(page):
    """No kinsoku, split number or word, ragged line or 孤字; loose lines (median Han gap
    over 0.12 em): 5 of 141 (3.5 %), as on main before compounds broke after their hyphen
    and Latin letters took a share of the spacing — the 5 left are lines before an
    unbreakable run (因COVID-19, 2027年4月16日, （42.195km）) in a 13-character leg; 2 word
    pairs continued at a space (The Blue | Danube), 4 on main."""
    assert (page.kinsoku_start, page.kinsoku_end, page.splits, page.ragged_lines,
            page.lone_char_lines) == (0, 0, 0, 0, 0), dict(page.examples)
    assert page.loose_lines <= 5, page.examples["loose_lines"]
    assert page.latin_continued <= 3, page.examples["latin_continued"]
