"""document.xml and styles.xml of the sample DOCX against golden files, as parsed XML.

The goldens are pretty-printed so a change reads as a diff. After an intended
change to the exporter or the reference document, regenerate them with

    LAYOUT_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/export/docx/test_docx_golden.py

and review `git diff tests/export/docx/golden/` before committing.
"""
from __future__ import annotations

import difflib
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

GOLDEN = Path(__file__).with_name("golden")
PARTS = ("word/document.xml", "word/styles.xml")


def canonical(xml: bytes) -> str:
    """Parsed, blank text between elements dropped, C14N, then indented for diffing."""
    parser = etree.XMLParser(remove_blank_text=True, remove_comments=True)
    root = etree.fromstring(xml, parser)
    root = etree.fromstring(etree.tostring(root, method="c14n"), parser)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode")


@pytest.mark.parametrize("part", PARTS)
def test_part_matches_golden(sample_docx, part):
    with zipfile.ZipFile(sample_docx) as z:
        actual = canonical(z.read(part))
    golden = GOLDEN / Path(part).name
    if os.environ.get("LAYOUT_UPDATE_GOLDEN"):
        golden.write_text(actual + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden {golden}; run with LAYOUT_UPDATE_GOLDEN=1"
    expected = canonical(golden.read_bytes())
    if actual != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                              "golden", "built", lineterm="", n=2))
        pytest.fail(f"{part} differs from {golden.name}:\n{diff[:4000]}")
