"""Typography of a printed page, read back from any PDF: what a 版面编辑 would mark.

`measure_typography(path)` reads every glyph's position with pymupdf and
counts, over the text lines it finds (runs of glyphs on one baseline):

- 禁则: lines starting with a mark that may not start a line, or ending with
  one that may not end it (`no_start` / `no_end` in `layout/cjk/rules.yaml`),
  also in vertical columns (竖排: found and measured by `vertical.py`, the
  same rules at a column's top and foot; their glyphs are left out of the
  horizontal lines);
- splits: a run the rules never break (a number, ——, ……) going on in the
  next line of its column; Latin words and URLs continued on the next line
  are counted apart (a break at a space leaves no trace in a PDF);
- 孤字: a paragraph's last line holding a single character (the rules' `solid`
  classes) under a line of the same column;
- loose lines (median space between two Han characters above the rules'
  `loose_em`) and ragged lines (a line followed in its column by one starting
  at its x that stops half an em short of the column's right edge — the most
  common end of the page's lines starting there, as a reader measures the
  page, or its own leg's where that leg is set narrower; a line a full-width
  space splits, or a one-line paragraph before another, is no ragged line);
- the grid: the share of body lines whose baseline lines up, within half a point,
  with a body line in another column beside it (a line beside nothing but a
  headline, a photo or white space is off it: what a reader sees, and what the
  shared instrument measures);
- holes: the largest share, over pages, of the inked area left empty in
  windows of 3 × 3 body characters (rendered at 50 dpi, size capped);
- glyphs overprinting each other or drawn on photos, .notdef glyphs, fonts not
  embedded, and, given the source texts, characters of each source missing.

The body size is the most common text size. The character classes are those
of the composer (`layout.cjk.rules()`), never a second copy.
"""
from __future__ import annotations

import bisect
import collections
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from layout.cjk import NEVER, rules
from layout.i18n import _
from layout.preflight.fidelity import countable
from layout.preflight.limits import MAX_RENDER_IMAGE_PIXELS
from layout.preflight.report import FAIL, PASS, WARN, Report

EXAMPLES = 5              # examples kept per kind of fault
LOOSE_SHARE = 0.01        # more loose lines than this share is a warning
GRID_SHARE = 0.98         # fewer body lines on the shared grid than this is a warning
GRID_POINTS = 0.5         # baselines within this (pt) of each other are one
HOLE_SHARE = 0.05         # a larger empty share of the inked area is a warning
RENDER_DPI = 50
MAX_RENDER_PIXELS = 6_000_000   # a page larger than this is rendered coarser
MAX_CANDIDATES = 200            # lines looked at below each line for the next in its column
MAX_COMPARISONS = 1_000_000     # glyph pairs compared for collisions on one page
LATIN_CLASSES = ("latin", "ascii_punct")


@dataclass(frozen=True, slots=True)
class Glyph:
    char: str
    gid: int
    x: float      # origin
    y: float      # baseline
    x1: float     # right edge of the advance box
    size: float
    top: float = 0.0      # of the glyph's box
    bottom: float = 0.0


@dataclass(slots=True)
class Typography:
    """The figures of one PDF; `examples` holds a few of each fault, `p1:…`."""

    path: Path
    pages: int = 0
    body_size: float = 0.0
    lines: int = 0
    body_lines: int = 0
    vertical_lines: int = 0     # columns of vertical text (竖排), measured apart
    kinsoku_start: int = 0
    kinsoku_end: int = 0
    splits: int = 0
    latin_continued: int = 0
    lone_char_lines: int = 0
    loose_lines: int = 0
    max_extra_em: float = 0.0
    ragged_lines: int = 0
    grid_aligned_lines: int = 0
    grid_lines: int = 0           # body lines as the grid counts them (runs parted by a wide gap)
    blank_share: float = 0.0
    glyph_collisions: int = 0
    glyphs_on_images: int = 0
    notdef: int = 0
    fonts_not_embedded: list[str] = field(default_factory=list)
    missing: dict[str, int] | None = None     # source name → characters missing
    text: str = ""                            # every glyph's character, in drawing order
    skipped_pages: list[int] = field(default_factory=list)      # too much text to measure
    unrendered_pages: list[int] = field(default_factory=list)  # holes not measured (huge image)
    refused_pages: list[int] = field(default_factory=list)     # the PDF reader refused them
    examples: dict[str, list[str]] = field(default_factory=lambda: collections.defaultdict(list))

    @property
    def grid_aligned(self) -> float:
        return self.grid_aligned_lines / self.grid_lines if self.grid_lines else 1.0

    def note(self, kind: str, example: str) -> None:
        if len(self.examples[kind]) < EXAMPLES:
            self.examples[kind].append(example)


