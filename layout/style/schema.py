"""What each house-style key may hold: one table of key → type, range and unit.

`STYLE` lists every key of `default.yaml` (a `*` stands for any face or role
name); a new key is one row here and its value in `default.yaml` (a test
checks that both agree). Each spec converts a raw YAML value or raises
`Invalid` with what is wrong and what to write instead; the key and the
file:line are added by the caller. The checks between keys (the type area
fits the page, line pitch ≥ body size …) are `RELATIONS`, after the table.
The spec types are shared with the manifest's tables (`layout/manifest/keys.py`).
"""
from __future__ import annotations

import difflib
import math
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Callable

from layout.i18n import _
from layout.style.headlines import PartSize, SizeRange, steps_problem
from layout.style.sizes import POINTS_PER, parse_length, parse_size

FONT_DIR = Path(__file__).resolve().parents[2] / "fonts"
TRUETYPE_TAGS = (b"\x00\x01\x00\x00", b"true")
MIN_ROWS = 20         # a page's type area holds at least this many body rows
MIN_WIDTH_CHARS = 24  # … and is at least this many body characters wide


class Invalid(Exception):
    """A value that does not fit its spec; the message says what to write instead."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Context:
    """What a spec may need besides the value: the faces defined, the issue folder, the grid."""

    faces: frozenset[str] = frozenset()
    root: Path | None = None
    columns: int = 0


def shown(value: Any) -> str:
    """A value as the user wrote it, shortened for a one-line message."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _finite(number: float, value: Any, kind: str, example: str) -> float:
    if not math.isfinite(number):
        raise Invalid(_("{value} is not {kind}; write e.g. {example}").format(
            value=shown(value), kind=kind, example=example))
    return number


def _in_range(number: float, low: float, high: float, value: Any, kind: str,
              show: Callable[[float], str]) -> None:
    if not low <= number <= high:
        raise Invalid(_("{value} is out of range: give {kind} from {low} to {high}").format(
            value=shown(value), kind=kind, low=show(low), high=show(high)))


def _unit(unit: str) -> Callable[[float], str]:
    return lambda points: f"{points / POINTS_PER[unit]:g}{unit}"


@dataclass(frozen=True, slots=True)
class Length:
    """A length with a unit (`15mm`, `9pt`, `1.5cm`, `1in`; a bare number is points)."""

    low: str
    high: str
    unit: str = "mm"   # the unit ranges are shown in

    def __call__(self, value: Any, ctx: Context) -> float:
        kind = _("a length")
        try:
            points = parse_length(value) if not isinstance(value, bool) else math.nan
        except (ValueError, OverflowError):
            points = math.nan
        _finite(points, value, kind, "15mm")
        _in_range(points, parse_length(self.low), parse_length(self.high), value, kind,
                  _unit(self.unit))
        return points


@dataclass(frozen=True, slots=True)
class Size:
    """A type size: a 号数 name (`小五`, `一号`) or a length in points."""

    low: str
    high: str

    def __call__(self, value: Any, ctx: Context) -> float:
        kind = _("a type size")
        try:
            points = parse_size(value) if not isinstance(value, bool) else math.nan
        except (ValueError, OverflowError):
            raise Invalid(_("{value} is not a type size; write points (9pt) or a 号数 "
                            "such as 小五, 五号, 一号").format(value=shown(value))) from None
        _finite(points, value, kind, "9pt")
        _in_range(points, parse_size(self.low), parse_size(self.high), value, kind, _unit("pt"))
        return points


@dataclass(frozen=True, slots=True)
class Whole:
    """A whole number within a range."""

    low: int
    high: int
    unit: str = ""

    def __call__(self, value: Any, ctx: Context) -> int:
        kind = _("a whole number")
        number = value
        if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
            number = int(value.strip())
        elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
            number = int(value)
        if isinstance(number, bool) or not isinstance(number, int):
            raise Invalid(_("{value} is not {kind}; write e.g. {example}").format(
                value=shown(value), kind=kind, example=self.low))
        high = self.high if self.high > 0 else ctx.columns
        _in_range(number, self.low, high, value, kind, lambda n: f"{n:,}{self.unit}")
        return number


