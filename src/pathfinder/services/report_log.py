"""Which reports were shared, and the period the next one should cover.

Every report saved to a file or copied for an email is logged with its period, so
"since the last report" starts the day after the last one ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from pathfinder.store.database import write_transaction
from pathfinder.store.models import REPORT_FORMATS, ReportSent

PERIODS = ("since_last", "two_weeks", "month", "custom")
PERIOD_LABELS = {
    "since_last": "Since my last report",
    "two_weeks": "The last two weeks",
    "month": "The last month",
    "custom": "Dates I choose",
}
FIRST_REPORT_DAYS = 30  # "since the last report" with none yet: the last month


class PeriodError(ValueError):
    """The dates given don't make a period; the message says why."""


@dataclass(frozen=True)
class SentReport:
    id: int
    saved_at: datetime
    period_start: date
    period_end: date
    format: str
    path: str


def last_report() -> SentReport | None:
    """The report that reached furthest (saving an older period again doesn't move
    "since my last report" back)."""
    row = (
        ReportSent.select()
        .order_by(ReportSent.period_end.desc(), ReportSent.saved_at.desc(), ReportSent.id.desc())
        .first()
    )
    if row is None:
        return None
    return SentReport(row.id, row.saved_at, row.period_start, row.period_end, row.format, row.path)


def sent_reports(limit: int = 20) -> list[SentReport]:
    query = ReportSent.select().order_by(ReportSent.saved_at.desc(), ReportSent.id.desc())
    return [
        SentReport(row.id, row.saved_at, row.period_start, row.period_end, row.format, row.path)
        for row in query.limit(limit)
    ]


def log_report(
    start: date,
    end: date,
    format: str,
    path: Path | None,
    now: datetime,
    *,
    questions: str = "",
    next_steps: str = "",
) -> None:
    if format not in REPORT_FORMATS:
        raise ValueError(f"unknown report format {format!r}")
    with write_transaction():
        ReportSent.insert(
            saved_at=now.replace(microsecond=0),
            period_start=start,
            period_end=end,
            format=format,
            path=str(path) if path else "",
            questions=questions,
            next_steps=next_steps,
        ).execute()


def period_for(choice: str, today: date, last: SentReport | None = None) -> tuple[date, date]:
    """The first and last day of a named period ending today (`custom` is the caller's)."""
    if choice == "two_weeks":
        return today - timedelta(days=13), today
    if choice == "month":
        return _month_before(today) + timedelta(days=1), today
    if choice == "since_last":
        if last is None:
            return today - timedelta(days=FIRST_REPORT_DAYS - 1), today
        return min(last.period_end + timedelta(days=1), today), today
    raise ValueError(f"no fixed dates for the period {choice!r}")


def _month_before(day: date) -> date:
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    for last_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def check_period(start: date, end: date, today: date) -> None:
    if start > today:
        raise PeriodError(f"The period starts in the future ({start.isoformat()}).")
    if end > today:
        raise PeriodError(
            f"The period ends in the future ({end.isoformat()}): a report can only cover "
            "what has happened."
        )
    if end < start:
        raise PeriodError(
            f"The period ends ({end.isoformat()}) before it starts ({start.isoformat()})."
        )


def parse_day(text: str, what: str) -> date:
    """A YYYY-MM-DD date typed on the command line, or a PeriodError naming it."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise PeriodError(
            f"{what} {text!r} is not a date: write it as YYYY-MM-DD, for example 2026-03-01."
        ) from None
