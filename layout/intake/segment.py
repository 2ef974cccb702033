"""Classified blocks → draft articles: headline groups, byline, 电头, paragraphs, photo news.

Decisions, in the order the page is read:

- A run of headline lines starts a new article when it has two or more lines,
  is followed by a byline or 电头, follows a photo item, or comes first; a
  single headline line inside a story is a 小标题, unless the paragraph before
  it is unfinished (then it is the next piece of that sentence).
- Within a headline group a line led by a dash is the 副题. Of two other
  lines, the second is the 副题 when it is the longer, plain factual line (no
  phrase gap), as the paper sets `办好民生实事 打造温馨家园` over
  `铁东区平南街道恒吉社区持续优化社区服务`; otherwise the two are 引题 and 主题.
  Three lines are 引题, 主题, 副题.
- A body line that does not end a sentence is joined with the next body line
  (extraction broke it); one that ends with a sentence-final mark stays a
  paragraph of its own.
- A credit line (`… 摄`) takes the paragraph just before it as its caption and
  makes a photo-news item; a story holding nothing but that caption becomes the
  photo item, keeping its headline.
- A line that fits no part (a byline after the text has begun, text after a
  photo item) is kept as body text and noted.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from layout.intake.blocks import DATELINE, Block, BlockKind
from layout.intake.chars import HORIZONTAL_SPACE, ends_sentence, is_cjk_text
from layout.intake.normalise import normalise

DASHES = ("——", "--", "—", "―", "－－")


@dataclass(slots=True)
class RawPara:
    text: str
    line: int
    subhead: bool = False


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
    caption: RawPara | None = None
    credit: str = ""


@dataclass(frozen=True, slots=True)
class Note:
    """A line that fits no part, and where its text went."""

    line: int
    text: str
    why: str


def join_text(left: str, right: str) -> str:
    """Rejoin a broken line: nothing next to Chinese, one space between Latin words."""
    if left and right and not (is_cjk_text(left[-1]) or is_cjk_text(right[0])):
        return left + " " + right
    return left + right


def _has_gap(text: str) -> bool:
    return any(c in HORIZONTAL_SPACE for c in text.strip(HORIZONTAL_SPACE))


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
        plain = lambda s: "".join(c for c in s if c not in HORIZONTAL_SPACE)  # noqa: E731
        if not _has_gap(second) and len(plain(second)) > len(plain(first)):
            return "", first, second, []
        return first, second, "", []
    if subtitle or len(order) == 2:
        return first, second, subtitle, order[2:]
    return first, second, lines[order[2]], order[3:]


class _Segmenter:
    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.drafts: list[Draft] = []
        self.notes: list[Note] = []
        self.current: Draft | None = None
        self.open_para = False    # the last paragraph may continue on the next body line
        self.pending_break = False

    def run(self) -> tuple[list[Draft], list[Note]]:
        i = 0
        while i < len(self.blocks):
            block = self.blocks[i]
            if block.kind is BlockKind.HEADLINE:
                i = self._headlines(i)
                continue
            handler = {BlockKind.BYLINE: self._byline, BlockKind.DATELINE: self._dateline,
                       BlockKind.CREDIT: self._credit, BlockKind.BREAK: self._break,
                       BlockKind.BODY: self._body}[block.kind]
            handler(block)
            i += 1
        why = "text after a photo item with no credit; kept as its body"
        self.notes += [Note(para.line, para.text, why) for draft in self.drafts
                       if draft.kind == "photo" for para in draft.paragraphs]
        return self.drafts, sorted(self.notes, key=lambda note: note.line)

    def _new(self, line: int) -> Draft:
        self.current = Draft(line)
        self.drafts.append(self.current)
        self.open_para = False
        self.pending_break = False
        return self.current

    def _run_end(self, i: int) -> int:
        j = i + 1
        while j < len(self.blocks) and self.blocks[j].kind is BlockKind.HEADLINE \
                and self.blocks[j].level != 1:
            j += 1
        return j

    def _starts_article(self, run: list[Block], after: Block | None) -> bool:
        if run[0].level == 1 or self.current is None or self.pending_break:
            return True
        if run[0].level >= 2:
            return False
        if self.current.kind == "photo" or len(run) >= 2:
            return True
        return after is not None and after.kind in (BlockKind.BYLINE, BlockKind.DATELINE)

    def _headlines(self, i: int) -> int:
        j = self._run_end(i)
        run = self.blocks[i:j]
        after = self.blocks[j] if j < len(self.blocks) else None
        if not self._starts_article(run, after):
            if self.open_para and len(run) == 1 and run[0].level == 0:
                self._body(Block(BlockKind.BODY, run[0].text, run[0].line))
                return j  # a short piece of a broken sentence, not a 小标题
            for block in run:
                self.current.paragraphs.append(RawPara(block.text, block.line, subhead=True))
            self.open_para = False
            return j
        draft = self._new(run[0].line)
        kicker, title, subtitle, extra = headline_roles([b.text for b in run])
        draft.kicker, draft.title, draft.subtitle = kicker, title, subtitle
        for block in (run[k] for k in extra):
            draft.paragraphs.append(RawPara(block.text, block.line))
            self.notes.append(Note(block.line, block.text,
                                   "a fourth headline line; kept as body text"))
        return j

    def _byline(self, block: Block) -> None:
        if self.current and not self.current.paragraphs and not self.current.byline \
                and not self.current.dateline:
            self.current.byline = block.text
            return
        self.notes.append(Note(block.line, block.text, "a byline inside the text; kept as body"))
        self._body(block)

    def _dateline(self, block: Block) -> None:
        match = DATELINE.match(block.text)
        if self.current is None or self.current.paragraphs or self.current.dateline:
            if self.current is not None:
                self.notes.append(Note(block.line, block.text, "an 电头 inside the text, kept as "
                                       "body: if it starts a new story, give it a headline"))
            self._body(block)
            return
        self.current.dateline = match.group(1)
        if match.group(2):
            self._body(Block(BlockKind.BODY, match.group(2), block.line))

    def _body(self, block: Block) -> None:
        if self.current is None or self.pending_break:
            self._new(block.line)
            self.notes.append(Note(block.line, block.text, "text before any headline; "
                                   "the article needs a title (主题)"))
        paras = self.current.paragraphs
        if self.open_para and paras and not paras[-1].subhead:
            paras[-1].text = join_text(paras[-1].text, block.text)
        else:
            paras.append(RawPara(block.text, block.line))
        self.open_para = not ends_sentence(normalise(paras[-1].text).text)

    def _credit(self, block: Block) -> None:
        draft = self.current
        if draft is None or not draft.paragraphs or draft.paragraphs[-1].subhead:
            self.notes.append(Note(block.line, block.text, "a photo credit with no caption "
                                   "before it; kept as body"))
            self._body(block)
            return
        caption = draft.paragraphs.pop()
        lone = (draft.kind == "story" and draft.title and not draft.paragraphs
                and not draft.dateline and not draft.byline)
        if draft.kind == "story" and not lone and not draft.paragraphs:
            self.notes.append(Note(caption.line, caption.text, "taken as a photo caption, "
                                   "which leaves the story before it without text"))
        photo = draft if lone else self._new(caption.line)
        photo.kind, photo.caption, photo.credit = "photo", caption, block.text
        self.current, self.open_para = photo, False

    def _break(self, block: Block) -> None:
        self.pending_break = True
        self.open_para = False


def segment(blocks: list[Block]) -> tuple[list[Draft], list[Note]]:
    """Group classified blocks into draft articles, with notes on lines that fit no part."""
    return _Segmenter(blocks).run()
