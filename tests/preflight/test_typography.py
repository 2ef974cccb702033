"""The typography report of `layout check`: each fault it names is found on a page made to have it.

A page of two columns of justified 10 pt body lines (reportlab, the repository's
serif) reports nothing; each test changes one line and expects exactly that
fault counted, so no check can pass by finding nothing.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from typer.testing import CliRunner

from layout.cli import app
from layout.preflight.typography import measure_typography, typography_report
from tests.conftest import REPO

SIZE, PITCH, CHARS = 10.0, 16.0, 20
TEXT = ("铁东区以强化党组织阵地建设为切入点全面推进功能型社区党群服务中心建设对全区四十个社区深入摸排"
        "依据地理位置辖区面积交通条件重点人群分布及资源禀赋等因地制宜拓展公益托管爱老敬老暖心帮扶")


def _font() -> str:
    if "TestSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("TestSerif", str(REPO / "fonts" / "NotoSerifSC-Regular.ttf")))
    return "TestSerif"


def column_lines(offset: int, rows: int) -> list[str]:
    """Paragraphs of five lines: indented 2 em (two spaces), full lines of 20, a last line of 15."""
    out = []
    for row in range(rows):
        start = (offset + row * 7) % (len(TEXT) - CHARS)
        if row % 5 == 0:
            out.append("  " + TEXT[start:start + CHARS - 2])
        else:
            out.append(TEXT[start:start + (15 if row % 5 == 4 else CHARS)])
    return out


def page(path: Path, columns: list[list[str]], spacing: dict[tuple[int, int], float] | None = None) -> Path:
    """Draw the columns' lines character by character, one em apart (plus `spacing` em)."""
    canvas = Canvas(str(path), pagesize=(520, 500), initialFontName=_font())
    canvas.setFont(_font(), SIZE)
    for c, lines in enumerate(columns):
        for r, text in enumerate(lines):
            extra = (spacing or {}).get((c, r), 0.0)
            for i, char in enumerate(text):
                canvas.drawString(40 + c * 215 + i * SIZE * (1 + extra), 460 - r * PITCH, char)
    canvas.save()
    return path


@pytest.fixture
def columns():
    return [column_lines(0, 20), column_lines(11, 20)]


def test_a_clean_page_reports_nothing(tmp_path, columns):
    m = measure_typography(page(tmp_path / "clean.pdf", columns))
    assert m.body_lines == 40 and m.body_size == SIZE
    assert (m.kinsoku_start, m.kinsoku_end, m.splits, m.lone_char_lines, m.loose_lines,
            m.ragged_lines, m.notdef, m.glyph_collisions) == (0, 0, 0, 0, 0, 0, 0, 0), m.examples
    assert m.grid_aligned == 1.0
    report, _ = typography_report(tmp_path / "clean.pdf")
    assert report.ok and "nothing an editor would mark" in report.text()


def test_a_line_starting_with_a_comma_or_ending_with_an_opening_quote(tmp_path, columns):
    columns[0][2] = "，" + columns[0][2][1:]
    columns[1][6] = columns[1][6][:-1] + "“"
    m = measure_typography(page(tmp_path / "kinsoku.pdf", columns))
    assert (m.kinsoku_start, m.kinsoku_end) == (1, 1), m.examples
    assert m.examples["kinsoku_start"][0].startswith("p1:，")


def test_a_number_and_a_dash_split_across_lines(tmp_path, columns):
    columns[0][1], columns[0][2] = columns[0][1][:-2] + "20", "25" + columns[0][2][2:]
    columns[1][1], columns[1][2] = columns[1][1][:-1] + "—", "—" + columns[1][2][1:]
    m = measure_typography(page(tmp_path / "split.pdf", columns))
    assert m.splits == 2, m.examples
    assert m.kinsoku_start == m.kinsoku_end == 0


def test_a_single_character_last_line(tmp_path, columns):
    columns[0][4] = "社。"
    columns[1][4] = "■"   # a separator between briefs is furniture, not a 孤字
    m = measure_typography(page(tmp_path / "lone.pdf", columns))
    assert m.lone_char_lines == 1 and m.examples["lone_char_lines"] == ["p1:社。"]


def test_one_character_after_a_full_width_space_goes_on_its_line_and_is_no_lone_character(
        tmp_path, columns):
    """A 简讯 item's bold title, a full-width space (not drawn), its 电头's first character
    (■区图书馆延长开放时间　本|报讯…): one line, not a line of one character."""
    columns[0][2] = columns[0][2][:18] + " 本"
    columns[0][3] = columns[0][3][:18] + " 本"   # under the first: a line above it, as in a leg
    columns[1][4] = "社。"
    m = measure_typography(page(tmp_path / "gap.pdf", columns))
    assert m.lone_char_lines == 1 and m.examples["lone_char_lines"] == ["p1:社。"]