@dataclass(frozen=True, slots=True)
class Number:
    """A number (not necessarily whole) within a range, e.g. a resolution in ppi."""

    low: float
    high: float
    unit: str = ""

    def __call__(self, value: Any, ctx: Context) -> float:
        kind = _("a number")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise Invalid(_("{value} is not {kind}; write e.g. {example}").format(
                value=shown(value), kind=kind, example=f"{self.low:g}"))
        number = _finite(float(value), value, kind, f"{self.low:g}")
        _in_range(number, self.low, self.high, value, kind, lambda n: f"{n:g}{self.unit}")
        return number


@dataclass(frozen=True, slots=True)
class Share:
    """A share from `low` to `high`: a number (0.15) or a percentage ("15%")."""

    low: float
    high: float

    def __call__(self, value: Any, ctx: Context) -> float:
        kind = _("a share")
        number = math.nan
        if isinstance(value, str) and value.strip().endswith("%"):
            try:
                number = float(value.strip()[:-1]) / 100
            except ValueError:
                pass
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        _finite(number, value, kind, "15%")
        _in_range(number, self.low, self.high, value, kind, lambda n: f"{n:.0%}")
        return number


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text of at most `most` characters."""

    most: int
    required: bool = False

    def __call__(self, value: Any, ctx: Context) -> str:
        if value is None:
            value = ""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise Invalid(_("{value} is not text; write it as plain text").format(
                value=shown(value)))
        text = str(value).strip()
        if self.required and not text:
            raise Invalid(_("it is empty; write the text"))
        if "\n" in text or "\u2028" in text or "\u2029" in text:
            raise Invalid(_("it spans several lines; write it on one line"))
        if len(text) > self.most:
            raise Invalid(_("it is {count} characters long; at most {most} fit").format(
                count=len(text), most=self.most))
        return text


@dataclass(frozen=True, slots=True)
class Texts:
    """A list of short texts (one alone may be written without brackets)."""

    most: int

    def __call__(self, value: Any, ctx: Context) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise Invalid(_("{value} is not a list; write e.g. [副刊, 文艺]").format(
                value=shown(value)))
        return tuple(Text(self.most, required=True)(v, ctx) for v in value)


@dataclass(frozen=True, slots=True)
class Choice:
    """One of a few words (compared without regard to case)."""

    options: tuple[str, ...]

    def __call__(self, value: Any, ctx: Context) -> str:
        wanted = str(value).strip().upper().replace("PDF/", "") if value is not None else ""
        for option in self.options:
            if wanted == option.upper():
                return option
        lower = {o.lower(): o for o in self.options}
        near = difflib.get_close_matches(wanted.lower(), list(lower), n=1)
        if near:
            raise Invalid(_("{value} is not one of {options}; did you mean '{near}'?").format(
                value=shown(value), options=", ".join(self.options), near=lower[near[0]]))
        raise Invalid(_("{value} is not one of {options}").format(
            value=shown(value), options=", ".join(self.options)))


@dataclass(frozen=True, slots=True)
class FaceKey:
    """The name of a face defined under `faces:`."""

    def __call__(self, value: Any, ctx: Context) -> str:
        if not isinstance(value, str) or value not in ctx.faces:
            raise Invalid(_("unknown face {value}; use one of the faces defined under "
                            "faces: ({faces})").format(value=shown(value),
                                                       faces=", ".join(sorted(ctx.faces))))
        return value


@dataclass(frozen=True, slots=True)
class FaceKeys:
    """A non-empty list of face names (the fallback order)."""

    def __call__(self, value: Any, ctx: Context) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise Invalid(_("give a list of faces, e.g. [serif, sans, kai]"))
        return tuple(FaceKey()(v, ctx) for v in value)


def _entry(value: Any, keys: tuple[str, ...], example: str) -> dict:
    """A mapping holding only `keys` (a typo names the key it meant)."""
    if not isinstance(value, dict):
        raise Invalid(_("{value} is not a mapping; write e.g. {example}").format(
            value=shown(value), example=example))
    for key in value:
        if key not in keys:
            near = difflib.get_close_matches(str(key), keys, n=1)
            hint = _(" (did you mean '{key}'?)").format(key=near[0]) if near else ""
            raise Invalid(_("unknown key '{key}'").format(key=shown(key)) + hint)
    return value


@dataclass(frozen=True, slots=True)
class TitleSizes:
    """A 主题 size range: {size, min_size, max_size} (the bounds default to the size)."""

    def __call__(self, value: Any, ctx: Context) -> SizeRange:
        entry = _entry(value, ("size", "min_size", "max_size"),
                       "{size: 一号, min_size: 小一, max_size: 30pt}")
        if "size" not in entry:
            raise Invalid(_("give its size, e.g. size: 一号, min_size: 小一, max_size: 30pt"))
        size = Size("6pt", "200pt")(entry["size"], ctx)
        low = Size("6pt", "200pt")(entry.get("min_size", entry["size"]), ctx)
        high = Size("6pt", "200pt")(entry.get("max_size", entry["size"]), ctx)
        if not low <= size <= high:
            raise Invalid(_("size {size} is not between min_size {low} and max_size {high}; "
                            "order them").format(size=_pt(size), low=_pt(low), high=_pt(high)))
        return SizeRange(size, low, high)


@dataclass(frozen=True, slots=True)
class TitleRanks:
    """A non-empty list of 主题 size ranges, the lead's first."""

    def __call__(self, value: Any, ctx: Context) -> tuple[SizeRange, ...]:
        if not isinstance(value, list) or not value:
            raise Invalid(_("give a list of 主题 size ranges, the lead's first"))
        out = []
        for i, entry in enumerate(value):
            try:
                out.append(TitleSizes()(entry, ctx))
            except Invalid as exc:
                raise Invalid(_("entry {n}: {problem}").format(n=i + 1, problem=exc.message)) \
                    from None
        return tuple(out)


