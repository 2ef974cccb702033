"""House style: 号数 and lengths, overrides, unknown keys."""
import pytest

from layout.errors import InputError
from layout.style import load_style, parse_length, parse_size
from layout.style.sizes import size_name


@pytest.mark.parametrize("name, points", [("初号", 42), ("小初", 36), ("一号", 26), ("小五", 9),
                                          ("五号", 10.5), ("八号", 5)])
def test_size_names(name, points):
    assert parse_size(name) == points and size_name(points) == name


@pytest.mark.parametrize("text, points", [("12", 12), (12, 12), ("9pt", 9), ("25.4mm", 72),
                                          ("1in", 72), ("2.54cm", 72)])
def test_lengths(text, points):
    assert abs(parse_length(text) - points) < 1e-9


def test_bad_size_names_the_choices():
    with pytest.raises(ValueError, match="小五"):
        parse_size("巨号")


def test_override_changes_only_what_it_names():
    base, _ = load_style({})
    style, warnings = load_style({"grid": {"columns": 5},
                                  "roles": {"body": {"face": "sans", "size": "小五"}}})
    assert style.columns == 5 and style.roles["body"].face == "sans"
    assert style.page_width == base.page_width and not warnings


def test_unknown_keys_suggest_the_near_name():
    _, warnings = load_style({"page": {"widht": "300mm"}})
    assert warnings == [("unknown style key 'page.widht' (did you mean 'page.width'?)", None)]


def test_role_with_unknown_face_is_refused():
    with pytest.raises(InputError, match="unknown face"):
        load_style({"roles": {"body": {"face": "comic", "size": 9}}})


def test_headline_ranks_that_do_not_step_down_are_refused():
    ranks = [{"size": "小初", "min_size": "20pt", "max_size": "48pt"}, {"size": "一号", "max_size": "30pt"}]
    with pytest.raises(InputError, match=r"ranks\[1\].*ranks step down"):
        load_style({"headlines": {"ranks": ranks}})


def test_a_typo_in_a_headline_rank_names_the_key_it_meant():
    with pytest.raises(InputError, match="min_sise.*did you mean 'min_size'"):
        load_style({"headlines": {"ranks": [{"size": "小初", "min_sise": "30pt"}]}})


@pytest.mark.parametrize("override, message", [
    ({"faces": ["biaosong", "comic"]}, "unknown face comic"),
    ({"subtitle": {"ratio": [0.7, 0.5], "min_size": "五号", "max_size": "三号", "faces": ["sans"]}},
     r"ratio"),
    ({"brief": {"size": "一号", "max_size": "30pt"}}, "headlines.brief.*ranks step down"),
    ({"max_lines": 0}, "max_lines"),
    ({"brief_max_lines": 0}, "brief_max_lines"),
])
def test_bad_headline_styles_say_what_is_wrong(override, message):
    with pytest.raises(InputError, match=message):
        load_style({"headlines": override})


def test_a_misspelt_brief_max_lines_is_named_with_the_key_it_meant():
    style, warnings = load_style({"headlines": {"brief_max_line": 1}})
    assert any("did you mean 'headlines.brief_max_lines'" in message for message, _line in warnings), warnings
    assert style.headlines.brief_max_lines == 2
    assert load_style({"headlines": {"brief_max_lines": 1}})[0].headlines.brief_max_lines == 1


def test_headline_faces_have_families_that_differ():
    style, _ = load_style({})
    families = [style.faces[f].family for f in style.headlines.faces]
    assert len(set(families)) == len(families) == 4   # 标宋, 黑体, 楷体, 粗宋: a row of four reads apart
