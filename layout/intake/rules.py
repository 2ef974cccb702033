"""The normalisation rules, as a table (typography.md §9; GB/T 15834-2011, GB/T 15835-2011).

Each rule is a function from text to a list of edits `(start, end, replacement)`
over that text; `RULES` names each one, cites its source and says to which
parts of an article it applies. The engine (`normalise.py`) applies them in
table order, each until it changes nothing more, so the result is a fixed
point and normalising twice changes nothing.

Roles: `body` (paragraphs), `caption` (a photo's caption: as body, and a WeChat ▲ before it
goes), `heading` (引题, 主题, 副题, 小标题; a whole heading in WeChat's 【】 loses them),
`verse` (a poem's lines: the poet's spaces are kept as U+3000), `credit`
(byline, 电头, photo credit — the spaces between a title and a name there
are deliberate and kept).

Every rule's edits cost time linear in the text (issue 17): patterns bound
their repeats and per-text facts (quoted slogans) are found once a pass.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from layout.intake.chars import is_chinese, is_cjk_text, is_han, is_space, neighbour
from layout.intake.patterns import BRACKETED_CREDIT, STAFF_NAME_JOINED

Edit = tuple[int, int, str]

ALL_ROLES = frozenset({"body", "caption", "heading", "verse", "credit"})


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    cites: str
    edits: Callable[[str], list[Edit]]
    roles: frozenset[str] = ALL_ROLES
    markdown_only: bool = False  # Markdown markup, removed only from .md input
    touches_addresses: bool = True  # False: leave the text right beside a URL or e-mail alone
    trigger: str = ""  # a pattern found in any text the rule can change ("" = always try)


def _chinese_context(text: str, start: int, end: int) -> bool:
    """A Chinese character just before `start` or just after `end` (spaces and the marks
    Chinese shares with Latin, such as quotes, are looked through)."""
    return is_chinese(neighbour(text, start, -1)) or is_chinese(neighbour(text, end - 1, 1))


def _regex_rule(pattern: str, replace: Callable[[re.Match, str], str | None]):
    compiled = re.compile(pattern)

    def edits(text: str) -> list[Edit]:
        out = []
        for match in compiled.finditer(text):
            new = replace(match, text)
            if new is not None and new != match.group():
                out.append((match.start(), match.end(), new))
        return out
    return edits


# --- full-width letters and digits → half width (GB/T 15835-2011 §4.1: Arabic numerals half width)
def _fullwidth_alnum(match: re.Match, text: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) for c in match.group())


# --- `...`, `。。。`, `．．．`, a lone `…` or `⋯` → `……` (GB/T 15834-2011 §4.11)
def _ellipsis(match: re.Match, text: str) -> str | None:
    if match.group()[0] in "。．" or _chinese_context(text, match.start(), match.end()):
        return "……"
    return None


# --- `--`, a lone `—`, `―` → `——` in Chinese text (GB/T 15834-2011 §4.9)
def _dash(match: re.Match, text: str) -> str | None:
    return "——" if _chinese_context(text, match.start(), match.end()) else None


# --- ASCII , ; : ? ! next to Chinese → full width (GB/T 15834-2011 §4.2–4.6)
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def _mark(match: re.Match, text: str) -> str | None:
    if _chinese_context(text, match.start(), match.end()):
        return HALF_TO_FULL[match.group()]
    return None


# --- `.` after a Han character, ending a sentence → `。` (GB/T 15834-2011 §4.1)
def _full_stop(match: re.Match, text: str) -> str | None:
    after = text[match.end():match.end() + 1]
    if is_han(text[match.start() - 1]) and (not after or is_space(after) or is_cjk_text(after)):
        return "。"
    return None


def _pairs(text: str, opener: str, closer: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Matched (open, close) positions of a bracket pair, and the unmatched ones."""
    stack, pairs, lone = [], [], []
    for i, ch in enumerate(text):
        if ch == opener:
            stack.append(i)
        elif ch == closer:
            if stack:
                pairs.append((stack.pop(), i))
            else:
                lone.append(i)
    return pairs, lone + stack


# --- ( ) around or beside Chinese → （ ） as a pair (GB/T 15834-2011 §4.8)
def _parentheses(text: str) -> list[Edit]:
    pairs, lone = _pairs(text, "(", ")")
    out = []
    for start, end in pairs:
        inside = text[start + 1:end]
        if any(is_han(c) for c in inside) or _chinese_context(text, start, start + 1) \
                or _chinese_context(text, end, end + 1):
            out += [(start, start + 1, "（"), (end, end + 1, "）")]
    for i in lone:
        if _chinese_context(text, i, i + 1):
            out.append((i, i + 1, HALF_TO_FULL[text[i]]))
    return sorted(out)