@dataclass(frozen=True, slots=True)
class PartSizes:
    """How a 引题 or 副题 follows its 主题: {ratio: [low, high], min_size, max_size, faces}."""

    def __call__(self, value: Any, ctx: Context) -> PartSize:
        example = "{ratio: [0.45, 0.67], min_size: 五号, max_size: 三号, faces: [sans, kai]}"
        entry = _entry(value, ("ratio", "min_size", "max_size", "faces"), example)
        missing = [k for k in ("ratio", "min_size", "max_size", "faces") if k not in entry]
        if missing:
            raise Invalid(_("needs {missing}, e.g. {example}").format(
                missing=", ".join(missing), example=example))
        ratio = entry["ratio"]
        if not (isinstance(ratio, list) and len(ratio) == 2
                and all(isinstance(r, (int, float)) and not isinstance(r, bool) for r in ratio)
                and 0 < ratio[0] <= ratio[1] <= 1):
            raise Invalid(_("ratio {value}: give [low, high] shares of the 主题 size, "
                            "0 < low ≤ high ≤ 1, e.g. [0.45, 0.67]").format(value=shown(ratio)))
        low = Size("4pt", "200pt")(entry["min_size"], ctx)
        high = Size("4pt", "200pt")(entry["max_size"], ctx)
        if low > high:
            raise Invalid(_("min_size {low} is larger than max_size {high}; order them").format(
                low=_pt(low), high=_pt(high)))
        return PartSize((float(ratio[0]), float(ratio[1])), low, high, FaceKeys()(entry["faces"], ctx))


def _find(name: str, root: Path | None, *folders: Path) -> Path | None:
    path = Path(name).expanduser()
    candidates = [path] if path.is_absolute() else [f / path for f in folders]
    if root is not None and not path.is_absolute():
        candidates.append(root / path)
    for candidate in candidates:
        try:
            if candidate.is_file():
                return candidate.resolve()
        except (OSError, ValueError):
            continue
    return None


