"""The grid: whole-character columns, the line grid, rows."""
from layout.pages.grid import grid_for
from layout.style import load_style


def test_span_is_whole_characters_with_one_character_gutters():
    style, _ = load_style({"grid": {"columns": 8, "column_chars": 13, "gutter_chars": 1},
                           "page": {"width": "400mm"}})
    grid = grid_for(style)
    for n in range(1, 9):
        assert abs(grid.span(n) - (n * 13 + (n - 1)) * style.body_size) < 1e-6


def test_type_area_sits_inside_the_margins():
    style, _ = load_style({})
    grid = grid_for(style)
    assert grid.left >= style.margin_inner - 1 and grid.left + grid.width <= style.page_width - style.margin_outer + 1
    assert grid.top + grid.rows * grid.pitch <= style.page_height - style.margin_bottom + 1e-6


def test_baselines_step_by_the_line_pitch():
    grid = grid_for(load_style({})[0])
    assert abs(grid.baseline(10) - grid.baseline(9) - grid.pitch) < 1e-9
    assert grid.row_y(0) < grid.baseline(0) < grid.row_y(1)
