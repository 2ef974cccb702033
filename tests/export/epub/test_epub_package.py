"""The EPUB as a file: valid under EPUBCheck 5, small, reproducible, a proper OCF ZIP."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tests.export.epub.epub_helpers import NS, SAMPLE, build, run_epubcheck

REPO = SAMPLE.parents[1]

MAX_BYTES = 3 * 1024 * 1024


@pytest.mark.parametrize("variant", ["epub", "epub_plain"])
def test_epubcheck_finds_no_error_and_no_warning(variant, request):
    book = request.getfixturevalue(variant)
    messages = run_epubcheck(book.path)
    assert messages == [], "\n".join(
        f"{m['severity']} {m['ID']}: {m['message']} @ {m.get('locations')}" for m in messages)


def test_epub_is_smaller_than_3_mb(epub, epub_plain):
    assert epub.path.stat().st_size < MAX_BYTES
    assert epub_plain.path.stat().st_size < epub.path.stat().st_size


def test_two_builds_are_byte_identical(epub, tmp_path):
    """A second build in a fresh process, with another hash seed, gives the same bytes."""
    again = tmp_path / "again.epub"
    here = Path(__file__).parent
    env = {**os.environ, "PYTHONHASHSEED": "12345",
           "PYTHONPATH": os.pathsep.join([str(REPO), str(here)])}
    env.pop("SOURCE_DATE_EPOCH", None)
    code = "import sys, pathlib, epub_helpers; epub_helpers.build(pathlib.Path(sys.argv[1]))"
    done = subprocess.run([sys.executable, "-c", code, str(again)], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert again.read_bytes() == epub.path.read_bytes()


def test_mimetype_comes_first_stored_and_without_extra_field(epub):
    with zipfile.ZipFile(epub.path) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype"
        assert first.compress_type == zipfile.ZIP_STORED
        assert first.extra == b""
        assert z.read(first) == b"application/epub+zip"


def test_modified_and_zip_times_are_the_sources_last_change_not_the_clock(epub, sample_issue):
    import datetime as dt

    from layout.export.html.edition import sources

    newest = max(int(p.stat().st_mtime) for p in sources(sample_issue))
    moment = dt.datetime.fromtimestamp(newest, tz=dt.timezone.utc)
    modified = epub.opf().find("opf:metadata/opf:meta[@property='dcterms:modified']", NS)
    assert modified.text == moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(epub.path) as z:
        stamps = {info.date_time for info in z.infolist()}
    *day, second = moment.timetuple()[:6]
    assert stamps == {(*day, second - second % 2)}      # ZIP keeps even seconds


def test_source_date_epoch_sets_modified_and_zip_times(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    book = build(tmp_path / "epoch.epub", epub_fonts=False)
    modified = book.opf().find("opf:metadata/opf:meta[@property='dcterms:modified']", NS)
    assert modified.text == "2026-01-01T00:00:00Z"
    with zipfile.ZipFile(book.path) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_summary_names_articles_and_size(epub, sample_issue):
    assert f"{len(sample_issue.articles())} articles" in epub.summary
    assert "KB" in epub.summary


def test_fonts_are_embedded_by_default_with_apple_display_options(epub, epub_plain):
    names = set(epub.names())
    assert {f"EPUB/fonts/{n}.woff2" for n in ("serif", "serif-bold", "sans", "sans-bold", "kai")} \
        | {"EPUB/fonts/OFL.txt"} <= names
    assert "META-INF/com.apple.ibooks.display-options.xml" in names
    options = epub.xml("META-INF/com.apple.ibooks.display-options.xml")
    assert options.find(".//option[@name='specified-fonts']").text == "true"
    plain = set(epub_plain.names())
    assert not any(n.startswith("EPUB/fonts/") for n in plain)
    assert "META-INF/com.apple.ibooks.display-options.xml" not in plain
    assert b"@font-face" not in epub_plain.read("EPUB/css/edition.css")