# --- straight quotes → “ ” and ‘ ’ by pairing (GB/T 15834-2011 §4.7)
def _double_quotes(text: str) -> list[Edit]:
    marks = [i for i, c in enumerate(text) if c == '"']
    out = []
    for k in range(0, len(marks) - 1, 2):
        start, end = marks[k], marks[k + 1]
        if any(is_han(c) for c in text[start:end]):
            out += [(start, start + 1, "“"), (end, end + 1, "”")]
    if len(marks) % 2:
        last = marks[-1]
        if _chinese_context(text, last, last + 1):
            opened = text.count("“", 0, last) > text.count("”", 0, last)
            out.append((last, last + 1, "”" if opened else "“"))
    return out


def _single_quotes(text: str) -> list[Edit]:
    marks = [i for i, c in enumerate(text) if c == "'"]
    out = []
    for k in range(0, len(marks) - 1, 2):
        start, end = marks[k], marks[k + 1]
        if any(is_han(c) for c in text[start:end]):
            out += [(start, start + 1, "‘"), (end, end + 1, "’")]
    return out


# --- `<<…>>` around a Chinese title → 《…》 (GB/T 15834-2011 §4.15)
def _book_title(match: re.Match, text: str) -> str | None:
    return f"《{match.group(1)}》" if any(is_han(c) for c in match.group(1)) else None


# --- spaces: removed between Chinese characters in running text (typography.md §5, §9)
_SPACES = r"[ \t\u3000\u00a0\u2002\u2003\u2009\u202f]+"
_SLOGAN = re.compile(r"[“《]([\u3400-\u9fff]{2,8}(?:[ \u3000]+[\u3400-\u9fff]{2,8})+)[”》]")


def _slogans(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in _SLOGAN.finditer(text)]


