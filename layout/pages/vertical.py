"""Vertical setting on the page (竖排): columns of glyphs, and the vertical headline group.

`column_items` turns a column composed by the composer (its glyph offsets
run down the page) into placed text: upright characters one under another,
each centred on the column's centre line, drawn in the face's vertical twin
(`…@vert`, whose character map gives punctuation its vertical form); a
rotated run (a Latin word, 2025) turned 90° clockwise with its em box centred
on the column; a 纵中横 run (12月) side by side across the column, squeezed
into one em when wider.

`set_vertical_head` sets a headline group as a 竖题: columns read top to
bottom, right to left — 引题, then the 主题 (one column per phrase where
they fit, else balanced columns broken where a reader pauses, as a
horizontal 主题 is), then 副题 — the 引题 and the 主题's first column flush
with the top, a shorter later 主题 column and the 副题 flush with the 主题's
foot (the stagger of a hand-set 竖题).
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.cjk.vertical import vertical_rules
from layout.compose import Glyph, Line
from layout.compose.headline import headline_width
from layout.compose.vertical import ROTATED, TCY, pieces
from layout.fonts import FontSet
from layout.fonts.vertical import vertical_key, vertical_metrics
from layout.model import Article
from layout.model.placed import PlacedText
from layout.pages.headline import SetLines, set_part
from layout.style import HouseStyle

COLUMN_GAP = {"kicker": 0.35, "title": 0.2, "subtitle": 0.4, "byline": 0.5}  # em between a part's columns
PART_GAP = 0.45        # em of the 主题 between two parts


def _runs(glyphs: tuple[Glyph, ...]):
    """Consecutive glyphs of one face and size."""
    start = 0
    for i in range(1, len(glyphs) + 1):
        if i == len(glyphs) or (glyphs[i].face, glyphs[i].size) != (glyphs[start].face,
                                                                     glyphs[start].size):
            yield glyphs[start:i]
            start = i


def _upright(run, cx: float, top: float, role: str, fonts: FontSet) -> PlacedText:
    face, size = run[0].face, run[0].size
    metrics, vm = fonts.metrics(face), vertical_metrics(fonts.paths[face])
    xs, ys = [], []
    for g in run:
        width = vm.form_widths.get(ord(g.char)) or metrics.advance(g.char)
        xs.append(-width * size / 2)
        ys.append(g.x + metrics.ascent * size)
    return PlacedText(cx, top, vertical_key(face), size, "".join(g.char for g in run),
                      tuple(xs), role, ys=tuple(ys))


def _rotated(run, cx: float, top: float, role: str, fonts: FontSet) -> PlacedText:
    face, size = run[0].face, run[0].size
    metrics = fonts.metrics(face)
    x = cx - (metrics.ascent - metrics.descent) / 2 * size   # the em box centred across
    return PlacedText(x, top, vertical_key(face), size, "".join(g.char for g in run),
                      tuple(g.x for g in run), role, turn=1)


def _side_by_side(run, cx: float, top: float, role: str, fonts: FontSet) -> PlacedText:
    face, size = run[0].face, run[0].size
    metrics = fonts.metrics(face)
    advances = [metrics.advance(g.char) * size for g in run]
    total = sum(advances) or size
    scale = min(1.0, vertical_rules().tcy_width * size / total)
    xs, x = [], 0.0
    for advance in advances:
        xs.append(x)
        x += advance * scale
    return PlacedText(cx - total * scale / 2, top + run[0].x + metrics.ascent * size,
                      vertical_key(face), size, "".join(g.char for g in run), tuple(xs), role,
                      scale=round(scale, 4))


def column_items(line: Line, cx: float, top: float, role: str, fonts: FontSet) -> list[PlacedText]:
    """A composed column as placed text, its centre line at `cx`, its top at `top`,
    in reading order (so text extracted from the PDF reads as written)."""
    out: list[PlacedText] = []
    for piece in pieces(line, fonts):
        glyphs = line.glyphs[piece.start:piece.end]
        if piece.kind == TCY:
            out.append(_side_by_side(glyphs, cx, top, role, fonts))
            continue
        place = _rotated if piece.kind == ROTATED else _upright
        out.extend(place(run, cx, top, role, fonts) for run in _runs(glyphs))
    return [t for t in out if t.text.strip()]


def drawn_chars(items: list[PlacedText]) -> int:
    return sum(len(t.text.replace(" ", "").replace("\u3000", "")) for t in items)


@dataclass(frozen=True, slots=True)
class VColumn:
    """One column of a vertical headline group."""

    role: str
    line: Line
    size: float
    x: float      # its centre, points left of the group's right edge
    y: float      # its top, points below the group's top


@dataclass(frozen=True, slots=True)
class VerticalHead:
    """A headline group set vertically: its parts (as a horizontal group's, so they are
    priced the same way) and its columns right to left."""

    parts: tuple[tuple[str, SetLines], ...]
    columns: tuple[VColumn, ...]
    width: float       # points from the first column's right side to the last's left
    height: float      # points from the top to the lowest foot

    @property
    def title(self) -> SetLines | None:
        return next((s for r, s in self.parts if r == "title"), None)


def _title_measure(title: str, face: str, size: float, length: float, fonts: FontSet) -> float:
    """A column per phrase when the longest phrase fits `length`, else `length`."""
    phrases = [p for p in title.split("\u3000") if p]
    if len(phrases) > 1:
        longest = max(headline_width(p, face, size, fonts) for p in phrases)
        if longest <= length + 0.01:
            return longest
    return length


def head_parts(article: Article, style: HouseStyle, fonts: FontSet, face: str, size: float,
               length: float, byline: bool = False) -> list[tuple[str, SetLines]]:
    """引题, 主题, 副题 (and the byline) set in columns of at most `length` points; 引题
    and 副题 sized by their ratios to the 主题, in a family other than the 主题's."""
    hl, h = style.headlines, article.headline
    family = style.faces[face].family
    parts = []
    texts = [("kicker", h.kicker), ("title", h.title), ("subtitle", h.subtitle)]
    if byline:
        texts.append(("byline", article.byline))
    for role, text in texts:
        if not text:
            continue
        if role == "title":
            part_face, part_size = face, size
            measure = _title_measure(text, face, size, length, fonts)
        elif role == "byline":
            found = style.role("byline")
            part_face, part_size, measure = found.face, style.body_size, length
        else:
            spec = hl.kicker if role == "kicker" else hl.subtitle
            part_face = next((f for f in spec.faces if style.faces[f].family != family), spec.faces[0])
            part_size, measure = spec.size_for(size), length
        parts.append((role, set_part(text, part_face, part_size, measure, fonts, role, vertical=True)))
    return parts


