"""Ids come from the manifest, files are written only inside articles/, any id round-trips.

A bookmark only refers to an article (its id, or a hash of a long id); the
import resolves the reference against issue.yaml's ids and writes nothing
but `articles/<id>.md` of those ids. Every case checks the whole issue
folder and a decoy article file beside it.
"""
from __future__ import annotations

import os

import pytest

from layout.export.docx.anchors import MAX_NAME, parse_name, ref_for
from tests.intake.docx.helpers import (article_text, assert_changed_only, cli_import, export,
                                       replaced, state)
from tests.intake.docx.wordxml import W, edit, el, paragraph, run, start, text_run

LONG = "tiedong-community-page-2025-06-18-lead-story-on-the-new-pavilion"   # 64: the most
IDS = [LONG, "a_b-c", "x" * 20, "x" * 21, "Zhang_3"]
DECOY = "---\ntitle: \"不可改动\"\n---\n\n外部文件。\n"


def issue_with(folder, ids: list[str]):
    (folder / "articles").mkdir(parents=True)
    for n, article_id in enumerate(ids, 1):
        (folder / "articles" / f"{article_id}.md").write_text(
            f"---\ntitle: \"第{n}篇的标题\"\n---\n\n第{n}篇第一段。\n\n第{n}篇第二段。\n",
            encoding="utf-8")
    listed = "".join(f"      - \"{i}\"\n" for i in ids)
    (folder / "issue.yaml").write_text(
        f"date: 2025-06-18\npages:\n  - number: 1\n    name: 要闻\n    articles:\n{listed}",
        encoding="utf-8")
    return folder


def names_in(docx_path) -> list[str]:
    import zipfile

    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(docx_path).read("word/document.xml"))
    return [m.get(W + "name") for m in root.iter(W + "bookmarkStart")]


def test_any_id_round_trips_unchanged_and_each_correction_reaches_its_own_file(tmp_path):
    """Issue 17: an id over 40 characters got the next article's body appended."""
    folder = issue_with(tmp_path / "issue", IDS)
    docx_path = export(folder, tmp_path / "ids.docx")
    assert all(len(name) <= MAX_NAME for name in names_in(docx_path))
    before = state(folder)
    result = cli_import(docx_path, folder)
    assert result.code == 0 and "changed 0 article file(s)" in result.stdout, result.output
    assert state(folder) == before
    for n, article_id in enumerate(IDS, 1):
        def change(root, article_id=article_id, n=n):
            r, text = text_run(paragraph(root, article_id, "p2"))
            r.find(W + "t").text = text.replace("第二段", "第二段（已改）")
        result = cli_import(edit(docx_path, tmp_path / f"e{n}.docx", change), folder)
        assert result.code == 0, result.output
        expected = replaced(before[f"articles/{article_id}.md"].decode(),
                            ("第二段", "第二段（已改）"))
        assert_changed_only(folder, before, {f"articles/{article_id}.md": expected})
        (folder / "articles" / f"{article_id}.md").write_bytes(before[f"articles/{article_id}.md"])


def test_bookmark_refs_are_short_ids_or_hashes():
    assert ref_for("hengji") == "hengji"
    assert ref_for(LONG).startswith("_h") and len(ref_for(LONG)) == 12
    assert parse_name(f"_Lp3_abcdef_{ref_for(LONG)}_Copy_2").copy
    assert parse_name("_GoBack") is None and parse_name("_Lp3_abcdef_../x") is None


PATHS = {
    "parent": "_002e_002e_002fdecoy",          # ../decoy in the older escaped form
    "absolute": "_002ftmp_002fdecoy",          # /tmp/decoy
    "unknown hash": "_h0123456789",
    "unlisted id": "notinthisissue",
}


@pytest.mark.parametrize("ref", PATHS.values(), ids=PATHS)
def test_a_bookmark_naming_no_article_of_the_issue_is_reported_and_ignored(exported, issue_dir,
                                                                          tmp_path, ref):
    decoy = tmp_path / "decoy.md"
    decoy.write_text(DECOY, encoding="utf-8")

    def change(root):
        mark = start(root, "hengji", "p2")
        mark.set(W + "name", f"_Lp1_000000_{ref}")
        r, text = text_run(mark.getparent())
        r.find(W + "t").text = "被篡改的段落。"
    before = state(issue_dir)
    result = cli_import(edit(exported, tmp_path / "path.docx", change), issue_dir)
    assert result.code == 3
    assert "bookmarks naming no article of this issue (ignored): 1" in result.stdout
    assert f"p1 {ref}: 被篡改的段落。" in result.stdout
    assert state(issue_dir) == before and decoy.read_text(encoding="utf-8") == DECOY


def test_a_path_listed_in_the_manifest_is_never_written(tmp_path):
    folder = issue_with(tmp_path / "issue", ["a"])
    docx_path = export(folder, tmp_path / "a.docx")
    decoy = tmp_path / "decoy.md"
    decoy.write_text(DECOY, encoding="utf-8")
    manifest = folder / "issue.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "      - \"../decoy\"\n",
                        encoding="utf-8")

    def change(root):
        mark = start(root, "a", "p1")
        mark.set(W + "name", "_Lp1_000000__002e_002e_002fdecoy")
    before = state(folder)
    result = cli_import(edit(docx_path, tmp_path / "e.docx", change), folder)
    assert result.code == 3 and decoy.read_text(encoding="utf-8") == DECOY
    assert state(folder) == before


def test_an_article_file_that_is_a_link_out_of_the_issue_is_not_written(exported, issue_dir,
                                                                       tmp_path):
    decoy = tmp_path / "decoy.md"
    decoy.write_text(article_text(issue_dir, "hengji"), encoding="utf-8")
    target = issue_dir / "articles" / "hengji.md"
    target.unlink()
    os.symlink(decoy, target)
    original = decoy.read_text(encoding="utf-8")

    def change(root):
        r, text = text_run(paragraph(root, "hengji", "p2"))
        r.find(W + "t").text = text.replace("心头事", "烦心事")
    result = cli_import(edit(exported, tmp_path / "e.docx", change), issue_dir)
    assert result.code == 3 and "no regular file articles/hengji.md" in result.stdout
    assert decoy.read_text(encoding="utf-8") == original and target.is_symlink()


def test_a_new_paragraph_with_a_foreign_bookmark_is_not_taken_into_the_article(exported,
                                                                             issue_dir, tmp_path):
    def change(root):
        p3 = paragraph(root, "hengji", "p3")
        p3.addnext(el("p", el("bookmarkStart", id=990, name="_Lp9_000000_h4x0r"),
                      run("外来文字。"), el("bookmarkEnd", id=990)))
    before = state(issue_dir)
    result = cli_import(edit(exported, tmp_path / "e.docx", change), issue_dir)
    assert result.code == 3 and "外来文字。" in result.stdout
    assert_changed_only(issue_dir, before, {})


@pytest.mark.parametrize("what", ["missing", "folder", "bad option"])
def test_a_wrong_file_or_option_is_one_line(exported, issue_dir, tmp_path, what):
    target = {"missing": tmp_path / "nosuch.docx", "folder": tmp_path,
              "bad option": exported}[what]
    options = ("--track-changes", "maybe") if what == "bad option" else ()
    result = cli_import(target, issue_dir, *options)
    lines = result.stderr.strip().splitlines()
    assert result.code == 1 and len(lines) == 1 and lines[0].startswith("layout: error: ")
    assert "internal error" not in result.output
