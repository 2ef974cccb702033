"""Crafted files: every one refused with one line naming the limit, nothing written, bounded memory.

The files are built by tests/intake/docx/hostile.py (zip bombs, lying sizes, a
200 MB document.xml, floods of paragraphs, characters and bookmarks, 60,000
members, overlapping members, XXE, billion laughs, deep nesting, damaged
zips). `python -m tests.intake.docx.hostile` prints each one's time and
memory in a fresh process.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.intake.docx.helpers import cli_import, export, state
from tests.intake.docx.hostile import HOSTILE, LAUNCH

LIMIT_NAMED = {
    "bomb": "word/document.xml is 1,536.0 MB, over the limit of 256.0 MB",
    "lying-size": "word/document.xml cannot be read from the DOCX (Bad CRC-32",
    "huge-document": "word/document.xml is 199.8 MB, over the limit of 32.0 MB",
    "paragraph-flood": "more than 50000 paragraphs",
    "one-huge-paragraph": "more than 2000000 characters of text",
    "bookmark-flood": "more bookmarks than an edition needs (limit 100000)",
    "open-bookmarks": "more bookmarks than an edition needs",
    "element-flood": "more than 1500000 XML elements",
    "many-members": "the number of parts is 60014, over the limit of 1000",
    "overlapping": "word/media/kernel.bin is 1010× its stored size, over the limit of 100×",
    "ratio": "word/media/image9.png is 1011× its stored size, over the limit of 100×",
    "huge-styles": "word/styles.xml is 39.7 MB, over the limit of 8.0 MB",
    "xxe": "word/document.xml declares a DTD (entities)",
    "billion-laughs": "word/document.xml declares a DTD (entities)",
    "deep-nesting": "nests its elements more than 256 deep",
    "truncated": "not a readable DOCX",
    "not-a-zip": "not a readable DOCX",
}
PEAK_MB = 300


@pytest.fixture(scope="session")
def hostile_files(sample_dir, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("hostile")
    base = export(sample_dir, folder / "base.docx")
    return {name: build(base, folder / f"{name}.docx") for name, build in HOSTILE.items()}


def test_every_hostile_file_has_its_expected_message():
    assert set(LIMIT_NAMED) == set(HOSTILE)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_gets_one_line_and_changes_nothing(hostile_files, issue_dir, name):
    before = state(issue_dir)
    result = cli_import(hostile_files[name], issue_dir)
    assert result.code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("layout: error: "), result.stderr
    assert f"{name}.docx: " in lines[0] and LIMIT_NAMED[name] in lines[0], lines[0]
    assert state(issue_dir) == before


ALL_IN_ONE = """
import json, sys
from layout.cli import app
codes = {}
for name, path in json.loads(sys.argv[1]).items():
    try:
        app(["import", path, "--issue", sys.argv[2]])
    except SystemExit as exc:
        codes[name] = exc.code
print(json.dumps(codes))
"""


def test_peak_memory_stays_under_300_mb_on_every_hostile_file(hostile_files, issue_dir):
    """All the files imported one after another in one fresh process: its peak memory
    (getrusage of a child process) is the largest any of them needed."""
    paths = json.dumps({name: str(path) for name, path in hostile_files.items()})
    launched = subprocess.run([sys.executable, "-c", LAUNCH, ALL_IN_ONE, paths, str(issue_dir)],
                              capture_output=True, text=True, timeout=600)
    figures = json.loads(launched.stdout)
    codes = json.loads(figures["stdout"].strip().splitlines()[-1])
    assert codes == {name: 1 for name in HOSTILE}, figures["stderr"]
    assert figures["peak_mb"] < PEAK_MB, figures
