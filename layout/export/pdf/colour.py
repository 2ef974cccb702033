"""Colours by role: 100 % K overprinting black for text and thin rules, K tints for boxes.

Print colours are DeviceCMYK only; a proof uses DeviceRGB (a screen PDF).
Large areas may carry rich black (K plus a CMY support), kept far below the
profile's total ink limit; text, captions and rules never do, so they stay
sharp on a press whose plates are slightly out of register.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import CMYKColor, Color, CMYKColorSep

THIN_RULE = 2.0          # points: rules up to this width print in plain K and overprint
RICH_BLACK_AREA = 5000.0  # square points: boxes this large and this dark get rich black
RICH_BLACK = (0.4, 0.3, 0.3, 1.0)   # 200 % total ink: within any newsprint limit
REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All")


@dataclass(frozen=True, slots=True)
class Ink:
    colour: Color
    overprint: bool


def black(proof: bool) -> Ink:
    """Text, captions and thin rules: 100 % K set to overprint (plain black on a proof)."""
    if proof:
        return Ink(Color(0, 0, 0), False)
    return Ink(CMYKColor(0, 0, 0, 1), True)


OVERSET_RED = Color(0.85, 0.1, 0.1)


def proof_text(role: str) -> Color:
    """Screen colour of a role on a proof: body black, furniture a little lighter, the
    超 N 字 mark of over-set copy red. (The print PDF keeps every text in 100 % K.)"""
    if role == "overset":
        return OVERSET_RED
    return Color(0.25, 0.25, 0.25) if role == "furniture" else Color(0, 0, 0)


def rule_ink(width: float, proof: bool) -> Ink:
    if proof:
        return Ink(Color(0, 0, 0), False)
    return Ink(CMYKColor(0, 0, 0, 1), width <= THIN_RULE)


def tint_ink(cmyk: tuple[float, float, float, float], proof: bool) -> Ink:
    """A light background tint (an article's `tint:`): knocked out, the text overprints it."""
    if proof:
        c, m, y, k = cmyk
        return Ink(Color((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)), False)
    return Ink(CMYKColor(*cmyk), False)


def box_ink(tint: float, area: float, proof: bool) -> Ink:
    """A box's fill: a K tint; a large solid black area gets a rich black support."""
    tint = min(max(tint, 0.0), 1.0)
    if proof:
        grey = 1.0 - tint
        return Ink(Color(grey, grey, grey), False)
    if tint >= 0.99 and area >= RICH_BLACK_AREA:
        return Ink(CMYKColor(*RICH_BLACK), False)
    return Ink(CMYKColor(0, 0, 0, tint), tint >= 0.99)
