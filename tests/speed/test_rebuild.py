"""A build with every input as it was replays the stored outputs (layout.rebuild);
any change to an input builds again, and a damaged stored build is never trusted."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from layout import pipeline, rebuild
from layout.errors import Diagnostics
from layout.options import BuildOptions
from tests.conftest import SAMPLE

FORMATS = ("docx",)     # the cheapest format exercises the same path as all three


@pytest.fixture
def edition(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "edition"
    shutil.copytree(SAMPLE, folder)
    return folder


def _build(folder: Path, out: Path, **options):
    diag = Diagnostics()
    report = pipeline.build(folder, BuildOptions(out_dir=out, **{"formats": FORMATS, **options}),
                            diag)
    return report, diag


def _made(monkeypatch) -> list:
    calls = []
    original = pipeline.make

    def counting(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(pipeline, "make", counting)
    return calls


def test_the_same_inputs_replay_the_same_outputs_and_report(edition, tmp_path, monkeypatch):
    first, diag1 = _build(edition, tmp_path / "out", formats=("pdf", "docx", "epub"))
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    for path in (tmp_path / "out").iterdir():
        path.unlink()        # the replay writes every output again, staged
    made = _made(monkeypatch)
    again, diag2 = _build(edition, tmp_path / "out", formats=("pdf", "docx", "epub"))
    assert made == []
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before
    assert again.summaries == first.summaries and set(again.outputs) == set(first.outputs)
    assert again.copyfit.table() == first.copyfit.table()
    assert [str(w) for w in diag2.warnings] == [str(w) for w in diag1.warnings]


@pytest.mark.parametrize("change", ["edit", "touch", "same size and times", "new file", "option",
                                    "damage"])
def test_any_change_builds_again(change, edition, tmp_path, monkeypatch):
    _build(edition, tmp_path / "out")
    article = edition / "articles" / "hengji.md"
    options = {}
    if change == "edit":
        article.write_text(article.read_text("utf-8").replace("凉亭虽小", "凉亭不大"), "utf-8")
    elif change == "touch":       # the EPUB dates itself by its sources' last change
        os.utime(article, ns=(article.stat().st_atime_ns, article.stat().st_mtime_ns + 10**9))
    elif change == "same size and times":   # as `cp -p` or `rsync -t` leave it: the content counts
        stat = article.stat()
        text = article.read_text("utf-8")
        article.write_text(text.replace("凉亭虽小", "凉亭不大"), "utf-8")
        os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        assert article.stat().st_size == stat.st_size
    elif change == "new file":
        (edition / "photos" / "extra.txt").write_text("x", "utf-8")
    elif change == "option":
        options = {"docx_layout": "pages"}
    else:                          # a damaged stored build is a miss, made again
        for entry in (tmp_path / "cache" / "layout").glob(f"{rebuild.KIND}-*"):
            data = bytearray(entry.read_bytes())
            data[len(data) // 2] ^= 0xFF
            entry.write_bytes(bytes(data))
    made = _made(monkeypatch)
    _build(edition, tmp_path / "out", **options)
    assert made == [edition]



def test_a_stored_output_that_does_not_match_its_checksum_is_not_replayed(edition, tmp_path,
                                                                          monkeypatch):
    """Damage inside the stored build, with the entry's own checksum made to match again:
    the output's checksum still catches it."""
    from layout.cache import read_entry, write_entry

    _build(edition, tmp_path / "out")
    [entry] = (tmp_path / "cache" / "layout").glob(f"{rebuild.KIND}-*")
    data = bytearray(read_entry(entry))
    docx = data.find(b"PK\x03\x04")
    data[docx + 200] ^= 0xFF
    write_entry(entry, bytes(data))
    made = _made(monkeypatch)
    _build(edition, tmp_path / "out")
    assert made == [edition]


