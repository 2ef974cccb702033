"""Facts about the edition that the EPUB states: title, dates, identifier.

Everything here is derived from the issue, so two builds of the same issue
agree. `dcterms:modified` is the one value a build could vary: it is taken
from `SOURCE_DATE_EPOCH` when that is set (the reproducible-builds
convention) and is otherwise the edition's date at 00:00 UTC, so output is
deterministic by default.
"""
from __future__ import annotations

import datetime as dt
import os
import uuid

from layout.errors import BuildError
from layout.model import Issue

WEEKDAYS = "一二三四五六日"
STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
LUNAR_MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
DIGITS = "〇一二三四五六七八九十"

# Namespace of the edition identifiers: uuid5 of the URL below, so the name
# space itself is documented and never changes.
EDITION_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://layout.invalid/edition")


def date_text(day: dt.date) -> str:
    """`2025年6月18日`."""
    return f"{day.year}年{day.month}月{day.day}日"


def weekday_text(day: dt.date) -> str:
    """`星期三`."""
    return "星期" + WEEKDAYS[day.weekday()]


def _lunar_day(n: int) -> str:
    if n <= 10:
        return "初" + DIGITS[n]
    if n < 20:
        return "十" + DIGITS[n - 10]
    if n % 10 == 0:
        return DIGITS[n // 10] + "十"
    return ("廿" if n < 30 else "卅") + DIGITS[n % 10]


def lunar_text(day: dt.date) -> str:
    """`农历乙巳年五月廿三`, or "" when the date is outside the lunar table."""
    try:
        from lunardate import LunarDate

        convert = getattr(LunarDate, "from_solar_date", None) or LunarDate.fromSolarDate
        lunar = convert(day.year, day.month, day.day)
    except (ImportError, ValueError):
        return ""
    leap = getattr(lunar, "is_leap_month", None)
    if leap is None:  # lunardate < 0.3 names it isLeapMonth
        leap = lunar.isLeapMonth
    year = STEMS[(lunar.year - 4) % 10] + BRANCHES[(lunar.year - 4) % 12]
    month = ("闰" if leap else "") + LUNAR_MONTHS[lunar.month - 1]
    return f"农历{year}年{month}月{_lunar_day(lunar.day)}"


def title(issue: Issue) -> str:
    """The book's title: paper and date, `铁东新闻 2025年6月18日`."""
    return f"{issue.paper} {date_text(issue.date)}"


def identifier(issue: Issue) -> str:
    """A stable `urn:uuid:` for this paper's edition of this date."""
    return "urn:uuid:" + str(uuid.uuid5(EDITION_NAMESPACE, f"{issue.paper}/{issue.date.isoformat()}"))


def modified(issue: Issue, environ: dict[str, str] | None = None) -> dt.datetime:
    """The build time to record: SOURCE_DATE_EPOCH if set, else the edition date 00:00 UTC."""
    environ = os.environ if environ is None else environ
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return dt.datetime.combine(issue.date, dt.time(0, 0), tzinfo=dt.timezone.utc)
    try:
        return dt.datetime.fromtimestamp(int(raw), tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise BuildError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970 (got {raw!r})") from None


def w3c_datetime(moment: dt.datetime) -> str:
    """`2025-06-18T00:00:00Z`, the form `dcterms:modified` requires."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
