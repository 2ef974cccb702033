"""House-style values of the edition as a whole: the 报尾, verse, and later jumps, 简讯, boxes.

Read from the merged style mapping (default.yaml plus the issue's `style:`)
by `edition_style`; kept in a dataclass of their own so the page-level
measures in `house.py` stay as they are.
"""
from __future__ import annotations

from dataclasses import dataclass

from layout.i18n import _

# 报尾 fields in print order, with the label each is printed under.
IMPRINT_LABELS = (("address", "社址"), ("postcode", "邮编"), ("newsroom", "新闻热线"),
                  ("advertising", "广告热线"), ("printer", "印刷"), ("price", "定价"))


@dataclass(frozen=True, slots=True)
class EditionStyle:
    """What an edition prints beyond its pages' grids."""

    imprint: tuple[tuple[str, str], ...] = ()   # (label, text) of the 报尾, in print order
    verse_hang: float = 2.0                     # em: hanging indent of a wrapped verse line


def edition_style(raw: dict) -> EditionStyle:
    """The edition values of a merged style mapping (raises ValueError on a bad value)."""
    imprint_raw = raw.get("imprint") or {}
    if not isinstance(imprint_raw, dict):
        raise ValueError(_("style imprint: give a mapping of address, postcode, newsroom, "
                           "advertising, printer and price"))
    imprint = tuple((label, str(imprint_raw[key]).strip()) for key, label in IMPRINT_LABELS
                    if imprint_raw.get(key) not in (None, ""))
    return EditionStyle(imprint=imprint, verse_hang=_number(raw, "verse", "hanging_indent", 0, 6))


def _number(raw: dict, section: str, key: str, low: float, high: float) -> float:
    value = (raw.get(section) or {}).get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ValueError(_("style {key}: give a number from {low} to {high}").format(
            key=f"{section}.{key}", low=low, high=high))
    return float(value)