@dataclass(frozen=True, slots=True)
class FontFile:
    """A TrueType face (.ttf): a file in fonts/, in the issue folder, or an absolute path."""

    def __call__(self, value: Any, ctx: Context) -> str:
        given = Text(4096, required=True)(value, ctx)
        name = Path(given).name
        path = _find(given, ctx.root, FONT_DIR)
        if path is None:
            raise Invalid(_("font file {name} not found (looked in fonts/ and the issue "
                            "folder)").format(name=given))
        with path.open("rb") as fh:
            tag = fh.read(4)
        if tag == b"ttcf":
            raise Invalid(_("{name} is a font collection (.ttc); give one TrueType face "
                            "(.ttf), made as fonts/build.py makes the bundled ones").format(
                                name=shown(name)))
        if tag == b"OTTO":
            raise Invalid(_("{name} has CFF (PostScript) outlines, which the PDF cannot "
                            "embed; convert it to TrueType outlines (see fonts/build.py)").format(
                                name=shown(name)))
        stat = path.stat()
        if tag not in TRUETYPE_TAGS or not _has_tables(path, stat.st_size, stat.st_mtime_ns):
            raise Invalid(_("{name} is not a TrueType font; give a .ttf face").format(
                name=shown(name)))
        return str(path)


@cache
def _has_tables(path: Path, size: int, mtime: int) -> bool:
    """The tables a TrueType face needs are listed, and lie within the file (its table
    directory read with struct: loading fontTools for it cost every build ~20 ms)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
            count = struct.unpack(">H", head[4:6])[0] if len(head) == 12 else 0
            records = fh.read(16 * count)
    except OSError:
        return False
    if not count or len(records) < 16 * count:
        return False
    entries = {}
    for tag, offset, length in struct.iter_unpack(">4s4xLL", records[:16 * count]):
        entries[tag] = (offset, length)
    return all(t in entries for t in (b"cmap", b"head", b"hmtx", b"glyf", b"loca")) and \
        all(offset + length <= size for offset, length in entries.values())


@dataclass(frozen=True, slots=True)
class Address:
    """"" or the http(s) address a site is served from, kept with a final `/`."""

    def __call__(self, value: Any, ctx: Context) -> str:
        from urllib.parse import urlsplit

        text = Text(200)(value, ctx)
        if not text:
            return ""
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in text \
                or parts.query or parts.fragment:
            raise Invalid(_("{value} is not a web address; write e.g. "
                            "https://www.example.cn/epaper/").format(value=shown(text)))
        return text if text.endswith("/") else text + "/"


@dataclass(frozen=True, slots=True)
class IccProfile:
    """None (the bundled profile) or a CMYK output profile, relative to the issue folder."""

    def __call__(self, value: Any, ctx: Context) -> str | None:
        if value in (None, ""):
            return None
        given = Text(4096)(value, ctx)
        name = Path(given).name
        path = _find(given, ctx.root, Path.cwd())
        if path is None:
            raise Invalid(_("ICC profile {name} not found (relative paths are taken from "
                            "the issue folder)").format(name=given))
        problem = icc_problem(path)
        if problem:
            raise Invalid(_("{name} {problem}; give the plant's CMYK output profile (.icc)")
                          .format(name=shown(name), problem=problem))
        return str(path)


def icc_problem(path: Path) -> str | None:
    """Why the file is not a usable CMYK output profile, or None."""
    data = path.read_bytes()
    if len(data) < 132 or data[36:40] != b"acsp":
        return _("is not an ICC profile")
    if int.from_bytes(data[:4], "big") != len(data):
        return _("is truncated or damaged")
    if data[12:16] != b"prtr":
        return _("is not an output (printer) profile but a '{cls}' one").format(
            cls=data[12:16].decode("latin-1").strip())
    if data[16:20] != b"CMYK":
        return _("describes {space} colour, not CMYK").format(
            space=data[16:20].decode("latin-1").strip())
    from PIL import ImageCms

    try:  # what the PDF exporter does with it: sRGB photos into the plant's CMYK
        ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ImageCms.ImageCmsProfile(str(path)),
                                "RGB", "CMYK")
    except (ImageCms.PyCMSError, OSError, ValueError):
        return _("is damaged (the colour engine cannot read it)")
    return None


@dataclass(frozen=True, slots=True)
class JumpLine:
    """A jump line: text holding {page} where the page number goes (（下转第{page}版）)."""

    def __call__(self, value: Any, ctx: Context) -> str:
        text = Text(20, required=True)(value, ctx)
        if text.count("{page}") != 1 or text.replace("{page}", "").count("{") \
                or text.replace("{page}", "").count("}"):
            raise Invalid(_("{value} must hold {{page}} once, where the page number goes: "
                            "（下转第{{page}}版）").format(value=shown(value)))
        return text


# ---------------------------------------------------------------- the table

STYLE: dict[str, Callable[[Any, Context], Any]] = {
    "paper.name": Text(20, required=True),
    "paper.owner": Text(40),
    "paper.serial": Text(30),
    "paper.postal_code": Text(20),
    "paper.publisher": Text(40),
    "imprint.address": Text(60),       # 报尾
    "imprint.postcode": Text(10),
    "imprint.newsroom": Text(30),
    "imprint.advertising": Text(30),
    "imprint.printer": Text(40),
    "imprint.price": Text(20),
    "page.width": Length("100mm", "1500mm"),
    "page.height": Length("100mm", "2000mm"),
    "page.margin_top": Length("2mm", "300mm"),
    "page.margin_bottom": Length("2mm", "300mm"),
    "page.margin_inner": Length("2mm", "300mm"),
    "page.margin_outer": Length("2mm", "300mm"),
    "page.bleed": Length("0mm", "20mm"),
    "grid.columns": Whole(1, 20),
    "grid.column_chars": Whole(4, 80),
    "grid.gutter_chars": Whole(0, 4),
    "grid.line_pitch": Length("4pt", "72pt", "pt"),
    "body.font": FaceKey(),
    "body.size": Size("5pt", "24pt"),
    "faces.*.file": FontFile(),
    "faces.*.docx": Text(31),
    "faces.*.family": Text(10),        # what a reader sees: 宋体, 标宋, 黑体, 楷体
    "fallback": FaceKeys(),
    "roles.*.face": FaceKey(),
    "roles.*.size": Size("4pt", "200pt"),
    "roles.*.min_size": Size("4pt", "200pt"),
    "roles.*.max_size": Size("4pt", "200pt"),
    "verse.hanging_indent": Number(0, 10, " em"),
    "jumps.to": JumpLine(),
    "jumps.from": JumpLine(),
    "jumps.title_size": Size("9pt", "48pt"),
    "jumps.min_lines": Whole(1, 20),
    "boxes.frame": Choice(("plain", "double", "dotted")),
    "boxes.rule_width": Length("0.25pt", "3pt", "pt"),
    "briefs.heading": Text(10, required=True),       # 简讯 block
    "briefs.heading_size": Size("6pt", "48pt"),
    "briefs.max_chars": Whole(0, 5000),
    "briefs.separator": Choice(("■", "rule")),
    "headlines.ranks": TitleRanks(),
    "headlines.brief": TitleSizes(),
    "headlines.brief_chars": Whole(0, 100_000),
    "headlines.max_lines": Whole(1, 9),
    "headlines.brief_max_lines": Whole(1, 9),
    "headlines.faces": FaceKeys(),
    "headlines.kicker": PartSizes(),
    "headlines.subtitle": PartSizes(),
    "vertical.auto_columns": Whole(0, 20),    # 竖题 offered to blocks this narrow (0: only when asked)
    "vertical.min_line_chars": Whole(4, 200),  # characters down a vertical line of a 竖排 body
    "vertical.max_line_chars": Whole(4, 200),
    "punctuation": Choice(("quanjiao", "kaiming")),
    "photos.min_ppi": Number(50, 1200, " ppi"),
    "photos.target_ppi": Number(72, 2400, " ppi"),
    "photos.max_pixels": Whole(10_000, 100_000_000),
    "photos.max_aspect": Number(2, 20),
    "photos.max_crop": Share(0, 1),           # photo integrity (layout/pages/photos.py)
    "photos.max_share": Share(0.01, 1),
    "photos.max_height": Share(0.05, 1),
    "makeup.min_leg_lines": Whole(1, 50),
    "makeup.list_leg_lines": Whole(1, 100),
    "makeup.short_page": Share(0, 1),
    "makeup.short_leg_lines": Whole(1, 50),
    "makeup.essay_pages": Texts(20),
    "makeup.essay_columns": Whole(1, 20),
    "makeup.essay_max_columns": Whole(1, 20),
    "pdf.icc_profile": IccProfile(),
    "pdf.pdfx": Choice(("X-4", "X-1a")),
    "web.url": Address(),              # where the web edition (or --site archive) is served
}
# Keys a face or role entry must have; a role's min_size and max_size default to its size.
REQUIRED = {"faces": ("file",), "roles": ("face", "size")}


def spec_for(dotted: str) -> Callable[[Any, Context], Any] | None:
    """The spec of a key such as `roles.title.size` (found as `roles.*.size`)."""
    if dotted in STYLE:
        return STYLE[dotted]
    parts = dotted.split(".")
    if len(parts) == 3:
        return STYLE.get(f"{parts[0]}.*.{parts[2]}")
    return None


# ---------------------------------------------------------------- relations


@dataclass(frozen=True, slots=True)
class Relation:
    """A check between several keys: the keys (for file:line) and a function → message or None."""

    keys: tuple[str, ...]
    check: Callable[[dict], str | None]


def _pt(points: float) -> str:
    return f"{points:g}pt"


def _mm(points: float) -> str:
    return f"{points / POINTS_PER['mm']:.1f}mm"


def _pitch(v: dict) -> str | None:
    if v["grid.line_pitch"] < v["body.size"]:
        return _("grid.line_pitch ({pitch}) is smaller than body.size ({size}): lines would "
                 "overlap; make the pitch at least the body size").format(
                     pitch=_pt(v["grid.line_pitch"]), size=_pt(v["body.size"]))
    return None


def type_width(v: dict) -> float:
    columns, size = v["grid.columns"], v["body.size"]
    return columns * v["grid.column_chars"] * size + (columns - 1) * v["grid.gutter_chars"] * size


def _width(v: dict) -> str | None:
    room = v["page.width"] - v["page.margin_inner"] - v["page.margin_outer"]
    if type_width(v) > room + 1e-6:
        return _("the grid is {width} wide ({columns} columns × {chars} characters × {size}, "
                 "with gutters) but the page has {room} between its side margins: reduce "
                 "grid.columns, grid.column_chars, grid.gutter_chars or body.size, or the "
                 "margins").format(width=_mm(type_width(v)), columns=v["grid.columns"],
                                   chars=v["grid.column_chars"], size=_pt(v["body.size"]),
                                   room=_mm(max(room, 0)))
    return None


def _narrow(v: dict) -> str | None:
    if type_width(v) < MIN_WIDTH_CHARS * v["body.size"] - 1e-6:
        return _("the grid is {chars:g} body characters wide; a page needs at least {least} "
                 "(for its furniture and headlines): add grid.columns or grid.column_chars")\
            .format(chars=type_width(v) / v["body.size"], least=MIN_WIDTH_CHARS)
    return None


def _height(v: dict) -> str | None:
    height = v["page.height"] - v["page.margin_top"] - v["page.margin_bottom"]
    rows = int(max(height, 0) // v["grid.line_pitch"])
    if rows < MIN_ROWS:
        return _("the type area holds {rows} rows of {pitch} between the top and bottom "
                 "margins; a page needs at least {least}: enlarge page.height or reduce the "
                 "margins or grid.line_pitch").format(rows=rows, pitch=_pt(v["grid.line_pitch"]),
                                                      least=MIN_ROWS)
    return None


def _ppi(v: dict) -> str | None:
    if v["photos.target_ppi"] < v["photos.min_ppi"]:
        return _("photos.target_ppi ({target}) is below photos.min_ppi ({least}); make it at "
                 "least as high").format(target=f"{v['photos.target_ppi']:g}",
                                         least=f"{v['photos.min_ppi']:g}")
    return None


def _steps(v: dict) -> str | None:
    return steps_problem(v["headlines.ranks"], v["headlines.brief"])


def _line_chars(v: dict) -> str | None:
    if v["vertical.min_line_chars"] > v["vertical.max_line_chars"]:
        return _("vertical.min_line_chars ({low}) is larger than vertical.max_line_chars "
                 "({high}); order them").format(low=v["vertical.min_line_chars"],
                                                high=v["vertical.max_line_chars"])
    return None


def _essay_columns(v: dict) -> str | None:
    if v["makeup.essay_columns"] > v["makeup.essay_max_columns"]:
        return _("makeup.essay_columns ({low}) is larger than makeup.essay_max_columns "
                 "({high}); order them").format(low=v["makeup.essay_columns"],
                                                high=v["makeup.essay_max_columns"])
    return None


RELATIONS = (
    Relation(("grid.line_pitch", "body.size"), _pitch),
    Relation(("grid.columns", "grid.column_chars", "grid.gutter_chars", "body.size",
              "page.width", "page.margin_inner", "page.margin_outer"), _width),
    Relation(("grid.columns", "grid.column_chars", "grid.gutter_chars"), _narrow),
    Relation(("page.height", "page.margin_top", "page.margin_bottom", "grid.line_pitch"), _height),
    Relation(("photos.target_ppi", "photos.min_ppi"), _ppi),
    Relation(("headlines.ranks", "headlines.brief"), _steps),
    Relation(("vertical.min_line_chars", "vertical.max_line_chars"), _line_chars),
    Relation(("makeup.essay_columns", "makeup.essay_max_columns"), _essay_columns),
)
# Roles set on the body's line grid: each must fit in one row.
GRID_ROLES = ("body", "dateline", "subhead", "byline")


def role_problems(v: dict, roles: dict[str, dict[str, float]]) -> list[tuple[tuple[str, ...], str]]:
    """(keys, message) for roles whose sizes are out of order or too large for the grid."""
    out = []
    column = v["grid.column_chars"] * v["body.size"]
    for name, r in roles.items():
        keys = (f"roles.{name}.max_size", f"roles.{name}.size", f"roles.{name}.min_size")
        if not r["min_size"] <= r["size"] <= r["max_size"]:
            out.append((keys, _(
                "roles.{name}: size {size} is not between min_size {low} and max_size {high}; "
                "order them").format(name=name, size=_pt(r["size"]), low=_pt(r["min_size"]),
                                     high=_pt(r["max_size"]))))
        elif name in GRID_ROLES and r["max_size"] > v["grid.line_pitch"]:
            out.append((keys + ("grid.line_pitch",), _(
                "roles.{name}: size {size} is larger than the line pitch ({pitch}); lines "
                "would overlap: make it at most the pitch").format(
                    name=name, size=_pt(r["max_size"]), pitch=_pt(v["grid.line_pitch"]))))
        elif name != "masthead" and r["max_size"] > column:
            out.append((keys + ("grid.column_chars", "body.size"), _(
                "roles.{name}: size {size} is wider than a column ({width}); no character "
                "would fit: make it smaller").format(name=name, size=_pt(r["max_size"]),
                                                     width=_pt(column))))
    if "body" in roles and abs(roles["body"]["size"] - v["body.size"]) > 1e-6:
        out.append((("roles.body.size", "body.size"), _(
            "roles.body.size ({role}) differs from body.size ({size}); the columns are "
            "measured in body characters: make them equal").format(
                role=_pt(roles["body"]["size"]), size=_pt(v["body.size"]))))
    return out
