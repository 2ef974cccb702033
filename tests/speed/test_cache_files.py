"""The EPUB's markup keeps the word bounds of an article's headlines and phrases (where a
phone may break them) in one cache file per article, not one small file per text it
segments (4 pages of new text wrote 59 such files for 28 articles)."""
from __future__ import annotations

from layout import pipeline
from layout.compose.words import word_bounds
from layout.errors import Diagnostics
from layout.manifest import load_issue
from layout.options import BuildOptions
from tests.conftest import SAMPLE


def test_an_epub_of_new_text_writes_one_words_file_per_article(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    word_bounds.cache_clear()        # as in a new process: no text segmented yet
    pipeline.build(SAMPLE, BuildOptions(out_dir=tmp_path / "out", formats=("epub",)),
                   Diagnostics())
    names = [p.name for p in (tmp_path / "cache" / "layout").iterdir()]
    articles = len(load_issue(SAMPLE, Diagnostics()).articles())
    assert not [n for n in names if n.startswith("words-")]
    assert 0 < len([n for n in names if n.startswith("artwords-")]) <= articles
