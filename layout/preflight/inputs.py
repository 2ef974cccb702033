"""`layout check ISSUE_DIR`, first half: everything the build will read, without building.

Loads the issue (manifest, articles, photos, house style; any error is one
failing line), checks that some font has every character, and estimates
each photo's resolution at the width the page editor asked for (its
`photo_columns` or `columns` hint, else two columns), which the pages stage
may still change, and each ad's (its artwork, or the coarsest image inside a
PDF ad) at the size it is booked, which the build holds to as for a photo.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from layout.errors import Diagnostics, LayoutError
from layout.i18n import _
from layout.manifest import load_issue

DEFAULT_PHOTO_COLUMNS = 2


@dataclass(frozen=True, slots=True)
class InputCheck:
    ok: bool
    text: str
    min_ppi: float = 200.0
    sources: dict[str, str] | None = None   # article id → every character it must print
    pictures: dict[str, float] | None = None  # photo or ad file → its width over its height
    max_crop: float = 0.15


def pictures(issue) -> dict[str, float]:
    """Every picture the issue may print, by file name: its photos and its ads' artwork."""
    out = {}
    for article in issue.articles():
        for photo in article.photos:
            out[photo.path.name] = 1 / photo.aspect
        if article.reserve is not None:
            out[article.reserve.file.name] = 1 / article.reserve.aspect
    return out


def _photo_lines(issue) -> list[str]:
    style, lines = issue.style, []
    for article in issue.articles():
        columns = article.hints.photo_columns or article.hints.columns or DEFAULT_PHOTO_COLUMNS
        width = style.span_width(min(columns, style.columns))
        for photo in article.photos:
            ppi = photo.width_px / (width / 72)
            level = "warn" if ppi < style.min_ppi else " ok "
            low = _(" (below {least:.0f}: use a larger file or place it narrower)").format(
                least=style.min_ppi) if ppi < style.min_ppi else ""
            lines.append(f"[ {level} ] photo      " + _(
                "{name}: {w}×{h} px, about {ppi:.0f} ppi at {columns} column(s){low}").format(
                    name=photo.path.name, w=photo.width_px, h=photo.height_px, ppi=ppi,
                    columns=columns, low=low))
    return lines


def _ad_lines(issue) -> list[str]:
    """Each ad's artwork (or the coarsest image inside a PDF ad) at its booked size."""
    style, lines = issue.style, []
    for article in issue.articles():
        reserve = article.reserve
        if reserve is None or reserve.raster is None:
            continue
        box_w = reserve.width or style.span_width(min(reserve.columns, style.columns))
        box_h = reserve.height or (reserve.rows - 0.4) * style.line_pitch
        width = min(box_w, box_h / reserve.aspect)
        ppi = reserve.raster.ppi_at(width, width * reserve.aspect)
        low = ppi < style.min_ppi - 0.5
        lines.append(f"[ {'FAIL' if low else ' ok '} ] ad         " + _(
            "{id}: {what}, about {ppi:.0f} ppi at its booked size{low}").format(
                id=article.id, what=reserve.raster.name, ppi=ppi, low=_(
                    " (below {least:.0f}: supply larger artwork or book it smaller)").format(
                        least=style.min_ppi) if low else ""))
    return lines


def check_issue_folder(folder: Path, diag: Diagnostics) -> InputCheck:
    """Check the inputs of the issue in `folder`."""
    from layout.fonts import issue_fonts

    head = _("Input check of {folder}").format(folder=folder)
    try:
        issue = load_issue(Path(folder), diag)
    except LayoutError as exc:
        return InputCheck(False, f"{head}\n[ FAIL ] input      {exc}")
    text = "".join(a.all_text() for a in issue.articles())
    lines = [head, "[  ok  ] input      " + _(
        "{paper} {date}: {pages} page(s), {articles} article(s), {chars} characters").format(
            paper=issue.paper, date=issue.date, pages=len(issue.pages),
            articles=len(issue.articles()), chars=len(text))]
    ok = True
    try:
        fonts = issue_fonts(issue)
        extra = _(" (some from the system's Noto CJK)") if "system" in fonts.paths else ""
        lines.append("[  ok  ] fonts      " + _("every character has a glyph{extra}").format(
            extra=extra))
    except LayoutError as exc:
        ok = False
        lines.append(f"[ FAIL ] fonts      {exc}")
    lines += _photo_lines(issue)
    ads = _ad_lines(issue)
    ok = ok and not any(line.startswith("[ FAIL ]") for line in ads)
    lines += ads
    lines += [f"[ warn ] input      {w}" for w in diag.warnings]
    sources = {a.id: a.all_text() for a in issue.articles()}
    return InputCheck(ok, "\n".join(lines), issue.style.min_ppi, sources, pictures(issue),
                      issue.style.makeup.max_crop)
