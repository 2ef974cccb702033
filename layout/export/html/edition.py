"""Facts about the edition that the EPUB states: title, dates, identifier.

Everything here is derived from the issue, so two builds of the same
sources agree. The identifier names the edition (paper and date) and stays
the same when it is corrected; `dcterms:modified` says which version of it
this is: the time of the sources' last change (the newest modification time
of issue.yaml, the article files and the photos), never the time of the
build. So the same sources give the same bytes, and a corrected rebuild
carries a later `dcterms:modified` and a later version line in the table of
contents. `SOURCE_DATE_EPOCH`, when set, takes its place (the
reproducible-builds convention, e.g. for builds from a fresh checkout).
"""
from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

from layout.errors import BuildError
from layout.i18n import _
from layout.model import Issue

WEEKDAYS = "一二三四五六日"
STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
LUNAR_MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
DIGITS = "〇一二三四五六七八九十"

# Namespace of the edition identifiers: uuid5 of the URL below, so the name
# space itself is documented and never changes.
EDITION_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://layout.invalid/edition")
BEIJING = dt.timezone(dt.timedelta(hours=8))
MANIFEST = "issue.yaml"


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


def sources(issue: Issue) -> list[Path]:
    """The files the edition is made from: issue.yaml, the articles, the photos."""
    files = [issue.root / MANIFEST] if issue.root else []
    for article in issue.articles():
        files += [article.source] if article.source else []
        files += [photo.path for photo in article.photos]
    return files


def last_change(issue: Issue) -> dt.datetime:
    """The newest modification time of the sources, in whole seconds (UTC); the edition
    date at 00:00 UTC when no source file can be found (an issue built in memory)."""
    stamps = []
    for path in sources(issue):
        try:
            stamps.append(int(Path(path).stat().st_mtime))
        except OSError:
            continue
    if not stamps:
        return dt.datetime.combine(issue.date, dt.time(0, 0), tzinfo=dt.timezone.utc)
    return dt.datetime.fromtimestamp(max(stamps), tz=dt.timezone.utc)


def modified(issue: Issue, environ: dict[str, str] | None = None) -> dt.datetime:
    """The version to record: SOURCE_DATE_EPOCH if set, else the sources' last change."""
    environ = os.environ if environ is None else environ
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return last_change(issue)
    try:
        return dt.datetime.fromtimestamp(int(raw), tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise BuildError(_("SOURCE_DATE_EPOCH must be whole seconds since 1970 (got {value})")
                         .format(value=repr(raw))) from None


def version_text(moment: dt.datetime) -> str:
    """`本期电子版更新于2025年6月18日 14:32（北京时间）`: the version, for readers."""
    local = moment.astimezone(BEIJING)
    return f"本期电子版更新于{date_text(local.date())} {local:%H:%M}（北京时间）"


def w3c_datetime(moment: dt.datetime) -> str:
    """`2025-06-18T00:00:00Z`, the form `dcterms:modified` requires."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
