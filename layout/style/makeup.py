"""House-style limits of the automatic make-up: photo integrity, leg lengths, short pages.

Built from the house style's checked values (`schema.STYLE` holds each key's
type and range): `photos.max_crop`, `photos.max_share` and `photos.max_height`
beside the photos'
resolution, the rest under `makeup:`. Shares are written as numbers (0.15)
or percentages ("15%").
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MakeupStyle:
    """Limits the placer keeps to on every page."""

    max_crop: float = 0.15         # a photo's aspect within ±15 % of the original
    max_photo_share: float = 0.15  # of the page, for a photo no hint sizes
    max_photo_height: float = 0.35  # of the type area's height, for a photo no hint sizes
    min_leg_lines: int = 4         # lines a body leg holds at least (no strips of 1–3 lines)
    list_leg_lines: int = 10       # a poem's or a 简讯 list's legs, at least (else one column)
    short_page: float = 0.05       # warn when the empty space would hold this share of the grid
    short_leg_lines: int = 6       # on a page short of copy, lines a body leg holds at least
    essay_pages: tuple[str, ...] = ("副刊",)  # pages (版名) whose stories are essays
    essay_columns: int = 3         # an essay's block: at least this many columns wide …
    essay_max_columns: int = 4     # … and at most this many (deeper legs, not a wide strip)
    # the make-up's own, not house-style keys (a page short of copy changes them:
    # layout/pages/roomy.py): rows of air a headline group may take beyond its own, and
    # whether a photo beside the body may span up to its block's columns − 1 (else about half)
    head_air_rows: int = 2
    wide_photos: bool = False


def makeup_style(values: dict) -> MakeupStyle:
    """The make-up limits among the house style's checked values (dotted key → value)."""
    return MakeupStyle(max_crop=values["photos.max_crop"],
                       max_photo_share=values["photos.max_share"],
                       max_photo_height=values["photos.max_height"],
                       min_leg_lines=values["makeup.min_leg_lines"],
                       list_leg_lines=values["makeup.list_leg_lines"],
                       short_page=values["makeup.short_page"],
                       short_leg_lines=values["makeup.short_leg_lines"],
                       essay_pages=values["makeup.essay_pages"],
                       essay_columns=values["makeup.essay_columns"],
                       essay_max_columns=values["makeup.essay_max_columns"])
