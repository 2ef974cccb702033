"""Corrections made in the copy editors' DOCX come back into the article files.

Every test exports the sample, edits the DOCX the way an editor's word
processor would (python-docx, or the XML Word writes for tracked changes),
imports it into a copy of the sample issue, and checks the files.
"""
from __future__ import annotations

import json
import shutil
import string
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from layout.errors import Diagnostics, InputError
from layout.export.docx.anchors import parse_name, ref_for
from layout.intake.docx import import_docx
from layout.intake.normalise import normalise
from layout.manifest.article import load_article
from layout.model import Hints
from tests.intake.docx.helpers import export


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / "articles").glob("*.md"))}


def bookmark(document, article_id: str, field: str):
    """The bookmarkStart element of an article part."""
    for mark in document.element.body.iter(qn("w:bookmarkStart")):
        anchor = parse_name(mark.get(qn("w:name")))
        if anchor and (anchor.ref, anchor.field) == (ref_for(article_id), field):
            return mark
    raise KeyError((article_id, field))


def paragraph_in(document, article_id: str, field: str) -> Paragraph:
    return Paragraph(bookmark(document, article_id, field).getparent(), document)


def run_import(docx_path: Path, folder: Path, dry_run: bool = False, **options) -> str:
    return str(import_docx(docx_path, folder, dry_run=dry_run, diag=Diagnostics(), **options))


def read_article(folder: Path, article_id: str):
    return load_article(folder, article_id, Hints(), 60_000_000, Diagnostics(), (folder, None))


def test_round_trip_changes_nothing(exported, issue_dir):
    before = snapshot(issue_dir)
    report = run_import(exported, issue_dir)
    assert snapshot(issue_dir) == before
    assert "changed 0 article file(s)" in report
    assert report.count("unchanged") == len(before)
    assert "not mapped" not in report


def test_one_sentence_edit_changes_exactly_that_sentence_in_one_file(exported, issue_dir, tmp_path):
    old_sentence = "此前，休闲缺场所一直是这两个小区居民的心头事。"
    new_sentence = "此前，缺少休闲场所一直是这两个小区居民的心头事。"
    document = docx.Document(str(exported))
    paragraph = paragraph_in(document, "hengji", "p2")
    assert old_sentence in paragraph.text
    paragraph.runs[0].text = paragraph.runs[0].text.replace(old_sentence, new_sentence)
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    before = snapshot(issue_dir)
    report = run_import(edited, issue_dir)
    after = snapshot(issue_dir)
    assert [n for n in before if before[n] != after[n]] == ["hengji.md"]
    old_text, new_text = before["hengji.md"].decode(), after["hengji.md"].decode()
    assert old_text.count(old_sentence) == 1
    assert new_text == old_text.replace(old_sentence, new_sentence)
    assert "changed 1 article file(s)" in report and "hengji 正文 p2" in report


def _split_run(paragraph: Paragraph, old: str, new: str, author: str) -> None:
    """Replace `old` by `new` as Word records it with Track Changes on: w:del + w:ins."""
    run = paragraph.runs[0]
    before, after = run.text.split(old, 1)
    run.text = before
    deletion = OxmlElement("w:del")
    insertion = OxmlElement("w:ins")
    for element, tag, text in ((deletion, "w:delText", old), (insertion, "w:t", new)):
        element.set(qn("w:id"), "901" if element is deletion else "902")
        element.set(qn("w:author"), author)
        element.set(qn("w:date"), "2025-06-17T10:00:00Z")
        r, t = OxmlElement("w:r"), OxmlElement(tag)
        t.text = text
        r.append(t)
        element.append(r)
    tail = OxmlElement("w:r")
    tail_t = OxmlElement("w:t")
    tail_t.text = after
    tail.append(tail_t)
    run._r.addnext(deletion)
    deletion.addnext(insertion)
    insertion.addnext(tail)