# ---------------------------------------------------------------- reading lines

def page_glyphs(spans: list[dict]) -> list[Glyph]:
    """Every glyph of a page's text trace (pymupdf). A vertical column's upright glyphs
    (WMode 1) come with the same origin and box as drawn across; `preflight.vertical`
    finds the columns among them."""
    out = []
    for span in spans:
        for code, gid, origin, bbox in span["chars"]:
            char = chr(code) if 0 < code < 0x110000 else "\ufffd"
            out.append(Glyph(char, gid, origin[0], origin[1], bbox[2], span["size"], bbox[1], bbox[3]))
    return out


HANGING = frozenset("。，、．,.")   # may hang past a column's edge into the gutter
# a mark squeezed to half an em at a line's end keeps its whole em box, which reaches half
# an em into the gutter: a hung 。，、 and a closing bracket (……于海洋）| 练分组…)
INTO_GUTTER = HANGING | frozenset("）」』】》〉”’")


def _gap_ends_line(p: Glyph, g: Glyph) -> bool:
    """A gap wider than about an em ends a line; so does a gutter after a mark whose em box
    reaches into it (the gutter is then only half an em), which no gap inside a line
    matches (inside a line a squeezed mark's next glyph starts inside its em box)."""
    gap = g.x - p.x1
    return gap > 0.9 * p.size or (p.char in INTO_GUTTER and gap > 0.4 * p.size)


def _wide_gap(p: Glyph, g: Glyph) -> bool:
    """A gap wider than about an em (and nothing else) ends a line."""
    return g.x - p.x1 > 0.9 * p.size


def text_lines(glyphs: list[Glyph], ends=_gap_ends_line) -> list[list[Glyph]]:
    """Runs of glyphs on one baseline without a gap wider than about an em (`ends`: whether
    the gap between two glyphs ends a line)."""
    lines, current = [], []
    for g in sorted(glyphs, key=lambda g: (round(g.y), g.x)):
        if current:
            p = current[-1]
            if abs(g.y - p.y) > 0.25 * p.size or ends(p, g) or g.x < p.x:
                lines.append(current)
                current = []
        if g.char.strip():
            current.append(g)
    if current:
        lines.append(current)
    return [line for line in lines if line]


def successors(lines: list[list[Glyph]]) -> list[int | None]:
    """For each line, the next line below it in the same column (None at a column's foot)."""
    order = sorted(range(len(lines)), key=lambda i: lines[i][0].y)
    found: list[int | None] = [None] * len(lines)
    for rank, i in enumerate(order):
        line = lines[i]
        x0, x1, y, size = line[0].x, line[-1].x1, line[0].y, line[0].size
        for j in order[rank + 1:rank + 1 + MAX_CANDIDATES]:
            other = lines[j]
            gap = other[0].y - y
            if gap > 2.6 * max(size, 30.0):
                break
            if not 0.5 * size < gap < 2.6 * max(size, other[0].size):
                continue
            overlap = min(x1, other[-1].x1) - max(x0, other[0].x)
            if overlap > 0.5 * min(x1 - x0, other[-1].x1 - other[0].x):
                found[i] = j
                break
    return found


# ---------------------------------------------------------------- line rules

def _kinsoku(t: Typography, label: str, text: str) -> None:
    r = rules()
    if r.no_start[r.class_of(text[0])]:
        t.kinsoku_start += 1
        t.note("kinsoku_start", f"{label}:{text[:12]}")
    if r.no_end[r.class_of(text[-1])]:
        t.kinsoku_end += 1
        t.note("kinsoku_end", f"{label}:{text[-12:]}")


