"""The 电头 that opens a story's first paragraph, split from the text it runs into.

Two forms (newspaper.md: 电头): the agency or paper's own (`本报讯（记者 …）`,
`【本报讯】`, `新华社北京6月17日电`), whose end the pattern shows; and a byline set
as an 电头, run straight into the text (`本报记者 韩冬 孟佳琪初冬的早晨，…`), whose
last name's end the raw text does not show: names set apart by spaces are
taken whole, the last one as jieba's dictionary reads a name (`words`) or, where it
reads none, as the one length (2 or 3) after which a word of the dictionary begins
(`韩冬冬日的` → `韩冬`), and the split is a guess the report lists.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from layout.intake import patterns as P
from layout.intake.words import leading_name, name_before_word

_STAFF = re.compile(rf"^{P.STAFF}$")
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_SPACES = re.compile(r"[ \u3000\u00a0]+")


class Dateline(NamedTuple):
    dateline: str
    text: str        # the paragraph's text after it
    guessed: bool    # a name's end read by the dictionary, not shown by the copy


def _han_run(token: str) -> str:
    """A name the copy ends itself: 2 to 4 Han characters before a digit or a mark
    (`欧阳晓10月8日`), where the dictionary reads none."""
    run = re.match(r"[\u4e00-\u9fff]{2,4}(?=[^\u4e00-\u9fff])", token)
    return run.group() if run else ""


def _staff_lead(text: str) -> Dateline | None:
    """`本报记者 冯洁清晨6时…` → (`本报记者 冯洁`, `清晨6时…`); None where no name is read."""
    lead = P.STAFF_LEAD.match(text)
    if lead is None:
        return None
    pos, named = lead.end() - 1, False
    while True:
        gap = _SPACES.match(text, pos)
        token_start = gap.end() if gap else pos
        token = re.match(r"[^ \u3000\u00a0]*", text[token_start:]).group()
        if named and gap is None:
            break
        if _STAFF.match(token) or (_NAME.match(token) and token_start + len(token) < len(text)
                                    and text[token_start + len(token)] in " \u3000\u00a0"):
            pos, named = token_start + len(token), not _STAFF.match(token)
            continue
        name = leading_name(token) or _han_run(token) or name_before_word(token)
        if name:
            return Dateline(text[:token_start + len(name)], text[token_start + len(name):], True)
        break
    if not named:
        return None
    return Dateline(text[:pos], text[pos:].lstrip(" \u3000\u00a0"), False)


def split_dateline(text: str) -> Dateline | None:
    """The 电头 opening `text` and the text after it, or None when `text` opens with none."""
    match = P.DATELINE.match(text)
    if match:
        return Dateline(match.group(1).rstrip(" \u3000"), match.group(2), False)
    return _staff_lead(text)
