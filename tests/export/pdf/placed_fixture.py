"""A hand-made placed issue for the PDF exporter's tests (the pages stage is not used).

One A3 page: a headline in serif bold, a kicker in kai, a dateline in sans
bold and justified body lines in serif (glyph positions from the fonts'
own advances, the spare width spread between the characters), a thin rule,
a tinted box, a framed box and the sample's two photos, one cropped.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from layout.fonts import font_set
from layout.model.placed import (Bookmark, PlacedBox, PlacedImage, PlacedIssue, PlacedPage,
                                 PlacedRule, PlacedText)
from layout.style import default_style

REPO = Path(__file__).resolve().parents[3]
PHOTOS = REPO / "issues" / "sample" / "photos"
MM = 72 / 25.4

BODY = ("为进一步提升社区居民健康意识，营造关心关爱居民健康的良好氛围，"
        "近日，铁东区新兴街道祥和社区联合辖区医院开展“健康义诊进社区　贴心服务暖民心”"
        "义诊活动。活动现场，医护人员为居民测量血压、血糖，耐心解答居民提出的健康问题，"
        "并普及常见病、慢性病的预防知识。")


def line(text: str, face: str, size: float, x: float, y: float, measure: float | None = None,
         role: str = "body") -> PlacedText:
    """A placed line; with `measure`, justified by spreading the spare width evenly."""
    fonts = font_set(default_style(), text)
    metrics = fonts.metrics(face)
    advances = [metrics.advance(c) * size for c in text]
    extra = 0.0
    if measure is not None and len(text) > 1:
        extra = max(0.0, (measure - sum(advances)) / (len(text) - 1))
    xs, pos = [], 0.0
    for adv in advances:
        xs.append(pos)
        pos += adv + extra
    return PlacedText(x, y, face, size, text, tuple(xs), role)


def body_lines(text: str, x: float, top: float, measure: float, size: float = 9.0,
               pitch: float = 14.5) -> list[PlacedText]:
    per_line = int(measure // size)
    chunks = [text[i:i + per_line] for i in range(0, len(text), per_line)]
    return [line(chunk, "serif", size, x, top + i * pitch,
                 measure if i < len(chunks) - 1 else None) for i, chunk in enumerate(chunks)]


def sample_page(number: int = 1, colour: bool = True, photo_w: float = 120 * MM) -> PlacedPage:
    width, height = 297 * MM, 420 * MM
    left, top = 16 * MM, 20 * MM
    measure = 13 * 9.0 * 2 + 9.0
    items: list = [
        line("健康义诊进社区", "kai", 14.0, left, top, role="kicker"),
        line("党建引领添活力　基层治理见真章", "serif_bold", 36.0, left, top + 44, role="title"),
        line("本报讯（记者 常欣月 通讯员 东宣）", "sans_bold", 9.0, left, top + 70, role="dateline"),
        *body_lines(BODY * 2, left, top + 86, measure),
        PlacedRule(left, top + 250, left + measure, top + 250, 0.5),
        PlacedBox(left, top + 270, measure, 60, tint=0.1),
        PlacedBox(left + 1, top + 271, measure - 2, 58, tint=0.0, stroke=True),
        line("铁东新闻　社区　责任编辑 李明", "sans", 7.5, left, 12 * MM, role="furniture"),
    ]
    photo_h = photo_w * 1333 / 2000
    px = left + measure + 18
    items.append(PlacedImage(px, top + 86, photo_w, photo_h, PHOTOS / "yizhen.jpg", alt="义诊"))
    items.append(line("医护人员为居民测量血压。本报通讯员 东宣 摄", "kai", 9.0, px,
                      top + 86 + photo_h + 14, role="caption"))
    crop = (0.1, 0.1, 0.9, 0.9)
    items.append(PlacedImage(px, top + 130 + photo_h, photo_w * 0.8, photo_h * 0.8,
                             PHOTOS / "wenhua.jpg", crop=crop, alt="文化"))
    # a full-bleed band along the foot of the page, into the bleed
    items.append(PlacedBox(-3 * MM, height - 10 * MM, width + 6 * MM, 10 * MM + 3 * MM, tint=0.3))
    marks = (Bookmark("党建引领添活力　基层治理见真章", top + 44),
             Bookmark("健康义诊进社区", top + 86))
    return PlacedPage(number, "社区", width, height, tuple(items), marks, colour)


def sample_placed(pages: int = 1, **page_args) -> PlacedIssue:
    style = default_style()
    fonts = font_set(style, "")
    return PlacedIssue("铁东新闻", dt.date(2025, 6, 18),
                       tuple(sample_page(n + 1, **page_args) for n in range(pages)),
                       dict(fonts.paths), 3 * MM, "铁东新闻社")
