"""The build as data, to show that a faster path lays out the same pages.

`dump(issue_dir, out_dir)` builds an edition in this process and returns what
a reader could see of it: every placed item of every page (each glyph's
face, size and position), the copy fit, each glyph drawn in the PDF as
pymupdf reads it back from the file (character, origin), and each article's
text as the build reads it back from the DOCX and the EPUB. Floats are
rounded to 1/1000 pt, far below anything visible, so that only a real move
shows. Regenerate the stored dumps (tests/speed/golden/) with
`make golden` when a change MEANS to move glyphs, and say so in its message.
"""
from __future__ import annotations

import json
from pathlib import Path

GOLDEN = Path(__file__).with_name("golden")


def _r(value: float) -> float:
    return round(float(value), 3) + 0.0   # + 0.0: no -0.0


def _item(item) -> list:
    from layout.model.placed import PlacedBox, PlacedImage, PlacedRule, PlacedText

    if isinstance(item, PlacedText):
        return ["text", item.face, _r(item.size), _r(item.x), _r(item.y), item.text,
                [_r(x) for x in item.xs], item.role]
    if isinstance(item, PlacedRule):
        return ["rule", _r(item.x0), _r(item.y0), _r(item.x1), _r(item.y1), _r(item.width),
                item.dotted]
    if isinstance(item, PlacedImage):
        return ["image", _r(item.x), _r(item.y), _r(item.w), _r(item.h), Path(item.path).name,
                [_r(c) for c in item.crop], item.alt]
    if isinstance(item, PlacedBox):
        return ["box", _r(item.x), _r(item.y), _r(item.w), _r(item.h), _r(item.tint),
                item.stroke, None if item.cmyk is None else [_r(c) for c in item.cmyk]]
    raise TypeError(type(item))


def placed_data(placed) -> list:
    return [{"number": p.number, "name": p.name, "size": [_r(p.width), _r(p.height)],
             "colour": p.colour, "items": [_item(i) for i in p.items],
             "bookmarks": [[b.title, _r(b.y), b.level] for b in p.bookmarks],
             "regions": [[r.article, _r(r.x), _r(r.y), _r(r.w), _r(r.h)] for r in p.regions]}
            for p in placed.pages]


def pdf_glyphs(path: Path) -> list:
    """Per page, each line of glyphs read back from the PDF: font size, and each glyph's
    character and origin (points, from the top left of the media box)."""
    import pymupdf

    pages = []
    with pymupdf.open(path) as doc:
        for page in doc:
            lines = []
            for span in page.get_texttrace():
                chars = [[chr(c), _r(o[0]), _r(o[1])] for c, _g, o, _b in span["chars"]]
                lines.append([_r(span["size"]), chars])
            pages.append(lines)
    return pages


def glyphs_by_page(pages: list) -> list:
    """`pdf_glyphs`' pages as each page's glyphs in drawing order, each with its size: how
    MuPDF cuts them into spans (at every change of font) is no part of where they stand
    (since the text across is in one Type0 font a face, a span runs the whole run)."""
    return [[[size, *glyph] for size, chars in lines for glyph in chars] for lines in pages]


def dump(issue_dir: Path, out_dir: Path) -> dict:
    """Build `issue_dir` into `out_dir` (all formats) and return it as data."""
    from layout.errors import Diagnostics
    from layout.manifest import load_issue
    from layout.options import BuildOptions
    from layout.pipeline import build
    from layout.preflight.fidelity import docx_texts, epub_texts
    from layout.fonts import issue_fonts
    from layout.pages import place_issue

    report = build(issue_dir, BuildOptions(out_dir=out_dir), Diagnostics())
    issue = load_issue(issue_dir, Diagnostics())
    placed = place_issue(issue, issue_fonts(issue), BuildOptions()).placed
    return {"placed": placed_data(placed),
            "copyfit": json.loads((out_dir / "copyfit.json").read_text("utf-8")),
            "pdf": pdf_glyphs(report.outputs["pdf"]),
            "docx": docx_texts(report.outputs["docx"], issue),
            "epub": epub_texts(report.outputs["epub"], issue)}


def first_difference(a, b, where: str = "") -> str | None:
    """Where two dumps first differ, and how, or None."""
    if type(a) is not type(b):
        return f"{where}: {a!r:.120} != {b!r:.120}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{where}/{key}: only in one"
            found = first_difference(a[key], b[key], f"{where}/{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return None if len(a) == len(b) else f"{where}: {len(a)} items != {len(b)}"
    return None if a == b else f"{where}: {a!r:.120} != {b!r:.120}"


def write(name: str, data: dict) -> Path:
    GOLDEN.mkdir(exist_ok=True)
    path = GOLDEN / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    return path


def read(name: str) -> dict:
    return json.loads((GOLDEN / f"{name}.json").read_text("utf-8"))


if __name__ == "__main__":   # make golden: python -m tests.speed.golden
    import tempfile

    from tests.speed.test_same_pages import EDITIONS

    for name, folder in EDITIONS.items():
        with tempfile.TemporaryDirectory() as tmp:
            print(write(name, dump(folder, Path(tmp) / name)))