def _split(t: Typography, label: str, text: str, following: str) -> None:
    """A run the rules never break (digits, ——, ……, a Latin word) going on in the next line.

    Only runs of one class count: across classes (a number and the Han unit
    after it) a line end next to a new line cannot be told from a break.
    """
    r = rules()
    a, b = r.class_of(text[-1]), r.class_of(following[0])
    if a != b or r.pairs[a][b] != NEVER:
        return
    kind = "latin_continued" if r.names[a] in LATIN_CLASSES else "splits"
    setattr(t, kind, getattr(t, kind) + 1)
    t.note(kind, f"{label}:{text[-6:]}|{following[:6]}")


def _loose(t: Typography, label: str, line: list[Glyph]) -> None:
    r, han = rules(), rules().cls("han")
    gaps = [(q.x - p.x1) / p.size for p, q in zip(line, line[1:])
            if r.class_of(p.char) == han and r.class_of(q.char) == han]
    # justification spreads space evenly, so the median gap tells a loose
    # line; a single wide gap is a real space, not looseness
    worst = statistics.median_low(gaps) if len(gaps) >= 4 else 0.0
    t.max_extra_em = max(t.max_extra_em, worst)
    if worst > r.loose_em:
        t.loose_lines += 1
        t.note("loose_lines", f"{label}:{''.join(g.char for g in line)[:10]}(+{worst:.2f}em)")


def _is_lone_character(line: list[Glyph]) -> bool:
    """A line of one character (the rules' `solid` classes) and at most a mark: 孤字.
    A symbol standing alone (■ between briefs) is furniture, not a 孤字."""
    r = rules()
    solid = [g for g in line if r.solid[r.class_of(g.char)]]
    return len(line) <= 2 and len(solid) == 1 and r.names[r.class_of(solid[0].char)] != "other"


def _edge(ends: list[float]) -> tuple[int, float]:
    """(votes, widest end within a point) of the most common end; of two as common, the
    nearer (two legs' lines read as one where a squeezed mark narrows the gutter)."""
    votes = collections.Counter(round(e) for e in ends)
    edge, most = min(votes.items(), key=lambda ev: (-ev[1], ev[0]))
    return most, max(e for e in ends if abs(e - edge) <= 1)


def _leg_edge(ends: list[float], past: float) -> tuple[int, float]:
    """(votes, widest end within a point) of a leg's edge: the end most lines reach, a line
    ending up to `past` beyond it voting for it too (a mark squeezed at a line's end keeps
    its em box: a brief's 3-line leg under a 破栏 leg ends 550.9, 555.4 (，), 523.9)."""
    votes = {round(e): sum(1 for x in ends if round(e) - 1 <= x <= round(e) + past)
             for e in ends}
    edge, most = min(votes.items(), key=lambda ev: (-ev[1], ev[0]))
    return most, max(e for e in ends if abs(e - edge) <= 1)


def _edges(lines, body: list[int]) -> dict[int, tuple[int, float]]:
    """Per body line: (votes, edge) of its column's right edge as a reader measures the page
    — the most common end among the page's body lines starting at about its x — unless its
    own leg (those lines one under the other, no more than a blank row between) is set
    narrower: at least 2 of the leg's lines end at one place and none goes more than 0.6 em
    past it (a brief's 13-em legs under a lead's 20-em 破栏 legs, a framed notice inset by
    its padding)."""
    tolerance = 0.3 * lines[body[0]][0].size
    clusters, current, start = [], [], 0.0
    for i in sorted(body, key=lambda i: lines[i][0].x):
        if current and lines[i][0].x - start > tolerance:
            clusters.append(current)
            current = []
        if not current:
            start = lines[i][0].x
        current.append(i)
    clusters.append(current)
    edges: dict[int, tuple[int, float]] = {}
    for cluster in clusters:
        column = _edge([lines[k][-1].x1 for k in cluster])
        cluster.sort(key=lambda i: lines[i][0].y)
        run: list[int] = []
        for i in cluster + [None]:
            if run and (i is None or lines[i][0].y - lines[run[-1]][0].y > 3.2 * lines[i][0].size):
                ends = [lines[k][-1].x1 for k in run]
                votes, edge = _leg_edge(ends, 0.6 * lines[run[0]][0].size)
                narrower = votes >= 2 and edge < column[1] \
                    and max(ends) <= edge + 0.6 * lines[run[0]][0].size
                edges.update({k: (column[0], edge if narrower else column[1]) for k in run})
                run = []
            if i is not None:
                run.append(i)
    return edges


