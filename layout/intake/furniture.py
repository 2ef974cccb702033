"""A web page's furniture in copy pasted from a 数字报 site: lines that belong to no story.

An article copied from a newspaper's web edition brings the page's own lines
with it: the 版次 line above the headline (`柳塘日报 2026年11月19日 第02版：民生`),
the editor and source under the text (`【责任编辑：韩雪】`, `【来源：柳塘日报】`,
`责任编辑：韩雪　校对：李明`), the links to the neighbouring articles
(`上一篇：停水通知`, `下一篇：…`) and the page's tools (`【字体：大 中 小】`,
`打印本页　关闭窗口`). None of it is copy: kept, the 版次 line reads as a
引题, the editor's line as a headline and the links as a story's last lines.

Such lines are taken out before the copy is read, each listed in the report
with its line (never silently); a dropped line counts as a blank line, so the
articles it stood between stay apart. Only whole lines of these forms go: a
sentence that mentions 第3版 or 来源 is text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from layout.intake.lines import Line, LineKind

_FIELD_LABEL = (r"(?:责任编辑|本版编辑|编辑|责编|美编|校对|审核|审校|初审|复审|终审|"
                r"稿件来源|新闻来源|来源|版次|版名|字体|字号)")
_FIELD = rf"[【\[]?{_FIELD_LABEL}[ \u3000]*[:：][^【】\[\]。！？；，,]{{0,24}}?[】\]]?"
# A line of one or more `label：value` fields (`【责任编辑：韩雪】`, `责任编辑：韩雪　校对：李明`).
_FIELDS = re.compile(rf"^{_FIELD}(?:[ \u3000|｜]*{_FIELD})*$")
# The links to the neighbouring articles or pages, and the page's tools.
_LINK = re.compile(r"^[【\[]?(?:上一篇|下一篇|上一版|下一版|上一期|下一期|分享到|相关新闻)"
                   r"[】\]]?(?:[ \u3000]*[:：].{0,60})?$")
_TOOL = (r"(?:[【\[](?:打印|关闭|收藏|返回|放大|缩小|默认)[^【】\[\]]{0,4}[】\]]|"
         r"打印本页|打印本文|关闭窗口|返回目录|返回本版|返回首页|返回顶部|字体[:：]?[ \u3000]*"
         r"大[ \u3000]*中[ \u3000]*小)")
_TOOLS = re.compile(rf"^{_TOOL}(?:[ \u3000|｜]*{_TOOL})*$")
# The 版次 line: a page number as the web edition prints it (`第02版`, `第A03版：民生`) with the
# paper's name or the date, and no sentence.
_PAGE_NO = re.compile(r"第[ \u3000]*[A-Za-z]?[0-9０-９]{1,3}[ \u3000]*版")
_NOT_FURNITURE = re.compile(r"[。！？；，,]")
_PAGE_LINE_MAX = 40


@dataclass(frozen=True, slots=True)
class Dropped:
    """A line of web furniture taken out of the copy."""

    line: int
    text: str


def is_furniture(text: str) -> bool:
    """A whole line that is a web page's furniture, not copy."""
    if _FIELDS.match(text) or _LINK.match(text) or _TOOLS.match(text):
        return True
    return bool(_PAGE_NO.search(text)) and len(text) <= _PAGE_LINE_MAX \
        and not _NOT_FURNITURE.search(text)


def drop_furniture(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    """`lines` without the web furniture, each dropped line counted as a blank line before the
    next line kept; and the lines dropped."""
    kept, dropped, carry = [], [], 0
    for line in lines:
        if line.kind is LineKind.TEXT and is_furniture(line.text):
            dropped.append(Dropped(line.number, line.text))
            carry += line.blanks + 1
            continue
        kept.append(replace(line, blanks=line.blanks + carry) if carry else line)
        carry = 0
    return kept, dropped
