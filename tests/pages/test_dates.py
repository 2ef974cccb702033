"""Masthead dates: weekday and 农历 named as the paper prints them."""
import datetime as dt

import pytest

from layout.pages.dates import lunar, lunar_day_name, masthead_date


@pytest.mark.parametrize("date, expected", [
    (dt.date(2025, 6, 18), "农历乙巳年五月廿三"),
    (dt.date(2026, 2, 17), "农历丙午年正月初一"),   # 春节 2026
    (dt.date(2025, 7, 25), "农历乙巳年闰六月初一"),  # the leap month of 2025
])
def test_lunar_dates(date, expected):
    assert lunar(date) == expected


@pytest.mark.parametrize("day, name", [(1, "初一"), (10, "初十"), (11, "十一"), (20, "二十"),
                                       (21, "廿一"), (30, "三十")])
def test_lunar_day_names(day, name):
    assert lunar_day_name(day) == name


def test_masthead_date_has_weekday():
    assert "星期三" in masthead_date(dt.date(2025, 6, 18))
