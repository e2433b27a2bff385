"""Open follow-ups as an iCalendar file (RFC 5545), for the person's calendar app.

Each open follow-up becomes one all-day VEVENT on its due day (DTEND the day
after, as the RFC has it for a one-day event), marked free rather than busy,
titled "Follow up with <name>: <reason>", with a VALARM that shows a reminder at
9:00 that day. Events, not VTODOs: calendar apps show events everywhere, while
to-dos are shown by few and synchronised by fewer.

Each event's UID comes from the follow-up's id and the notebook's salt (see
`export_vcard.stable_uid`), so exporting again gives the same UIDs, and a calendar
that receives the file again updates its events (the later DTSTAMP wins) instead
of adding them twice.

Left out: follow-ups marked done (the calendar is for what is still to do; one
imported earlier stays in the calendar until deleted there), and those of
archived people, as on Today. Overdue follow-ups stay on the day they were due.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from pathfinder.services.export_vcard import PRODID, stable_uid, uid_salt
from pathfinder.services.followups import FollowUpRecord
from pathfinder.store.models import Contact, FollowUp

UID_DOMAIN = "pathfinder.local"
REMIND_AT = timedelta(hours=9)  # after the start of the all-day event: 9:00 that day
CALENDAR_NAME = "Pathfinder follow-ups"
SUMMARY_REASON_LIMIT = 120  # characters of the reason in the title; all of it is in the notes

# Characters no iCalendar line may hold (icalendar escapes line ends itself).
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def open_follow_ups() -> list[FollowUpRecord]:
    """Follow-ups not done, of people not archived, soonest first."""
    query = (
        FollowUp.select(FollowUp, Contact.name)
        .join(Contact)
        .where(FollowUp.done_on.is_null() & ~Contact.archived)
        .order_by(FollowUp.due_on, FollowUp.id)
    )
    return [
        FollowUpRecord(row.id, row.contact_id, row.contact.name, row.due_on, row.reason, None)
        for row in query
    ]


def follow_up_uid(follow_up_id: int, salt: str | None = None) -> str:
    return f"{stable_uid('follow-up', follow_up_id, salt)}@{UID_DOMAIN}"


def summary(follow_up: FollowUpRecord) -> str:
    """'Follow up with Ana Ruiz: ask about the data team' (the reason on one line)."""
    title = f"Follow up with {' '.join(follow_up.person_name.split())}"
    reason = " ".join(follow_up.reason.split())
    if len(reason) > SUMMARY_REASON_LIMIT:
        reason = reason[: SUMMARY_REASON_LIMIT - 1].rstrip() + "…"
    return f"{title}: {reason}" if reason else title


def _clean(text: str) -> str:
    return _CONTROL_CHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def follow_up_event(follow_up: FollowUpRecord, salt: str, stamp: datetime) -> Event:
    """The all-day event, with its reminder, for one follow-up."""
    title = _clean(summary(follow_up))
    event = Event()
    event.add("uid", follow_up_uid(follow_up.id, salt))
    event.add("dtstamp", stamp)
    event.add("dtstart", follow_up.due_on)  # a date: VALUE=DATE, an all-day event
    event.add("dtend", follow_up.due_on + timedelta(days=1))
    event.add("summary", title)
    if follow_up.reason.strip():
        event.add("description", _clean(follow_up.reason.strip()))
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", REMIND_AT)  # relative to the start: midnight of the due day
    event.add_component(alarm)
    return event


def follow_ups_calendar(now: datetime | None = None) -> Calendar:
    """The calendar of every open follow-up (see the module's docstring for which)."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    follow_ups = open_follow_ups()
    salt = uid_salt() if follow_ups else ""
    for follow_up in follow_ups:
        calendar.add_component(follow_up_event(follow_up, salt, stamp))
    return calendar


def ics_bytes(now: datetime | None = None) -> bytes:
    """The .ics file's bytes: UTF-8, CRLF, folded at 75 octets (by icalendar)."""
    return follow_ups_calendar(now).to_ical()