def test_tracked_change_is_accepted_and_comment_listed(exported, issue_dir, tmp_path):
    document = docx.Document(str(exported))
    paragraph = paragraph_in(document, "wuye", "p2")
    original = paragraph.text
    _split_run(paragraph, "直接关系到", "密切关系着", "校对 刘")
    document.add_comment(paragraph.runs[:1], text="请核实“民生福祉”的提法", author="编辑 赵")
    edited = tmp_path / "tracked.docx"
    document.save(str(edited))
    before = snapshot(issue_dir)
    report = run_import(edited, issue_dir)
    after = snapshot(issue_dir)
    assert [n for n in before if before[n] != after[n]] == ["wuye.md"]
    p2 = read_article(issue_dir, "wuye").paragraphs[1].text
    assert p2 == original.replace("直接关系到", "密切关系着")
    assert "tracked changes accepted: 2" in report
    assert "inserted by 校对 刘: 密切关系着" in report
    assert "deleted by 校对 刘: 直接关系到" in report
    assert "wuye 正文 p2: 编辑 赵: 请核实“民生福祉”的提法" in report


def test_dry_run_reports_without_writing(exported, issue_dir, tmp_path):
    document = docx.Document(str(exported))
    title = paragraph_in(document, "niaolei", "title")
    title.runs[0].text = "守护蓝天精灵　共建生态家园"
    edited = tmp_path / "title.docx"
    document.save(str(edited))
    before = snapshot(issue_dir)
    report = run_import(edited, issue_dir, dry_run=True)
    assert snapshot(issue_dir) == before
    assert "would change 1 article file(s)" in report and "dry run" in report
    assert "共「筑 → 建」生态" in report


def test_dateline_edit_changes_only_the_dateline_line(exported, issue_dir, tmp_path):
    document = docx.Document(str(exported))
    run = bookmark(document, "hengji", "dateline").getnext()
    text = run.find(qn("w:t"))
    text.text = "本报讯（记者 常欣月 实习生 东宣）"
    edited = tmp_path / "dateline.docx"
    document.save(str(edited))
    before = (issue_dir / "articles/hengji.md").read_text(encoding="utf-8").splitlines()
    run_import(edited, issue_dir)
    after = (issue_dir / "articles/hengji.md").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(changed) == 1
    assert changed[0][0].startswith("dateline:")
    article = read_article(issue_dir, "hengji")
    assert article.dateline == "本报讯（记者 常欣月 实习生 东宣）"
    assert article.paragraphs[0].text.startswith("为不断优化社区服务")


def test_dateline_typed_over_keeps_mapping_by_its_style(exported, issue_dir, tmp_path):
    """Word may drop a bookmark whose text was typed over; the 电头 style still marks it."""
    document = docx.Document(str(exported))
    start = bookmark(document, "wuye", "dateline")
    run = start.getnext()
    end = run.getnext()
    start.getparent().remove(start)
    end.getparent().remove(end)
    run.find(qn("w:t")).text = "本报讯（记者 常欣月）"
    edited = tmp_path / "typed-over.docx"
    document.save(str(edited))
    old = read_article(issue_dir, "wuye")
    run_import(edited, issue_dir)
    new = read_article(issue_dir, "wuye")
    assert new.dateline == "本报讯（记者 常欣月）"
    assert [p.text for p in new.paragraphs] == [p.text for p in old.paragraphs]


def test_a_paragraph_typed_after_the_last_one_is_added(exported, issue_dir, tmp_path):
    document = docx.Document(str(exported))
    last = paragraph_in(document, "hengji", "p3")
    added = "（本报记者常欣月整理）"
    new = last.insert_paragraph_before(added, style="正文")
    last._p.addnext(new._p)
    edited = tmp_path / "added.docx"
    document.save(str(edited))
    old = read_article(issue_dir, "hengji").paragraphs
    report = run_import(edited, issue_dir)
    now = read_article(issue_dir, "hengji").paragraphs
    assert [p.text for p in now] == [p.text for p in old] + [added]
    assert "not mapped" not in report


