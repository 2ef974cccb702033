"""Units → draft articles: where stories begin, their headline groups, 小标题, photos, poems.

Decisions, in the order the page is read:

- A photo credit (`… 摄`) takes the unit just before it as its caption.
- A run of headline-like lines (with any bylines after it) opens a story
  when it comes first, holds a byline, has two or more lines, is followed by
  an 电头 (an 电头 always opens a story) or a caption, follows a photo or a
  Markdown break, or stands after a gap between stories. A Markdown `##`
  heading inside a story is a 小标题.
- Any other headline-like line stands alone between complete paragraphs. It
  is the 主题 of a new story when the paragraph after it opens as a news
  story does (a date or 近日 early on, 记者…获悉) and no neighbouring such
  line has its form — so a story without byline, 副题 or 电头 is not
  swallowed by the one before —; otherwise a 小标题 (certainly so when it
  carries a number or mark: 一、 ■ …). Both are reported as decisions.
- An 电头 or byline after the text has begun opens a new story even with no
  headline (noted: it needs a title); a byline at a story's very end is that
  story's byline when it has none.
- A caption and credit right after a story's text are that story's photo,
  unless the caption shares few of the story's words (`captions`: a
  photo-news item of its own, reported) in copy that does not part its
  stories with gaps (where it does, no gap before the caption keeps it with
  the story); after a headline alone they make a
  photo-news item with that headline; after a gap, or after a photo item, a
  photo-news item of their own.
- A story whose text is all verse (in sections under 小标题 or not) is a poem
  (`kind: poem`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from layout.i18n import _
from layout.intake import patterns as P
from layout.intake.captions import StoryWords, own_item, pairs, shared
from layout.intake.chars import ends_sentence
from layout.intake.datelines import split_dateline
from layout.intake.decisions import Decision, Note
from layout.intake.heads import DASHES, has_gap, headline_roles
from layout.intake.lines import LineKind, headline_like, plain_headline
from layout.intake.shape import Gap
from layout.intake.unwrap import Unit
from layout.intake.words import ends_with_name

_SAME_LENGTH_MAX = 6    # two gapless 小标题 of one length are parallel only when this short
_TYPESET_LINE = (12, 30)  # characters: a typeset column's line is about this long (shape.py)
_CAPTION_LINES = 4      # lines a caption may take
_LONE_TITLE_MIN = 10    # characters: a lone line shorter is a 小标题 (`二`, `专业力量进课堂`)
_OWN_TEXT = 60          # characters of the text after a lone line read for its words
_GOES_ON_SHARE = 0.18   # ... sharing more of them with the story before, it goes on with it
_BRIEF_TEXT = (30, 220)  # characters: the one paragraph of a 简讯 item (a title, then its news: one sentence may do)
_BRIEF_TITLE_MIN = 8    # characters: a 简讯 item's title (`县医院开通夜间门诊`)
_BRIEF_RUN = 3          # items of a 简讯's form in a row that are a column of them
_PARTED_MIN = 2         # headline groups after the first that tell whether gaps part stories
_PARTED_SHARE = 0.8     # ... the share of them after a gap when the copy parts its stories so


@dataclass(slots=True)
class RawPara:
    text: str
    line: int
    kind: str = "body"          # body, subhead or verse
    stanza_break: bool = False  # verse: a stanza ends before this line

    @property
    def subhead(self) -> bool:
        return self.kind == "subhead"


@dataclass(slots=True)
class RawPhoto:
    caption: RawPara
    credit: str
    line: int                   # the credit's line
    placement: str              # "story" (after its text), "item" (after a headline), "own",
                                # "own-words" (after a story whose words it does not share)


@dataclass(slots=True)
class Draft:
    """An article as found on the page, its text not yet normalised."""

    line: int
    kind: str = "story"
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    byline: str = ""
    dateline: str = ""
    paragraphs: list[RawPara] = field(default_factory=list)
    photos: list[RawPhoto] = field(default_factory=list)

    def headline_only(self) -> bool:
        return bool(self.title) and not (self.paragraphs or self.photos or self.dateline)


def _captions(units: list[Unit]) -> set[int]:
    return {j - 1 for j, u in enumerate(units) if u.kind is LineKind.CREDIT and j
            and units[j - 1].kind is LineKind.TEXT and not units[j - 1].verse}


def closing(units: list[Unit], i: int) -> bool:
    """units[i] is part of a notice's 落款 right after its text: a date alone on its line
    (`2026年11月30日`), or the issuer's short line over it, under a sentence's end."""
    def date(k: int) -> bool:
        return 0 <= k < len(units) and units[k].kind is LineKind.TEXT \
            and bool(P.CLOSING_DATE.match(units[k].text))

    def after_text(k: int) -> bool:
        return k > 0 and units[k - 1].kind is LineKind.TEXT and ends_sentence(units[k - 1].text)

    if date(i):
        return after_text(i) or (i > 0 and closing(units, i - 1))
    return date(i + 1) and after_text(i) and units[i].kind is LineKind.TEXT \
        and len(units[i].text) <= P.CLOSING_ISSUER_MAX and plain_headline(units[i].text)


def _is_head(units: list[Unit], i: int, captions: set[int]) -> bool:
    u = units[i]
    if u.kind is LineKind.HEADING:
        return True
    return u.kind is LineKind.TEXT and not u.verse and i not in captions \
        and headline_like(u.text) and not closing(units, i)


def _run_end(units: list[Unit], i: int, captions: set[int]) -> int:
    """End of the run of headline lines (one Markdown `#`, the 引题 lines above it in the run)
    and bylines from `i`."""
    j, titled = i, False
    while j < len(units) and _is_head(units, j, captions) \
            and not (titled and units[j].level == 1) and not (j > i and units[j].gap is Gap.STORY):
        titled = titled or units[j].level == 1
        j += 1
        if P.NOTICE_TITLE.match(units[j - 1].text):
            break   # a notice's title stands alone: the line after it is its text
    while j < len(units) and units[j].kind is LineKind.BYLINE:
        j += 1
    return j


def _opens_story(units: list[Unit], i: int, j: int, captions: set[int]) -> str:
    """'story', 'subhead' (Markdown), 'body' or 'candidate' for the run units[i:j]."""
    run, prev = units[i:j], units[i - 1] if i else None
    after = units[j] if j < len(units) else None
    heads = [u for u in run if u.kind is not LineKind.BYLINE]
    titled = any(u.level == 1 for u in run)
    if run[0].level >= 2 and prev is not None and prev.kind is not LineKind.BREAK \
            and not titled:
        return "subhead"
    if not heads:   # bylines alone: the start of a story without headline, or a story's end
        if prev is None or (after is not None and after.kind is LineKind.DATELINE) or (
                after is not None and after.kind is LineKind.TEXT
                and not _is_head(units, j, captions)):
            return "story"
        return "byline"
    if prev is None or len(run) >= 2 or run[0].level == 1 or run[0].gap is Gap.STORY \
            or prev.kind in (LineKind.BREAK, LineKind.CREDIT) or j in captions \
            or (after is not None and after.kind is LineKind.DATELINE):
        return "story"
    if prev.kind is LineKind.BYLINE or after is None:
        return "body"
    return "candidate"


def _parallel(a: str, b: str) -> bool:
    if has_gap(a) and has_gap(b):
        return True
    return not has_gap(a) and not has_gap(b) and len(a) == len(b) <= _SAME_LENGTH_MAX


def _lone_title(texts: list[str]) -> bool:
    """The only candidate in a story, a plain statement (no mark, no pause) of some length:
    小标题 part a story in two or more sections, so a single one is more likely the 主题 of a
    story with no byline, 副题 or 电头."""
    return len(texts) == 1 and plain_headline(texts[0]) and len(texts[0]) >= _LONE_TITLE_MIN


def _goes_on(units: list[Unit], start: int, i: int) -> bool:
    """The paragraph after line `i` goes on with the story begun at `start`: it shares much
    of its words (`郑德明说` after a 小标题, where a new story would tell its own news)."""
    if i + 1 >= len(units):
        return False
    story = pairs("\n".join(u.text for u in units[start:i]))
    return shared(units[i + 1].text[:_OWN_TEXT], story) > _GOES_ON_SHARE


def _brief(units: list[Unit], i: int, end: int) -> bool:
    """The lone line units[i] heads a single paragraph of a 简讯's length, then the next
    headline line (`end`): the form of a 简讯 item with no 电头 — its title, then its news."""
    text = units[i + 1] if end == i + 2 else None
    return text is not None and text.kind is LineKind.TEXT and not text.verse \
        and _BRIEF_TEXT[0] <= len(text.text) <= _BRIEF_TEXT[1] \
        and plain_headline(units[i].text) and len(units[i].text) >= _BRIEF_TITLE_MIN


def _brief_column(briefs: list[bool], ledes: list[bool], n: int) -> bool:
    """Candidate n stands in a column of 简讯 items: a neighbouring candidate is of a 简讯's form
    too and its paragraph opens as news does (a date, 日前, 即日起: `patterns.LEDE`), or it is
    one of `_BRIEF_RUN` or more of that form in a row. 小标题 over one short paragraph each
    (`热线二十四小时有人接` over `供暖期间，…`) go on from the story's text, none of them
    opening so, and come two to a short story (no story of the corpora has three in a row)."""
    if any(briefs[m] and ledes[m] for m in (n - 1, n + 1) if 0 <= m < len(briefs)):
        return True
    return any(all(briefs[m:m + _BRIEF_RUN]) and m + _BRIEF_RUN <= len(briefs)
               for m in range(max(0, n - _BRIEF_RUN + 1), n + 1))


def _resolve(units: list[Unit], candidates: list[int], decisions: list[Decision],
             start: int = 0, stop: int | None = None) -> set[int]:
    """Which lone headline lines of one story (begun at `start`, the next story beginning at
    `stop`) are its 小标题 (the rest open stories). A line over one 简讯-sized paragraph that
    tells news of its own (sharing few words with the text before) opens a story, as a lone
    title does, when it stands in a column of such items (`_brief_column`): 简讯 items with no
    电头, one after another."""
    texts = [units[i].text for i in candidates]
    ends = candidates[1:] + [len(units) if stop is None else stop]
    briefs = [_brief(units, i, end) for i, end in zip(candidates, ends)]
    ledes = [i + 1 < len(units) and bool(P.LEDE.match(units[i + 1].text)) for i in candidates]
    subheads = set()
    for n, i in enumerate(candidates):
        if P.SUBHEAD_MARK.match(texts[n]):
            subheads.add(i)
            continue
        near = texts[max(0, n - 1):n] + texts[n + 1:n + 2]   # the lines before and after
        lede = ledes[n]
        lone = (_lone_title(texts) or (briefs[n] and _brief_column(briefs, ledes, n))) \
            and not _goes_on(units, start, i) or bool(P.NOTICE_TITLE.match(texts[n]))
        if (lede or lone) and not any(_parallel(texts[n], other) for other in near):
            decisions.append(Decision(units[i].line, "story", texts[n]))
        else:
            subheads.add(i)
            decisions.append(Decision(units[i].line, "subhead", texts[n]))
    return subheads


def split_captions(units: list[Unit],
                   decisions: list[Decision]) -> tuple[list[Unit], list[Decision]]:
    """A caption run on into the story's last paragraph (whose last full line ended a
    sentence) is taken back out at the last guessed run-on before the credit."""
    out: list[Unit] = []
    resolved: set[int] = set()
    for j, unit in enumerate(units):
        after = units[j + 1] if j + 1 < len(units) else None
        if after is None or after.kind is not LineKind.CREDIT or not unit.soft or unit.verse:
            out.append(unit)
            continue
        offset, line = unit.soft[-1]
        body, caption = unit.text[:offset].rstrip(), unit.text[offset:]
        out.append(Unit(unit.kind, unit.first, unit.first, [body], gap=unit.gap, text=body,
                        size=len(body), soft=unit.soft[:-1]))
        out.append(Unit(LineKind.TEXT, line, unit.last, [caption], text=caption,
                        size=len(caption)))
        resolved.add(line.number)
    return out, [d for d in decisions if not (d.what == "run-on" and d.line in resolved)]


_CREDIT_TAIL = re.compile(r"^(.*[。！？…”])[ \u3000]*([（(][^（）()]{1,32}(?:摄影?|供图)[）)])$")


def split_credit_tails(units: list[Unit]) -> list[Unit]:
    """A paragraph that ends a sentence and then a bracketed photo credit (a WeChat caption:
    `▲志愿者在…修理电风扇。（本报记者 沈星河 摄）`) is a caption and its credit on one line: split
    in two, the credit a unit of its own."""
    out: list[Unit] = []
    for unit in units:
        found = _CREDIT_TAIL.match(unit.text) if unit.kind is LineKind.TEXT and not unit.verse \
            else None
        if found is None:
            out.append(unit)
            continue
        caption, credit = found.group(1), found.group(2)
        out.append(Unit(LineKind.TEXT, unit.first, unit.last, [caption], gap=unit.gap,
                        text=caption, size=len(caption), count=unit.count))
        out.append(Unit(LineKind.CREDIT, unit.last, unit.last, [credit], text=credit,
                        size=len(credit)))
    return out


def _caption_head(units: list[Unit], j: int) -> bool:
    """units[j-2] is one typeset line right under a headline and over the caption units[j-1]
    that a credit units[j] closes: the caption's first line, cut off as a paragraph end."""
    if j < 3 or units[j].kind is not LineKind.CREDIT:
        return False
    head, first, rest = units[j - 3], units[j - 2], units[j - 1]
    return (head.kind is LineKind.HEADING or (head.kind is LineKind.TEXT
                                              and headline_like(head.text))) \
        and all(u.kind is LineKind.TEXT and not u.verse for u in (first, rest)) \
        and first.count == 1 and _TYPESET_LINE[0] <= len(first.text) <= _TYPESET_LINE[1] \
        and rest.gap is Gap.NONE and rest.last.number - first.first.number < _CAPTION_LINES


