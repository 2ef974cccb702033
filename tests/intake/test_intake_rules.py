"""One table-driven test per normalisation rule: what it changes, and what it must leave alone."""
from __future__ import annotations

import pytest

from layout.intake.normalise import normalise
from layout.intake.rules import RULES

# (rule, role, raw, expected)
CASES = [
    ("fullwidth-alnum", "body", "共有１２３户ＡＢｃ", "共有123户ABc"),
    ("ellipsis", "body", "等等...", "等等……"),
    ("ellipsis", "body", "还有。。。", "还有……"),
    ("ellipsis", "body", "还有…吗", "还有……吗"),
    ("ellipsis", "body", "wait... what", "wait... what"),
    ("ellipsis", "body", "还有……吗", "还有……吗"),
    ("dash", "body", "连心桥--清晨", "连心桥——清晨"),
    ("dash", "body", "连心桥—清晨", "连心桥——清晨"),
    ("dash", "heading", "--铁东区记事", "——铁东区记事"),
    ("dash", "body", "a--b and x—y", "a--b and x—y"),
    ("comma", "body", "今年以来,铁东区", "今年以来，铁东区"),
    ("comma", "body", "共1,295栋", "共1,295栋"),
    ("comma", "body", "Hello, world", "Hello, world"),
    ("comma", "body", "“好”,他说", "“好”，他说"),
    ("semicolon", "body", "项目91个;深化", "项目91个；深化"),
    ("colon", "body", "时间:10:30", "时间：10:30"),
    ("question-mark", "body", "为什么?", "为什么？"),
    ("exclamation-mark", "body", "太好了!", "太好了！"),
    ("full-stop", "body", "完成了.下一步", "完成了。下一步"),
    ("full-stop", "body", "版本3.5发布", "版本3.5发布"),
    ("parentheses", "body", "网格(小区)党群", "网格（小区）党群"),
    ("parentheses", "credit", "本报讯(记者 常欣月)", "本报讯（记者 常欣月）"),
    ("parentheses", "body", "f(x) = 1", "f(x) = 1"),
    ("book-title-marks", "body", "制定<<实施方案>>,", "制定《实施方案》，"),
    ("book-title-marks", "body", "x <<y>> z", "x <<y>> z"),
    ("double-quotes", "body", '开展"红道网格"计划', "开展“红道网格”计划"),
    ("double-quotes", "body", 'say "hi" now', 'say "hi" now'),
    ("single-quotes", "body", "他说:'好的'", "他说：‘好的’"),
    ("single-quotes", "body", "他说don't", "他说don't"),
    ("space-body", "body", "社区 工作者", "社区工作者"),
    ("space-heading", "heading", "新增充电端口2600个  “飞线充电”明显减少",
     "新增充电端口2600个\u3000“飞线充电”明显减少"),
    ("space-heading", "heading", "“飞线充电”  明显减少", "“飞线充电”\u3000明显减少"),
    ("space-heading", "heading", "建成5G  基站120个", "建成5G\u3000基站120个"),
    ("space-heading", "heading", "建成5G 基站", "建成5G基站"),
    ("space-heading", "heading", "“ 飞线充电 ”", "“飞线充电”"),
    ("space-heading", "verse", "风 吹过河湾", "风\u3000吹过河湾"),
    ("space-body", "body", "美好晨苑 D10 小区", "美好晨苑D10小区"),
    ("space-body", "body", "举办“五星擂台 比武练兵”活动", "举办“五星擂台\u3000比武练兵”活动"),
    ("space-heading", "heading", "办好民生实事 打造温馨家园", "办好民生实事\u3000打造温馨家园"),
    ("space-heading", "heading", "办好民生实事\u3000打造温馨家园", "办好民生实事\u3000打造温馨家园"),
    ("space-credit", "credit", "本报通讯员  东宣\u3000摄", "本报通讯员 东宣 摄"),
    ("space-credit", "credit", "本报讯( 记者 常欣月 )", "本报讯（记者 常欣月）"),
    ("staff-name-space", "credit", "本报讯（记者邵阳 通讯员魏琳）", "本报讯（记者 邵阳 通讯员 魏琳）"),
    ("staff-name-space", "credit", "本报记者站 摄", "本报记者站 摄"),
    ("staff-name-space", "body", "记者从区里获悉", "记者从区里获悉"),
    ("credit-brackets", "credit", "（本报记者 蒋一帆 摄）", "本报记者 蒋一帆 摄"),
    ("credit-brackets", "credit", "本报讯（记者 蒋一帆）", "本报讯（记者 蒋一帆）"),
    ("heading-brackets", "heading", "【老仓库变身市民客厅】", "老仓库变身市民客厅"),
    ("heading-brackets", "heading", "【聚焦】老街换新颜", "【聚焦】老街换新颜"),
    ("caption-mark", "caption", "▲ 志愿者为居民修理电风扇。", "志愿者为居民修理电风扇。"),
    ("caption-mark", "body", "▲志愿者为居民修理电风扇。", "▲志愿者为居民修理电风扇。"),
]


