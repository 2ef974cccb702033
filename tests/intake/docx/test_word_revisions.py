"""Revisions written the way Word and WPS write them, imported through the command line.

Each case edits the exported sample's document.xml by hand (tests/intake/docx/wordxml.py),
runs `layout import`, and checks the whole issue folder: exactly the intended
text in the intended file changed, or nothing changed and the exit code is 3
with the text in the report.
"""
from __future__ import annotations

import pytest

from tests.intake.docx.helpers import (article_text, assert_changed_only, cli_import, replaced,
                                       state)
from tests.intake.docx.wordxml import (W, edit, el, end_of, mark_revision, paragraph, revision,
                                       run, start, style_id, text_run)

P2 = "此前，休闲缺场所一直是这两个小区居民的心头事。"          # opens hengji p2
HENGJI = "articles/hengji.md"


def hengji_p2(root):
    return paragraph(root, "hengji", "p2")


def split_run_at(p, text: str):
    """Split the paragraph's text run around `text`: (run before, run after); `text` removed."""
    r, whole = text_run(p)
    before, after = whole.split(text, 1)
    r.find(W + "t").text = before
    tail = run(after)
    r.addnext(tail)
    return r, tail


def imported(exported, issue_dir, tmp_path, change, *options, drop=()):
    edited = edit(exported, tmp_path / "edited.docx", change, drop)
    before = state(issue_dir)
    return before, cli_import(edited, issue_dir, *options)


# ------------------------------------------------------------ insertions and deletions

def test_first_character_replaced_with_the_bookmark_inside_the_deletion(exported, issue_dir,
                                                                       tmp_path):
    def change(root):
        p = hengji_p2(root)
        mark = start(root, "hengji", "p2")
        r, whole = text_run(p)
        r.find(W + "t").text = whole[1:]
        deletion = revision("del", run(whole[0], deleted=True))
        mark.addprevious(deletion)
        deletion.insert(0, mark)                 # as LibreOffice writes it
        deletion.addnext(revision("ins", run("以")))
    text = article_text(issue_dir, "hengji")
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {HENGJI: replaced(text, ("此前，休闲", "以前，休闲"))})
    assert "deleted by 校对 刘: 此" in result.stdout and "inserted by 校对 刘: 以" in result.stdout


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_insertion_and_deletion_at_each_position(exported, issue_dir, tmp_path, where):
    old, new = {"start": ("此前，", "在此之前，"), "middle": ("休闲缺场所", "缺少休闲场所"),
                "end": ("顺利落成。", "顺利落成！")}[where]

    def change(root):
        p = hengji_p2(root)
        first, _rest = split_run_at(p, old)
        first.addnext(revision("del", run(old, deleted=True)))
        first.getnext().addnext(revision("ins", run(new)))
    text = article_text(issue_dir, "hengji")
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {HENGJI: replaced(text, (old, new))})


def test_rejected_and_reported_revisions_change_nothing(exported, issue_dir, tmp_path):
    def change(root):
        first, _rest = split_run_at(hengji_p2(root), "休闲缺场所")
        first.addnext(revision("del", run("休闲缺场所", deleted=True)))
        first.getnext().addnext(revision("ins", run("缺少休闲场所")))
    before, result = imported(exported, issue_dir, tmp_path, change, "--track-changes", "reject")
    assert result.code == 0 and "tracked changes rejected: 2" in result.stdout
    assert_changed_only(issue_dir, before, {})
    result = cli_import(tmp_path / "edited.docx", issue_dir, "--track-changes", "report")
    assert result.code == 3
    assert "tracked changes NOT APPLIED (--track-changes report): 2" in result.stdout
    assert "inserted by 校对 刘: 缺少休闲场所" in result.stdout
    assert_changed_only(issue_dir, before, {})


def test_whole_paragraph_deleted_with_track_changes(exported, issue_dir, tmp_path):
    def change(root):
        p = hengji_p2(root)
        r, _text = text_run(p)
        deletion = revision("del")
        r.addprevious(deletion)
        deletion.append(start(root, "hengji", "p2"))
        r.find(W + "t").tag = W + "delText"
        deletion.append(r)
        mark_revision(p, "del")
    text = article_text(issue_dir, "hengji")
    p2 = text.split("\n\n")[2]
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {HENGJI: replaced(text, (p2 + "\n\n", ""))})
    assert "paragraph deleted (tracked)" in result.stdout