def test_the_cache_stays_within_its_limit_least_recently_used_first(edition, tmp_path,
                                                                     monkeypatch):
    from layout import cache

    _build(edition, tmp_path / "out")
    folder = tmp_path / "cache" / "layout"
    entries = sorted(p for p in folder.iterdir() if p.name != cache.USAGE)   # not the tally
    total = sum(p.stat().st_size for p in entries)
    [stored] = folder.glob(f"{rebuild.KIND}-*")
    for number, path in enumerate(entries):     # the stored build the oldest, then the rest
        age = 10_000 if path == stored else 5_000 - number
        os.utime(path, (path.stat().st_atime - age, path.stat().st_mtime - age))
    assert cache.prune(limit=total) == 0
    removed = cache.prune(limit=total - 1)
    assert removed >= 1 and not stored.exists()
    assert sum(p.stat().st_size for p in folder.iterdir() if p.name != cache.USAGE) <= 0.8 * (total - 1)
    made = _made(monkeypatch)
    _build(edition, tmp_path / "out")          # evicted: built again, and stored again
    assert made == [edition] and len(list(folder.glob(f"{rebuild.KIND}-*"))) == 1


def test_layout_cache_clear_empties_the_cache(edition, tmp_path):
    from typer.testing import CliRunner

    from layout.cli import app

    _build(edition, tmp_path / "out")
    assert any((tmp_path / "cache" / "layout").iterdir())
    result = CliRunner().invoke(app, ["cache", "clear"])
    assert result.exit_code == 0, result.output
    assert not any((tmp_path / "cache" / "layout").iterdir())
    assert str(tmp_path / "cache" / "layout") in result.output


def test_the_key_names_the_system_faces_the_fallback_reads():
    """rebuild.py lists the system faces itself (importing layout.fonts would cost a
    replay its time): the list must be the one characters outside the subsets come from."""
    from layout.fonts.fallback import SYSTEM_FACES

    assert rebuild.SYSTEM_FACES == tuple(path for path, _index in SYSTEM_FACES)


def test_outputs_replaced_by_another_build_before_they_are_stored_are_not_stored(
        edition, tmp_path, monkeypatch):
    """A build stores its outputs once they are in place (after the commit); when another
    build has put its own there meanwhile, nothing is stored for this build's inputs."""
    out = tmp_path / "out"
    real = pipeline.output_bytes

    def overtaken(path: Path) -> bytes:
        other = path.with_name(".other.tmp")
        other.write_bytes(b"another build's DOCX")
        os.replace(other, path)
        return real(path)

    monkeypatch.setattr(pipeline, "output_bytes", overtaken)
    _build(edition, out)
    key = rebuild.build_key(edition, BuildOptions(out_dir=out, formats=FORMATS), out)
    assert rebuild.load(key) is None
    monkeypatch.setattr(pipeline, "output_bytes", real)
    _build(edition, out)
    assert rebuild.load(key) is not None


def test_a_build_is_stored_one_output_at_a_time_and_replayed_whole(tmp_path, monkeypatch):
    """`store` reads each output once, when it goes into the entry (never all of them held
    together); `load` gives every one back; an entry whose report length is damaged (its
    checksum made to match again) is not replayed."""
    from layout.cache import read_entry, write_entry

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    outputs = {"a.pdf": b"%PDF" + bytes(range(256)) * 40, "a.docx": b"PK\x03\x04" * 999, "e": b""}
    reads, freed = [], []

    class Blob(bytes):
        def __del__(self):
            freed.append(self[:4])

    def read(name: str) -> bytes:
        assert len(freed) == len(reads), "an output read before is still held"
        reads.append(name)
        return Blob(outputs[name])

    fit = rebuild.StoredCopyFit({"articles": [], "pages": []}, "table")
    rebuild.store("k", rebuild.Stored(rebuild.Outputs(outputs, read), {"pdf": "1 page"},
                                      {"pdf": "a.pdf"}, [("警告", "x.md", 3)], fit, []))
    assert reads == list(outputs)
    stored = rebuild.load("k")
    assert dict(stored.files) == outputs and stored.summaries == {"pdf": "1 page"}
    assert stored.warnings == [("警告", "x.md", 3)] and stored.copyfit.text == "table"
    [entry] = (tmp_path / "cache" / "layout").glob(f"{rebuild.KIND}-*")
    data = bytearray(read_entry(entry))
    data[-1] ^= 0x01
    write_entry(entry, bytes(data))
    assert rebuild.load("k") is None
