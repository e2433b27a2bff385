"""How dates and times read: relative in lists, full in the user's locale in details."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def relative_time(moment: datetime | date, now: datetime) -> str:
    """'today', 'yesterday', '3 days ago', 'in 2 weeks', '5 months ago'…"""
    day = moment.date() if isinstance(moment, datetime) else moment
    days = (day - now.date()).days
    if days == 0:
        return "today"
    if days == -1:
        return "yesterday"
    if days == 1:
        return "tomorrow"
    span = abs(days)
    if span < 14:
        amount, unit = span, "day"
    elif span < 45:
        amount, unit = span // 7, "week"
    elif span < 730:
        amount, unit = span // 30, "month"
    else:
        amount, unit = span // 365, "year"
    phrase = f"{amount} {unit}{'' if amount == 1 else 's'}"
    return f"in {phrase}" if days > 0 else f"{phrase} ago"


def full_date(moment: datetime | date) -> str:
    day = moment.date() if isinstance(moment, datetime) else moment
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def full_date_at_time(moment: datetime) -> str:
    """'Saturday, 21 November 2026 at 21:32' (in the user's locale)."""
    time = QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    return f"{full_date(moment)} at {time}"


def short_date_time(moment: datetime) -> str:
    qt_moment = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    return QLocale().toString(qt_moment, QLocale.FormatType.ShortFormat)


def short_date(moment: datetime | date) -> str:
    day = moment.date() if isinstance(moment, datetime) else moment
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
