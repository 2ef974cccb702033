"""Drawing one placed page on a reportlab canvas: text runs, rules, boxes, photos.

Placed coordinates are points from the top-left of the trimmed page, y down;
`PageFrame` turns them into PDF coordinates (origin bottom-left of the
media box, which holds the bleed and, with marks, room for them). Each text
line is drawn in runs: consecutive characters whose spacing beyond their own
advance is the same become one string shown with that character spacing
(Tc), so a justified line costs a few operators, not one per character.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable, Iterator

from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from layout.errors import BuildError
from layout.export.pdf import colour, textout
from layout.export.pdf.halfmarks import line_end_marks, line_start_marks
from layout.export.pdf.images import PreparedPhoto
from layout.export.pdf.vertical import column_font, column_operators
from layout.i18n import _
from layout.model.placed import PlacedBox, PlacedImage, PlacedPage, PlacedRule, PlacedText

SAME_SPACING = 0.01   # points: spacing differences below this stay in one run
INVISIBLE = frozenset(" \u3000\t\n")
LEG_ROLES = frozenset({"body", "caption"})   # lines whose edge marks take the half-em face


@dataclass(frozen=True, slots=True)
class PageFrame:
    """Where the trimmed page sits in the media box."""

    offset: float      # bleed plus mark space, on every side
    height: float      # trim height

    def x(self, x: float) -> float:
        return self.offset + x

    def y(self, y: float) -> float:
        return self.offset + self.height - y


@dataclass(frozen=True, slots=True)
class Run:
    start: int          # index of the first character in the line
    text: str
    spacing: float      # Tc: extra space after each character


def _widths(font_name: str) -> Callable[[str], float | None]:
    """Advance in em of a character in a registered TrueType font, None if it has no glyph."""
    face = pdfmetrics.getFont(font_name).face
    widths, upm_scale = face.charWidths, 1000.0
    return lambda ch: (widths[ord(ch)] / upm_scale) if ord(ch) in widths else None


def missing_glyph(item: PlacedText, ch: str) -> BuildError:
    return BuildError(_("the font of face '{face}' has no glyph for {char} (U+{code:04X}) "
                        "in “{text}”").format(face=item.face, char=repr(ch), code=ord(ch),
                                             text=item.text[:20]))


def text_runs(item: PlacedText, advance: Callable[[str], float | None]) -> Iterator[Run]:
    """Split a placed line into runs of equal extra spacing; unprintable blanks are skipped."""
    start, chars, spacing = 0, [], None
    for i, ch in enumerate(item.text):
        width = advance(ch)
        if width is None:
            if ch in INVISIBLE:
                if chars:
                    yield Run(start, "".join(chars), spacing or 0.0)
                chars, spacing = [], None
                continue
            raise missing_glyph(item, ch)
        if not chars:
            start = i
        chars.append(ch)
        if i + 1 < len(item.text):
            gap = item.xs[i + 1] - item.xs[i] - width * item.size
            if spacing is None and len(chars) == 1:
                spacing = gap
            elif abs(gap - spacing) > SAME_SPACING:
                yield Run(start, "".join(chars), spacing)
                chars, spacing = [], None
    if chars:
        yield Run(start, "".join(chars), spacing or 0.0)


class PageDrawer:
    """Draws the items of one page with the inks of a print or a proof PDF."""

    def __init__(self, canvas: Canvas, frame: PageFrame, fonts: dict[str, str], proof: bool,
                 photos: Callable[[PlacedImage], PreparedPhoto],
                 half: Callable[[str], str] | None = None):
        self.canvas, self.frame, self.fonts, self.proof = canvas, frame, fonts, proof
        self.photos, self.half = photos, half
        self._advance = {key: _widths(name) for key, name in fonts.items()}

    def draw(self, page: PlacedPage) -> None:
        texts = [i for i in page.items if isinstance(i, PlacedText) and i.text.strip()]
        for item in page.items:          # boxes and photos under the text and rules
            if isinstance(item, PlacedBox):
                self.box(item)
            elif isinstance(item, PlacedImage):
                self.image(item)
        for item in page.items:
            if isinstance(item, PlacedRule):
                self.rule(item)
        self.texts(texts)

    def _ink(self, ink: colour.Ink, stroke: bool = False) -> None:
        c = self.canvas
        (c.setStrokeColor if stroke else c.setFillColor)(ink.colour)
        if not self.proof:
            if stroke:
                c.setStrokeOverprint(ink.overprint)
            else:
                c.setFillOverprint(ink.overprint)
            c.setOverprintMask(ink.overprint)

    def texts(self, items: list[PlacedText]) -> None:
        if not items:
            return
        self._ink(colour.black(self.proof))
        text = self.canvas.beginText()
        current = (None, None)
        ends, starts = self._line_edges(items)
        for item in items:
            if self.proof:
                text.setFillColor(colour.proof_text(item.role))
            if current != (item.face, item.size):
                text.setFont(self.fonts[item.face], item.size)
                current = (item.face, item.size)
            if item.free:
                self._glyphs(text, item)
                continue
            last = len(item.text) - 1 if id(item) in ends else -1
            first = 0 if id(item) in starts else -1
            for run in text_runs(item, self._advance[item.face]):
                head = run.start == first
                tail = run.start + len(run.text) - 1 == last and (len(run.text) > 1 or not head)
                if head:
                    self._half_mark(text, item, first, 0.5 * item.size)
                body = run.text[1 if head else 0:len(run.text) - 1 if tail else None]
                if body:
                    begin = run.start + (1 if head else 0)
                    textout.origin(text, self.frame.x(item.x + item.xs[begin]), self.frame.y(item.y))
                    textout.char_space(text, round(run.spacing, 3))
                    textout.show(text, body)
                if tail:
                    self._half_mark(text, item, last)
        text.setCharSpace(0)
        self.canvas.drawText(text)

    def _line_edges(self, items: list[PlacedText]) -> tuple[set[int], set[int]]:
        """Items (ids) ending with a mark squeezed at its line's end — a ，。）… with no run
        on its baseline starting within 1.25 em after it (the next leg's line starts 1.5 em
        on, after the half mark and the gutter) — and items starting with an opening mark
        squeezed at its line's start — a “（… drawn half an em before its slot, with no run
        on its baseline ending (its last glyph's origin) within 0.9 em before it (a mark
        inside a line follows its neighbour's origin by at most ¾ em; across a gutter by 1).
        Only the lines of legs (body, captions): a headline keeps every glyph in its face."""
        if self.half is None:
            return set(), set()
        flat = [i for i in items if not i.free and i.text]
        legs = [i for i in flat if i.role in LEG_ROLES]
        begins: dict[float, list[float]] = {}
        finals: dict[float, list[float]] = {}
        for item in flat:
            begins.setdefault(round(item.y, 1), []).append(item.x + item.xs[0])
            finals.setdefault(round(item.y, 1), []).append(item.x + item.xs[-1])
        ends, starts = set(), set()
        for item in legs:
            y, size = round(item.y, 1), item.size
            at = item.x + item.xs[-1]
            if item.text[-1] in line_end_marks() and not any(
                    at < x < at + 1.25 * size for x in begins[y]):
                ends.add(id(item))
            at = item.x + item.xs[0]
            if item.text[0] in line_start_marks() and not any(
                    at - 0.9 * size < x < at for x in finals[y]):
                starts.add(id(item))
        return ends, starts

    def _half_mark(self, text, item: PlacedText, i: int, shift: float = 0.0) -> None:
        """A mark at a line's edge drawn from its face's half-em marks (`halfmarks.py`): the
        same ink, a box that ends (a closing mark) or starts (an opening one, drawn `shift`
        on, at its slot) at the column's edge."""
        text.setFont(self.half(item.face), item.size)
        textout.char_space(text, 0)
        textout.origin(text, self.frame.x(item.x + item.xs[i] + shift), self.frame.y(item.y))
        textout.show(text, item.text[i])
        text.setFont(self.fonts[item.face], item.size)

    def _glyphs(self, text, item: PlacedText) -> None:
        """A vertical column's run, glyph by glyph: each at its own origin, turned
        90° clockwise (`turn`) or squeezed across (`scale`)."""
        advance, f = self._advance[item.face], self.frame
        text.setCharSpace(0)
        if self._upright(text, item):
            return
        text.setHorizScale(item.scale * 100)
        for i, ch in enumerate(item.text):
            if advance(ch) is None:
                if ch in INVISIBLE:
                    continue
                raise missing_glyph(item, ch)
            dy = item.ys[i] if item.ys else 0.0
            if item.turn % 4 == 1:      # the run goes down the page, the glyphs' tops face right
                text.setTextTransform(0, -1, 1, 0, f.x(item.x), f.y(item.y + item.xs[i] + dy))
            else:
                textout.origin(text, f.x(item.x + item.xs[i]), f.y(item.y + dy))
            textout.show(text, ch)
        text.setHorizScale(100)

    def _upright(self, text, item: PlacedText) -> bool:
        """Upright characters of a column as vertical text (`_column`), a turned run along
        its turned baseline (`_turned`); False for a 纵中横 pair, drawn glyph by glyph."""
        if item.ys and item.turn == 0 and item.scale == 1.0:
            font = column_font(self.canvas._doc, self.fonts, item.face)
            if font is not None:
                self._column(text, item, font)
                return True
        if item.turn % 4 == 1 and not item.ys:
            self._turned(text, item)
            return True
        return False

    def _turned(self, text, item: PlacedText) -> None:
        """A run turned 90° clockwise down the column (a Latin word, 2025): drawn as a
        line along its turned baseline, in runs of equal spacing as a line across is, so
        readers take it as one word, not as letters apart."""
        f = self.frame
        for run in text_runs(item, self._advance[item.face]):
            text.setTextTransform(0, -1, 1, 0, f.x(item.x), f.y(item.y + item.xs[run.start]))
            textout.char_space(text, round(run.spacing, 3))
            textout.show(text, run.text)
        text.setCharSpace(0)

    def _column(self, text, item: PlacedText, font) -> None:
        """Upright characters of a column in the face's Identity-V font: each glyph where
        it stood drawn across (`item.xs`, `item.ys`), read as one vertical line."""
        advance, f = self._advance[item.face], self.frame
        chars = []
        for i, ch in enumerate(item.text):
            if advance(ch) is None:
                if ch in INVISIBLE:
                    continue
                raise missing_glyph(item, ch)
            chars.append((ch, f.x(item.x + item.xs[i]), f.y(item.y + item.ys[i])))
        text._code.extend(column_operators(font, self.canvas._doc, chars, item.size))
        textout.forget_font(text)   # the next run across names its font again

    def rule(self, item: PlacedRule) -> None:
        c, f = self.canvas, self.frame
        self._ink(colour.rule_ink(item.width, self.proof), stroke=True)
        c.setLineWidth(item.width)
        if item.dotted:   # round dots a little more than their width apart
            c.setLineCap(1)
            c.setDash([0, item.width * 2.5])
        else:
            c.setLineCap(0)
        c.line(f.x(item.x0), f.y(item.y0), f.x(item.x1), f.y(item.y1))
        if item.dotted:
            c.setDash([])

    def box(self, item: PlacedBox) -> None:
        c, f = self.canvas, self.frame
        if item.cmyk:
            self._ink(colour.tint_ink(item.cmyk, self.proof))
            c.rect(f.x(item.x), f.y(item.y + item.h), item.w, item.h, stroke=0, fill=1)
        elif item.tint > 0:
            self._ink(colour.box_ink(item.tint, item.w * item.h, self.proof))
            c.rect(f.x(item.x), f.y(item.y + item.h), item.w, item.h, stroke=0, fill=1)
        if item.stroke:
            self._ink(colour.rule_ink(0.5, self.proof), stroke=True)
            c.setLineWidth(0.5)
            c.rect(f.x(item.x), f.y(item.y + item.h), item.w, item.h, stroke=1, fill=0)

    def image(self, item: PlacedImage) -> None:
        photo = self.photos(item)
        if not self.proof:
            self.canvas.setFillOverprint(False)
            self.canvas.setOverprintMask(False)
        self.canvas.drawImage(_JpegReader(photo.jpeg), self.frame.x(item.x),
                              self.frame.y(item.y + item.h), item.w, item.h)


class _JpegReader(ImageReader):
    """A prepared JPEG for reportlab, named by its bytes: reportlab names an image by a
    hash of its decoded pixels (decoding every photo again on every page that shows it),
    though it embeds a JPEG as it is."""

    def __init__(self, jpeg: bytes):
        super().__init__(io.BytesIO(jpeg))
        self._jpeg = jpeg

    def getRGBData(self):
        if not self.jpeg_fh():
            return super().getRGBData()
        self._dataA = None          # a JPEG has no alpha channel
        return self._jpeg


def draw_proof_marker(canvas: Canvas, frame: PageFrame, width: float, font: str) -> None:
    """A red 校样 stamp in the top outer corner of a proof page."""
    size = 18.0
    canvas.saveState()
    canvas.setFillColor(Color(0.85, 0.1, 0.1))
    canvas.setStrokeColor(Color(0.85, 0.1, 0.1))
    x, y = frame.x(width - 12 - 2.6 * size), frame.y(8 + size * 1.2)
    canvas.setLineWidth(1.2)
    canvas.rect(x - 4, y - 5, 2 * size + 8, size + 8, stroke=1, fill=0)
    canvas.setFont(font, size)
    canvas.drawString(x, y, "校样")
    canvas.restoreState()
