"""The house style as a frozen dataclass, loaded from YAML, merged with overrides, checked.

Every value is checked against `schema.STYLE` (type, range, unit) and the
relations between values (the type area fits the page …) before any work;
errors name the file and line of the offending key.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Callable

from layout.errors import InputError
from layout.i18n import _
from layout.style.edition import EditionStyle, edition_style
from layout.style.headlines import HeadlineStyle
from layout.style.makeup import MakeupStyle, makeup_style
from layout.style.schema import (RELATIONS, REQUIRED, STYLE, Context, Invalid, Number,
                                 Text, Whole, role_problems, spec_for)
from layout.style.sizes import parse_length, parse_size  # noqa: F401 - re-exported
from layout.yamlio import line_at, load_yaml_kept

DEFAULT_PATH = Path(__file__).with_name("default.yaml")
OPEN_SECTIONS = ("faces", "roles")  # sections whose entries a style may add to


@dataclass(frozen=True, slots=True)
class Face:
    key: str
    file: str   # absolute path of the .ttf (found in fonts/, the issue folder, or given)
    docx: str   # font name for copy editors' Word/WPS
    family: str = ""  # what a reader sees: 宋体, 标宋, 黑体, 楷体 (default: the docx name)


@dataclass(frozen=True, slots=True)
class Role:
    face: str
    size: float
    min_size: float
    max_size: float


@dataclass(frozen=True, slots=True)
class Paper:
    name: str
    owner: str
    serial: str
    postal_code: str
    publisher: str


@dataclass(frozen=True, slots=True)
class HouseStyle:
    paper: Paper
    page_width: float
    page_height: float
    margin_top: float
    margin_bottom: float
    margin_inner: float
    margin_outer: float
    bleed: float
    columns: int
    column_chars: int
    gutter_chars: int
    line_pitch: float
    body_size: float
    faces: dict[str, Face]
    fallback: tuple[str, ...]
    roles: dict[str, Role]
    punctuation: str
    min_ppi: float
    target_ppi: float
    max_pixels: int
    max_aspect: float
    icc_profile: str | None
    pdfx: str
    headlines: HeadlineStyle
    edition: EditionStyle = EditionStyle()   # 报尾 and other edition-wide values
    web_url: str = ""          # where the web edition is served ("" unknown), ends with /
    makeup: MakeupStyle = MakeupStyle()      # photo integrity, legs, short pages

    @property
    def column_width(self) -> float:
        return self.column_chars * self.body_size

    @property
    def gutter(self) -> float:
        return self.gutter_chars * self.body_size

    @property
    def type_width(self) -> float:
        return self.columns * self.column_width + (self.columns - 1) * self.gutter

    @property
    def type_height(self) -> float:
        return self.page_height - self.margin_top - self.margin_bottom

    def span_width(self, columns: int) -> float:
        """Width of a block spanning `columns` columns: n × chars + (n − 1) gutters."""
        return columns * self.column_width + (columns - 1) * self.gutter

    def role(self, name: str) -> Role:
        return self.roles[name]


def merge(base: dict, override: dict) -> dict:
    """Deep-merge `override` into a copy of `base`."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def _near(key: str, known) -> str:
    near = difflib.get_close_matches(str(key), [str(k) for k in known], n=1)
    return near[0] if near else ""


def unknown_keys(data: dict, reference: dict, prefix: str = "") -> list[tuple[str, str]]:
    """(dotted key, message) for keys of `data` absent from `reference`, with the near name."""
    found = []
    for key, value in data.items():
        path = f"{prefix}{key}"
        if key not in reference:
            near = _near(key, reference)
            hint = _(" (did you mean '{key}'?)").format(key=prefix + near) if near else ""
            found.append((path, _("unknown style key '{key}'{hint}").format(key=path, hint=hint)))
        elif isinstance(value, dict) and isinstance(reference[key], dict):
            if key in OPEN_SECTIONS:
                entry_keys = {k.split(".")[2] for k in STYLE if k.startswith(f"{key}.*.")}
                for name, entry in value.items():
                    if isinstance(entry, dict):
                        found += unknown_keys(entry, dict.fromkeys(entry_keys), f"{path}.{name}.")
            else:
                found += unknown_keys(value, reference[key], path + ".")
    return found


@cache
def default_data() -> dict:
    """default.yaml, its mappings knowing the line of each key (for messages)."""
    return load_yaml_kept(DEFAULT_PATH)


class _Where:
    """file:line of a dotted key: the override's line when it sets the key, else default.yaml's."""

    def __init__(self, override: dict, source: Path | None):
        self.override, self.source = override, source

    def error(self, keys: tuple[str, ...], message: str) -> InputError:
        for key in keys:
            if self._sets(key):
                return InputError(message, self.source, line_at(self.override, key))
        return InputError(message, DEFAULT_PATH, line_at(default_data(), keys[0]))

    def _sets(self, dotted: str) -> bool:
        data = self.override
        for part in dotted.split("."):
            if not isinstance(data, dict) or part not in data:
                return False
            data = data[part]
        return True


def _inferred(default: Any) -> Callable[[Any, Context], Any]:
    """A spec for a key with no row in the schema table: the type of its default value."""
    def check(value: Any, ctx: Context) -> Any:
        if isinstance(default, bool) or default is None:
            return value
        if isinstance(default, (int, float)):
            return Number(-1e9, 1e9)(value, ctx) if not isinstance(default, int) \
                else Whole(-10**9, 10**9)(value, ctx)
        if isinstance(default, str):
            return Text(200)(value, ctx)
        return value
    return check


