"""Jumps (转版): an article that starts on one page and continues on a later one.

An article jumps when its manifest entry says `continue: N`, or, in an
issue with `jumps: auto`, when it is over-set on its page and a later page
exists. Its sizer (`JumpSizer`) then offers, besides the whole article, a
first part for every height: the article cut at a paragraph or sentence end
(never leaving a part of fewer than `jumps.min_lines` lines, nor a 孤字 at
the cut), ending with the jump line 下转第N版 set flush right. The placer
chooses as for any article, a jump costing `COST_JUMP_AUTO` when it was not
asked for (so a story that fits stays whole, and as few stories jump as can
take the overrun) and, for every line sent on, enough that a taller first part
outweighs the white it takes from the page: the first part takes all the room
the page has left for it rather than leave white at the foot of the page or of
a block while its copy goes on — a cut a few lines earlier where the longest
would leave a widow (孤行). At one height the part that looks best is offered
(a line sent on costs it only `COST_LINE_LOOKS`), so a 主题's size or a photo
is never traded for a few more lines on the page (at 1 a line sent on,
daily2's page 1 was left short 缺约 1310 字 while its continuation was 超
353 字 on page 2). A page that sends copy on is not short of copy.

The rest becomes the continuation: under a short 续题 (the article's
`continued_title:`, else its 主题, at `jumps.title_size`), opened by the line
上接第M版, its first paragraph without an indent when the cut fell inside it;
it is placed like any article on its page, after that page's own. Both
parts keep the article's id: the copy-fit report counts them as one article
and the loss check reads its text from both blocks. DOCX and EPUB keep the
article whole.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from layout.model import Article, ArticleKind, Headline, Hints, ParagraphKind
from layout.pages.copyfit import ArticleFit
from layout.pages.legs import widows
from layout.pages.sizing import BlockPlan, Sizer, beside_rows
from layout.pages.vertical_sizing import VerticalSizer

COST_JUMP_AUTO = 5e4     # a jump nobody asked for: only when over-set, and to as few articles as can take it
# per line sent on: a taller first part (more lines a row) must outweigh the white it takes
# from the page, at the foot or as a hole beside it (placement.COST_FOOT_ROW, COST_HOLE_ROW);
# at 1, daily2's lead stopped 14 rows above the foot of page 1 and over-set page 2
COST_LINE_SENT = 100.0
COST_LINE_LOOKS = 1.0   # the same among the first parts of one height (see JumpSizer.options)
# a plan of an article that may jump whose legs open with a widow (孤行): a cut some lines
# earlier, or later, that leaves none is the better one (jiangcheng8's 救援 story at 500)
COST_WIDOWED_PART = 3000.0
MOST_SPLITS = 80          # cut points tried per article, spread over its length
SENTENCE_END = re.compile(r"[。！？…]+[”’」』）)]*")


@dataclass(frozen=True, slots=True)
class Split:
    """Where the first part ends: after `paragraphs` whole paragraphs and `chars`
    characters of the next (a sentence end inside it; 0: at the paragraph's end)."""

    paragraphs: int
    chars: int = 0


def _chars(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def split_points(article: Article, least: int) -> list[Split]:
    """Paragraph and sentence ends leaving at least `least` characters on each side, in
    order, at most MOST_SPLITS of them spread evenly."""
    total = _chars("".join(p.text for p in article.paragraphs))
    out, before = [], 0
    paragraphs = article.paragraphs
    for k, para in enumerate(paragraphs):
        if para.kind is ParagraphKind.BODY:
            for match in SENTENCE_END.finditer(para.text):
                if match.end() < len(para.text.rstrip()):
                    out.append((before + _chars(para.text[:match.end()]), Split(k, match.end())))
        before += _chars(para.text)
        if k + 1 < len(paragraphs) and para.kind is not ParagraphKind.SUBHEAD:
            out.append((before, Split(k + 1)))
    kept = [s for at, s in out if least <= at <= total - least]
    if len(kept) > MOST_SPLITS:
        step = len(kept) / MOST_SPLITS
        kept = [kept[int(i * step)] for i in range(MOST_SPLITS)]
    return kept


def first_part(article: Article, split: Split, to_page: int) -> Article:
    """The article up to the cut, ending with the jump line to `to_page`."""
    paragraphs = list(article.paragraphs[:split.paragraphs])
    if split.chars:
        cut = article.paragraphs[split.paragraphs]
        paragraphs.append(replace(cut, text=cut.text[:split.chars]))
    return replace(article, paragraphs=tuple(paragraphs), jump_to=to_page)


def continuation(article: Article, split: Split, from_page: int, title_size: float) -> Article:
    """The rest of the article under its 续题, opened by the line from `from_page`."""
    rest = list(article.paragraphs[split.paragraphs:])
    if split.chars:
        rest[0] = replace(rest[0], text=rest[0].text[split.chars:], continued=True)
    title = article.continued_title or article.headline.title
    return Article(article.id, Headline(title), tuple(rest), kind=article.kind,
                   hints=Hints(headline_size=f"{title_size:g}pt"), source=article.source,
                   jump_from=from_page)


@dataclass
class JumpSizer(Sizer):
    """The sizer of an article that may jump to `to_page`: the whole article's plans and,
    for every height, a first part's."""

    to_page: int = 0
    jump_cost: float = 0.0
    _parts: dict = field(default_factory=dict)    # first part → (split, its sizer)

    def parts(self) -> list[tuple[Split, Sizer]]:
        if not self._parts:
            least = self.style.edition.jump_min_lines * self.style.column_chars
            for split in split_points(self.article, least):
                part = first_part(self.article, split, self.to_page)
                self._parts[part] = (split, Sizer(part, self.style, self.grid, self.fonts,
                                                  self.lead, self.breaker, self.rank, self.brief,
                                                  self.essay))
        return list(self._parts.values())

    def options(self, columns: int) -> dict[int, BlockPlan]:
        key = ("jump", columns)
        if key not in self._cache:
            best = {rows: replace(plan, cost=plan.cost + COST_WIDOWED_PART * _widowed(self, plan))
                    for rows, plan in super().options(columns).items()}
            if self.essay and not self.essay_columns <= columns <= self.style.makeup.essay_max_columns:
                self._cache[key] = best   # an essay's first part keeps the essay's width: every
                return best               # line sent on costs more than a column too wide
            total = _chars("".join(p.text for p in self.article.paragraphs))
            looks = {rows: plan.cost for rows, plan in best.items()}
            for split, sizer in self.parts():
                lines = (total - _chars("".join(p.text for p in sizer.article.paragraphs))) \
                    / self.style.column_chars
                for rows, plan in sizer.options(columns).items():
                    if _ends_in_lone(sizer, plan):
                        continue
                    # at one height the part that looks best (a line sent on costs it
                    # COST_LINE_LOOKS: the 主题's size and the photo are not traded for lines);
                    # its price to the placer, who chooses the height, COST_LINE_SENT a line
                    look = (plan.cost + self.jump_cost + COST_LINE_LOOKS * lines
                            + COST_WIDOWED_PART * _widowed(sizer, plan))
                    if rows not in looks or look < looks[rows] - 1e-9:
                        looks[rows] = look
                        dearer = (COST_LINE_SENT - COST_LINE_LOOKS) * lines
                        best[rows] = replace(plan, cost=look + dearer)
            self._cache[key] = best
        return self._cache[key]

    def sizer_of(self, article: Article) -> Sizer:
        """The sizer that made a plan for `article` (this one, or a first part's)."""
        found = self._parts.get(article)
        return found[1] if found else self

    def split_of(self, article: Article) -> Split | None:
        found = self._parts.get(article)
        return found[0] if found else None


def _ends_in_lone(sizer: Sizer, plan: BlockPlan) -> bool:
    """A first part whose cut paragraph ends in a 孤字."""
    paragraphs = sizer.body_at(plan.leg_chars).paragraphs if plan.leg_chars else ()
    return bool(paragraphs) and paragraphs[-1].lone_last_line


def _widowed(sizer: Sizer, plan: BlockPlan) -> int:
    """Legs of a first part's plan that open with a widow, as the body flows them (balanced,
    or around the photos beside it)."""
    if not plan.leg_chars or not sizer.article.paragraphs:
        return 0
    if plan.photo_columns:   # as the renderer flows it (render.photos_beside)
        side = beside_rows(plan.photos) + 1
        legs = sizer.body.flow_around(sizer.body.capacities_around(
            plan.columns, plan.photo_columns, side, plan.body_rows))
    else:
        legs = sizer.body_at(plan.leg_chars).flow(plan.legs)
    return widows(legs) if legs else 0


def may_jump(article: Article) -> bool:
    return article.kind is ArticleKind.STORY and not (article.box or article.tint
                                                      or article.column or article.hints.at
                                                      or article.vertical)


def jump_sizer(sizer: Sizer, to_page: int, asked: bool) -> JumpSizer:
    """`sizer`'s article as one that may jump to `to_page`."""
    return JumpSizer(sizer.article, sizer.style, sizer.grid, sizer.fonts, sizer.lead,
                     sizer.breaker, sizer.rank, sizer.brief, sizer.essay, to_page=to_page,
                     jump_cost=0.0 if asked else COST_JUMP_AUTO)


def onward(blocks: dict, sizers: list[Sizer], page: int, title_size: float) -> list[tuple[int, Article]]:
    """(page, continuation) of every article the page cut and sent on."""
    out = []
    for sizer in sizers:
        if not isinstance(sizer, JumpSizer) or sizer.article.id not in blocks:
            continue
        plan = blocks[sizer.article.id][0]
        split = sizer.split_of(plan.article)
        if split is not None:
            out.append((sizer.to_page, continuation(sizer.article, split, page, title_size)))
    return out


def merged(fits: list[ArticleFit], originals: dict[str, Article]) -> list[ArticleFit]:
    """One copy-fit line per article: a jumped article's two parts counted together,
    against the whole article (its 续题 is not its text)."""
    out: list[ArticleFit] = []
    seen: dict[str, int] = {}
    for fit in fits:
        if fit.id not in seen:
            seen[fit.id] = len(out)
            out.append(fit)
            continue
        first = out[seen[fit.id]]
        article = originals[fit.id]
        chars = _chars(article.all_text())
        title = _chars(article.continued_title or article.headline.title)
        done = min(chars, first.set + max(0, fit.set - title))
        out[seen[fit.id]] = replace(first, chars=chars, set=done, over=chars - done,
                                    under=first.under + fit.under, continued_on=fit.page,
                                    lone_lines=first.lone_lines + fit.lone_lines)
    return out


def with_jumps(sizers: list[Sizer], jumping: dict[str, int]) -> list[Sizer]:
    """The page's sizers, those of articles that may jump (asked with `continue:`, or
    over-set in an issue with `jumps: auto`) made JumpSizers."""
    out = []
    for sizer in sizers:
        asked = sizer.article.hints.continue_on
        target = asked or jumping.get(sizer.article.id)
        if target and may_jump(sizer.article) and type(sizer) in (Sizer, VerticalSizer):
            out.append(jump_sizer(sizer, target, asked=bool(asked)))
        else:
            out.append(sizer)
    return out


def part_sizers(tree, sizers: list[Sizer]) -> dict[str, Sizer]:
    """Article id → the sizer of the part the layout chose, for a jumping article."""
    from layout.pages.tree import leaves

    by_id = {s.article.id: s for s in sizers}
    out = {}
    for plan, _column, _row in leaves(tree, 0, 0):
        sizer = by_id.get(plan.article.id)
        if isinstance(sizer, JumpSizer):
            out[plan.article.id] = sizer.sizer_of(plan.article)
    return out