def arrange(parts: list[tuple[str, SetLines]]) -> VerticalHead:
    """The parts' columns right to left with their tops (see the module doc)."""
    columns: list[VColumn] = []
    title = next((s for r, s in parts if r == "title"), None)
    title_foot = max((line.width for line in title.lines), default=0.0) if title else 0.0
    gap_size = title.size if title else max((s.size for _r, s in parts), default=0.0)
    x = 0.0
    for n, (role, part) in enumerate(parts):
        if n:
            x += PART_GAP * gap_size
        first_length = part.lines[0].width if part.lines else 0.0
        for k, line in enumerate(part.lines):
            if k:
                x += COLUMN_GAP[role] * part.size
            if role == "title":
                top = 0.0 if k == 0 else max(0.0, first_length - line.width)
            elif role in ("subtitle", "byline"):
                top = max(0.0, max(title_foot, 0.0) - line.width)
            else:
                top = 0.0
            columns.append(VColumn(role, line, part.size, x + part.size / 2, top))
            x += part.size
    height = max((c.y + c.line.width for c in columns), default=0.0)
    return VerticalHead(tuple(parts), tuple(columns), x, height)


def head_items(head: VerticalHead, right: float, top: float, fonts: FontSet) -> list[PlacedText]:
    """The group's columns as placed text, its right edge at `right`, its top at `top`."""
    items: list[PlacedText] = []
    for column in head.columns:
        items += column_items(column.line, right - column.x, top + column.y, column.role, fonts)
    return items


def with_vertical_faces(pages, fonts: FontSet) -> dict:
    """The font files of the issue: the set's faces, and the vertical twin of each face
    some vertical column is drawn in (made only when used)."""
    from layout.fonts.vertical import base_key, vertical_face

    paths = dict(fonts.paths)
    for page in pages:
        for item in page.items:
            if isinstance(item, PlacedText) and item.face not in paths:
                base = base_key(item.face)
                if base in fonts.paths:
                    paths[item.face] = vertical_face(fonts.paths[base])
    return paths
