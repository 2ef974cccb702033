"""The faster paths lay out the same pages: every glyph where it was, the same text.

The stored dumps (tests/speed/golden/, see golden.py) were made by the build
before the speed work of issue 14; each edition is built here with an empty
cache and again with a warm one, and each build must match its dump exactly:
every placed item, every glyph the PDF draws (read back from the file), the
copy fit, and each article's text in the DOCX and the EPUB.
"""
from __future__ import annotations


import pytest

from tests.conftest import FIXTURES, SAMPLE
from tests.speed import golden

EDITIONS = {"sample": SAMPLE, "weekly4": FIXTURES / "editions" / "weekly4"}


def _check(name: str, data: dict) -> None:
    stored = golden.read(name)
    for dump in (stored, data):
        dump["pdf"] = golden.glyphs_by_page(dump["pdf"])
    found = golden.first_difference(stored, data, name)
    assert found is None, (f"the build no longer lays out {name} as before: {found} "
                           "(if the change means to move glyphs, run `make golden`)")


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_same_pages_from_an_empty_and_a_warm_cache(name, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _check(name, golden.dump(EDITIONS[name], tmp_path / "cold"))
    _check(name, golden.dump(EDITIONS[name], tmp_path / "warm"))


def test_the_typst_page_of_make_bench_sets_the_same_text(tmp_path):
    """bench/sample.typ over the sample's copy prints every character of every article
    (the comparison in `make bench` is of the same work)."""
    typst = pytest.importorskip("typst")
    import collections

    import pymupdf

    from layout.benchedition import write_typst_data
    from layout.benchrun import TYPST_FILE
    from layout.errors import Diagnostics
    from layout.manifest import load_issue
    from layout.style import FONT_DIR

    data = write_typst_data(SAMPLE, tmp_path / "sample.json")
    out = tmp_path / "typst.pdf"
    typst.compile(str(TYPST_FILE), output=str(out), root="/", font_paths=[str(FONT_DIR)],
                  ignore_system_fonts=True, sys_inputs={"data": str(data)})
    with pymupdf.open(out) as doc:
        printed = collections.Counter(c for page in doc for c in page.get_text() if not c.isspace())
        fonts = {f[3] for page in doc for f in page.get_fonts()}
    issue = load_issue(SAMPLE, Diagnostics())
    wanted = collections.Counter(c for a in issue.articles() for c in a.all_text() if not c.isspace())
    assert not wanted - printed
    assert any(f.endswith("+NotoSerifCJKsc-Regular") for f in fonts)   # the body face
