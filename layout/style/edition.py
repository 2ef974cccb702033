"""House-style values of the edition as a whole: the 报尾, verse, 简讯, and later jumps, boxes.

Built from the house style's checked values (`schema.STYLE` holds each key's
type and range); kept in a dataclass of their own so the page-level measures
in `house.py` stay as they are.
"""
from __future__ import annotations

from dataclasses import dataclass

# 报尾 fields in print order, with the label each is printed under.
IMPRINT_LABELS = (("address", "社址"), ("postcode", "邮编"), ("newsroom", "新闻热线"),
                  ("advertising", "广告热线"), ("printer", "印刷"), ("price", "定价"))


@dataclass(frozen=True, slots=True)
class EditionStyle:
    """What an edition prints beyond its pages' grids."""

    imprint: tuple[tuple[str, str], ...] = ()   # (label, text) of the 报尾, in print order
    verse_hang: float = 2.0                     # em: hanging indent of a wrapped verse line
    brief_heading: str = "简讯"                  # heading of the 简讯 block
    brief_heading_size: float = 16.0            # points
    brief_max_chars: int = 200                  # stories gathered on a page with briefs: true
    brief_separator: str = "■"                  # "■" before each item, or "rule" between them
    box_frame: str = "plain"                    # the frame of `box: true`
    box_rule: float = 0.75                      # points: width of a frame's rules
    jump_to: str = "（下转第{page}版）"          # the line ending a jump's first part
    jump_from: str = "（上接第{page}版）"        # the line opening its continuation
    jump_title_size: float = 22.0               # points: the 续题
    jump_min_lines: int = 3                     # neither part shorter (lines of a column)
    vertical_auto_columns: int = 2              # 竖题 offered to blocks this narrow (0: when asked)
    vertical_line_chars: tuple[int, int] = (14, 36)   # characters down a 竖排 body's line


def edition_style(values: dict) -> EditionStyle:
    """The edition values among the house style's checked values (dotted key → value)."""
    imprint = tuple((label, values[f"imprint.{key}"]) for key, label in IMPRINT_LABELS
                    if values.get(f"imprint.{key}"))
    return EditionStyle(imprint=imprint, verse_hang=values["verse.hanging_indent"],
                        brief_heading=values["briefs.heading"],
                        brief_heading_size=values["briefs.heading_size"],
                        brief_max_chars=values["briefs.max_chars"],
                        brief_separator=values["briefs.separator"],
                        box_frame=values["boxes.frame"], box_rule=values["boxes.rule_width"],
                        jump_to=values["jumps.to"], jump_from=values["jumps.from"],
                        jump_title_size=values["jumps.title_size"],
                        jump_min_lines=values["jumps.min_lines"],
                        vertical_auto_columns=values["vertical.auto_columns"],
                        vertical_line_chars=(values["vertical.min_line_chars"],
                                             values["vertical.max_line_chars"]))