def _spaced(by_row: dict, line, edge: float) -> bool:
    """The line goes on after a full-width space (U+3000 is not drawn): one line, not two."""
    end, y, size = line[-1].x1, line[0].y, line[0].size
    return any(abs(other[0].y - y) < 0.25 * size and end < other[0].x < end + 1.6 * size
               and other[-1].x1 <= edge + 0.6 * size
               for row in (round(y) - 1, round(y), round(y) + 1) for other in by_row.get(row, ()))


def _after_space(by_row: dict, line) -> bool:
    """The line is the end of one whose full-width space (U+3000, not drawn) split it: a
    part of the same line ends less than two ems before it (a 简讯 item's title, then
    its 电头: ■区图书馆延长开放时间　本|报讯…), so one character there is no 孤字."""
    start, y, size = line[0].x, line[0].y, line[0].size
    return any(abs(other[0].y - y) < 0.25 * size and start - 2.0 * size < other[-1].x1 < start
               for row in (round(y) - 1, round(y), round(y) + 1) for other in by_row.get(row, ()))


def _indented(lines, body: list[int], line) -> bool:
    """The line starts at a paragraph's indent (a body line within a few rows starts 2 ems
    to its left): followed by one at the same x, it is a paragraph of one line."""
    x0, y, size = line[0].x, line[0].y, line[0].size
    return any(abs(lines[k][0].x - (x0 - 2.0 * size)) < 0.3 * size
               and abs(lines[k][0].y - y) < 10.4 * size for k in body)


def _rows(lines) -> dict:
    by_row = collections.defaultdict(list)
    for line in lines:
        by_row[round(line[0].y)].append(line)
    return by_row


def _ragged(t: Typography, label: str, lines, body: list[int], follow) -> None:
    """Lines inside a paragraph must end flush with their leg's right edge."""
    if not body:
        return
    body_set, edges, by_row = set(body), _edges(lines, body), _rows(lines)
    for i in body:
        line = lines[i]
        x0, size = line[0].x, line[0].size
        votes, widest = edges[i]   # a mark squeezed at a line end sticks out half an em
        j = follow[i]
        if votes < 3 or j is None or j not in body_set or abs(lines[j][0].x - x0) > 0.3 * size:
            continue  # a paragraph's last line, or followed by a heading
        if line[-1].x1 < widest - 0.5 * size and not _spaced(by_row, line, widest) \
                and not _indented(lines, body, line):
            t.ragged_lines += 1
            t.note("ragged_lines", f"{label}:" + "".join(g.char for g in line)[-8:])


def _grid(lines, body: list[int]) -> int:
    """Body lines on the grid as a reader sees it across the page: another body line, in a
    column beside it (not overlapping it), has its baseline within half a point. A line
    beside nothing but a headline, a photo, a rule or white space is not on it, however
    well it keeps its own column's pitch (the shared instrument's measure)."""
    by_y = sorted(body, key=lambda i: lines[i][0].y)
    ys = [lines[i][0].y for i in by_y]
    aligned = 0
    for i in body:
        x0, x1, y = lines[i][0].x, lines[i][-1].x1, lines[i][0].y
        aligned += any(lines[j][0].x > x1 or lines[j][-1].x1 < x0
                       for j in by_y[bisect.bisect_left(ys, y - GRID_POINTS):
                                     bisect.bisect_right(ys, y + GRID_POINTS)])
    return aligned