@pytest.mark.parametrize("restyled", [True, False])
def test_a_subhead_after_a_tracked_deleted_paragraph_stays_a_subhead(exported, issue_dir,
                                                                     tmp_path, restyled):
    """dangjian p1 deleted whole with Track Changes: LibreOffice writes the 小标题 after it
    (p2) in p1's style 正文 (`restyled`); that is not the editor making it body text."""
    def change(root):
        p = paragraph(root, "dangjian", "p1")
        for r in p.findall(W + "r"):
            deletion = revision("del")
            r.addprevious(deletion)
            r.find(W + "t").tag = W + "delText"
            deletion.append(r)
        mark_revision(p, "del")
        if restyled:
            paragraph(root, "dangjian", "p2").find(W + "pPr").find(W + "pStyle").set(
                W + "val", p.find(W + "pPr").find(W + "pStyle").get(W + "val"))
    text = article_text(issue_dir, "dangjian")
    p1 = text.split("---\n", 2)[2].strip().split("\n\n")[0]
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {"articles/dangjian.md": replaced(
        text, (p1 + "\n\n## 固本强基　筑牢", "## 固本强基　筑牢"))})
    assert "now body text" not in result.stdout


@pytest.mark.parametrize("mode", ["accept", "reject"])
def test_nested_insertion_then_deletion_is_no_text(exported, issue_dir, tmp_path, mode):
    """Text one editor inserted and another deleted: gone when accepted, never there when
    rejected."""
    def change(root):
        first, _rest = split_run_at(hengji_p2(root), "此前，")
        first.addnext(revision("ins", revision("del", run("据悉", deleted=True),
                                               author="编辑 赵")))
        first.addnext(run("此前，"))
    before, result = imported(exported, issue_dir, tmp_path, change, "--track-changes", mode)
    assert result.code == 0 and "changed 0" in result.stdout
    assert_changed_only(issue_dir, before, {})


# ------------------------------------------------------------ paragraph marks and moves

def test_deleted_paragraph_mark_merges_two_paragraphs(exported, issue_dir, tmp_path):
    def change(root):
        mark_revision(hengji_p2(root), "del")
    text = article_text(issue_dir, "hengji")
    p2, p3 = text.split("\n\n")[2:4]
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {HENGJI: replaced(text, (p2 + "\n\n" + p3, p2 + p3))})
    assert "hengji 正文 p2+p3: paragraphs merged" in result.stdout


def test_inserted_paragraph_mark_splits_a_paragraph(exported, issue_dir, tmp_path):
    cut = "心头事。"

    def change(root):
        p = hengji_p2(root)
        first, rest = split_run_at(p, cut)
        first.find(W + "t").text += cut
        second = el("p", el("pPr", el("pStyle", val=style_id("正文"))))
        p.addnext(second)
        for node in list(p)[list(p).index(rest):]:
            second.append(node)                  # the tail, with the bookmark's end
        mark_revision(p, "ins")
    text = article_text(issue_dir, "hengji")
    before, result = imported(exported, issue_dir, tmp_path, change, "--track-changes", "reject")
    assert result.code == 0 and "changed 0" in result.stdout     # rejected: one paragraph
    assert_changed_only(issue_dir, before, {})
    result = cli_import(tmp_path / "edited.docx", issue_dir)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {HENGJI: replaced(text, (cut, cut + "\n\n"))})


@pytest.mark.parametrize("bookmark", ["moved with the text", "left behind"])
def test_moved_paragraph_with_move_from_and_move_to(exported, issue_dir, tmp_path, bookmark):
    """Word's tracked move: w:moveFrom/w:moveTo with their range markers; p2 after p3."""
    def change(root):
        p2, p3 = hengji_p2(root), paragraph(root, "hengji", "p3")
        r, whole = text_run(p2)
        moved_from = revision("moveFrom", r)
        p2.append(moved_from)
        p2.insert(1, el("moveFromRangeStart", id=1, name="move1", author="校对 刘"))
        p2.append(el("moveFromRangeEnd", id=1))
        mark_revision(p2, "moveFrom")
        copy = el("p", el("pPr", el("pStyle", val=style_id("正文"))))
        mark_revision(copy, "moveTo")
        copy.append(el("moveToRangeStart", id=2, name="move1", author="校对 刘"))
        copy.append(revision("moveTo", run(whole)))
        copy.append(el("moveToRangeEnd", id=2))
        if bookmark == "moved with the text":
            mark = start(root, "hengji", "p2")
            mark_end = end_of(root, mark)
            copy.insert(1, mark)
            copy.append(mark_end)
        p3.addnext(copy)
    text = article_text(issue_dir, "hengji")
    paragraphs = text.split("\n\n")
    moved = "\n\n".join(paragraphs[:2] + [paragraphs[3].rstrip("\n"), paragraphs[2]]) + "\n"
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {HENGJI: moved})
    assert "paragraphs now in the order p1, p3, p2" in result.stdout


def test_formatting_changes_are_not_corrections(exported, issue_dir, tmp_path):
    def change(root):
        p = hengji_p2(root)
        r, _t = text_run(p)
        r.insert(0, el("rPr", el("b"), el("rPrChange", el("rPr"), id=7, author="A", date="x")))
        ppr = p.find(W + "pPr")
        ppr.append(el("pPrChange", el("pPr", el("pStyle", val=style_id("小标题"))), id=8,
                      author="A", date="x"))
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0 and "changed 0" in result.stdout
    assert_changed_only(issue_dir, before, {})


