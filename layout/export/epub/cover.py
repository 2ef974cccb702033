"""The cover image, drawn from the edition with Pillow: masthead, date, headlines.

The cover looks like the top of the front page: the paper's name in red in
the headline face, the owner line, the date and weekday in large bold type
(still legible when a reader shows the cover as a thumbnail on its shelf),
the year, 农历, 总第…期 and 今日…版, then each page's label and its headlines. It is drawn with the committed
fonts, so it is the same on every machine, and saved as a small PNG
(flat colours and text compress far better in PNG than in JPEG).
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from layout.export.html import edition
from layout.export.epub.plan import BookPlan
from layout.model import Issue

WIDTH, HEIGHT = 1200, 1600
MARGIN = 90
RED = (200, 22, 29)
INK = (25, 25, 25)
GREY = (90, 90, 90)
PAPER = (255, 255, 255)
# The date in pixels of the 1200-px cover: 16 px high on a 200-px shelf thumbnail.
DATE_PX = 96


@dataclass(frozen=True, slots=True)
class CoverFonts:
    name: Path      # paper name (serif_bold)
    headline: Path  # headlines (serif_bold)
    text: Path      # date lines and labels (sans)
    label: Path     # page labels (sans_bold)


def fonts_for(issue: Issue) -> CoverFonts:
    """The committed font files of the faces the cover uses."""
    from layout.fonts import font_set

    paths = font_set(issue.style).paths
    return CoverFonts(paths["serif_bold"], paths["serif_bold"], paths["sans"], paths["sans_bold"])


def wrap(text: str, font, width: float) -> list[str]:
    """Lines of `text` no wider than `width`: whole, then by phrase (U+3000), then by character."""
    if font.getlength(text) <= width:
        return [text]
    lines: list[str] = []
    for phrase in text.split("\u3000"):
        line = ""
        for char in phrase:
            if line and font.getlength(line + char) > width:
                lines.append(line)
                line = ""
            line += char
        lines.append(line)
    return lines


def _masthead(draw, issue: Issue, fonts: CoverFonts, truetype) -> int:
    """Draw the 报头 and the date, large enough to read on a shelf thumbnail; return the y below."""
    size = min(230, int((WIDTH - 2 * MARGIN) / max(1, len(issue.paper))))
    name = truetype(fonts.name, size)
    draw.text((WIDTH / 2, MARGIN), issue.paper, font=name, fill=RED, anchor="mt")
    y = MARGIN + size + 30
    owner = issue.style.paper.owner
    if owner:
        draw.text((WIDTH / 2, y), owner, font=truetype(fonts.text, 40), fill=GREY, anchor="mt")
        y += 70
    draw.rectangle((MARGIN, y, WIDTH - MARGIN, y + 8), fill=RED)
    draw.rectangle((MARGIN, y + 16, WIDTH - MARGIN, y + 18), fill=RED)
    y += 44
    day = issue.date
    draw.text((WIDTH / 2, y), f"{day.month}月{day.day}日 {edition.weekday_text(day)}",
              font=truetype(fonts.label, DATE_PX), fill=INK, anchor="mt")
    y += DATE_PX + 30
    small = truetype(fonts.text, 38)
    details = [f"{day.year}年", edition.lunar_text(day),
               f"总第{issue.number}期" if issue.number else "", f"今日{len(issue.pages)}版"]
    draw.text((WIDTH / 2, y), "  ".join(d for d in details if d), font=small, fill=INK,
              anchor="mt")
    y += 58
    draw.rectangle((MARGIN, y + 10, WIDTH - MARGIN, y + 12), fill=INK)
    return y + 60


def _footer(draw, issue: Issue, fonts: CoverFonts, truetype) -> int:
    """Draw the publisher and serial at the foot; return the y above them."""
    paper = issue.style.paper
    line = " ".join(x for x in (paper.publisher + " 出版" if paper.publisher else "",
                                f"国内统一连续出版物号 {paper.serial}" if paper.serial else "") if x)
    top = HEIGHT - MARGIN - 34
    if line:
        draw.rectangle((MARGIN, top - 24, WIDTH - MARGIN, top - 22), fill=INK)
        draw.text((WIDTH / 2, top), line, font=truetype(fonts.text, 30), fill=GREY, anchor="mt")
    return top - 40


def _headlines(draw, plan: BookPlan, fonts: CoverFonts, y: int, bottom: int, truetype) -> None:
    """Each page's label and its titled articles, while they fit above `bottom`."""
    label_font = truetype(fonts.label, 42)
    lead, other = truetype(fonts.headline, 66), truetype(fonts.headline, 48)
    for entry in plan.pages:
        if y + 60 > bottom:
            return
        draw.text((MARGIN, y), entry.label, font=label_font, fill=RED)
        y += 80
        titled = [d for d in entry.docs if d.article.headline.title]
        for index, doc in enumerate(titled):
            font = lead if index == 0 else other
            lines = wrap(doc.article.headline.title, font, WIDTH - 2 * MARGIN)
            step = int(font.size * 1.35)
            if y + step * len(lines) > bottom:
                return
            for line in lines:
                draw.text((MARGIN, y), line, font=font, fill=INK)
                y += step
            y += 22


def cover_png(issue: Issue, plan: BookPlan, fonts: CoverFonts | None = None) -> bytes:
    """The cover as PNG bytes (WIDTH × HEIGHT, a 64-colour palette), cached on disk by
    everything it shows, the fonts and this module (drawing it takes ~70 ms)."""
    from layout.cache import cached_bytes

    fonts = fonts or fonts_for(issue)
    shown = repr((issue.paper, issue.date, issue.number, issue.style.paper,
                  [(e.label, [d.article.headline.title for d in e.docs]) for e in plan.pages]))
    inputs = (Path(__file__), *(Path(f) for f in (fonts.name, fonts.headline, fonts.text, fonts.label)),
              shown)
    return cached_bytes("epub-cover", inputs, lambda: _draw_cover(issue, plan, fonts))


def _draw_cover(issue: Issue, plan: BookPlan, fonts: CoverFonts) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    cache: dict[tuple[Path, int], object] = {}

    def truetype(path: Path, size: int):   # each face and size opened once, not at every use
        if (path, size) not in cache:
            cache[path, size] = ImageFont.truetype(str(path), size)
        return cache[path, size]

    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    y = _masthead(draw, issue, fonts, truetype)
    bottom = _footer(draw, issue, fonts, truetype)
    _headlines(draw, plan, fonts, y, bottom, truetype)
    out = io.BytesIO()
    palette = image.quantize(64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    palette.save(out, "PNG", compress_level=6)
    return out.getvalue()


def cover_alt(issue: Issue, plan: BookPlan) -> str:
    """What the cover says, for readers who cannot see it."""
    parts = [issue.paper, edition.date_text(issue.date), edition.weekday_text(issue.date)]
    if issue.number:
        parts.append(f"总第{issue.number}期")
    lead = next((d.label for d in plan.docs() if d.article.headline.title), "")
    text = " ".join(parts) + " 封面"
    return f"{text}。头条：{lead}" if lead else text