def measure_lines(t: Typography, number: int, glyphs: list[Glyph]) -> None:
    """Add one page's line figures to `t`."""
    label = f"p{number}"
    lines = text_lines(glyphs)
    follow = successors(lines)
    has_above = {j for j in follow if j is not None}
    body = [i for i, line in enumerate(lines) if abs(line[0].size - t.body_size) < 0.05]
    t.lines += len(lines)
    t.body_lines += len(body)
    for i, line in enumerate(lines):
        text = "".join(g.char for g in line)
        _kinsoku(t, label, text)
        if follow[i] is not None:
            _split(t, label, text, "".join(g.char for g in lines[follow[i]]))
    by_row = _rows(lines)
    for i in body:
        if _is_lone_character(lines[i]) and i in has_above and not _after_space(by_row, lines[i]):
            t.lone_char_lines += 1
            t.note("lone_char_lines", f"{label}:" + "".join(g.char for g in lines[i]))
        _loose(t, label, lines[i])
    _ragged(t, label, lines, body, follow)
    # the grid as the shared instrument reads it: runs parted by a wide gap only (a line
    # hung into a narrow gutter runs on into the next leg's, as there)
    runs = text_lines(glyphs, _wide_gap)
    grid_body = [i for i, run in enumerate(runs) if abs(run[0].size - t.body_size) < 0.05]
    t.grid_lines += len(grid_body)
    t.grid_aligned_lines += _grid(runs, grid_body)


def measure_columns(t: Typography, number: int, glyphs: list[Glyph]) -> list[Glyph]:
    """Add the page's vertical columns (竖排) to `t`, the same prohibitions at their top
    and foot; return the glyphs set horizontally."""
    from layout.preflight.vertical import cells_of, column_faults, vertical_columns

    columns = vertical_columns(cells_of(glyphs))
    if not columns:
        return glyphs
    t.vertical_lines += len(columns)
    for kind, texts in column_faults(columns).items():
        setattr(t, kind, getattr(t, kind) + len(texts))
        for text in texts:
            t.note(kind, f"p{number}:{text}")
    upright = {cell.index for column in columns for cell in column}
    return [g for i, g in enumerate(glyphs) if i not in upright]


# ---------------------------------------------------------------- page checks

def blank_share(page, body_size: float) -> float | None:
    """Share of the inked area's bounding box lying in empty windows of 3 × 3 body ems."""
    import numpy as np
    import pymupdf

    if body_size <= 0:
        return 0.0
    if any(image[2] * image[3] > MAX_RENDER_IMAGE_PIXELS for image in page.get_images(full=True)):
        return None   # rendering would decode a very large image: not measured
    zoom = RENDER_DPI / 72
    area = page.rect.width * page.rect.height * zoom * zoom
    if area > MAX_RENDER_PIXELS:
        zoom *= (MAX_RENDER_PIXELS / area) ** 0.5
    pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY, alpha=False)
    ink = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, :pix.width] < 235
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink[::2].any(axis=0))
    if not len(rows) or not len(cols):
        return 1.0
    ink = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    w, h = max(2, int(3 * body_size * zoom)), max(2, int(3 * 1.6 * body_size * zoom))
    ny, nx = (ink.shape[0] - 1) // h, (ink.shape[1] - 1) // w
    if not nx or not ny:
        return 0.0
    windows = ink[:ny * h, :nx * w].reshape(ny, h, nx, w).any(axis=(1, 3))
    return float((~windows).sum()) / windows.size


def collisions(page, glyphs: list[Glyph]) -> tuple[int, int]:
    """Letter pairs whose central boxes intersect, and letters drawn on images."""
    import unicodedata

    boxes = []
    for g in glyphs:
        # punctuation squeezed to half its box overlaps a neighbour by design:
        # only letters and digits count
        if g.char.strip() and unicodedata.category(g.char)[0] in "LN":
            dx, dy = (g.x1 - g.x) * 0.3, (g.bottom - g.top) * 0.3
            boxes.append((g.x + dx, g.top + dy, g.x1 - dx, g.bottom - dy))
    boxes.sort()
    hits = compared = 0
    for i, a in enumerate(boxes):
        j = i + 1
        while j < len(boxes) and boxes[j][0] < a[2] and compared < MAX_COMPARISONS:
            b = boxes[j]
            compared += 1
            hits += b[1] < a[3] and a[1] < b[3]
            j += 1
    images = [box for kind, box in page.get_bboxlog() if kind == "fill-image"]   # decodes nothing
    on_images = sum(1 for b in boxes for r in images
                    if r[0] <= (b[0] + b[2]) / 2 <= r[2] and r[1] <= (b[1] + b[3]) / 2 <= r[3])
    return hits, on_images