def test_a_loose_line(tmp_path, columns):
    m = measure_typography(page(tmp_path / "loose.pdf", columns, spacing={(1, 7): 0.02}))
    assert m.loose_lines == 0 and m.ragged_lines == 0
    columns[1][7] = columns[1][7][:17]   # 17 characters spread over the measure of 20
    m = measure_typography(page(tmp_path / "loose.pdf", columns, spacing={(1, 7): 3 / 16}))
    assert m.loose_lines == 1 and m.max_extra_em == pytest.approx(3 / 16, abs=0.01)


def test_a_ragged_line_inside_a_paragraph(tmp_path, columns):
    columns[0][1] = columns[0][1][:15]
    m = measure_typography(page(tmp_path / "ragged.pdf", columns))
    assert m.ragged_lines == 1, m.examples


def test_a_list_at_the_body_size_and_x_reads_as_ragged_lines(tmp_path, columns):
    """A heading and items each opening with a mark, set at the body's size and x, read as
    lines stopping short inside a paragraph, as a reader measures the page (the shared
    instrument counted the sample's 今日导读 and hexi4's 简讯 items so): a 导读 or 简讯
    sets its heading and titles apart in their own size, its items as paragraphs."""
    columns[0][4] = TEXT[:CHARS]   # the paragraph above ends at the measure
    columns[0][5:10] = ["今日导读", "■" + TEXT[:8], "■" + TEXT[10:22], "▶" + TEXT[30:36], "■" + TEXT[40:50]]
    m = measure_typography(page(tmp_path / "list.pdf", columns))
    assert m.ragged_lines == 4, m.examples
    assert m.examples["ragged_lines"][0] == "p1:今日导读", m.examples


def test_baselines_off_the_grid(tmp_path, columns):
    path = tmp_path / "grid.pdf"
    canvas = Canvas(str(path), pagesize=(520, 500), initialFontName=_font())
    canvas.setFont(_font(), SIZE)
    for c, lines in enumerate(columns):
        for r, text in enumerate(lines):
            canvas.drawString(40 + c * 215, 460 - r * PITCH - c * 5, text)
    canvas.save()
    m = measure_typography(path)
    assert m.grid_aligned == 0.0
    assert "grid" in typography_report(path)[0].text()


def test_lines_with_no_column_beside_them_are_off_the_grid(tmp_path, columns):
    """A boxed 导读 above the columns, on a pitch of its own, has no column beside it sharing
    its baselines: its three lines are off the grid as a reader (and the shared instrument)
    sees the page; the columns' 40 lines are on it."""
    path = tmp_path / "ear.pdf"
    canvas = Canvas(str(path), pagesize=(520, 560), initialFontName=_font())
    canvas.setFont(_font(), SIZE)
    for n, text in enumerate(["今日导读", "■" + TEXT[:9], "■" + TEXT[20:31]]):
        canvas.drawString(150, 540 - n * 13.7, text)
    for c, lines in enumerate(columns):
        for r, text in enumerate(lines):
            canvas.drawString(40 + c * 215, 460 - r * PITCH, text)
    canvas.save()
    m = measure_typography(path)
    assert (m.grid_lines, m.grid_aligned_lines) == (43, 40)


def test_overprinting_glyphs_and_missing_source_characters(tmp_path, columns):
    path = tmp_path / "collide.pdf"
    canvas = Canvas(str(path), pagesize=(520, 500), initialFontName=_font())
    canvas.setFont(_font(), SIZE)
    canvas.drawString(40, 460, "铁东")
    canvas.drawString(42, 460, "区")
    canvas.save()
    m = measure_typography(path, {"a": "铁东区", "b": "党建引领"})
    assert m.glyph_collisions >= 1
    assert m.missing == {"a": 0, "b": 4}
    report, _ = typography_report(path, {"a": "铁东区", "b": "党建引领"})
    assert not report.ok and "b lost 4 character(s)" in report.text()


def test_a_hole_in_the_page(tmp_path, columns):
    clean = measure_typography(page(tmp_path / "full.pdf", columns)).blank_share
    columns[1][4:16] = [""] * 12
    holed = measure_typography(page(tmp_path / "hole.pdf", columns)).blank_share
    assert holed > clean + 0.1


def test_layout_check_prints_the_typography_report(tmp_path, columns):
    columns[0][4] = "社。"
    result = CliRunner().invoke(app, ["check", str(page(tmp_path / "lone.pdf", columns))])
    assert "Typography of" in result.output and "孤字" in result.output
    assert "1 paragraph(s) end in a line of one character" in result.output


