"""Folder outputs (the web edition) change together with the files or not at all.

A staged folder is swapped with the earlier one in one step; a failed build
removes it and leaves the earlier folder file for file; the warden finishes
a swap the build was killed in the middle of, whichever step it reached; a
stale staged folder of a dead build is removed; targets may lie outside the
output folder.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from layout import staging
from layout.staging import Stage, _finish_folder, remove_stale_temps


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its relative path."""
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def write_folder(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


OLD = {"index.html": b"old", "pages/p01.html": b"old page", "gone.html": b"only in old"}
NEW = {"index.html": b"new", "pages/p01.html": b"new page", "pages/p02.html": b"added"}


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "out"
    write_folder(folder / "web", OLD)
    (folder / "a.pdf").write_bytes(b"old pdf")
    return folder


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "aside"])
def test_a_committed_folder_replaces_the_earlier_one_whole(out, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(staging, "_exchange", lambda a, b: False)
    with Stage(out, ["a.pdf", "web"]) as stage:
        stage.temp("a.pdf").write_bytes(b"new pdf")
        write_folder(stage.temp("web"), NEW)
        stage.commit()
    assert tree(out / "web") == NEW
    assert (out / "a.pdf").read_bytes() == b"new pdf"
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf", "web"]
    assert oct(os.stat(out / "web" / "pages").st_mode & 0o777) == "0o755"
    assert oct(os.stat(out / "web" / "pages" / "p02.html").st_mode & 0o777) == "0o644"


def test_a_failed_build_leaves_the_earlier_folder_and_no_staged_one(out):
    with pytest.raises(ZeroDivisionError):
        with Stage(out, ["a.pdf", "web"]) as stage:
            write_folder(stage.temp("web"), NEW)
            stage.temp("a.pdf").write_bytes(b"half")
            1 / 0
    assert tree(out / "web") == OLD
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf", "web"]


def test_targets_outside_the_output_folder_are_staged_beside_themselves(out, tmp_path):
    site = tmp_path / "site"
    with Stage(out, ["a.pdf"], {"edition": site / "2025-06-18", "index": site / "index.html"}) as stage:
        assert stage.temp("edition").parent == site
        stage.temp("a.pdf").write_bytes(b"new pdf")
        write_folder(stage.temp("edition"), NEW)
        stage.temp("index").write_bytes(b"archive")
        stage.commit()
    assert tree(site / "2025-06-18") == NEW and (site / "index.html").read_bytes() == b"archive"
    assert sorted(p.name for p in site.iterdir()) == ["2025-06-18", "index.html"]


def _staged(out: Path) -> tuple[Path, Path, Path]:
    temp, aside = out / ".web.1-aaaa.tmp", out / ".web.1-bbbb.tmp"
    write_folder(temp, NEW)
    return temp, out / "web", aside


@pytest.mark.parametrize("step", ["before", "exchanged", "aside", "done"])
def test_the_warden_finishes_a_swap_wherever_the_build_died(out, step):
    temp, target, aside = _staged(out)
    new = os.lstat(temp).st_ino
    if step == "exchanged":
        assert staging._exchange(temp, target)
    elif step == "aside":
        os.rename(target, aside)
    elif step == "done":
        staging.swap_folder(temp, target, aside)
    _finish_folder(temp, target, aside, new)
    assert tree(target) == NEW and os.lstat(target).st_ino == new
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf", "web"]


def test_a_stale_staged_folder_of_a_dead_build_is_removed(out):
    dead = 2 ** 22 + 12345
    stale = out / f".web.{dead}-0a1b2c3d.tmp"
    write_folder(stale, NEW)
    assert remove_stale_temps(out, ["web"]) == [stale]
    assert not stale.exists() and tree(out / "web") == OLD