def test_goback_bookmark_and_a_field_change_nothing_but_the_field_result(exported, issue_dir,
                                                                         tmp_path):
    def change(root):
        p = hengji_p2(root)
        r, _t = text_run(p)
        r.addprevious(el("bookmarkStart", id=900, name="_GoBack"))
        r.addprevious(el("bookmarkEnd", id=900))
        field = [el("r", el("fldChar", fldCharType="begin")), el("r", el("instrText")),
                 el("r", el("fldChar", fldCharType="separate")), run("（见第2版）"),
                 el("r", el("fldChar", fldCharType="end"))]
        field[1][0].text = " PAGEREF _Lp1_hengji \\h "
        for node in field:
            p.append(node)
    text = article_text(issue_dir, "hengji")
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {HENGJI: replaced(
        text, ("顺利落成。\n", "顺利落成。（见第2版）\n"))})


# ------------------------------------------------------------ fields by their style

def test_text_typed_after_the_dateline_goes_to_the_body(exported, issue_dir, tmp_path):
    def change(root):
        dateline_end = end_of(root, start(root, "hengji", "dateline"))
        dateline_end.addnext(run("6月15日，", style=style_id("电头")))   # inherited the style
    text = article_text(issue_dir, "hengji")
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {HENGJI: replaced(
        text, ("\n为不断优化", "\n6月15日，为不断优化"))})


def test_a_dateline_typed_over_is_split_at_its_bracket(exported, issue_dir, tmp_path):
    def change(root):
        mark = start(root, "hengji", "dateline")
        styled = mark.getnext()
        end_of(root, mark).getparent().remove(end_of(root, mark))
        mark.getparent().remove(mark)
        styled.find(W + "t").text = "本报讯（记者 常欣月）6月15日，"
    text = article_text(issue_dir, "hengji")
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {HENGJI: replaced(
        text, ("记者 常欣月 通讯员 东宣）", "记者 常欣月）"), ("\n为不断优化", "\n6月15日，为不断优化"))})


def test_new_kicker_goes_to_the_article_below_it(exported, issue_dir, tmp_path):
    def change(root):
        title = paragraph(root, "wuye", "title")
        kicker = el("p", el("pPr", el("pStyle", val=style_id("引题"))), run("聚焦民生实事"))
        title.addprevious(kicker)
    text = article_text(issue_dir, "wuye")
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {"articles/wuye.md": replaced(
        text, ("\n---\n", '\nkicker: "聚焦民生实事"\n---\n'))})
    assert "wuye 引题 kicker: added: 聚焦民生实事" in result.stdout


def test_a_retyped_title_that_lost_its_bookmark_is_applied(exported, issue_dir, tmp_path):
    def change(root):
        mark = start(root, "niaolei", "title")
        p = mark.getparent()
        p.remove(end_of(root, mark))
        p.remove(mark)
        text_run(p)[0].find(W + "t").text = "守护蓝天精灵　共建生态家园"
    text = article_text(issue_dir, "niaolei")
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {"articles/niaolei.md": replaced(
        text, ("共筑生态家园", "共建生态家园"))})


def test_tracked_deletion_of_a_subtitle_empties_it(exported, issue_dir, tmp_path):
    def change(root):
        p = paragraph(root, "wuye", "subtitle")
        r, _t = text_run(p)
        r.find(W + "t").tag = W + "delText"
        deletion = revision("del")
        r.addprevious(deletion)
        deletion.append(r)
        mark_revision(p, "del")
    text = article_text(issue_dir, "wuye")
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {"articles/wuye.md": replaced(
        text, ('subtitle: "铁东区开展住宅小区物业提升工作专题调研"', 'subtitle: ""'))})


# ------------------------------------------------------------ normalisation

def test_wrong_width_punctuation_is_normalised_and_reported(exported, issue_dir, tmp_path):
    def change(root):
        first, _rest = split_run_at(hengji_p2(root), "此前，")
        first.addnext(revision("ins", run('此前,据"居民"反映...４０名Ａ组志愿者--')))
    text = article_text(issue_dir, "hengji")
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 0, result.output
    assert_changed_only(issue_dir, before, {HENGJI: replaced(
        text, ("此前，休闲", "此前，据“居民”反映……40名A组志愿者——休闲"))})
    for rule in ("comma", "double-quotes", "ellipsis", "fullwidth-alnum", "dash"):
        assert f"({rule})" in result.stdout


# ------------------------------------------------------------ conflicts and ambiguity