def fonts_not_embedded(doc) -> list[str]:
    names = set()
    for page in doc:
        for xref, ext, kind, name, *_ in page.get_fonts(full=True):
            if ext in ("n/a", "") and kind != "Type3":
                names.add(name)
    return sorted(names)


def missing_from(text: str, sources: Mapping[str, str]) -> dict[str, int]:
    """Characters (whitespace aside) of each source the text lacks, source by source in order."""
    available = countable(text)
    missing = {}
    for name, source in sources.items():
        need = countable(source)
        short = need - available
        available -= need
        missing[name] = sum(short.values())
    return missing


def measure_typography(path: Path, sources: Mapping[str, str] | None = None,
                       skip: frozenset[int] = frozenset()) -> Typography:
    """The typographic figures of the PDF at `path` (pymupdf must be able to open it);
    pages numbered in `skip` (too much text to read back) are left out."""
    import pymupdf

    t = Typography(Path(path))
    with pymupdf.open(path) as doc:
        pages = [_glyphs_of(t, number, page) if number not in skip else []
                 for number, page in enumerate(doc, 1)]
        t.skipped_pages = sorted(skip & set(range(1, len(pages) + 1)))
        sizes = collections.Counter(round(g.size, 1) for glyphs in pages for g in glyphs)
        t.pages, t.body_size = len(pages), sizes.most_common(1)[0][0] if sizes else 0.0
        t.text = "".join(g.char for glyphs in pages for g in glyphs)
        for number, (page, glyphs) in enumerate(zip(doc, pages), 1):
            if number not in skip and number not in t.refused_pages:
                try:
                    measure_page(t, number, page, glyphs)
                except pymupdf.mupdf.FzErrorBase:
                    t.refused_pages.append(number)
            pymupdf.TOOLS.store_shrink(100)   # let go of decoded images and fonts
        t.fonts_not_embedded = fonts_not_embedded(doc)
    if sources is not None:
        t.missing = missing_from(t.text, sources)
    return t


def _glyphs_of(t: Typography, number: int, page) -> list[Glyph]:
    """The page's glyphs; a page the PDF reader refuses (200,000 nested graphics states,
    past MuPDF's limits) is listed in `t.refused_pages` and read as empty."""
    import pymupdf

    try:
        return page_glyphs(page.get_texttrace())
    except pymupdf.mupdf.FzErrorBase:
        t.refused_pages.append(number)
        return []


def measure_page(t: Typography, number: int, page, glyphs: list[Glyph]) -> None:
    t.notdef += sum(1 for g in glyphs if g.gid == 0 and g.char.strip())
    measure_lines(t, number, measure_columns(t, number, glyphs))
    share = blank_share(page, t.body_size)
    if share is None:
        t.unrendered_pages.append(number)
    else:
        t.blank_share = max(t.blank_share, share)
    hits, on_images = collisions(page, glyphs)
    t.glyph_collisions += hits
    t.glyphs_on_images += on_images


# ---------------------------------------------------------------- the report

def _examples(t: Typography, kind: str) -> str:
    shown = t.examples.get(kind, [])
    return ("  " + _("e.g. {examples}").format(examples="  ".join(shown))) if shown else ""


