"""Dates as the masthead prints them: 2025年6月18日 星期三 农历乙巳年五月廿三.

The lunar calendar comes from the `lunardate` library; only the naming of
its numbers is done here.
"""
from __future__ import annotations

import datetime as dt

WEEKDAYS = "一二三四五六日"
STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
MONTHS = ["正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊"]
TENS = ["初", "十", "廿", "三"]
DIGITS = "十一二三四五六七八九"


def solar(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def weekday(date: dt.date) -> str:
    return "星期" + WEEKDAYS[date.weekday()]


def lunar_day_name(day: int) -> str:
    if day == 10:
        return "初十"
    if day == 20:
        return "二十"
    if day == 30:
        return "三十"
    return TENS[day // 10] + DIGITS[day % 10]


def lunar(date: dt.date) -> str:
    """农历 date with the 干支 year, e.g. 农历乙巳年五月廿三."""
    from lunardate import LunarDate

    ld = LunarDate.from_solar_date(date.year, date.month, date.day) \
        if hasattr(LunarDate, "from_solar_date") else LunarDate.fromSolarDate(date.year, date.month, date.day)
    year = STEMS[(ld.year - 4) % 10] + BRANCHES[(ld.year - 4) % 12]
    leap = "闰" if getattr(ld, "is_leap_month", None) or (not hasattr(ld, "is_leap_month") and ld.isLeapMonth) else ""
    return f"农历{year}年{leap}{MONTHS[ld.month - 1]}月{lunar_day_name(ld.day)}"


def masthead_date(date: dt.date) -> str:
    return f"{solar(date)}　{weekday(date)}　{lunar(date)}"