def join_caption_heads(units: list[Unit],
                       decisions: list[Decision]) -> tuple[list[Unit], list[Decision]]:
    """A photo item's caption whose first line was taken for a paragraph is made whole."""
    out: list[Unit] = []
    for j, unit in enumerate(units):
        if j + 1 < len(units) and _caption_head(units, j + 1):
            first = out.pop()
            text = first.text + unit.text
            out.append(Unit(LineKind.TEXT, first.first, unit.last, [text], gap=first.gap,
                            text=text, size=len(text), count=first.count + unit.count))
            decisions.append(Decision(unit.line, "caption", text))
            continue
        out.append(unit)
    return out, decisions


def plan_runs(units: list[Unit]) -> tuple[dict[int, tuple[int, str]], set[int], list[Decision]]:
    """Every run of headline lines: start → (end, role), the captions, and the decisions."""
    captions = _captions(units)
    runs: dict[int, tuple[int, str]] = {}
    decisions: list[Decision] = []
    pending: list[int] = []
    i = start = 0
    while i < len(units):
        if not (_is_head(units, i, captions) or units[i].kind is LineKind.BYLINE):
            i += 1
            continue
        j = _run_end(units, i, captions)
        role = _opens_story(units, i, j, captions)
        if role == "candidate" and i and P.NOTICE_TITLE.match(units[i - 1].text) \
                and (i - 1 in pending or runs.get(i - 1, (0, ""))[1] == "story"):
            role = "body"   # right under a notice's title, which stands alone: its text
        if role == "story":
            for k in (pending and _resolve(units, pending, decisions, start, i)) or ():
                runs[k] = (k + 1, "subhead")
            for k in pending:
                runs.setdefault(k, (k + 1, "story"))
            pending, start = [], i
        if role == "candidate":
            pending.append(i)
        else:
            runs[i] = (j, role)
        i = j
    subheads = _resolve(units, pending, decisions, start) if pending else set()
    for k in pending:
        runs[k] = (k + 1, "subhead" if k in subheads else "story")
    return runs, captions, decisions


