"""A headline group's lines → 引题, 主题, 副题 (newspaper.md: the headline group).

A line led by a dash is the 副题. Of two other lines, the second is the 副题
or the first a 引题 as the signs weigh: a 副题 explains (a clause with a
comma: `优良天数比例达到82.4%，创近五年同期最好水平`) or stands as a longer plain
line under a two-phrase 主题 (`办好民生实事 打造温馨家园` over
`铁东区平南街道恒吉社区持续优化社区服务`); otherwise the second line is the
主题 under its 引题, the more usual pair (the numbers of the news in it:
`文旅市场持续升温` over `假期接待游客18.6万人次`), as a two-phrase line under a
plain one is the 主题 under its 引题 — as is a line under a short slogan (`看病少跑腿`,
`小巷管家　大事小情都管`). A whole statement of news — a thing begun, opened or done
(`城乡居民医保缴费开始`, `江城马拉松明年3月开跑`) — over a line of its figures is the 主题 over
its 副题, whichever line is the longer. Every such pair is listed for the editor. Three lines
are 引题, 主题, 副题; a fourth is left over.
"""
from __future__ import annotations

import re

from layout.intake.chars import HORIZONTAL_SPACE

DASHES = ("——", "--", "—", "―", "－－")
# A 引题 is a short slogan over the 主题 (新学期新气象, 看病少跑腿, 城市更新进行时; a pair of them: 小巷管家
# 大事小情都管); a 主题 says more than this. A first line this short (in characters, the gap
# not counted) weighs for 引题 over 主题 rather than 主题 over 副题.
SLOGAN_MAX_CHARS = 7
SLOGAN_PAIR_MAX_CHARS = 10
_PAUSES = "，,、：:"
# The opening of a 副题 that leans on the 主题 above for its subject: a span of time up to now
# (`今年以来`), a running sum (`累计`, `共`), a part of the whole (`其中`), a comparison (`比原计划`,
# `较去年`), a date it is counted to (`截至`).
DETAIL_OPENING = re.compile(r"^(?:[^，,。\s]{1,4}以来|累计|截至|其中|共计|比(?:原计划|去年|上年)|"
                            r"较(?:去年|上年))")
# A whole statement of news: its subject, then a verb of a thing begun, opened or done
# (`城乡居民医保缴费开始`, `江城马拉松明年3月开跑`), with the count of it after (`开通定制公交线路10条`).
DONE_STATEMENT = re.compile(r"(?:开始|开通|开跑|开赛|开幕|闭幕|落幕|收官|合龙|贯通|通车|开工|完工|竣工|"
                            r"上线|运行|投用|启用|开放|开业|揭晓)"
                            r"(?:[^\d\s]{0,8}\d+(?:\.\d+)?[^\d\s，,]{1,2})?$")


def has_gap(text: str) -> bool:
    """A space inside the text: the phrase gap of a two-phrase headline — not a space
    between two Latin words (`David Miller`, `Smart City`)."""
    text = text.strip(HORIZONTAL_SPACE)
    return any(c in HORIZONTAL_SPACE and not (text[k - 1].isascii() and text[k + 1].isascii()
                                              and c == " ")
               for k, c in enumerate(text))


def _plain_length(text: str) -> int:
    return sum(1 for c in text if c not in HORIZONTAL_SPACE)


def _width(text: str) -> float:
    """Width in ems without spaces (ASCII half an em)."""
    return sum(0.5 if c < "\u2000" else 1.0 for c in text if c not in HORIZONTAL_SPACE)


def _second_is_subtitle(first: str, second: str) -> bool:
    """Whether the second of two headline lines is a 副题 (else the first is a 引题): the
    signs of a 副题 against those of a 主题 under a 引题, weighed (newspaper.md)."""
    gap1, gap2 = has_gap(first), has_gap(second)
    digits1, digits2 = any(c.isdigit() for c in first), any(c.isdigit() for c in second)
    ratio = _width(second) / max(1.0, _width(first))
    score = 0
    if any(c in _PAUSES for c in second) and not any(c in _PAUSES for c in first):
        score += 2          # a 副题 explains, in a clause or two; a 主题 rarely has a comma
    if gap1 and not gap2:
        score += 2 if ratio > 1 else -1   # a two-phrase 主题 over a longer plain line
    if gap2 and not gap1:
        score -= 2          # the two-phrase line is the 主题, the one above its 引题
    if digits2 and not digits1:
        # The 主题 under a 引题 often carries the news's numbers (`文旅市场持续升温` over
        # `假期接待游客18.6万人次`); a shorter line of figures under a whole statement of the news
        # is its 副题, the detail (`城北污水处理厂二期投入运行` over `日处理能力提升至8万吨`).
        score += 2 if ratio < 1 else -1
    score -= ratio <= 1                # a 副题 is not the shorter line
    if digits2 and DONE_STATEMENT.search(first.strip(HORIZONTAL_SPACE)) and not gap1:
        score += 3          # a whole statement of news over a line of its figures is the 主题
                            # over its 副题, the detail (`城乡居民医保缴费开始` over
                            # `个人缴费标准每人每年400元`), though the second be the longer or
                            # the first carry figures too (`江城马拉松明年3月开跑` over
                            # `报名通道12月10日开启`)
    if DETAIL_OPENING.match(second):
        score += 2          # a line opening on a span, a sum or a comparison has no subject of
                            # its own: it goes on from the 主题 above (`今年以来累计…`, `比原计划…`)
    # A longer second line alone is no sign of a 副题: of the corpora's 36 two-line groups
    # with no dash, 30 are a 引题 over a longer 主题 (`以旧换新补贴政策延续实施` over
    # `前两个月全市汽车家电销售额增长一成二`; `3万名跑者将沿江奔跑` over `江城马拉松本周日鸣枪`).
    if _plain_length(first) <= (SLOGAN_PAIR_MAX_CHARS if gap1 else SLOGAN_MAX_CHARS):
        score -= 4          # a slogan this short is a 引题, not a 主题, even over a line much
                            # the longer (`储备菜投放　平价店扩容` over a 16-character 主题)
    return score > 0


def headline_roles(lines: list[str]) -> tuple[str, str, str, list[int]]:
    """(引题, 主题, 副题, indices of lines left over) for a headline group."""
    order = list(range(len(lines)))
    subtitle = ""
    if len(order) > 1 and lines[order[-1]].startswith(DASHES):
        subtitle = lines[order.pop()]
    if len(order) == 1:
        return "", lines[order[0]], subtitle, []
    first, second = lines[order[0]], lines[order[1]]
    if len(order) == 2 and not subtitle:
        if _second_is_subtitle(first, second):
            return "", first, second, []
        return first, second, "", []
    if subtitle or len(order) == 2:
        return first, second, subtitle, order[2:]
    return first, second, lines[order[2]], order[3:]
