"""Newsroom habits found by importing copy the importer had never seen (tests/intake/newsroom.py),
each pinned here on its own."""
from __future__ import annotations

import pytest

from layout.intake.heads import headline_roles
from layout.intake.lines import LineKind, classify, read_lines
from layout.intake.normalise import normalise
from layout.intake.segment import segment
from layout.intake.shape import detect
from layout.intake.unwrap import unwrap


def _segment(text, markdown=False):
    lines = read_lines(text, markdown)
    units, joins = unwrap(lines, detect(lines, markdown))
    return segment(units, joins)


def test_an_dateline_in_square_brackets_opens_the_story():
    assert classify("【本报讯】9月1日，松林区")[0] is LineKind.DATELINE
    (draft,), _, _ = _segment("全区中小学生开学\n\n【本报讯】9月1日，全区开学。\n")
    assert (draft.title, draft.dateline, draft.paragraphs[0].text) == (
        "全区中小学生开学", "【本报讯】", "9月1日，全区开学。")


def test_a_staff_title_written_against_the_name_gets_its_space():
    assert normalise("本报讯（记者邵阳 通讯员魏琳）", "credit").text == "本报讯（记者 邵阳 通讯员 魏琳）"
    assert normalise("本报记者站 摄", "credit").text == "本报记者站 摄"


@pytest.mark.parametrize("title", ["青少年科技节吸引上万人参与", "全市新建三个劳动教育基地"])
def test_a_headline_ending_in_a_word_like_参与_does_not_stop_mid_clause(title):
    text = f"第一个故事\n本报记者 王琳\n正文一段。\n{title}\n9月6日，活动在区科技馆开幕。\n"
    drafts, _, _ = _segment(text)
    assert [d.title for d in drafts] == ["第一个故事", title]


def test_a_short_slogan_over_a_longer_line_is_the_kicker():
    assert headline_roles(["看病少跑腿", "区人民医院开通“一站式”服务中心"])[:3] == (
        "看病少跑腿", "区人民医院开通“一站式”服务中心", "")
    assert headline_roles(["小巷管家 大事小情都管", "青枫街道“巷长制”让老街焕新"])[:3] == (
        "小巷管家 大事小情都管", "青枫街道“巷长制”让老街焕新", "")


def test_a_lone_long_plain_line_in_a_story_opens_a_new_one():
    text = ("第一个故事\n\n本报记者 王琳\n\n正文一段说完了。\n\n“银发志愿队”活跃在街头巷尾\n\n"
            "在南门街道，有一支平均年龄68岁的志愿队。\n")
    drafts, _, decisions = _segment(text)
    assert [d.title for d in drafts] == ["第一个故事", "“银发志愿队”活跃在街头巷尾"]
    assert (7, "story") in [(d.line, d.what) for d in decisions]


def test_markdown_kicker_above_the_title_emphasis_lines_and_blank_lines():
    text = ("### 民生实事项目提速\n\n# 老旧小区加装电梯突破200部\n\n*本报记者 冯清*\n\n第一段说完了。\n\n"
            "**一、审批时间压缩一半**\n\n第二段，\n\n第三段。\n\n---\n\n看病少跑腿\n\n# 区人民医院开通服务中心\n\n正文。\n")
    first, second = _segment(text, markdown=True)[0]
    assert (first.kicker, first.title, first.byline) == (
        "民生实事项目提速", "老旧小区加装电梯突破200部", "本报记者 冯清")
    assert [(p.kind, p.text) for p in first.paragraphs] == [
        ("body", "第一段说完了。"), ("subhead", "一、审批时间压缩一半"), ("body", "第二段，"),
        ("body", "第三段。")]
    assert (second.kicker, second.title) == ("看病少跑腿", "区人民医院开通服务中心")


def test_a_photo_items_caption_cut_after_its_first_line_is_made_whole():
    text = ("正文一段说完了。\n\n中秋灯会点亮古街\n9月5日晚，市民在西桥古街观赏中秋花灯。\n"
            "本次灯会共展出各式花灯1200余盏。\n本报记者 冯清 摄\n")
    drafts, _, decisions = _segment(text)
    item = drafts[-1]
    assert (item.kind, item.title, item.photos[0].caption.text) == (
        "photo", "中秋灯会点亮古街", "9月5日晚，市民在西桥古街观赏中秋花灯。本次灯会共展出各式花灯1200余盏。")
    assert "caption" in {d.what for d in decisions}


def test_a_long_verse_line_stays_in_a_poem_with_a_blank_line_after_every_line():
    lines = ["铁东的早晨", "□ 林晓", "天还没亮透", "早点铺的蒸笼先醒了", "公交车轻轻靠站",
             "车窗里的人们睡眼惺忪，手里攥着热乎乎的豆浆和刚出锅的油条，像攥着一整天的盼头",
             "路口的红绿灯", "耐心地数着秒", "江边的早市", "□ 周岚", "小时候住在江边，最盼的是赶早市。"]
    drafts, _, _ = _segment("\n\n".join(lines) + "\n")
    assert [(d.kind, d.title) for d in drafts] == [("poem", "铁东的早晨"), ("story", "江边的早市")]
    assert [p.text for p in drafts[0].paragraphs] == lines[2:8]
