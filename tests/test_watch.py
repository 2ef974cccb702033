"""`layout watch`: a build at start and one after each change, failures reported and survived;
changes come as file-system events, never by polling."""
from __future__ import annotations

import shutil
import time

from layout import watch as watching
from layout.options import BuildOptions
from layout.watch import snapshot, watch

DEADLINE = 120      # seconds: a loaded machine is slow, a hung watch is a failure


def test_watch_rebuilds_after_a_change_and_survives_a_bad_edit(sample_dir, tmp_path):
    issue = tmp_path / "edition"
    shutil.copytree(sample_dir, issue)
    article = issue / "articles" / "hengji.md"
    good = article.read_text("utf-8")
    built, failed = [], []
    edits = [lambda: article.write_text("no front matter", "utf-8"),
             lambda: article.write_text(good.replace("凉亭虽小", "凉亭不大"), "utf-8")]
    start = time.monotonic()

    def keep_going() -> bool:    # the next edit once the previous one was built
        done = len(built) + len(failed)
        if edits and done == 3 - len(edits):
            edits.pop(0)()
        return done < 3 and time.monotonic() - start < DEADLINE

    count = watch(issue, BuildOptions(formats=("docx",), out_dir=tmp_path / "out"),
                  lambda result, diag, seconds: built.append(result),
                  lambda exc, diag: failed.append(str(exc)), wake=0.05, keep_going=keep_going)
    assert count == 3 and len(built) == 2 and len(failed) == 1
    assert "hengji.md" in failed[0]
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "out" / "edition.docx")).paragraphs)
    assert "凉亭不大" in text


def test_nothing_is_read_again_until_a_file_changes(sample_dir, tmp_path, monkeypatch):
    """No polling: while nothing changes the folder is not even listed; a file the build
    does not read (an editor's swap file) wakes it but builds nothing."""
    issue = tmp_path / "edition"
    shutil.copytree(sample_dir, issue)
    looks, rounds = [], iter(range(40))
    monkeypatch.setattr(watching, "snapshot", lambda folder: looks.append(1) or snapshot(folder))

    def keep_going() -> bool:
        n = next(rounds, None)
        if n == 30:
            (issue / ".hengji.md.swp").write_text("x", "utf-8")
            time.sleep(0.5)
        return n is not None

    count = watch(issue, BuildOptions(formats=("docx",), out_dir=tmp_path / "out"),
                  lambda *a: None, lambda *a: None, wake=0.01, keep_going=keep_going)
    assert count == 1          # the first build only
    assert len(looks) == 2     # at the start, and once after the swap file appeared


def test_snapshot_notices_added_and_changed_files(sample_dir, tmp_path):
    issue = tmp_path / "edition"
    shutil.copytree(sample_dir, issue)
    before = snapshot(issue)
    (issue / "articles" / "new.md").write_text("---\ntitle: 新稿\n---\n", "utf-8")
    assert snapshot(issue) != before


def test_an_edit_rebuilds_once_placing_only_its_page_and_a_bad_edit_keeps_the_pdf(tmp_path):
    """jump2 (two pages): a word changed in a page-2 story is one build, which says it placed
    page 2 and kept page 1 as placed; an article broken after it fails that build and the
    PDF on disk stays the one built before, byte for byte."""
    from tests.conftest import REPO

    issue = tmp_path / "jump2"
    shutil.copytree(REPO / "tests" / "fixtures" / "editions" / "jump2", issue)
    article = issue / "articles" / "jiuye.md"
    good = article.read_text("utf-8")
    pdf = tmp_path / "out" / "jump2.pdf"
    reports, failed, pdfs = [], [], []
    edits = [lambda: article.write_text(good.replace("积累工作经验", "积累岗位经验"), "utf-8"),
             lambda: article.write_text(good.replace("---\n", "", 1), "utf-8")]
    start = time.monotonic()

    def built(result, diag, seconds) -> None:
        reports.append(result)
        pdfs.append(pdf.read_bytes())

    def keep_going() -> bool:
        done = len(reports) + len(failed)
        if edits and done == 3 - len(edits):
            edits.pop(0)()
        return done < 3 and time.monotonic() - start < DEADLINE

    count = watch(issue, BuildOptions(formats=("pdf",), out_dir=tmp_path / "out"), built,
                  lambda exc, diag: failed.append(str(exc)), wake=0.05, keep_going=keep_going)
    assert count == 3 and len(reports) == 2 and len(failed) == 1
    assert [(r.pages, r.placed_anew) for r in reports] == [((1, 2), (1, 2)), ((1, 2), (2,))]
    assert watching.pages_line(reports[1]) == "pages placed: 2; kept as placed before: 1"
    assert pdfs[0] != pdfs[1] and pdf.read_bytes() == pdfs[1]
    assert "jiuye.md" in failed[0]
    import pikepdf

    with pikepdf.open(pdf) as opened:
        assert len(opened.pages) == 2
    # what the watching process drew (pages kept, font subsets kept: facecache.keep_subsets)
    # is byte for byte what a one-off build of the same sources draws
    from layout.errors import Diagnostics
    from layout.pipeline import build

    article.write_text(good.replace("积累工作经验", "积累岗位经验"), "utf-8")
    build(issue, BuildOptions(formats=("pdf",), out_dir=tmp_path / "again"), Diagnostics())
    assert (tmp_path / "again" / "jump2.pdf").read_bytes() == pdfs[1]