def _markdown_roles(heads: list[Unit]) -> tuple[str, str, str, list[int]] | None:
    """A Markdown headline group's roles, certain: the `#` line is the 主题, the line above it
    the 引题, the first below it the 副题 (None when the group has no `#` line)."""
    top = next((k for k, u in enumerate(heads) if u.level == 1), None)
    if top is None:
        return None
    kicker = heads[top - 1].text if top else ""
    subtitle = heads[top + 1].text if top + 1 < len(heads) else ""
    extra = list(range(top - 1)) + list(range(top + 2, len(heads)))
    return kicker, heads[top].text, subtitle, extra


def _parts_stories(units: list[Unit], runs: dict[int, tuple[int, str]]) -> bool:
    """The copy parts its stories with a gap: most of its headline groups after the first
    stand after blank lines wider than its usual ones (or a Markdown `---`). There a caption
    with no gap before it, right after a story's text, is that story's photo whatever its
    words (`参赛队员在趣味接力赛中奋力奔跑。` under a story on a 运动会); the words decide only in
    copy with nothing between its stories."""
    starts = [i for i, (_, role) in runs.items() if role == "story" and i]
    parted = sum(1 for i in starts if units[i].gap is Gap.STORY
                 or units[i - 1].kind is LineKind.BREAK)
    return len(starts) >= _PARTED_MIN and parted >= _PARTED_SHARE * len(starts)


