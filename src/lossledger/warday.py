"""The war's calendar: day numbers and what a report date means.

Day 1 is 2022-02-24, so the report dated 2024-02-16 is day 723
(../shared/formats/general-staff-statement.md).  A *report date* D is the date of the morning
statement; its figures are cumulative up to that morning and its increases cover the 24 hours
before it.  Kyiv time decides which day a statement belongs to.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["WAR_START", "KYIV", "as_date", "date_of_day", "day_of_war", "today_kyiv"]

WAR_START = dt.date(2022, 2, 24)

try:  # zoneinfo needs tzdata on some systems; fall back to a fixed +02:00 offset.
    from zoneinfo import ZoneInfo

    KYIV: dt.tzinfo = ZoneInfo("Europe/Kyiv")
except Exception:  # pragma: no cover - depends on the host's tz database
    KYIV = dt.timezone(dt.timedelta(hours=2))


def day_of_war(date: dt.date) -> int:
    """Day number of ``date``: ``(date - 2022-02-24) + 1``.

    >>> day_of_war(dt.date(2024, 2, 16))
    723
    """
    return (date - WAR_START).days + 1


def date_of_day(day: int) -> dt.date:
    """Inverse of :func:`day_of_war`."""
    return WAR_START + dt.timedelta(days=day - 1)


def today_kyiv() -> dt.date:
    """Today's date in Kyiv, the calendar the General Staff reports by."""
    return dt.datetime.now(KYIV).date()


def as_date(value: str | dt.date | dt.datetime) -> dt.date:
    """Accept a ``YYYY-MM-DD`` string, a date or a datetime; raise ValueError otherwise."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())
