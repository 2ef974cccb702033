"""The house style as a frozen dataclass, loaded from YAML and merged with overrides."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Callable

import yaml

from layout.style.edition import EditionStyle, edition_style
from layout.style.sizes import parse_length, parse_size

DEFAULT_PATH = Path(__file__).with_name("default.yaml")
OPEN_SECTIONS = ("faces", "roles")  # sections whose entries a style may add to


@dataclass(frozen=True, slots=True)
class Face:
    key: str
    file: str   # file name in fonts/
    docx: str   # font name for copy editors' Word/WPS


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
    icc_profile: str | None
    pdfx: str
    edition: EditionStyle = EditionStyle()   # 报尾 and other edition-wide values

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


def unknown_keys(data: dict, reference: dict, prefix: str = "") -> list[str]:
    """Messages for keys of `data` absent from `reference`, with the near name."""
    found = []
    for key, value in data.items():
        path = f"{prefix}{key}"
        if key not in reference:
            near = difflib.get_close_matches(str(key), [str(k) for k in reference], n=1)
            hint = f" (did you mean '{prefix}{near[0]}'?)" if near else ""
            found.append(f"unknown style key '{path}'{hint}")
        elif isinstance(value, dict) and isinstance(reference[key], dict) \
                and key not in OPEN_SECTIONS:
            found += unknown_keys(value, reference[key], path + ".")
    return found


@cache
def default_data() -> dict:
    with DEFAULT_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _field(raw: dict, section: str, key: str, convert: Callable[[Any], Any]) -> Any:
    value = raw[section][key] if section else raw[key]
    try:
        return convert(value)
    except (TypeError, ValueError) as exc:
        where = f"{section}.{key}" if section else key
        raise ValueError(f"style {where}: {exc}") from None


def build_style(raw: dict) -> HouseStyle:
    """Convert a merged style mapping into a HouseStyle (raises ValueError)."""
    length = lambda s, k: _field(raw, s, k, parse_length)  # noqa: E731
    faces = {k: Face(k, str(v["file"]), str(v.get("docx", "宋体"))) for k, v in raw["faces"].items()}
    roles = {}
    for name, spec in raw["roles"].items():
        if spec.get("face") not in faces:
            raise ValueError(f"style roles.{name}: unknown face {spec.get('face')!r} "
                             f"(faces: {', '.join(faces)})")
        size = parse_size(spec["size"])
        roles[name] = Role(spec["face"], size, parse_size(spec.get("min_size", size)),
                           parse_size(spec.get("max_size", size)))
    if raw["punctuation"] not in ("quanjiao", "kaiming"):
        raise ValueError("style punctuation: use quanjiao (全角) or kaiming (开明)")
    return HouseStyle(
        paper=Paper(**{k: str(v) for k, v in raw["paper"].items()}),
        page_width=length("page", "width"), page_height=length("page", "height"),
        margin_top=length("page", "margin_top"), margin_bottom=length("page", "margin_bottom"),
        margin_inner=length("page", "margin_inner"), margin_outer=length("page", "margin_outer"),
        bleed=length("page", "bleed"),
        columns=_field(raw, "grid", "columns", int),
        column_chars=_field(raw, "grid", "column_chars", int),
        gutter_chars=_field(raw, "grid", "gutter_chars", int),
        line_pitch=length("grid", "line_pitch"),
        body_size=_field(raw, "body", "size", parse_size),
        faces=faces, fallback=tuple(raw["fallback"]), roles=roles,
        punctuation=raw["punctuation"],
        min_ppi=_field(raw, "photos", "min_ppi", float),
        target_ppi=_field(raw, "photos", "target_ppi", float),
        max_pixels=_field(raw, "photos", "max_pixels", int),
        icc_profile=raw["pdf"]["icc_profile"], pdfx=str(raw["pdf"]["pdfx"]),
        edition=edition_style(raw),
    )


def load_style(override: dict | None = None) -> tuple[HouseStyle, list[str]]:
    """The default house style with `override` merged in, and warnings for unknown keys."""
    override = override or {}
    warnings = unknown_keys(override, default_data())
    return build_style(merge(default_data(), override)), warnings


@cache
def default_style() -> HouseStyle:
    return load_style()[0]
