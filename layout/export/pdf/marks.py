"""Crop and registration marks in the space beyond the bleed (`--marks`).

Crop marks stand off the trim corners by the bleed, so none reaches into the
bleed area; registration targets sit at the middle of each side. Both are in
the registration colour (a Separation named All: every plate prints it).
"""
from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from layout.export.pdf.colour import REGISTRATION
from layout.export.pdf.draw import PageFrame

MARK_WIDTH = 0.25
TARGET_RADIUS = 6.0


def draw_marks(canvas: Canvas, frame: PageFrame, width: float, bleed: float,
               space: float) -> None:
    """Crop marks at the four trim corners and four registration targets."""
    canvas.saveState()
    canvas.setStrokeColor(REGISTRATION)
    canvas.setLineWidth(MARK_WIDTH)
    gap, length = bleed + 2.0, space - 6.0
    for tx in (0.0, width):
        for ty in (0.0, frame.height):
            x, y = frame.x(tx), frame.y(ty)
            out_x = -1 if tx == 0 else 1
            out_y = 1 if ty == 0 else -1       # PDF y grows upwards
            canvas.line(x + out_x * gap, y, x + out_x * (gap + length), y)
            canvas.line(x, y + out_y * gap, x, y + out_y * (gap + length))
    centre = bleed + space / 2
    for cx, cy in ((width / 2, -centre), (width / 2, frame.height + centre),
                   (-centre, frame.height / 2), (width + centre, frame.height / 2)):
        _target(canvas, frame.x(cx), frame.y(cy))
    canvas.restoreState()


def _target(canvas: Canvas, x: float, y: float) -> None:
    canvas.circle(x, y, TARGET_RADIUS, stroke=1, fill=0)
    canvas.circle(x, y, TARGET_RADIUS / 2, stroke=1, fill=0)
    r = TARGET_RADIUS * 1.5
    canvas.line(x - r, y, x + r, y)
    canvas.line(x, y - r, x, y + r)