def typography_findings(t: Typography) -> list[tuple[str, str, str]]:
    """(topic, level, message) lines for the report; levels as in preflight.report."""
    def count(n: int, ok: str, bad: str, kind: str, level: str = WARN):
        return (PASS, ok) if not n else (level, bad.format(n=n) + _examples(t, kind))

    out = []
    out.append(("kinsoku",) + count(t.kinsoku_start, _("no line starts with a mark that may not start a line"),
                                    _("{n} line(s) start with a mark that may not start a line"), "kinsoku_start"))
    out.append(("kinsoku",) + count(t.kinsoku_end, _("no line ends with a mark that may not end a line"),
                                    _("{n} line(s) end with a mark that may not end a line"), "kinsoku_end"))
    if t.vertical_lines:
        out.append(("kinsoku", PASS, _("{n} vertical column(s) (竖排) measured by the same rules, "
                                       "top and foot").format(n=t.vertical_lines)))
    out.append(("splits",) + count(t.splits, _("no number, —— or …… split across lines"),
                                   _("{n} number(s), —— or …… split across lines"), "splits"))
    if t.latin_continued:
        out.append(("splits", WARN, _("{n} Latin word(s) or URL(s) continued on the next line "
                                      "(fine at a space or a URL's / . -)").format(n=t.latin_continued)
                    + _examples(t, "latin_continued")))
    out.append(("孤字",) + count(t.lone_char_lines, _("no paragraph ends in a line of one character"),
                               _("{n} paragraph(s) end in a line of one character"), "lone_char_lines"))
    loose_level = WARN if t.loose_lines > LOOSE_SHARE * max(t.body_lines, 1) else PASS
    out.append(("loose", loose_level, _("{n} loose line(s) of {lines} body lines (widest extra spacing "
                                        "{em:.2f} em, limit {limit:.2f})").format(
        n=t.loose_lines, lines=t.body_lines, em=t.max_extra_em, limit=rules().loose_em)
        + (_examples(t, "loose_lines") if t.loose_lines else "")))
    out.append(("ragged",) + count(t.ragged_lines, _("every line inside a paragraph is justified"),
                                   _("{n} line(s) inside a paragraph stop short of the column edge"),
                                   "ragged_lines"))
    out.append(("grid", PASS if t.grid_aligned >= GRID_SHARE else WARN,
                _("{share:.1%} of body lines share their baseline with another column").format(
                    share=t.grid_aligned)))
    out.append(("holes", PASS if t.blank_share <= HOLE_SHARE else WARN,
                _("{share:.1%} of the inked area left blank (largest page)").format(share=t.blank_share)))
    if t.unrendered_pages:
        out.append(("holes", WARN, _("not measured on page(s) {pages}: a photo too large to "
                                     "render").format(pages=", ".join(map(str, t.unrendered_pages)))))
    if t.refused_pages:
        out.append(("file", FAIL, _("page(s) {pages} not measured: the PDF reader refuses them "
                                    "(past its limits: a damaged or hostile file?)").format(
            pages=", ".join(map(str, t.refused_pages)))))
    if t.skipped_pages:
        out.append(("file", WARN, _("page(s) {pages} not measured: more text than a page holds "
                                    "(a damaged or hostile file?)").format(
            pages=", ".join(map(str, t.skipped_pages)))))
    out.append(("glyphs",) + count(t.glyph_collisions, _("no glyph overprints another"),
                                   _("{n} glyph(s) overprint another"), "", FAIL))
    if t.glyphs_on_images:
        out.append(("glyphs", WARN, _("{n} glyph(s) drawn on a photo").format(n=t.glyphs_on_images)))
    out.append(("glyphs",) + count(t.notdef, _("no missing glyph (.notdef)"),
                                   _("{n} character(s) drawn as the missing glyph (.notdef)"), "", FAIL))
    if t.fonts_not_embedded:
        out.append(("fonts", FAIL, _("not embedded: {fonts}").format(fonts=", ".join(t.fonts_not_embedded))))
    out += _missing_findings(t)
    return out


def _missing_findings(t: Typography) -> list[tuple[str, str, str]]:
    if t.missing is None:
        return []
    lost = {name: n for name, n in t.missing.items() if n}
    if not lost:
        return [("source", PASS, _("every character of {n} source text(s) is on the page").format(
            n=len(t.missing)))]
    return [("source", FAIL, _("{name} lost {n} character(s)").format(name=name, n=n))
            for name, n in lost.items()]


def typography_report(path: Path, sources: Mapping[str, str] | None = None,
                      skip: frozenset[int] = frozenset()):
    """The typography section of `layout check` as a Report (preflight.report)."""
    t = measure_typography(path, sources, skip)
    report = Report(Path(path), title=_("Typography of {path} (body {size:g} pt, {lines} body lines)")
                    .format(path=path, size=t.body_size, lines=t.body_lines),
                    verdict=(_("TYPOGRAPHY: nothing an editor would mark"),
                             _("TYPOGRAPHY: {n} finding(s) for the page editor")), strict=True)
    for topic, level, message in typography_findings(t):
        report.add(level, topic, message)
    return report, t
