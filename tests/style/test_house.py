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