class _Builder:
    def __init__(self, units: list[Unit], runs: dict[int, tuple[int, str]], captions: set[int]):
        self.units, self.runs, self.captions = units, runs, captions
        self.drafts: list[Draft] = []
        self.notes: list[Note] = []
        self.decisions: list[Decision] = []
        self.current: Draft | None = None
        self.words = StoryWords()
        self.parted = _parts_stories(units, runs)

    def build(self) -> None:
        i = 0
        while i < len(self.units):
            if i in self.runs:
                end, role = self.runs[i]
                getattr(self, "_run_" + role)(self.units[i:end])
                i = end
                continue
            unit = self.units[i]
            if unit.kind is LineKind.DATELINE:
                self._dateline(unit)
            elif unit.kind is LineKind.CREDIT:
                self._credit(i)
            elif unit.kind is LineKind.BREAK:
                self.current = None
            elif i not in self.captions:
                self._body(unit)
            i += 1
        self._portraits()
        for draft in self.drafts:   # all verse, maybe in sections under 小标题 (## 二)
            kinds = {p.kind for p in draft.paragraphs}
            if draft.kind == "story" and "verse" in kinds and kinds <= {"verse", "subhead"}:
                draft.kind = "poem"

    def _portraits(self) -> None:
        """Headline lines with nothing of their own (no text, 电头, byline or dash-led 副题)
        right after a story's photo credit are captions of more photos of that story, credited
        with the first (portraits: `老手艺人王德顺`); reported."""
        kept: list[Draft] = []
        for draft in self.drafts:
            before = kept[-1] if kept else None
            after_credit = before is not None and bool(before.photos) \
                and self._right_after(before.photos[-1].line, draft.line)
            if after_credit and draft.kicker and draft.subtitle \
                    and not draft.subtitle.startswith(DASHES):
                self._portrait_heads(before, draft)
            if not after_credit or not draft.headline_only() or draft.byline \
                    or draft.subtitle.startswith(DASHES):
                kept.append(draft)
                continue
            self.decisions = [d for d in self.decisions
                              if not (d.line == draft.line and d.what.startswith("roles-"))]
            texts = [t for t in (draft.kicker, draft.title, draft.subtitle) if t]
            for k, text in enumerate(texts):
                line = self._unit_line(draft.line, k)
                before.photos.append(RawPhoto(RawPara(text, line), "", line, "story"))
                self.decisions.append(Decision(line, "portrait", text))
        self.drafts = kept

    def _portrait_heads(self, before: Draft, draft: Draft) -> None:
        """Three headline lines with no dash under a story's photo (a rare group: 1 of the 24
        three-line groups of the corpora has no dash): the leading ones that end with a
        person's name are portraits' captions of the story above (no credit), the rest the
        new story's headline; listed either way."""
        lines = [draft.kicker, draft.title, draft.subtitle]
        n = 0
        while n < len(lines) - 1 and ends_with_name(lines[n]):
            n += 1
        if not n:
            self.decisions.append(Decision(draft.line, "portrait-head", draft.kicker))
            return
        for k, text in enumerate(lines[:n]):
            line = self._unit_line(draft.line, k)
            before.photos.append(RawPhoto(RawPara(text, line), "", line, "story"))
            self.decisions.append(Decision(line, "portrait", text))
        draft.kicker, draft.title, draft.subtitle, _ = headline_roles(lines[n:])

    def _unit_line(self, line: int, k: int) -> int:
        """The line of the `k`-th unit from the one on `line`."""
        numbers = [u.line for u in self.units]
        return numbers[min(numbers.index(line) + k, len(numbers) - 1)]

    def _right_after(self, credit_line: int, line: int) -> bool:
        """No unit stands between a credit on `credit_line` and the unit on `line`."""
        numbers = [u.line for u in self.units]
        return credit_line in numbers and line in numbers \
            and numbers.index(line) == numbers.index(credit_line) + 1

    def _new(self, line: int, kind: str = "story") -> Draft:
        self.current = Draft(line, kind)
        self.drafts.append(self.current)
        return self.current

    def _note(self, unit: Unit, why: str) -> None:
        self.notes.append(Note(unit.line, unit.text, why))

    def _run_story(self, run: list[Unit]) -> None:
        heads = [u for u in run if u.kind is not LineKind.BYLINE]
        bylines = [u.text for u in run if u.kind is LineKind.BYLINE]
        draft = self._new(run[0].line)
        draft.byline = " ".join(bylines)
        if not heads:
            self._note(run[0], _("a byline after the text opens a new story; give it a title (主题)"))
            return
        roles = _markdown_roles(heads)
        kicker, title, subtitle, extra = roles or headline_roles([u.text for u in heads])
        draft.kicker, draft.title, draft.subtitle = kicker, title, subtitle
        if len(heads) == 2 and not subtitle.startswith(DASHES) and roles is None:
            what = "roles-kicker" if kicker else "roles-subtitle"
            both = heads[0].text + " / " + heads[1].text
            self.decisions.append(Decision(heads[0].line, what, both))
        for k in extra:
            draft.paragraphs.append(RawPara(heads[k].text, heads[k].line))
            self._note(heads[k], _("a fourth headline line; kept as body text"))

    def _run_subhead(self, run: list[Unit]) -> None:
        if self.current is None:
            self._run_story(run)
            return
        self.current.paragraphs += [RawPara(u.text, u.line, "subhead") for u in run]

    def _run_body(self, run: list[Unit]) -> None:
        for unit in run:
            self._body(unit)

    def _run_byline(self, run: list[Unit]) -> None:
        if self.current is not None and not self.current.byline and self.current.kind == "story":
            self.current.byline = " ".join(u.text for u in run)
            self.decisions.append(Decision(run[0].line, "byline", run[0].text))
            return
        for unit in run:
            self._note(unit, _("a byline inside the text; kept as body"))
            self._body(unit)

    def _dateline(self, unit: Unit) -> None:
        found = split_dateline(unit.text)
        draft = self.current
        if draft is None or draft.kind != "story" or draft.paragraphs or draft.photos \
                or draft.dateline:
            draft = self._new(unit.line)
            self._note(unit, _("an 电头 opens a new story here, with no headline: "
                             "give it a title (主题)"))
        draft.dateline = found.dateline
        if found.guessed:
            self.decisions.append(Decision(unit.line, "staff-dateline", found.dateline))
        if found.text:
            draft.paragraphs.append(RawPara(found.text, unit.line))

    def _body(self, unit: Unit) -> None:
        draft = self.current
        if draft is None:
            draft = self._new(unit.line)
            self._note(unit, _("text before any headline; the article needs a title (主题)"))
        elif draft.kind == "photo" and draft.title:
            draft.kind = "story"       # a headline, a photo, then text: a story with its photo
            draft.photos[-1].placement = "story"
            self.decisions.append(Decision(unit.line, "photo", unit.text))
        elif draft.kind == "photo":
            self._note(unit, _("text after a photo item with no credit; kept as its body"))
        kind = "verse" if unit.verse else "body"
        if unit.verse and P.VERSE_SECTION.match(unit.text):
            kind = "subhead"           # a poem's section head: 上阕, 下阕, 其二
        if not draft.paragraphs and P.STAFF_LEAD.match(unit.text):
            self.decisions.append(Decision(unit.line, "staff-lead", unit.text))
        draft.paragraphs.append(RawPara(unit.text, unit.line, kind, unit.stanza_break))

    def _placement(self, j: int) -> str:
        draft, caption = self.current, self.units[j - 1]
        before = self.units[j - 2] if j >= 2 else None
        if draft is None:
            return "own"
        if draft.headline_only():
            return "item"
        if caption.gap is Gap.STORY:
            return "own"
        after_photo = before is not None and before.kind is LineKind.CREDIT
        if after_photo and not (draft.photos and draft.photos[-1].placement == "story"):
            return "own"
        if draft.kind == "story" and draft.paragraphs:   # after its text or its photo
            if self.parted:
                return "story"   # the copy parts its stories, and nothing parts this one
            words = self.words.of(draft)
            return "own-words" if own_item(caption.text, words) else "story"
        return "own"

    def _credit(self, j: int) -> None:
        unit = self.units[j]
        if j - 1 not in self.captions:
            self._note(unit, _("a photo credit with no caption before it; kept as body"))
            self._body(unit)
            return
        cap = self.units[j - 1]
        placement = self._placement(j)
        if placement in ("story", "own-words"):
            what = "photo-story" if placement == "story" else "photo-own"
            self.decisions.append(Decision(cap.line, what, cap.text))
        draft = self.current if placement in ("item", "story") else self._new(cap.line, "photo")
        if placement == "item":
            draft.kind = "photo"
        draft.photos.append(RawPhoto(RawPara(cap.text, cap.line), unit.text, unit.line, placement))


def segment(units: list[Unit], joins: list[Decision] = ()) -> tuple[list[Draft], list[Note],
                                                                    list[Decision]]:
    """Group units into draft articles, with notes on lines that fit no part and the decisions
    to check (`joins`: those made rejoining lines)."""
    units = split_credit_tails(units)
    units, joins = split_captions(units, list(joins))
    units, joins = join_caption_heads(units, joins)
    runs, captions, decisions = plan_runs(units)
    builder = _Builder(units, runs, captions)
    builder.build()
    return builder.drafts, sorted(builder.notes, key=lambda n: n.line), \
        sorted(joins + decisions + builder.decisions, key=lambda d: d.line)
