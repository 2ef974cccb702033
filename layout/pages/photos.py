"""Photos keep their integrity: the sizes and crops a photo may take on the grid.

A photo is never placed larger than its pixels allow at the house style's
`photos.min_ppi` (the plant's floor; `layout check` fails a PDF below it),
never cropped so that its aspect differs from the photographer's by more
than `photos.max_crop` (±15 %: a landscape stays a landscape), and never
larger than `photos.max_share` of the page nor taller than
`photos.max_height` of the type area unless the editor's hint sizes it (a
big photo is a decision, not a way to fill space; a portrait two columns
wide would stand half the page high). A photo that cannot
be placed even one column wide, or not as wide as a hint asks, fails the
build with the largest size it can take.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from layout.errors import BuildError
from layout.i18n import _
from layout.model import Article, Photo
from layout.pages.grid import Grid
from layout.style import HouseStyle

PHOTO_GAP = 0.4   # rows between a photo and its caption
MIN_ROWS = 2      # a photo is at least this many rows tall
MM = 25.4 / 72


@dataclass(frozen=True, slots=True)
class PhotoRules:
    """The house style's limits for photos on one grid."""

    grid: Grid
    min_ppi: float
    max_crop: float          # share the aspect may differ from the original
    max_area: float          # square points a photo may take unless a hint sizes it
    max_tall: float = float("inf")  # points a photo may stand unless a hint sizes it

    @classmethod
    def of(cls, style: HouseStyle, grid: Grid) -> "PhotoRules":
        return cls(grid, style.min_ppi, style.makeup.max_crop,
                   style.makeup.max_photo_share * grid.page_width * grid.page_height,
                   style.makeup.max_photo_height * grid.rows * grid.pitch)

    def largest(self, photo: Photo) -> tuple[float, float]:
        """Width and height in points the photo's pixels cover at min_ppi."""
        return photo.width_px / self.min_ppi * 72, photo.height_px / self.min_ppi * 72

    def height(self, rows: int) -> float:
        """Points of picture in `rows` rows (the rest is the gap above the caption)."""
        return rows * self.grid.pitch - PHOTO_GAP * self.grid.pitch

    def crop(self, photo: Photo, width: float, height: float) -> float:
        """How far the box's aspect is from the photo's, as |log(ratio)|."""
        return abs(math.log(height / width / photo.aspect))

    def rows(self, photo: Photo, columns: int, sized_by_hint: bool = False) -> list[int]:
        """Heights in rows the photo may take at `columns` columns, most natural first."""
        width = self.grid.span(columns)
        most_w, most_h = self.largest(photo)
        if width > most_w + 0.01:
            return []
        natural = photo.aspect * width / self.grid.pitch + PHOTO_GAP
        low = max(MIN_ROWS, math.floor(natural / (1 + self.max_crop)))
        high = math.ceil(natural * (1 + self.max_crop)) + 1
        allowed = []
        for rows in range(low, high + 1):
            height = self.height(rows)
            if (height > 0 and height <= most_h + 0.01
                    and self.crop(photo, width, height) <= math.log1p(self.max_crop) + 1e-9
                    and (sized_by_hint or (width * height <= self.max_area
                                           and height <= self.max_tall + 0.01))):
                allowed.append(rows)
        return sorted(allowed, key=lambda r: (self.crop(photo, width, self.height(r)), r))

    def widest(self, photo: Photo, sized_by_hint: bool = True) -> int:
        """Most columns the photo can span within its resolution and crop (0: not one)."""
        for columns in range(self.grid.columns, 0, -1):
            if self.rows(photo, columns, sized_by_hint):
                return columns
        return 0

    def check(self, article: Article) -> None:
        """Fail with the largest size a photo can take when it cannot be placed as asked."""
        hints = article.hints
        asked = hints.photo_columns or (hints.columns if not article.paragraphs else None)
        for photo in article.photos:
            widest = self.widest(photo)
            if widest and not (asked and asked > widest):
                continue
            most_w, most_h = self.largest(photo)
            size = _("photo {file} ({w} × {h} px) prints at most {mw:.0f} × {mh:.0f} mm at "
                     "{ppi:.0f} ppi").format(file=photo.path.name, w=photo.width_px,
                                            h=photo.height_px, mw=most_w * MM, mh=most_h * MM,
                                            ppi=self.min_ppi)
            where = f"{article.source}: " if article.source else ""
            if not widest:
                raise BuildError(where + size + _(
                    ", less than one column ({col:.0f} mm): supply a larger file or leave the "
                    "photo out").format(col=self.grid.span(1) * MM))
            raise BuildError(where + size + _(
                ", {widest} column(s); article '{id}' asks for {asked}: ask for {widest} or "
                "fewer, or supply a larger file").format(
                widest=widest, id=article.id, asked=asked))


def crop_for(photo: Photo, width: float, height: float) -> tuple[float, float, float, float]:
    """Centred crop (left, top, right, bottom fractions) giving the box's aspect."""
    want = height / width
    if want > photo.aspect:      # box taller than the photo: trim the sides
        keep = photo.aspect / want
        return ((1 - keep) / 2, 0.0, (1 + keep) / 2, 1.0)
    keep = want / photo.aspect
    return (0.0, (1 - keep) / 2, 1.0, (1 + keep) / 2)
