"""What a page editor looks at on a page short of copy, measured on the placed pages and
the PDF: the legs of each block (how many lines each holds) and where the page's white
lies — the honest space belongs in one place, at the foot, not in windows among the
blocks. Used by tests/edition/test_short_pages.py."""
from __future__ import annotations

from layout.model.placed import PlacedImage, PlacedText
from layout.pages.roomy import leg_lines

EM_WINDOW = 3          # a window of 3 × 3 body ems (the shared instrument's blank_share)


def legs(page) -> dict[str, list[int]]:
    """Lines of each leg of each article's body on a placed page (layout.pages.roomy)."""
    return leg_lines(page.items)


def copy_foot(page) -> float:
    """The lowest point of the page's copy (text of articles and photos; not the 报尾)."""
    feet = [i.y + i.size * 0.3 for i in page.items if isinstance(i, PlacedText) and i.article]
    feet += [i.y + i.h for i in page.items if isinstance(i, PlacedImage)]
    return max(feet, default=0.0)


def blank_windows(pdf_page, top: float, foot: float, left: float, right: float,
                  body: float) -> float:
    """Share of the area from `top` to `foot` (points on the trimmed page) lying in empty
    windows of 3 × 3 body ems, as the shared instrument counts its blank_share — but over
    the composed part of the page only, above the honest space at its foot."""
    import pymupdf

    zoom = 50 / 72
    dx, dy = pdf_page.trimbox.x0, pdf_page.trimbox.y0
    pix = pdf_page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY,
                              alpha=False)
    w, data = pix.width, pix.samples
    x0, x1 = int((left + dx) * zoom), int((right + dx) * zoom)
    y0, y1 = int((top + dy) * zoom), int((foot + dy) * zoom)
    cw, ch = max(2, int(EM_WINDOW * body * zoom)), max(2, int(EM_WINDOW * 1.6 * body * zoom))
    total = blank = 0
    for by in range(y0, y1 - ch + 1, ch):
        for bx in range(x0, x1 - cw + 1, cw):
            total += 1
            blank += all(data[y * w + x] >= 235 for y in range(by, by + ch) for x in range(bx, bx + cw))
    return blank / total if total else 0.0


def white_bands(page, top: float, foot: float, pitch: float) -> list[tuple[float, float]]:
    """Bands across the whole type area, between `top` and `foot`, that no copy crosses and
    taller than three rows: white in the middle of the page's height."""
    spans = sorted((i.y - i.size, i.y + i.size * 0.3) for i in page.items
                   if isinstance(i, PlacedText) and i.article)
    spans += sorted((i.y, i.y + i.h) for i in page.items if isinstance(i, PlacedImage))
    spans.sort()
    out, reach = [], max(top, spans[0][0] if spans else top)
    for a, b in spans:
        if a - reach > 3 * pitch and reach < foot:
            out.append((round(reach, 1), round(a, 1)))
        reach = max(reach, b)
    return out