def test_an_emptied_paragraph_is_deleted_only_with_apply_deletes(exported, issue_dir, tmp_path):
    document = docx.Document(str(exported))
    for run in paragraph_in(document, "wenming", "p3").runs:
        run.text = ""
    edited = tmp_path / "emptied.docx"
    document.save(str(edited))
    old = read_article(issue_dir, "wenming").paragraphs
    before = snapshot(issue_dir)
    report = run_import(edited, issue_dir)
    assert snapshot(issue_dir) == before
    assert "wenming 正文 p3: deleted in the DOCX without Track Changes" in report
    assert old[2].text in report
    report = run_import(edited, issue_dir, apply_deletes=True)
    now = read_article(issue_dir, "wenming").paragraphs
    assert [p.text for p in now] == [old[0].text, old[1].text, old[3].text]
    assert "paragraph deleted (--apply-deletes)" in report


def test_two_paragraphs_joined_in_word_become_one(exported, issue_dir, tmp_path):
    document = docx.Document(str(exported))
    first = paragraph_in(document, "wenming", "p3")._p
    second = paragraph_in(document, "wenming", "p4")._p
    for child in list(second):
        if child.tag != qn("w:pPr"):
            first.append(child)   # what Delete at the end of a paragraph does, bookmarks kept
    second.getparent().remove(second)
    edited = tmp_path / "joined.docx"
    document.save(str(edited))
    old = read_article(issue_dir, "wenming").paragraphs
    run_import(edited, issue_dir)
    now = read_article(issue_dir, "wenming").paragraphs
    assert [p.text for p in now] == [old[0].text, old[1].text, old[2].text + old[3].text]


def _drop_bookmarks(paragraph: Paragraph) -> None:
    for tag in ("w:bookmarkStart", "w:bookmarkEnd"):
        for mark in paragraph._p.findall(qn(tag)):
            paragraph._p.remove(mark)


def test_a_retyped_paragraph_that_lost_its_bookmark_replaces_its_old_text(exported, issue_dir,
                                                                          tmp_path):
    document = docx.Document(str(exported))
    paragraph = paragraph_in(document, "hengji", "p2")
    _drop_bookmarks(paragraph)
    retyped = "此前，小区居民一直缺少休闲场所。"
    paragraph.runs[0].text = retyped
    edited = tmp_path / "retyped.docx"
    document.save(str(edited))
    old = read_article(issue_dir, "hengji").paragraphs
    run_import(edited, issue_dir)
    now = read_article(issue_dir, "hengji").paragraphs
    assert [p.text for p in now] == [old[0].text, retyped, old[2].text]


def test_a_paragraph_deleted_with_its_bookmark_is_reported_not_dropped(exported, issue_dir,
                                                                       tmp_path):
    document = docx.Document(str(exported))
    paragraph = paragraph_in(document, "niaolei", "p2")
    paragraph._p.getparent().remove(paragraph._p)
    edited = tmp_path / "deleted.docx"
    document.save(str(edited))
    before = snapshot(issue_dir)
    report = run_import(edited, issue_dir)
    assert snapshot(issue_dir) == before
    assert "niaolei 正文 p2: deleted in the DOCX without Track Changes" in report


def test_a_paragraph_split_in_word_becomes_two_paragraphs(exported, issue_dir, tmp_path):
    document = docx.Document(str(exported))
    paragraph = paragraph_in(document, "niaolei", "p3")
    first, rest = paragraph.text.split("，", 1)
    paragraph.runs[0].text = first + "。"
    new = paragraph.insert_paragraph_before("")  # then move it after, as Enter would
    paragraph._p.addnext(new._p)
    new.add_run(rest)
    edited = tmp_path / "split.docx"
    document.save(str(edited))
    old = read_article(issue_dir, "niaolei").paragraphs
    run_import(edited, issue_dir)
    now = read_article(issue_dir, "niaolei").paragraphs
    assert [p.text for p in now] == [old[0].text, old[1].text, first + "。", rest]


