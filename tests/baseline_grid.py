"""The baseline grid across columns, read from a built PDF's glyph positions.

A body line (a run of glyphs at the issue's most common size, split where
a gap wider than 0.9 em or a new baseline starts it) stands on the grid when
ANOTHER body line on the same page, in a column that does not overlap it
horizontally, has the same baseline within half a point. A line beside
nothing but a headline, a photo, a rule or white space is off the grid,
however well it sits on its own column's rows — which is stricter than the
preflight's figure (layout.preflight.typography counts a line with nothing
beside it as in step), and is what a page editor sees when the baselines of
neighbouring columns do or do not run across the page.
"""
from __future__ import annotations

import collections
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class GridFigures:
    body_lines: int = 0
    aligned: int = 0
    off: list[str] = field(default_factory=list)   # "p2 y=334.4: 事一按就有人应" per lonely line

    @property
    def share(self) -> float:
        return self.aligned / self.body_lines if self.body_lines else 1.0


def _chars(page) -> list[dict]:
    out = []
    for span in page.get_texttrace():
        if span.get("wmode", 0) != 0 or abs(span["dir"][0] - 1) > 1e-3:
            continue      # vertical text (竖排), and words turned down a column with it,
            #               have no baseline across columns
        for u, _gid, origin, bbox in span["chars"]:
            out.append({"c": chr(u) if u > 0 else "\ufffd", "x": origin[0], "y": origin[1],
                        "x1": bbox[2], "size": span["size"]})
    return out


def _fragments(chars: list[dict]) -> list[list[dict]]:
    """Runs of glyphs on one baseline without a gap wider than 0.9 em."""
    chars = sorted(chars, key=lambda d: (round(d["y"], 0), d["x"]))
    out, run = [], []
    for d in chars:
        if run:
            p = run[-1]
            if abs(d["y"] - p["y"]) > 0.25 * p["size"] or d["x"] - p["x1"] > 0.9 * p["size"] \
                    or d["x"] < p["x"]:
                out.append(run)
                run = []
        if d["c"].strip():
            run.append(d)
    if run:
        out.append(run)
    return [f for f in out if f]


def grid_figures(pdf: Path) -> GridFigures:
    import pymupdf

    with pymupdf.open(pdf) as doc:
        pages = [_chars(page) for page in doc]
    sizes = collections.Counter(round(d["size"], 1) for chars in pages for d in chars)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    figures = GridFigures()
    for number, chars in enumerate(pages, 1):
        lines = [(round(f[0]["y"], 1), f[0]["x"], f[-1]["x1"], "".join(d["c"] for d in f))
                 for f in _fragments(chars) if abs(f[0]["size"] - body) < 0.05]
        figures.body_lines += len(lines)
        for y, x0, x1, text in lines:
            if any(abs(y - y2) <= 0.5 and (a > x1 or b < x0) for y2, a, b, _ in lines):
                figures.aligned += 1
            else:
                figures.off.append(f"p{number} y={y}: {text[:10]}")
    return figures
