"""The house style is checked as a schema before any work: each bad value is one line
naming issue.yaml and the line of the offending key (or default.yaml), through the CLI."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from layout.style import load_style
from layout.style.house import DEFAULT_PATH
from layout.style.schema import STYLE, spec_for
from tests.cli_helpers import add_style, issue, line_of, located, run  # noqa: F401 - issue is a fixture

FONTS = Path(__file__).resolve().parents[2] / "fonts"
CASES = [  # (style override, the key whose line is named, words the message must hold)
    ("grid: {line_pitch: 0}", "line_pitch", ["grid.line_pitch", "4pt"]),
    ("grid: {line_pitch: 0.1pt}", "line_pitch", ["grid.line_pitch", "out of range"]),
    ("grid: {line_pitch: 8pt}", "line_pitch", ["smaller than body.size"]),
    ("page: {height: 0}", "height", ["page.height", "100mm"]),
    ("page: {width: 10mm}", "width", ["page.width"]),
    ("page: {margin_top: .nan}", "margin_top", ["page.margin_top", "not a length"]),
    ("page: {margin_inner: -5mm}", "margin_inner", ["page.margin_inner"]),
    ("page: {bleed: .inf}", "bleed", ["page.bleed"]),
    ("grid: {columns: 1e20}", "columns", ["grid.columns", "whole number"]),
    ("grid: {columns: 100000000000000000000}", "columns", ["grid.columns", "1 to 20"]),
    ("grid: {columns: 2.5}", "columns", ["grid.columns", "whole number"]),
    ("grid: {columns: true}", "columns", ["grid.columns"]),
    ("grid: {column_chars: 1e6}", "column_chars", ["grid.column_chars"]),
    ("grid: {column_chars: 1000}", "column_chars", ["grid.column_chars", "4 to 80"]),
    ("grid: {column_chars: 40}", "column_chars", ["the grid is", "side margins"]),
    ("grid: {gutter_chars: 100}", "gutter_chars", ["grid.gutter_chars"]),
    ("grid: {columns: 1, column_chars: 10}", "columns", ["body characters wide"]),
    ("grid: 6", "grid", ["grid", "mapping"]),
    ("body: {size: 初号}", "size", ["body.size", "24pt"]),
    ("body: {size: -1}", "size", ["body.size"]),
    ("body: {size: 巨号}", "size", ["巨号", "号数"]),
    ("page: {height: 150mm, margin_top: 60mm, margin_bottom: 60mm}", "height", ["rows"]),
    ("fallback: [serif, nope]", "fallback", ["fallback", "unknown face nope"]),
    ("fallback: []", "fallback", ["fallback"]),
    ("roles: {title: {face: comic, size: 20pt}}", "title", ["roles.title.face", "comic"]),
    ("roles: {title: null}", "title", ["roles.title", "mapping"]),
    ("roles: {title: {size: 20pt, min_size: 30pt, max_size: 40pt}}", "title", ["min_size"]),
    ("roles: {subhead: {size: 20pt}}", "subhead", ["line pitch"]),
    ("roles: {body: {size: 10pt}}", "body", ["roles.body.size", "body.size"]),
    ("roles: {title: {size: 60pt, max_size: 150pt}}", "title", ["wider than a column"]),
    ("faces: {serif: {file: nothere.ttf}}", "serif", ["nothere.ttf", "not found"]),
    ("faces: {serif: {file: README.md}}", "serif", ["README.md", "not a TrueType"]),
    ("faces: {extra: {docx: 宋体}}", "extra", ["faces.extra", "file"]),
    ("punctuation: fancy", "punctuation", ["quanjiao", "kaiming"]),
    ("photos: {min_ppi: 300, target_ppi: 250}", "min_ppi", ["target_ppi"]),
    ("photos: {max_pixels: 1e12}", "max_pixels", ["photos.max_pixels"]),
    ("pdf: {pdfx: X-9}", "pdfx", ["X-4", "X-1a"]),
    ("pdf: {icc_profile: nothere.icc}", "icc_profile", ["nothere.icc", "not found"]),
    ("paper: {name: " + "报" * 30 + "}", "name", ["paper.name", "at most 20"]),
]


@pytest.mark.parametrize("override, key, words", CASES, ids=[c[0][:40] for c in CASES])
def test_a_bad_style_value_is_one_line_naming_the_key_and_its_line(issue, tmp_path, override,
                                                                    key, words):
    add_style(issue, override)
    error = run("build", issue, "-o", tmp_path / "out", "--format", "docx").one_error()
    path, line = located(error)
    manifest = issue / "issue.yaml"
    assert path == str(manifest) and line == line_of(manifest, f"{key}"), error
    for word in words:
        assert word in error
    assert not (tmp_path / "out").exists(), "nothing may be written when the style is bad"


def _write_ttc(target: Path) -> None:
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.ttCollection import TTCollection

    collection = TTCollection()
    collection.fonts = [TTFont(FONTS / "NotoSansSC-Regular.ttf", lazy=False)]
    collection.save(target)


@pytest.mark.parametrize("make, words", [
    (_write_ttc, ["font collection (.ttc)", ".ttf"]),
    (lambda p: p.write_bytes(b"OTTO" + bytes(200)), ["CFF", "TrueType"]),
    (lambda p: p.write_bytes((FONTS / "NotoSansSC-Regular.ttf").read_bytes()[:300]), ["not a TrueType"]),
])
def test_a_face_must_be_one_truetype_font(issue, tmp_path, make, words):
    make(issue / "face.ttf")
    add_style(issue, "faces: {sans: {file: face.ttf}}")
    error = run("build", issue, "-o", tmp_path / "out", "--format", "docx").one_error()
    assert located(error) == (str(issue / "issue.yaml"), line_of(issue / "issue.yaml", "sans"))
    for word in words:
        assert word in error


def test_a_face_in_the_issue_folder_is_used(issue, tmp_path):
    shutil.copy(FONTS / "NotoSansSC-Regular.ttf", issue / "my-sans.ttf")
    add_style(issue, "faces: {sans: {file: my-sans.ttf}}")
    outcome = run("build", issue, "-o", tmp_path / "out", "--format", "docx")
    assert outcome.code == 0, outcome.stderr


def _icc_header(cls: bytes, space: bytes, size: int = 200) -> bytes:
    data = bytearray(size)
    data[:4] = size.to_bytes(4, "big")
    data[12:16], data[16:20], data[36:40] = cls, space, b"acsp"
    return bytes(data)


@pytest.mark.parametrize("content, words", [
    (b"this is not a profile", ["not an ICC profile"]),
    (_icc_header(b"mntr", b"RGB "), ["not an output (printer) profile", "mntr"]),
    (_icc_header(b"prtr", b"RGB "), ["RGB colour, not CMYK"]),
    (_icc_header(b"prtr", b"CMYK")[:150], ["truncated or damaged"]),
    (_icc_header(b"prtr", b"CMYK"), ["damaged"]),
])
def test_the_icc_profile_must_be_a_cmyk_output_profile(issue, tmp_path, content, words):
    (issue / "plant.icc").write_bytes(content)
    add_style(issue, "pdf: {icc_profile: plant.icc}")
    error = run("build", issue, "-o", tmp_path / "out", "--format", "docx").one_error()
    assert located(error) == (str(issue / "issue.yaml"), line_of(issue / "issue.yaml", "icc_profile"))
    for word in words:
        assert word in error


def test_the_bundled_profile_passes_its_own_check():
    from layout.export.pdf.settings import DEFAULT_PROFILE
    from layout.style.schema import icc_problem

    assert icc_problem(DEFAULT_PROFILE) is None


def test_unknown_style_keys_warn_with_their_own_line_and_the_near_name(issue, tmp_path):
    add_style(issue, "grid:\n  colums: 5\nroles:\n  title: {sise: 20pt, face: serif_bold, size: 26pt}")
    outcome = run("build", issue, "-o", tmp_path / "out", "--format", "docx")
    assert outcome.code == 0, outcome.stderr
    manifest = issue / "issue.yaml"
    by_key = {w.split("'")[1]: located(w) for w in outcome.warnings if "unknown style key" in w}
    assert by_key["grid.colums"] == (str(manifest), line_of(manifest, "colums"))
    assert by_key["roles.title.sise"] == (str(manifest), line_of(manifest, "sise"))
    assert any("did you mean 'grid.columns'" in w for w in outcome.warnings)


def test_the_message_is_in_chinese_when_asked(issue, tmp_path):
    add_style(issue, "grid: {line_pitch: 0}")
    error = run("build", issue, "-o", tmp_path / "out", "--format", "docx", lang="zh").one_error()
    assert "版式 grid.line_pitch" in error and "超出范围" in error


def test_every_default_key_has_a_row_in_the_schema_and_every_row_a_default():
    data = yaml.safe_load(DEFAULT_PATH.read_text("utf-8"))
    keys = set()
    for section, value in data.items():
        if section in ("faces", "roles"):
            keys |= {f"{section}.{name}.{k}" for name, entry in value.items() for k in entry}
        elif isinstance(value, dict):
            keys |= {f"{section}.{k}" for k in value}
        else:
            keys.add(section)
    assert not [k for k in keys if spec_for(k) is None], "add these keys to layout/style/schema.py"
    plain = {k for k in STYLE if "*" not in k}
    assert plain <= keys, "schema rows without a default in default.yaml"


def test_the_default_style_is_valid_and_the_type_area_fits_the_page():
    style, warnings = load_style({})
    assert not warnings
    assert style.type_width <= style.page_width - style.margin_inner - style.margin_outer