def test_unmapped_paragraph_is_reported_in_full_and_nothing_changes(exported, issue_dir, tmp_path):
    document = docx.Document(str(exported))
    note = "编者按：本版稿件均经社区核实，欢迎读者来信。"
    document.add_paragraph(note)
    edited = tmp_path / "note.docx"
    document.save(str(edited))
    before = snapshot(issue_dir)
    diag = Diagnostics()
    outcome = import_docx(edited, issue_dir, dry_run=False, diag=diag)
    assert snapshot(issue_dir) == before and not outcome.complete
    assert "not mapped" in outcome.text and note in outcome.text
    assert diag.warnings


def test_a_file_changed_since_the_export_is_not_overwritten(exported, issue_dir, tmp_path):
    path = issue_dir / "articles/wenming.md"
    path.write_text(path.read_text(encoding="utf-8").replace("活动中，", "活动现场，"),
                    encoding="utf-8")
    on_disk = path.read_bytes()
    document = docx.Document(str(exported))
    paragraph = paragraph_in(document, "wenming", "p2")
    paragraph.runs[0].text = paragraph.runs[0].text.replace("通俗易懂", "浅显易懂")
    edited = tmp_path / "conflict.docx"
    document.save(str(edited))
    report = run_import(edited, issue_dir)
    assert path.read_bytes() == on_disk
    assert "NOT APPLIED" in report and "浅显易懂" in report


def test_crlf_file_keeps_its_line_endings(exported, issue_dir, tmp_path):
    path = issue_dir / "articles/niaolei.md"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    document = docx.Document(str(exported))
    body_run = paragraph_in(document, "niaolei", "p1").runs[-1]   # runs[0] is the 电头
    body_run.text = body_run.text.replace("良好氛围", "浓厚氛围")
    edited = tmp_path / "crlf.docx"
    document.save(str(edited))
    run_import(edited, issue_dir)
    data = path.read_bytes()
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    assert "浓厚氛围" in read_article(issue_dir, "niaolei").paragraphs[0].text


