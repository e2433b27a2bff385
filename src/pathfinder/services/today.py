"""Today: what needs doing now, how this week is going, and six months of activity.

Everything here is read with a handful of queries ranked and limited in SQL, so
Today builds in a few tens of milliseconds with 30,000 people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pathfinder.services import conversations, followups, goals, network
from pathfinder.services.conversations import ConversationRecord
from pathfinder.services.followups import FollowUpRecord
from pathfinder.services.goals import Progress
from pathfinder.services.network import GivingBack, Suggestion
from pathfinder.services.why import current_why
from pathfinder.store.database import db

FOLLOW_UPS_SHOWN = 20
THANK_YOUS_SHOWN = 20
GOING_COLD_SHOWN = 10
CONTACT_NEXT_SHOWN = 5
ACTIVITY_WEEKS = 26

# What "this week" counts, in the goals' own words (their kinds).
WEEK_KINDS = (
    ("interviews", "conversation", "conversations"),
    ("new_people", "new person", "new people"),
    ("given", "thing given", "things given"),
    ("journal", "journal entry", "journal entries"),
)


@dataclass(frozen=True)
class WeekFigure:
    kind: str
    one: str  # "conversation"
    many: str  # "conversations"
    done: int
    goal: int | None  # the target of a weekly goal of this kind, if there is one

    @property
    def words(self) -> str:
        """For example "3 conversations (goal: 2)"."""
        goal = f" (goal: {self.goal})" if self.goal else ""
        return f"{self.done} {self.one if self.done == 1 else self.many}{goal}"


@dataclass(frozen=True)
class Activity:
    weeks: tuple[tuple[date, int], ...]  # (Monday, interactions and journal entries that week)
    outcomes: dict[str, int]  # conversation outcomes: fits, doesnt_fit, not_sure
    giving: GivingBack


@dataclass(frozen=True)
class TodayView:
    why: str  # the current why in one line ("" before there is one)
    people: int  # how many people the notebook has ever held, archived too (0: a first run)
    follow_ups: list[FollowUpRecord]
    follow_ups_due: int  # all of them, when more are due than shown
    thank_yous: list[ConversationRecord]
    thank_yous_owed: int  # all of them, when more are owed than shown
    going_cold: list[Suggestion]
    contact_next: list[Suggestion]
    week: list[WeekFigure]
    goals: list[Progress]


def today_view(today: date) -> TodayView:
    why = current_why()
    # Anyone at all (archived too): a notebook whose people are all archived isn't new.
    people = db.execute_sql("SELECT count(*) FROM contact").fetchone()[0]
    progress = goals.all_progress(today)
    weekly = {p.goal.kind: p.target for p in progress if p.goal.period == "week" and p.target}
    monday = today - timedelta(days=today.weekday())
    week = [
        WeekFigure(kind, one, many, _this_week(kind, monday, today), weekly.get(kind))
        for kind, one, many in WEEK_KINDS
    ]
    return TodayView(
        why=why.one_line() if why else "",
        people=int(people),
        follow_ups=followups.due_and_overdue(today, FOLLOW_UPS_SHOWN),
        follow_ups_due=followups.count_due(today),
        thank_yous=conversations.thank_yous_owed(THANK_YOUS_SHOWN),
        thank_yous_owed=conversations.count_thank_yous_owed(),
        going_cold=network.going_cold(today, GOING_COLD_SHOWN),
        contact_next=network.who_to_contact_next(today, CONTACT_NEXT_SHOWN),
        week=week,
        goals=progress,
    )


def _this_week(kind: str, monday: date, today: date) -> int:
    """This week's figure of a kind. New people are everyone added this week (the goal
    kind counts only new contacts, level 3, whom the person is getting to know)."""
    if kind == "new_people":
        row = db.execute_sql(
            "SELECT count(*) FROM contact WHERE NOT archived AND created_at BETWEEN ? AND ?",
            (f"{monday.isoformat()} 00:00:00", f"{today.isoformat()} 23:59:59.999999"),
        ).fetchone()
        return int(row[0])
    return goals.count_between(kind, monday, today)


def activity(today: date, weeks: int = ACTIVITY_WEEKS) -> Activity:
    """Interactions logged and journal entries written per week (Monday to Sunday), the
    last `weeks` weeks oldest first; conversation outcomes; given against received."""
    this_monday = today - timedelta(days=today.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    counts: dict[date, int] = {}
    rows = db.execute_sql(
        "SELECT day, count(*) FROM ("
        "SELECT happened_on AS day FROM interaction WHERE happened_on BETWEEN :first AND :last "
        "UNION ALL SELECT date(written_at) FROM journal_entry "
        "WHERE written_at >= :first AND date(written_at) <= :last"
        ") GROUP BY day",
        {"first": first.isoformat(), "last": today.isoformat()},
    ).fetchall()
    for day_text, count in rows:
        day = date.fromisoformat(str(day_text)[:10])
        monday = day - timedelta(days=day.weekday())
        counts[monday] = counts.get(monday, 0) + int(count)
    outcomes = {key: 0 for key in ("fits", "doesnt_fit", "not_sure")}
    for outcome, count in db.execute_sql(
        "SELECT outcome, count(*) FROM conversation WHERE outcome != '' GROUP BY outcome"
    ).fetchall():
        outcomes[str(outcome)] = int(count)
    return Activity(
        weeks=tuple(
            (first + timedelta(weeks=index), counts.get(first + timedelta(weeks=index), 0))
            for index in range(weeks)
        ),
        outcomes=outcomes,
        giving=network.giving_back(),
    )