def _convert(where: _Where, dotted: str, value: Any, ctx: Context, default: Any = None) -> Any:
    spec = spec_for(dotted) or _inferred(default)
    try:
        return spec(value, ctx)
    except Invalid as exc:
        raise where.error((dotted,), _("style {key}: {problem}").format(
            key=dotted, problem=exc.message)) from None


def _sections(raw: dict, where: _Where) -> None:
    """Every section the default has as a mapping stays one; face and role entries are mappings."""
    for key, default in default_data().items():
        if isinstance(default, dict) and not isinstance(raw.get(key), dict):
            raise where.error((key,), _("style {key}: must be a mapping of keys, like the one "
                                        "in default.yaml").format(key=key))
    for section, needed in REQUIRED.items():
        for name, entry in raw[section].items():
            dotted = f"{section}.{name}"
            if not isinstance(entry, dict):
                raise where.error((dotted,), _("style {key}: must be a mapping with {needed}")
                                  .format(key=dotted, needed=", ".join(needed)))
            missing = [k for k in needed if entry.get(k) in (None, "")]
            if missing:
                raise where.error((dotted,), _("style {key}: needs {missing}").format(
                    key=dotted, missing=", ".join(missing)))


def _values(raw: dict, where: _Where, root: Path | None) -> tuple[dict, dict, dict]:
    """(flat key → value, face → (file, docx, family), role → sizes and face), all checked."""
    _sections(raw, where)
    ctx = Context(faces=frozenset(str(k) for k in raw["faces"]), root=root)
    values = {}
    for dotted in STYLE:
        if "*" in dotted:
            continue
        section, _dot, key = dotted.partition(".")
        value = raw[section].get(key) if key else raw.get(section)
        values[dotted] = _convert(where, dotted, value, ctx)
    faces = {}
    for name, entry in raw["faces"].items():
        docx = _convert(where, f"faces.{name}.docx", entry.get("docx", "宋体"), ctx)
        faces[name] = (_convert(where, f"faces.{name}.file", entry["file"], ctx), docx,
                       _convert(where, f"faces.{name}.family", entry.get("family", docx), ctx))
    roles = {}
    for name, entry in raw["roles"].items():
        size = _convert(where, f"roles.{name}.size", entry["size"], ctx)
        roles[name] = {"face": _convert(where, f"roles.{name}.face", entry["face"], ctx),
                       "size": size}
        for bound in ("min_size", "max_size"):
            given = entry.get(bound)
            roles[name][bound] = size if given is None else \
                _convert(where, f"roles.{name}.{bound}", given, ctx)
    return values, faces, roles


def _relations(values: dict, roles: dict, where: _Where) -> None:
    for relation in RELATIONS:
        message = relation.check(values)
        if message:
            raise where.error(relation.keys, _("style: {problem}").format(problem=message))
    for keys, message in role_problems(values, roles):
        raise where.error(keys, _("style: {problem}").format(problem=message))


def build_style(raw: dict, override: dict | None = None, source: Path | None = None,
                root: Path | None = None) -> HouseStyle:
    """Check a merged style mapping against the schema and make it a HouseStyle.

    Raises InputError naming `source` (the override's file) and the line of the
    offending key, or default.yaml and its line when the default is at fault.
    """
    where = _Where(override or {}, source)
    values, faces, roles = _values(raw, where, root)
    _relations(values, roles, where)
    v = values
    return HouseStyle(
        paper=Paper(v["paper.name"], v["paper.owner"], v["paper.serial"],
                    v["paper.postal_code"], v["paper.publisher"]),
        page_width=v["page.width"], page_height=v["page.height"],
        margin_top=v["page.margin_top"], margin_bottom=v["page.margin_bottom"],
        margin_inner=v["page.margin_inner"], margin_outer=v["page.margin_outer"],
        bleed=v["page.bleed"], columns=v["grid.columns"], column_chars=v["grid.column_chars"],
        gutter_chars=v["grid.gutter_chars"], line_pitch=v["grid.line_pitch"],
        body_size=v["body.size"],
        faces={k: Face(k, file, docx, family) for k, (file, docx, family) in faces.items()},
        fallback=v["fallback"],
        roles={k: Role(r["face"], r["size"], r["min_size"], r["max_size"]) for k, r in roles.items()},
        punctuation=v["punctuation"], min_ppi=v["photos.min_ppi"],
        target_ppi=v["photos.target_ppi"], max_pixels=v["photos.max_pixels"],
        max_aspect=v["photos.max_aspect"], icc_profile=v["pdf.icc_profile"], pdfx=v["pdf.pdfx"],
        headlines=HeadlineStyle(v["headlines.ranks"], v["headlines.brief"], v["headlines.brief_chars"],
                                v["headlines.kicker"], v["headlines.subtitle"], v["headlines.faces"],
                                v["headlines.max_lines"], v["headlines.brief_max_lines"]),
        edition=edition_style(v),
        web_url=v["web.url"],
        makeup=makeup_style(v),
    )


def load_style(override: dict | None = None, source: Path | None = None,
               root: Path | None = None) -> tuple[HouseStyle, list[tuple[str, int | None]]]:
    """The default house style with `override` merged in, and (message, line) per unknown key.

    `source` is the file holding `override` (issue.yaml), named in errors with the
    line of the offending key; `root` is the issue folder, where relative paths
    (fonts, the ICC profile) are looked for.
    """
    override = override or {}
    warnings = [(message, line_at(override, key)) for key, message in
                unknown_keys(override, default_data())]
    return build_style(merge(default_data(), override), override, source, root), warnings


@cache
def default_style() -> HouseStyle:
    return load_style()[0]
