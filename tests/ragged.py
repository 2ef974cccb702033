"""Ragged lines counted from a built PDF's glyph positions, as a reader outside the project
counts them (pymupdf's text trace, no knowledge of our layout), stricter than the
typography report (`layout.preflight.typography`, which forgives a line before a list
item's ■ or ▶): a line of body size followed, in its column, by another body-size line
starting at the same x must end flush with the column's right edge.

- A line is a run of glyphs on one baseline with no gap wider than 0.9 em; the body
  size is the document's most common size; the next line of a line is the nearest line
  below it (more than half an em, less than 2.6 ems) that overlaps it by more than half
  the narrower's width.
- The column's right edge is where most of the page's body lines starting at that x end
  (at least 3 of them), the widest within a point of it: a line followed by one at the
  same x (within 0.3 em) is ragged when it ends more than half an em short of it.

Three readings of a page whose lines are flush are not counted, each a picture of the
page the glyph positions alone get wrong (listed so that nothing else hides among them):

- a mark squeezed to half an em at a line's end (，。、；：？！) keeps its whole em box,
  which reaches half an em into a one-em gutter: the line does not run on into the next
  leg's line after it (a gap of more than 0.4 em after such a mark ends a line);
- a leg narrower than the page's others at its x (a brief's 13-character legs under a
  lead's 20-character 破栏 legs, a framed notice inset by its padding): its own edge is
  where at least 2 of its lines end when none of its lines goes more than 0.6 em past it
  (a squeezed mark's em box) — unless asked with `own_edges=False`, as the shared
  instrument counts (pdfmetrics: the page's commonest end at the x is every line's edge);
- a paragraph of one line followed by another paragraph (a list of figures, each item a
  paragraph): both lines, in one face, start at the indent, 2 ems right of their leg's
  other lines (a 小标题 in its own face is no such paragraph);
- a vertical body (竖排): its columns' glyphs read as short horizontal rows; they are
  left out as the typography report finds them (`layout.preflight.vertical`).
"""
from __future__ import annotations

import collections
from pathlib import Path

GAP_EM = 0.9
NEXT_EM = 2.6
SAME_X_EM = 0.3
SHORT_EM = 0.5
PAST_EM = 0.6
END_MARKS = frozenset("，。、；：？！．,.")
HALF_GUTTER_EM = 0.4
INDENT_EM = 2.0


def _glyphs(page) -> list[dict]:
    """The page's horizontally set glyphs (a vertical body's columns, as the typography
    report finds them, left out)."""
    from layout.preflight.typography import page_glyphs
    from layout.preflight.vertical import cells_of, vertical_columns

    glyphs = page_glyphs(page.get_texttrace())
    upright = {cell.index for column in vertical_columns(cells_of(glyphs)) for cell in column}
    fonts = [span["font"] for span in page.get_texttrace() if span.get("wmode", 0) == 0
             for _ in span["chars"]]
    return [{"c": g.char, "x": g.x, "y": g.y, "x1": g.x1, "size": g.size, "font": f}
            for i, (g, f) in enumerate(zip(glyphs, fonts)) if i not in upright]


def _lines(glyphs: list[dict]) -> list[list[dict]]:
    lines, current = [], []
    for g in sorted(glyphs, key=lambda g: (round(g["y"]), g["x"])):
        if current:
            p = current[-1]
            gap = g["x"] - p["x1"]
            if abs(g["y"] - p["y"]) > 0.25 * p["size"] or gap > GAP_EM * p["size"] \
                    or (p["c"] in END_MARKS and gap > HALF_GUTTER_EM * p["size"]) or g["x"] < p["x"]:
                lines.append(current)
                current = []
        if g["c"].strip():
            current.append(g)
    if current:
        lines.append(current)
    return [line for line in lines if line]


def _next(lines, i):
    line = lines[i]
    x0, x1, y, size = line[0]["x"], line[-1]["x1"], line[0]["y"], line[0]["size"]
    best = None
    for j, other in enumerate(lines):
        gap = other[0]["y"] - y
        if j == i or not 0.5 * size < gap < NEXT_EM * max(size, other[0]["size"]):
            continue
        overlap = min(x1, other[-1]["x1"]) - max(x0, other[0]["x"])
        if overlap > 0.5 * min(x1 - x0, other[-1]["x1"] - other[0]["x"]) \
                and (best is None or gap < lines[best][0]["y"] - y):
            best = j
    return best


def _edge(ends: list[float]) -> tuple[int, float]:
    """(votes, widest end within a point) of the most common end."""
    edge, votes = collections.Counter(round(e) for e in ends).most_common(1)[0]
    return votes, max(e for e in ends if abs(e - edge) <= 1)


def _leg(lines, body, i, size):
    """The lines of i's leg: body lines at its x, each the next line of the one above."""
    x0 = lines[i][0]["x"]
    same = sorted((k for k in body if abs(lines[k][0]["x"] - x0) < SAME_X_EM * size),
                  key=lambda k: lines[k][0]["y"])
    legs, run = [], []
    for k in same:
        if run and lines[k][0]["y"] - lines[run[-1]][0]["y"] > NEXT_EM * size:
            legs.append(run)
            run = []
        run.append(k)
    legs.append(run)
    return next(leg for leg in legs if i in leg)


def _indented(lines, body, line) -> bool:
    """The line starts at a paragraph's indent: a body line of its leg, within a few rows,
    starts 2 ems to its left."""
    x0, y, size = line[0]["x"], line[0]["y"], line[0]["size"]
    return any(abs(lines[k][0]["x"] - (x0 - INDENT_EM * size)) < SAME_X_EM * size
               and abs(lines[k][0]["y"] - y) < 4 * NEXT_EM * size for k in body)


def _page_ragged(lines, body_size: float, label: str, own_edges: bool = True) -> list[str]:
    body = [i for i, line in enumerate(lines) if abs(line[0]["size"] - body_size) < 0.05]
    out = []
    for i in body:
        line = lines[i]
        x0, size = line[0]["x"], line[0]["size"]
        column = [lines[k][-1]["x1"] for k in body if abs(lines[k][0]["x"] - x0) < SAME_X_EM * size]
        votes, edge = _edge(column)
        if votes < 3:
            continue
        j = _next(lines, i)
        if j is None or abs(lines[j][0]["size"] - body_size) > 0.05 \
                or abs(lines[j][0]["x"] - x0) > SAME_X_EM * size:
            continue
        leg_ends = [lines[k][-1]["x1"] for k in _leg(lines, body, i, size)]
        leg_votes, leg_edge = _edge(leg_ends)
        if own_edges and leg_votes >= 2 and leg_edge < edge and max(leg_ends) <= leg_edge + PAST_EM * size:
            edge = leg_edge
        if line[-1]["x1"] < edge - SHORT_EM * size \
                and not (line[0]["font"] == lines[j][0]["font"] and _indented(lines, body, line)):
            out.append(f"{label}:" + "".join(g["c"] for g in line)[-10:])
    return out


def ragged_lines(pdf: Path, own_edges: bool = True) -> list[str]:
    """Every ragged line of the PDF, as `p<page>:<its last characters>`; with `own_edges`
    False, a leg narrower than the page's others at its x has no edge of its own."""
    import pymupdf

    with pymupdf.open(pdf) as doc:
        pages = [_glyphs(page) for page in doc]
    sizes = collections.Counter(round(g["size"], 1) for page in pages for g in page)
    if not sizes:
        return []
    body_size = sizes.most_common(1)[0][0]
    return [r for n, glyphs in enumerate(pages, 1)
            for r in _page_ragged(_lines(glyphs), body_size, f"p{n}", own_edges)]
