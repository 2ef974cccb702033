"""A headline group's lines → 引题, 主题, 副题 (newspaper.md: the headline group).

A line led by a dash is the 副题. Of two other lines, the second is the 副题
when it is the plain factual line under a two-phrase 主题 and longer than it
(`办好民生实事 打造温馨家园` over `铁东区平南街道恒吉社区持续优化社区服务`),
or, neither having a phrase gap, when it is much the longer (a 副题 spells out
what a short 主题 announces: `智慧停车平台上线运行` over
`全区2.6万个公共泊位实现“一网通停”`); otherwise the two are 引题 and 主题
(`家门口就能吃上热乎饭` over `我区新增15个社区长者食堂`). Three lines are
引题, 主题, 副题; a fourth is left over.
"""
from __future__ import annotations

from layout.intake.chars import HORIZONTAL_SPACE

DASHES = ("——", "--", "—", "―", "－－")
_MUCH_LONGER = 1.4   # a 副题 under a 主题 without phrase gap is at least this much longer


def has_gap(text: str) -> bool:
    """A space inside the text: the phrase gap of a two-phrase headline."""
    return any(c in HORIZONTAL_SPACE for c in text.strip(HORIZONTAL_SPACE))


def _plain_length(text: str) -> int:
    return sum(1 for c in text if c not in HORIZONTAL_SPACE)


def _second_is_subtitle(first: str, second: str) -> bool:
    gap1, gap2 = has_gap(first), has_gap(second)
    longer = _plain_length(second) / max(1, _plain_length(first))
    if gap2:
        return False
    if gap1:
        return longer > 1
    return longer >= _MUCH_LONGER


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
