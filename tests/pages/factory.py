"""Building model issues in memory for the pages tests."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from layout.model import Article, ArticleKind, Headline, Hints, Issue, Page, Paragraph, Photo
from layout.style import default_style

REPO = Path(__file__).resolve().parents[2]
PHOTO = REPO / "issues" / "sample" / "photos" / "yizhen.jpg"
HAN = REPO / "tests" / "fixtures" / "data" / "tongyong-guifan-hanzi-8105.txt"


def han_alphabet() -> str:
    """The 3,500 most common characters of 通用规范汉字表 (its first level)."""
    return "".join(line.strip()[:1] for line in HAN.read_text("utf-8").splitlines()[:3500])


def story(n: int, chars: int, columns: int | None = None, photo: bool = False,
          alphabet: str | None = None) -> Article:
    alphabet = alphabet or han_alphabet()
    text = "".join(alphabet[(n * 31 + i * 7) % len(alphabet)] for i in range(chars))
    paragraphs, i = [], 0
    while i < len(text):
        paragraphs.append(Paragraph(text[i:i + 90] + "。"))
        i += 90
    photos = (Photo(PHOTO, "图片说明" + text[:10] + "。", "本报记者 王明 摄", 2000, 1333),) if photo else ()
    title = "".join(alphabet[(n * 13 + k) % len(alphabet)] for k in range(6 + n % 8))
    return Article(f"a{n}", Headline(title, subtitle="副题" + title[:5] if n % 2 else ""),
                   tuple(paragraphs), photos=photos, hints=Hints(columns=columns),
                   dateline="本报讯（记者 李华）" if n % 3 else "")


def with_photo(article: Article, aspect: float | None) -> Article:
    """`article` with one photo whose height is `aspect` times its width (None: unchanged),
    its long side 3,000 pixels."""
    if aspect is None:
        return article
    width, height = (3000, round(3000 * aspect)) if aspect <= 1 else (round(3000 / aspect), 3000)
    return dataclasses.replace(article, photos=(
        Photo(PHOTO, "图片说明：市民在公园里休闲健身。", "本报记者 王明 摄", width, height),))


def photo_news(n: int) -> Article:
    return Article(f"p{n}", Headline(""), (), kind=ArticleKind.PHOTO,
                   photos=(Photo(PHOTO, "为进一步提升社区居民健康意识，近日开展义诊活动。", "本报通讯员 东宣 摄",
                                 2000, 1333),))


def issue_of(articles: list[Article], style=None) -> Issue:
    return Issue("t", "铁东新闻", dt.date(2025, 6, 18),
                 (Page(1, "社区", tuple(articles), "李明"),), style or default_style(), 2316)
