"""Frozen dataclasses for an issue: pages, articles, headline groups, paragraphs, photos."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # the model names the house style; importing it (YAML, schema) is the reader's job
    from layout.style import HouseStyle


class ArticleKind(str, Enum):
    STORY = "story"
    PHOTO = "photo"  # 图片新闻: a photo with a caption, no body
    POEM = "poem"    # verse: its lines and stanzas kept as written
    BRIEF = "brief"  # a short item, gathered with the page's others into one 简讯 block
    AD = "ad"        # an advertisement: artwork reserved at its size, placed first


class ParagraphKind(str, Enum):
    BODY = "body"
    SUBHEAD = "subhead"  # 小标题
    VERSE = "verse"      # a stanza: its lines kept, separated by "\n"


@dataclass(frozen=True, slots=True)
class Headline:
    """The headline group: 引题 (kicker) / 主题 (title) / 副题 (subtitle)."""

    title: str
    kicker: str = ""
    subtitle: str = ""


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    kind: ParagraphKind = ParagraphKind.BODY
    line: int = 0  # line in the article file where it starts, for messages
    runin: str = ""  # words set in bold before the text (a 简讯 item's byline and 电头)
    title: str = ""  # a 简讯 item's title, set on its own lines above the paragraph
    continued: bool = False  # the rest of a paragraph cut by a jump or beside a 竖题: no indent


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo file with its caption (图片说明) and credit (`本报通讯员 东宣 摄`)."""

    path: Path
    caption: str
    credit: str
    width_px: int
    height_px: int

    @property
    def aspect(self) -> float:
        """Height over width."""
        return self.height_px / self.width_px


@dataclass(frozen=True, slots=True)
class Hints:
    """A page editor's optional hints for one article on its page."""

    columns: int | None = None        # width of the article block in columns
    position: str | None = None       # "top", "bottom", "left", "right"
    photo_columns: int | None = None  # width of the photo in columns
    headline_size: str | None = None  # a size name (号数) or points for 主题
    at: tuple[int, int] | None = None  # pinned: (column, row), 1-based, rows from the type area's top
    continue_on: int | None = None     # the page the article may continue on (a jump, 转版)
    headline: str | None = None       # "vertical" (竖题) or "horizontal"; None: the placer's choice


@dataclass(frozen=True, slots=True)
class Reserve:
    """An advertisement's artwork and its booked size (kind: ad): columns × rows, or a
    width and height in points (0 where not given)."""

    file: Path                 # an image, or a one-page PDF
    aspect: float              # height over width of the artwork
    columns: int = 0
    rows: int = 0
    width: float = 0.0
    height: float = 0.0
    epub: bool = False         # also in the EPUB (never in the DOCX)
    label: str = ""            # what it is (the advertiser), for bookmarks and alt text
    raster: "Raster | None" = None   # its coarsest raster image (None: vector only)


@dataclass(frozen=True, slots=True)
class Raster:
    """A raster image in an ad's artwork: the artwork itself (a JPEG, PNG …), or the
    coarsest image inside a PDF ad, with the share of the artwork's width and height it
    is drawn at (1 for an image file)."""

    name: str                  # for messages: the file, or the image inside the PDF
    width_px: int
    height_px: int
    share_w: float = 1.0
    share_h: float = 1.0

    def ppi_at(self, width: float, height: float) -> float:
        """Its resolution when the artwork is printed `width` × `height` points."""
        return min(self.width_px / (width * self.share_w / 72),
                   self.height_px / (height * self.share_h / 72))


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    headline: Headline
    paragraphs: tuple[Paragraph, ...]
    kind: ArticleKind = ArticleKind.STORY
    byline: str = ""
    dateline: str = ""  # 电头, run in bold at the start of the first paragraph
    photos: tuple[Photo, ...] = ()
    hints: Hints = field(default_factory=Hints)
    source: Path | None = None
    teaser: str = ""    # a short line for page 1's 导读 when the 主题 is too long
    box: str = ""       # a frame (花边): "plain", "double", "dotted"; "" none
    tint: tuple[float, float, float, float] | None = None   # background CMYK, 0..0.15 each
    column: str = ""    # the recurring column's logo (栏目头) above the headline group
    reserve: Reserve | None = None   # an advertisement's artwork and size (kind: ad)
    continued_title: str = ""        # 续题 over the continuation of a jump (else the 主题)
    jump_to: int = 0                 # the first part of a jump: ends with 下转第N版
    jump_from: int = 0               # a jump's continuation: opens with 上接第N版
    direction: str = "horizontal"   # "vertical": the body set top to bottom, right to left (竖排)

    @property
    def vertical(self) -> bool:
        return self.direction == "vertical"

    def all_text(self) -> str:
        """Every character of the article that must reach every output."""
        parts = [self.headline.kicker, self.headline.title, self.headline.subtitle,
                 self.byline, self.dateline]
        parts += [p.text for p in self.paragraphs]
        parts += [ph.caption + ph.credit for ph in self.photos]
        return "".join(parts)


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    name: str  # 版名, e.g. 社区
    articles: tuple[Article, ...]
    editor: str = ""  # 责任编辑
    briefs: bool = False  # gather short stories into the 简讯 block too (see pages/briefs.py)


@dataclass(frozen=True, slots=True)
class Issue:
    name: str          # folder name, used for output file names
    paper: str
    date: dt.date
    pages: tuple[Page, ...]
    style: HouseStyle
    number: int | None = None  # 总第…期
    root: Path | None = None
    jumps: bool = False        # `jumps: auto`: an over-set story continues on the next page

    def articles(self) -> tuple[Article, ...]:
        return tuple(a for p in self.pages for a in p.articles)