def _inside(spans: list[tuple[int, int]], index: int) -> bool:
    k = bisect.bisect_right(spans, (index, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= index < spans[k][1]


def _body_space(match: re.Match, text: str, slogans: list[tuple[int, int]]) -> str | None:
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if not before or not after:
        return None
    if is_han(before) and is_han(after) and _inside(slogans, match.start()):
        return "\u3000"  # a quoted two-phrase slogan keeps its phrase gap
    if is_cjk_text(before) and is_cjk_text(after):
        return ""
    if (is_han(before) and after.isascii() and after.isalnum()) or \
            (is_han(after) and before.isascii() and before.isalnum()):
        return ""  # Han–Latin spacing is added at layout time, never stored (typography.md §5)
    return None


_OPENING = frozenset("“‘（《〈「『【〔(")
_CLOSING = frozenset("”’）》〉」』】〕)，。、；：？！,.;:?!")


def _heading_space(match: re.Match, text: str, slogans: list[tuple[int, int]]) -> str | None:
    """A headline's phrase gap becomes U+3000: any space between Chinese text (a quote mark
    beside it too: 新增充电端口2600个  “飞线充电”明显减少), two or more beside a number or Latin
    word; none just inside brackets or before a mark; a single space by a Latin word goes."""
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if not before or not after:
        return None
    if before in _OPENING or after in _CLOSING:
        return "" if is_cjk_text(before) or is_cjk_text(after) else None
    if is_cjk_text(before) and is_cjk_text(after):
        return "\u3000"
    if (is_chinese(before) or is_chinese(after)) and \
            (len(match.group()) >= 2 or "\u3000" in match.group()
             or _phrases_apart(text, match.start(), match.end())):
        return "\u3000"
    return _body_space(match, text, slogans)


_PHRASE_MIN = 4   # characters on each side of a one-space phrase gap
_LATIN_RUN = re.compile(r"[A-Za-z0-9.%\-]+")


def _phrases_apart(text: str, start: int, end: int) -> bool:
    """One space between a 主题's two phrases where one of them starts or ends with a number
    or Latin word (`鸣枪开赛 600名骑手竞逐32千米赛道`): both sides are phrases of some length,
    and the Latin run is not set off by a space on its other side too (`第 5 届` is spacing
    around a number, not a gap)."""
    left, right = text[:start], text[end:]
    if len(left) < _PHRASE_MIN or len(right) < _PHRASE_MIN:
        return False
    if right[:1].isascii():
        run = _LATIN_RUN.match(right)
        far = right[run.end():run.end() + 1] if run else ""
    else:
        run = _LATIN_RUN.search(left[::-1])
        far = left[::-1][run.end():run.end() + 1] if run and run.start() == 0 else ""
    return bool(run) and far not in (" ", "\u3000", "")


def _space_rule(replace):
    """Edits for every run of spaces, with the text's quoted slogans found once."""
    compiled = re.compile(_SPACES)

    def edits(text: str) -> list[Edit]:
        slogans = _slogans(text)
        out = []
        for match in compiled.finditer(text):
            new = replace(match, text, slogans)
            if new is not None and new != match.group():
                out.append((match.start(), match.end(), new))
        return out
    return edits


def _credit_space(match: re.Match, text: str) -> str | None:
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if not before or not after:
        return None
    if before in "（(“《" or after in "）)”》，。":
        return ""
    return " "  # one ordinary space between a title and a name, as the sample sets it


def _staff_name_space(text: str) -> list[Edit]:
    """A staff title written against the name (`记者邵阳`) gets its space (`记者 邵阳`)."""
    return [(m.start(), m.start(), " ") for m in STAFF_NAME_JOINED.finditer(text)]


def _unbracket(match: re.Match, text: str) -> str:
    return match.group(1)


_WHOLE_IN_BRACKETS = r"^【([^【】]{1,40})】$"   # 【老仓库变身市民客厅】: a heading, whole
_CAPTION_MARK = r"^[▲△][ \u3000]*"             # ▲ 志愿者在…: the mark before a caption


def _drop(match: re.Match, text: str) -> str:
    return ""


# --- Markdown emphasis and inline code: the markup goes, the words stay
def _markup(match: re.Match, text: str) -> str:
    return next(g for g in match.groups() if g is not None)


_MARKUP = r"\*\*(\S(?:.{0,200}?\S)?)\*\*|__(\S(?:.{0,200}?\S)?)__|`([^`\n]{1,200})`"

RULES: tuple[Rule, ...] = (
    Rule("markdown-markup", "README (article body is plain paragraphs)",
         _regex_rule(_MARKUP, _markup), markdown_only=True, trigger=r"\*\*|__|`"),
    Rule("fullwidth-alnum", "GB/T 15835-2011 §4.1; typography.md §9",
         _regex_rule(r"[０-９Ａ-Ｚａ-ｚ]+", _fullwidth_alnum), trigger=r"[０-９Ａ-Ｚａ-ｚ]"),
    Rule("ellipsis", "GB/T 15834-2011 §4.11; typography.md §9",
         _regex_rule(r"\.{3,}|。{3,}|．{3,}|(?<!…)…(?!…)|⋯+", _ellipsis),
         trigger=r"\.\.\.|。。。|．．．|[…⋯]"),
    Rule("dash", "GB/T 15834-2011 §4.9; typography.md §9",
         _regex_rule(r"-{2,}|(?<!—)—(?!—)|―{1,2}", _dash), trigger=r"--|[—―]"),
    Rule("comma", "GB/T 15834-2011 §4.3", _regex_rule(r",", _mark), trigger=","),
    Rule("semicolon", "GB/T 15834-2011 §4.5", _regex_rule(r";", _mark), trigger=";"),
    Rule("colon", "GB/T 15834-2011 §4.6", _regex_rule(r":", _mark), trigger=":"),
    Rule("question-mark", "GB/T 15834-2011 §4.2", _regex_rule(r"\?", _mark), trigger=r"\?"),
    Rule("exclamation-mark", "GB/T 15834-2011 §4.2", _regex_rule(r"!", _mark), trigger="!"),
    Rule("full-stop", "GB/T 15834-2011 §4.1", _regex_rule(r"(?<=.)\.(?!\.)", _full_stop),
         trigger=r"\."),
    Rule("parentheses", "GB/T 15834-2011 §4.8", _parentheses, trigger=r"[()]"),
    Rule("book-title-marks", "GB/T 15834-2011 §4.15",
         _regex_rule(r"<<([^<>]{1,60})>>", _book_title), trigger="<<"),
    Rule("double-quotes", "GB/T 15834-2011 §4.7", _double_quotes, trigger='"'),
    Rule("single-quotes", "GB/T 15834-2011 §4.7", _single_quotes, trigger="'"),
    Rule("space-body", "typography.md §5, §9", _space_rule(_body_space),
         frozenset({"body", "caption"}), touches_addresses=False, trigger=_SPACES),
    Rule("space-heading", "typography.md §9; makeup.md (headline phrase gap: U+3000)",
         _space_rule(_heading_space), frozenset({"heading", "verse"}),
         touches_addresses=False, trigger=_SPACES),
    Rule("space-credit", "typography.md §9", _regex_rule(_SPACES, _credit_space),
         frozenset({"credit"}), touches_addresses=False, trigger=_SPACES),
    Rule("staff-name-space", "typography.md §9; newspaper.md (bylines, 电头)",
         _staff_name_space, frozenset({"credit"}), trigger=STAFF_NAME_JOINED.pattern),
    Rule("credit-brackets", "typography.md (captions: the credit 本报记者 X 摄 after it)",
         _regex_rule(BRACKETED_CREDIT, _unbracket), frozenset({"credit"}),
         trigger=BRACKETED_CREDIT),
    Rule("heading-brackets", "typography.md §4 (subheads are parts of their own, set in their "
         "own type: WeChat's 【】 around a whole heading only mark one in running text)", _regex_rule(_WHOLE_IN_BRACKETS, _unbracket),
         frozenset({"heading"}), trigger="【"),
    Rule("caption-mark", "typography.md §4 (captions are parts of their own, under their "
         "photo: WeChat's ▲ pointing up at it only marks one in running text)", _regex_rule(_CAPTION_MARK, _drop), frozenset({"caption"}),
         trigger="[▲△]"),
)
