"""Segmenting raw copy: headline roles, bylines, 电头, 小标题, photo news, rejoined paragraphs."""
from __future__ import annotations

import pytest

from layout.intake.blocks import BlockKind, classify, split_blocks
from layout.intake.segment import headline_roles, segment


@pytest.mark.parametrize(("line", "kind"), [
    ("本报通讯员 王琳", BlockKind.BYLINE),
    ("本报记者 常欣月 李明", BlockKind.BYLINE),
    ("本报通讯员 东宣 摄", BlockKind.CREDIT),
    ("本报讯(记者 常欣月 通讯员 东宣)为不断优化社区服务,", BlockKind.DATELINE),
    ("本报讯（通讯员 高欣）近日，", BlockKind.DATELINE),
    ("办好民生实事 打造温馨家园", BlockKind.HEADLINE),
    ("——铁东区持续深化城市党建引领基层治理记事", BlockKind.HEADLINE),
    ("规划设计、优化功能布局等工作,最终让两座休闲凉亭顺利落成。", BlockKind.BODY),
    ("活动中,社区工作人员用通俗易懂的语言进行讲解,向居民详细介绍", BlockKind.BODY),
])
def test_classify(line, kind):
    assert classify(line, 1).kind is kind


@pytest.mark.parametrize(("lines", "roles"), [
    (["党建引领添活力 基层治理见真章", "——铁东区持续深化城市党建引领基层治理记事"],
     ("", "党建引领添活力 基层治理见真章", "——铁东区持续深化城市党建引领基层治理记事")),
    (["办好民生实事 打造温馨家园", "铁东区平南街道恒吉社区持续优化社区服务"],
     ("", "办好民生实事 打造温馨家园", "铁东区平南街道恒吉社区持续优化社区服务")),
    (["喜迎新春 欢度佳节", "我区举办迎春活动"], ("喜迎新春 欢度佳节", "我区举办迎春活动", "")),
    (["引题在上", "主题居中", "——副题在下"], ("引题在上", "主题居中", "——副题在下")),
    (["单独一行主题"], ("", "单独一行主题", "")),
])
def test_headline_roles(lines, roles):
    assert headline_roles(lines)[:3] == roles


def _drafts(text, markdown=False):
    return segment(split_blocks(text, markdown))


def test_broken_lines_are_rejoined_but_whole_paragraphs_stay_apart():
    text = ("一二三 四五六\n\n七八九十\n\n本报讯(通讯员 甲)前半句,\n\n后半句。\n\n"
            "另一个完整的段落。\n\n活动中,工作人员向居民详细介绍\n文明养犬的基本要求\n\n和注意事项。\n")
    (draft,), notes = _drafts(text)
    assert [p.text for p in draft.paragraphs] == ["前半句,后半句。", "另一个完整的段落。",
                                                  "活动中,工作人员向居民详细介绍文明养犬的基本要求和注意事项。"]
    assert draft.dateline == "本报讯(通讯员 甲)" and not notes


def test_single_short_line_inside_a_story_is_a_subhead():
    text = "主题一行 二行\n\n本报通讯员 王琳\n\n第一段。\n\n固本强基 筑牢堡垒\n\n第二段。\n"
    (draft,), _ = _drafts(text)
    assert draft.byline == "本报通讯员 王琳"
    assert [(p.subhead, p.text) for p in draft.paragraphs] == [
        (False, "第一段。"), (True, "固本强基 筑牢堡垒"), (False, "第二段。")]


def test_photo_news_takes_the_paragraph_before_its_credit():
    text = ("甲乙丙丁 戊己庚辛\n\n——副题\n\n正文一段。\n\n"
            "图片说明一,近日举行活动。\n\n本报通讯员 东宣 摄\n\n"
            "图片说明二。\n\n本报通讯员 高欣 摄\n")
    drafts, notes = _drafts(text)
    assert [d.kind for d in drafts] == ["story", "photo", "photo"]
    assert [p.text for p in drafts[0].paragraphs] == ["正文一段。"]
    assert (drafts[1].caption.text, drafts[1].credit) == ("图片说明一,近日举行活动。", "本报通讯员 东宣 摄")
    assert drafts[2].caption.text == "图片说明二。" and not notes


def test_headlined_photo_item_keeps_its_title():
    (draft,), _ = _drafts("雪后初晴\n\n市民在公园里赏雪。\n\n本报记者 李明 摄\n")
    assert (draft.kind, draft.title, draft.caption.text) == ("photo", "雪后初晴", "市民在公园里赏雪。")


def test_lines_that_fit_no_part_are_kept_and_noted():
    text = "开头没有标题的正文。\n\n主题 甲乙\n\n副题说明较长的一行事实\n\n正文。\n\n本报通讯员 王琳\n"
    drafts, notes = _drafts(text)
    kept = [p.text for d in drafts for p in d.paragraphs]
    assert "开头没有标题的正文。" in kept and "本报通讯员 王琳" in kept
    assert {n.line for n in notes} == {1, 9}


def test_markdown_headings_and_breaks():
    text = "# 第一篇主题\n\n## ——副题\n\n正文。\n\n## 小标题\n\n又一段。\n\n---\n\n# 第二篇\n\n正文二。\n"
    drafts, notes = _drafts(text, markdown=True)
    assert [(d.title, d.subtitle) for d in drafts] == [("第一篇主题", "——副题"), ("第二篇", "")]
    assert [(p.subhead, p.text) for p in drafts[0].paragraphs] == [
        (False, "正文。"), (True, "小标题"), (False, "又一段。")]
    assert not notes
