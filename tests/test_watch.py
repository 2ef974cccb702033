"""`layout watch`: a build at start and one after each change, failures reported and survived."""
from __future__ import annotations

import shutil

from layout.options import BuildOptions
from layout.watch import snapshot, watch


def test_watch_rebuilds_after_a_change_and_survives_a_bad_edit(sample_dir, tmp_path):
    issue = tmp_path / "edition"
    shutil.copytree(sample_dir, issue)
    article = issue / "articles" / "hengji.md"
    good = article.read_text("utf-8")
    built, failed, rounds = [], [], iter(range(10))
    edits = {2: lambda: article.write_text("no front matter", "utf-8"),
             4: lambda: article.write_text(good.replace("凉亭虽小", "凉亭不大"), "utf-8")}

    def keep_going() -> bool:
        n = next(rounds, None)
        if n in edits:
            edits[n]()
        return n is not None

    count = watch(issue, BuildOptions(formats=("docx",), out_dir=tmp_path / "out"),
                  lambda result, diag, seconds: built.append(result),
                  lambda exc, diag: failed.append(str(exc)), interval=0.01, keep_going=keep_going)
    assert count == 3 and len(built) == 2 and len(failed) == 1
    assert "hengji.md" in failed[0]
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "out" / "edition.docx")).paragraphs)
    assert "凉亭不大" in text


def test_snapshot_notices_added_and_changed_files(sample_dir, tmp_path):
    issue = tmp_path / "edition"
    shutil.copytree(sample_dir, issue)
    before = snapshot(issue)
    (issue / "articles" / "new.md").write_text("---\ntitle: 新稿\n---\n", "utf-8")
    assert snapshot(issue) != before