def test_a_file_that_is_not_a_docx_is_refused(issue_dir, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable DOCX"):
        run_import(bad, issue_dir)


FRONT_MATTER_TITLES = {
    "plain": "title: 旧的标题\n",
    "double-quoted": 'title: "旧的标题"\n',
    "single-quoted": "title: '旧的标题'\n",
    "with a comment": "title: 旧的标题   # 主题\n",
    "folded block": "title: >-\n  旧的\n  标题\n",
}


def one_article_issue(folder: Path, text: str) -> Path:
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a.md").write_text(text, encoding="utf-8")
    (folder / "issue.yaml").write_text(
        "date: 2025-06-18\npages:\n  - number: 2\n    name: 要闻\n    articles: [a]\n",
        encoding="utf-8")
    return folder


@pytest.mark.parametrize("title_yaml", FRONT_MATTER_TITLES.values(), ids=FRONT_MATTER_TITLES)
def test_a_title_is_replaced_in_place_whatever_its_yaml_style(tmp_path, title_yaml):
    before = "---\n" + title_yaml + "subtitle: 副题不变\n---\n\n正文第一段。\n"
    folder = one_article_issue(tmp_path / "issue", before)
    export(folder, tmp_path / "a.docx")
    document = docx.Document(str(tmp_path / "a.docx"))
    new_title = '新的标题：含“引号”、\\反斜杠与#号'
    paragraph_in(document, "a", "title").runs[0].text = new_title
    document.save(str(tmp_path / "edited.docx"))
    run_import(tmp_path / "edited.docx", folder)
    after = (folder / "articles" / "a.md").read_text(encoding="utf-8")
    article = read_article(folder, "a")
    assert article.headline.title == new_title
    assert article.headline.subtitle == "副题不变" and article.paragraphs[0].text == "正文第一段。"
    assert after.endswith("subtitle: 副题不变\n---\n\n正文第一段。\n")
    assert ("# 主题" in after) == ("# 主题" in before)


def test_an_emptied_title_is_not_applied(exported, issue_dir, tmp_path):
    document = docx.Document(str(exported))
    paragraph_in(document, "hengji", "title").runs[0].text = ""
    edited = tmp_path / "no-title.docx"
    document.save(str(edited))
    before = snapshot(issue_dir)
    report = run_import(edited, issue_dir)
    assert snapshot(issue_dir) == before and "NOT APPLIED" in report


# ------------------------------------------------------------ properties

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
PUNCT = "，。、；：？！“”‘’（）《》——……·"
TYPED = st.text(alphabet=HAN + PUNCT + string.ascii_letters + string.digits + " \"'\\:#-&<>%",
                min_size=1, max_size=40).filter(lambda s: s == s.strip() and not s.startswith("#"))


PROPERTY = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _edit_and_import(exported: Path, workdir: Path, article_id: str, field: str, text: str):
    folder = workdir / "issue"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(exported.parent / "source-articles", folder / "articles")
    shutil.copy(exported.parent / "issue.yaml", folder / "issue.yaml")
    document = docx.Document(str(exported))
    paragraph = paragraph_in(document, article_id, field)
    paragraph.runs[0].text = text
    edited = workdir / "p.docx"
    document.save(str(edited))
    run_import(edited, folder)
    return folder


@pytest.fixture(scope="module")
def articles_beside(exported, sample_dir) -> Path:
    shutil.copytree(sample_dir / "articles", exported.parent / "source-articles",
                    dirs_exist_ok=True)
    shutil.copy(sample_dir / "issue.yaml", exported.parent / "issue.yaml")
    return exported


@PROPERTY
@given(text=TYPED)
def test_any_typed_title_reads_back_exactly(articles_beside, tmp_path, text):
    folder = _edit_and_import(articles_beside, tmp_path, "wuye", "title", text)
    assert read_article(folder, "wuye").headline.title == normalise(text, "heading").text


@PROPERTY
@given(text=TYPED)
def test_any_typed_paragraph_reads_back_and_others_stay(articles_beside, sample_dir, tmp_path,
                                                        text):
    folder = _edit_and_import(articles_beside, tmp_path, "hengji", "p2", text)
    before = read_article(sample_dir, "hengji").paragraphs
    after = read_article(folder, "hengji").paragraphs
    assert [p.text for p in after] == [before[0].text, normalise(text).text, before[2].text]


LINE = st.text(alphabet=HAN + PUNCT + string.ascii_letters + string.digits + " \"'\\:&<>%",
               min_size=1, max_size=60).map(str.strip).filter(
                   lambda s: s and not s.startswith(("#", "-")))


@st.composite
def articles(draw):
    """An article file's text: title, optional dateline, body paragraphs and subheads."""
    title, dateline = draw(LINE), draw(st.one_of(st.just(""), LINE))
    paragraphs = draw(st.lists(st.tuples(st.booleans(), LINE), min_size=1, max_size=5))
    front = f"title: {json.dumps(title, ensure_ascii=False)}\n"
    if dateline:
        front += f"dateline: {json.dumps(dateline, ensure_ascii=False)}\n"
    body = "\n\n".join(("## " if sub else "") + text for sub, text in paragraphs)
    return f"---\n{front}---\n\n{body}\n"


@PROPERTY
@given(text=articles())
def test_export_then_import_changes_nothing_for_any_article(tmp_path, text):
    folder = tmp_path / "prop"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a.md").write_text(text, encoding="utf-8")
    (folder / "issue.yaml").write_text(
        "date: 2025-06-18\npages:\n  - number: 2\n    name: 要闻\n    articles: [a]\n",
        encoding="utf-8")
    export(folder, folder / "a.docx")
    report = run_import(folder / "a.docx", folder)
    assert (folder / "articles" / "a.md").read_text(encoding="utf-8") == text
    assert "changed 0 article file(s)" in report and "a: unchanged" in report