def test_a_wider_leg_under_a_column_is_judged_by_its_own_edge(tmp_path):
    """A 破栏 block (legs of 20) under a block of 15-character columns at the same x."""
    path = tmp_path / "broken.pdf"
    canvas = Canvas(str(path), pagesize=(520, 500), initialFontName=_font())
    canvas.setFont(_font(), SIZE)
    narrow, wide = column_lines(0, 8), column_lines(5, 15)
    for r, text in enumerate(narrow):
        text = text[:15] if len(text) == CHARS else text[:13]
        for i, char in enumerate(text):
            canvas.drawString(40 + i * SIZE, 460 - r * PITCH, char)
    for r, text in enumerate(wide):   # after a headline's worth of rows
        for i, char in enumerate(text):
            canvas.drawString(40 + i * SIZE, 460 - (r + 11) * PITCH, char)
    canvas.save()
    assert measure_typography(path).ragged_lines == 0


def test_a_line_going_on_after_a_full_width_space_is_not_ragged(tmp_path, columns):
    """U+3000 is not drawn: “珍爱生命　预防溺水” reads as two runs on one baseline."""
    line = columns[0][1]
    columns[0][1] = line[:8] + " " + line[9:]   # one em of space inside the line
    m = measure_typography(page(tmp_path / "spaced.pdf", columns))
    assert m.ragged_lines == 0, m.examples


def test_a_line_with_nothing_beside_it_or_a_little_off_is_off_the_grid(tmp_path, columns):
    """A line is on the grid where a line of another column beside it shares its baseline
    within half a point: a column longer than its neighbour (beside a photo, say) has its
    last lines off it, and so is a line moved a third of a pitch, with its partner."""
    path = tmp_path / "beside.pdf"
    canvas = Canvas(str(path), pagesize=(520, 500), initialFontName=_font())
    canvas.setFont(_font(), SIZE)
    for c, lines in enumerate(columns):
        for r, text in enumerate(lines[:20 if c == 0 else 8]):
            canvas.drawString(40 + c * 215, 460 - r * PITCH - (PITCH / 3 if (c, r) == (1, 7) else 0), text)
    canvas.save()
    m = measure_typography(path)
    # on the grid: the first seven rows of both columns; off it: the moved line, its
    # partner and the first column's last 12 lines, which have nothing beside them
    assert m.body_lines == 28 and m.grid_aligned_lines == 14


def test_a_closing_bracket_squeezed_at_a_line_end_ends_the_line_at_a_narrow_gutter(tmp_path, columns):
    """A full-width ） squeezed to half an em at a line's end keeps its em box, which reaches
    half an em into a one-em gutter: the line ends there, it does not run on into the next
    leg's line on its baseline (briefs10: ……于海洋）| 练分组教学…, one line of two legs
    that left the second leg two lines to vote for its edge, its lines read as ragged)."""
    path = tmp_path / "bracket.pdf"
    canvas = Canvas(str(path), pagesize=(520, 500), initialFontName=_font())
    canvas.setFont(_font(), SIZE)
    left, right = 40, 40 + CHARS * SIZE + SIZE      # a gutter of one em
    columns[0][1] = columns[0][1][:CHARS - 2] + "（）"
    for c, lines in enumerate(columns):
        for r, text in enumerate(lines):
            for i, char in enumerate(text):
                # the line's last mark squeezed to half an em: ink and box start half an em on
                x = (left, right)[c] + i * SIZE + (SIZE / 2 if (c, r, i) == (0, 1, CHARS - 1) else 0)
                canvas.drawString(x, 460 - r * PITCH, char)
    canvas.save()
    m = measure_typography(path)
    assert m.body_lines == 40 and m.ragged_lines == 0, m.examples


def test_a_short_leg_under_a_wider_one_keeps_its_own_edge_past_a_squeezed_mark(tmp_path, columns):
    """A brief's leg of three lines (13 ems) under a 破栏 leg (20 ems) at one x: its first
    line ends in a ， squeezed to half an em whose em box sticks half an em past the leg's
    edge, its third ends the paragraph; the leg's edge is the one its two full lines reach
    (briefs10: 555.4, 550.9, 523.9 — its lines were read as stopping short of the 20-em
    leg's edge)."""
    path = tmp_path / "legs.pdf"
    canvas = Canvas(str(path), pagesize=(520, 700), initialFontName=_font())
    canvas.setFont(_font(), SIZE)
    for r, text in enumerate(columns[0][:12]):       # the wide leg: 20 ems
        canvas.drawString(40, 660 - r * PITCH, text)
    narrow = [TEXT[:12] + "，", TEXT[20:33], TEXT[40:48] + "。"]
    for r, text in enumerate(narrow):
        top = 660 - (12 + 3 + r) * PITCH          # three blank rows under the wide leg
        for i, char in enumerate(text):
            canvas.drawString(40 + i * SIZE + (SIZE / 2 if char == "，" else 0), top, char)
    canvas.save()
    m = measure_typography(path)
    assert m.ragged_lines == 0, m.examples