@pytest.mark.parametrize(("rule", "role", "raw", "expected"), CASES)
def test_rule(rule, role, raw, expected):
    result = normalise(raw, role)
    assert result.text == expected
    fired = {c.rule for c in result.changes}
    if raw == expected:
        assert not fired  # a "leave alone" case
    else:
        assert rule in fired


def test_markdown_markup_goes_only_for_markdown_input():
    raw = "这是**重点**和`代码`,还有__强调__"
    assert normalise(raw, markdown=True).text == "这是重点和代码，还有强调"
    assert normalise(raw).text == "这是**重点**和`代码`，还有__强调__"


def test_every_rule_is_exercised_and_cites_a_source():
    names = {r.name for r in RULES} - {"markdown-markup"}
    assert names <= {case[0] for case in CASES}
    assert all(("GB/T" in r.cites or "typography.md" in r.cites) for r in RULES if r.name in names)


@pytest.mark.parametrize("text", [
    "详见http://example.com/a,b?x=1:2,谢谢",
    "来信请寄editor@example.com,谢谢",
    "访问www.example.org/path(1)了解",
])
def test_urls_and_emails_are_kept_as_written(text):
    import re

    kept = re.search(r"(?:http://|www\.)\S+?(?=[,，]|了)|\S+@\S+\.com", text).group()
    assert kept in normalise(text).text


def test_spaces_setting_off_an_address_are_kept():
    text = "请登录 https://example.gov.cn/a 查看,或致信 a@example.cn 咨询"
    assert normalise(text).text == "请登录 https://example.gov.cn/a 查看，或致信 a@example.cn 咨询"


def test_change_records_before_after_and_position():
    result = normalise("甲,乙")
    (change,) = result.changes
    assert (change.rule, change.before, change.after, change.position) == ("comma", ",", "，", 1)


def test_credit_role_keeps_name_spaces_body_role_removes_them():
    assert normalise("本报通讯员 王琳", "credit").text == "本报通讯员 王琳"
    assert normalise("本报通讯员 王琳", "body").text == "本报通讯员王琳"


def test_wechat_decoration_goes_from_a_whole_heading_and_a_caption_only():
    """【】 around a whole 小标题 and ▲ before a caption are WeChat's decoration: the page sets
    both in their own type. Brackets inside a heading, an 电头's 【本报讯】 and a ▲ in body text
    stay."""
    assert normalise("【老仓库变身市民客厅】", "heading").text == "老仓库变身市民客厅"
    assert normalise("【一窗受理　集成服务】", "heading").text == "一窗受理　集成服务"
    assert normalise("【聚焦】老街换新颜", "heading").text == "【聚焦】老街换新颜"
    assert normalise("【本报讯】", "credit").text == "【本报讯】"
    assert normalise("▲ 志愿者为居民修理电风扇。", "caption").text == "志愿者为居民修理电风扇。"
    assert normalise("▲志愿者为居民修理电风扇。", "body").text == "▲志愿者为居民修理电风扇。"
    assert [c.rule for c in normalise("▲ 居民在公园锻炼。", "caption").changes] == ["caption-mark"]
