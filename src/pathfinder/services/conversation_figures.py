"""Figures about the conversations, for Compass, Today and the Conversations header."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pathfinder.services.conversations import OUTCOME_LABELS, list_conversations
from pathfinder.store.models import ConversationIntroduction


def month_start(day: date) -> date:
    return day.replace(day=1)


def previous_month(day: date) -> date:
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


@dataclass(frozen=True)
class ConversationFigures:
    per_month: tuple[tuple[date, int], ...]  # (first of the month, conversations met)
    outcomes: dict[str, int]
    introductions: int
    total_met: int
    opportunities: int = 0


def figures(today: date, months: int = 6) -> ConversationFigures:
    """Conversations met per month (the last `months`), outcomes, and introductions gained."""
    starts = [month_start(today)]
    while len(starts) < months:
        starts.append(previous_month(starts[-1]))
    starts.reverse()
    everything = list_conversations()
    met = [c for c in everything if c.met_on is not None]
    per_month = tuple(
        (start, sum(1 for c in met if c.met_on is not None and month_start(c.met_on) == start))
        for start in starts
    )
    outcomes = {key: 0 for key in OUTCOME_LABELS if key}
    for conversation in everything:
        if conversation.outcome:
            outcomes[conversation.outcome] += 1
    introductions = ConversationIntroduction.select().count()
    opportunities = sum(1 for conversation in everything if conversation.led_to_opportunity)
    return ConversationFigures(per_month, outcomes, int(introductions), len(met), opportunities)
