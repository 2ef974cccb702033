"""The team's test editions round-trip unchanged, and verse comes back line by line.

Every edition under tests/fixtures/editions is exported and imported back
untouched (nothing may change, exit 0). Stanzas — a `kind: poem` article and
a fenced ```verse section in a story — are 诗行 paragraphs whose lines are
line breaks: a corrected line changes that line only, the fences stay.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.intake.docx.helpers import assert_changed_only, cli_import, export, replaced, state
from tests.intake.docx.wordxml import W, edit, mark_revision, paragraph, revision

EDITIONS = Path(__file__).resolve().parents[2] / "fixtures" / "editions"
NAMES = sorted(p.name for p in EDITIONS.iterdir() if (p / "issue.yaml").is_file())


@pytest.fixture
def whole(tmp_path) -> tuple[Path, Path]:
    folder = tmp_path / "whole"
    shutil.copytree(EDITIONS / "whole", folder)
    return folder, export(folder, tmp_path / "whole.docx")


@pytest.mark.parametrize("name", NAMES)
def test_an_edition_round_trips_unchanged(tmp_path, name):
    folder = tmp_path / name
    shutil.copytree(EDITIONS / name, folder)
    before = state(folder)
    result = cli_import(export(folder, tmp_path / f"{name}.docx"), folder)
    assert result.code == 0 and "changed 0 article file(s)" in result.stdout, result.output
    assert state(folder) == before


def _line(root, article_id: str, field: str, old: str, new: str) -> None:
    for t in paragraph(root, article_id, field).iter(W + "t"):
        if t.text and old in t.text:
            t.text = t.text.replace(old, new)
            return
    raise KeyError(old)


def test_a_line_of_a_poem_is_corrected_in_place(whole, tmp_path):
    folder, docx_path = whole
    before = state(folder)
    result = cli_import(edit(docx_path, tmp_path / "e.docx", lambda root: _line(
        root, "zaochen", "p1", "蒸笼先醒了", "蒸笼最先醒了")), folder)
    assert result.code == 0, result.output
    text = before["articles/zaochen.md"].decode()
    assert_changed_only(folder, before, {"articles/zaochen.md": replaced(
        text, ("早点铺的蒸笼先醒了\n", "早点铺的蒸笼最先醒了\n"))})


def test_a_line_of_fenced_verse_is_corrected_inside_its_fence(whole, tmp_path):
    folder, docx_path = whole
    before = state(folder)

    def change(root):
        verse = next(f"p{n}" for n in range(1, 9) if "掺假" in "".join(
            t.text or "" for t in paragraph(root, "zaoshi", f"p{n}").iter(W + "t")))
        _line(root, "zaoshi", verse, "不掺假", "不掺水")
    result = cli_import(edit(docx_path, tmp_path / "e.docx", change), folder)
    assert result.code == 0, result.output
    assert_changed_only(folder, before, {"articles/zaoshi.md": replaced(
        before["articles/zaoshi.md"].decode(), ("又白又嫩不掺假，", "又白又嫩不掺水，"))})


def test_a_stanza_deleted_with_track_changes_leaves_the_others(whole, tmp_path):
    folder, docx_path = whole
    before = state(folder)
    text = before["articles/zaochen.md"].decode()
    stanza = text.split("\n\n")[2]            # the poem's second stanza

    def change(root):
        p = paragraph(root, "zaochen", "p2")
        runs = [n for n in p if n.tag == W + "r"]
        deletion = revision("del")
        runs[0].addprevious(deletion)            # inside the bookmark, as Word writes it
        for node in runs:
            for t in node.iter(W + "t"):
                t.tag = W + "delText"
            deletion.append(node)
        mark_revision(p, "del")
    result = cli_import(edit(docx_path, tmp_path / "e.docx", change), folder)
    assert result.code == 0, result.output
    assert_changed_only(folder, before, {"articles/zaochen.md": replaced(
        text, ("\n\n" + stanza + "\n\n", "\n\n"))})


def test_a_corrected_column_name_goes_to_its_article(whole, tmp_path):
    folder, docx_path = whole
    before = state(folder)
    result = cli_import(edit(docx_path, tmp_path / "e.docx", lambda root: _line(
        root, "pinglun", "column", "铁东时评", "铁东评论")), folder)
    assert result.code == 0, result.output
    assert_changed_only(folder, before, {"articles/pinglun.md": replaced(
        before["articles/pinglun.md"].decode(), ("铁东时评", "铁东评论"))})


def test_a_new_subtitle_goes_to_the_article_above_it_and_a_new_first_paragraph_to_its_body(
        whole, tmp_path):
    from tests.intake.docx.wordxml import el, run, style_id

    folder, docx_path = whole
    before = state(folder)

    def change(root):
        title = paragraph(root, "huaihua", "title")
        title.addnext(el("p", el("pPr", el("pStyle", val=style_id("副题"))), run("一篇散文")))
        byline = paragraph(root, "huaihua", "byline")
        byline.addnext(el("p", el("pPr", el("pStyle", val=style_id("正文"))),
                          run("编者按：作者是本报读者。")))
    result = cli_import(edit(docx_path, tmp_path / "e.docx", change), folder)
    assert result.code == 0, result.output
    text = before["articles/huaihua.md"].decode()
    assert_changed_only(folder, before, {"articles/huaihua.md": replaced(
        text, ("\n---\n", '\nsubtitle: "一篇散文"\n---\n'),
        ("---\n\n老街不长", "---\n\n编者按：作者是本报读者。\n\n老街不长"))})