@pytest.mark.parametrize("snapshot", ["kept", "dropped by the editor's program"])
def test_a_paragraph_changed_in_the_file_since_the_export_is_a_three_way_conflict(
        exported, issue_dir, tmp_path, snapshot):
    path = issue_dir / HENGJI
    path.write_text(replaced(path.read_text(encoding="utf-8"), ("心头事", "烦心事")),
                    encoding="utf-8")
    on_disk = path.read_text(encoding="utf-8")

    def change(root):
        first, _rest = split_run_at(hengji_p2(root), "休闲缺场所")
        first.addnext(run("缺少休闲场所"))
    drop = () if snapshot == "kept" else ("customXml/item1.xml",)
    before, result = imported(exported, issue_dir, tmp_path, change, drop=drop)
    assert result.code == 3
    assert_changed_only(issue_dir, before, {})
    out = result.stdout
    assert "NOT APPLIED hengji 正文 p2: changed in the article file since the DOCX was made" in out
    assert "file now:  此前，休闲缺场所一直是这两个小区居民的烦心事" in out
    assert "DOCX:      此前，缺少休闲场所一直是这两个小区居民的心头事" in out
    exported_line = "exported:  此前，休闲缺场所一直是这两个小区居民的心头事" if snapshot == "kept" \
        else "exported:  (not kept in the DOCX; checksum"
    assert exported_line in out
    result = cli_import(tmp_path / "edited.docx", issue_dir, "--force")
    assert result.code == 0
    assert_changed_only(issue_dir, before, {HENGJI: replaced(
        on_disk, ("休闲缺场所一直是这两个小区居民的烦心事", "缺少休闲场所一直是这两个小区居民的心头事"))})


def test_a_paragraph_moved_into_another_article_is_held(exported, issue_dir, tmp_path):
    def change(root):
        p2 = hengji_p2(root)
        paragraph(root, "wuye", "p2").addnext(p2)
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 3
    assert_changed_only(issue_dir, before, {})
    assert "hengji 正文 p2: sits among another article's paragraphs" in result.stdout
    assert P2 in result.stdout


def test_a_paragraph_joined_across_two_articles_is_held(exported, issue_dir, tmp_path):
    def change(root):
        last = paragraph(root, "hengji", "p3")
        title = paragraph(root, "wuye", "title")
        for node in [n for n in title if n.tag != W + "pPr"]:
            last.append(node)
        title.getparent().remove(title)
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 3
    assert_changed_only(issue_dir, before, {})
    assert "hengji 正文 p3 + wuye 主题 title: one paragraph holds parts that belong apart" \
        in result.stdout


def test_a_pasted_copy_is_kept_once_and_reported(exported, issue_dir, tmp_path):
    def change(root):
        p2 = hengji_p2(root)
        copy = etree_copy(p2)
        mark = copy.find(W + "bookmarkStart")
        mark.set(W + "name", mark.get(W + "name") + "_Copy_1")
        mark.set(W + "id", "950")
        copy.find(W + "bookmarkEnd").set(W + "id", "950")
        paragraph(root, "hengji", "p3").addnext(copy)
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 3
    assert_changed_only(issue_dir, before, {})
    assert "the same paragraph stands twice in the DOCX" in result.stdout


def test_a_text_box_is_reported_not_dropped(exported, issue_dir, tmp_path):
    def change(root):
        box = el("txbxContent", el("p", run("图片来源：铁东区融媒体中心")))
        hengji_p2(root).append(el("r", el("pict", box)))
    before, result = imported(exported, issue_dir, tmp_path, change)
    assert result.code == 3 and "text box: 图片来源：铁东区融媒体中心" in result.stdout
    assert_changed_only(issue_dir, before, {})


def test_a_footnote_is_reported_not_dropped(exported, issue_dir, tmp_path):
    footnotes = (f'<w:footnotes xmlns:w="{W[1:-1]}">'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
                 '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>凉亭由区人大代表提议建设。</w:t>'
                 '</w:r></w:p></w:footnote></w:footnotes>').encode()
    rel = ('<Relationship Id="rIdFoot" Type="http://schemas.openxmlformats.org/officeDocument/'
           '2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')

    def change(root):
        hengji_p2(root).append(el("r", el("footnoteReference", id=1)))
    edited = edit(exported, tmp_path / "e.docx", change, parts={
        "word/footnotes.xml": lambda _old: footnotes,
        "word/_rels/document.xml.rels": lambda old: old.replace(b"</Relationships>",
                                                                rel.encode())})
    before = state(issue_dir)
    result = cli_import(edited, issue_dir)
    assert result.code == 3, result.output
    assert "footnotes and endnotes (not imported): 1" in result.stdout
    assert "hengji 正文 p2: 凉亭由区人大代表提议建设。" in result.stdout
    assert_changed_only(issue_dir, before, {})


def etree_copy(element):
    import copy

    return copy.deepcopy(element)
