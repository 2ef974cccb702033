"""Chinese type sizes (号数) in points, and lengths with units."""
from __future__ import annotations

import re

from layout.i18n import _

SIZE_NAMES: dict[str, float] = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18,
    "三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9,
    "六号": 7.5, "小六": 6.5, "七号": 5.5, "八号": 5,
}
POINTS_PER = {"pt": 1.0, "mm": 72 / 25.4, "cm": 720 / 25.4, "in": 72.0}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(pt|mm|cm|in)?\s*$")


def parse_length(value: object) -> float:
    """A length in points from `12`, `12pt`, `15mm`, `1.5cm` or `1in`."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    m = _LENGTH.match(str(value))
    if not m:
        raise ValueError(_("not a length: {value} (write e.g. 15mm or 9pt)").format(value=repr(value)))
    return float(m.group(1)) * POINTS_PER[m.group(2) or "pt"]


def parse_size(value: object) -> float:
    """A type size in points from a 号数 name (`小五`) or a length (`9pt`)."""
    name = str(value).strip()
    if name in SIZE_NAMES:
        return float(SIZE_NAMES[name])
    try:
        return parse_length(value)
    except ValueError:
        names = "、".join(SIZE_NAMES)
        raise ValueError(_("not a type size: {value} (use points or one of {names})").format(
            value=repr(value), names=names)) from None


def size_name(points: float) -> str:
    """The 号数 name of a size, or its points, for messages and reports."""
    for name, pts in SIZE_NAMES.items():
        if abs(pts - points) < 0.01:
            return name
    return f"{points:g}pt"
