"""The large notebook's Compass and conversations (see bench/large_notebook.py).

`compass_rows` gives three dated versions of the why, five target roles and the
goals a person keeps for years, so the window opens on Today as it does for
someone with 30,000 people. `plan_conversations` gives informational
interviews at every stage, with the dates each stage records, the questions
picked from the seeded bank and their answers, and, for those that reached
"met" or "thanked", the interactions the services log on those days
(`services.conversations.move_to_stage`); those are part of the interactions
the generator was asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from pathfinder.services.conversation_texts import SEED_QUESTIONS
from pathfinder.store.models import STAGES

# How far conversations got, in the order of STAGES; most are thanked or let go.
STAGE_WEIGHTS = (12, 10, 6, 5, 9, 43, 15)
OUTCOME_WEIGHTS = (("fits", 40), ("doesnt_fit", 25), ("not_sure", 35))
TARGET_ROLES = (
    ("UX Researcher", "Software", "fits"),
    ("Product Manager", "Software", "talking"),
    ("Learning Designer", "Education", "talking"),
    ("Data Analyst", "Public sector", "exploring"),
    ("Service Designer", "Healthcare", "doesnt_fit"),
)
WHYS = (
    (date(2021, 1, 10), "Nine years of teaching secondary maths", "Something with data"),
    (date(2022, 6, 4), "Teaching, and a year of evening courses", "UX research or product"),
    (date(2024, 9, 15), "Teaching, then a UX bootcamp", "UX research in a small product team"),
)
WHY_REASON = (
    "I love the moment a student finally sees why, and I want that feeling with the people "
    "who use what we build. I want work where listening is the job, and evenings that are mine."
)
# (title, kind, period, target)
GOALS = (
    ("Two informational interviews a week", "interviews", "week", 2),
    ("Write in the journal three times a week", "journal", "week", 3),
    ("Meet ten new people a month", "new_people", "month", 10),
    ("Give back once a week", "given", "week", 1),
    ("Find a mentor", "mentor", "total", 1),
    ("Land a UX research role", "job", "total", None),
)
NEXT_STEPS = (
    "Send the portfolio link they asked for",
    "Ask about the opening in the spring",
    "Read the two books they suggested",
    "Follow up in a month",
    "Introduce myself to the person they named",
    "",
)
ANSWERS = (
    "They said the first year is mostly listening, and that teachers are good at it.",
    "Most of the week is interviews and synthesis; meetings are the rest.",
    "They would start with a small study of a real service, written up honestly.",
    "Hiring leans on portfolios that show the messy middle, not only the polished end.",
    "They named two people to talk to next and offered to introduce me.",
    "The hardest part was letting go of being the expert in the room.",
)


def _stamp(moment: datetime) -> str:
    return str(moment)


def compass_rows(last_day: date) -> dict[str, list[tuple[Any, ...]]]:
    """Rows for why_version, target_role and goal (without ids: they follow the order)."""
    whys = []
    for day, coming_from, going_to in WHYS:
        written = _stamp(datetime.combine(day, time(21, 5)))
        whys.append((written, written, coming_from, going_to, WHY_REASON))
    first = datetime.combine(WHYS[0][0], time(21, 30))
    job_due = (last_day + timedelta(days=180)).isoformat()  # the job is still to come
    roles = [
        (title, industry, status, "", _stamp(first), _stamp(first))
        for title, industry, status in TARGET_ROLES
    ]
    added = _stamp(first)
    goals = [
        (title, kind, period, target, None, job_due if kind == "job" else None, "", added, added)
        for title, kind, period, target in GOALS
    ]
    return {"why": whys, "roles": roles, "goals": goals}


def question_rows(created: datetime) -> list[tuple[str, str, int, str]]:
    """The question bank as `services.questions` seeds it the first time it is opened."""
    return [(category, text, 0, _stamp(created)) for category, text in SEED_QUESTIONS]


@dataclass
class Talks:
    """Conversations and what hangs on them. A conversation's met_interaction_id and
    thanked_interaction_id are None here; `links[i]` says which entry of `interactions`
    each becomes, once the generator has numbered the interactions."""

    conversations: list[list[Any]] = field(default_factory=list)
    questions: list[tuple[int, int | None, str, str, int]] = field(default_factory=list)
    # (person id, day, kind name, summary, logged at)
    interactions: list[tuple[int, date, str, str, datetime]] = field(default_factory=list)
    # (conversation index, "met" or "thanked", index in `interactions`)
    links: list[tuple[int, str, int]] = field(default_factory=list)


# Columns of the conversation rows, as written (the model's order, id first).
CONVERSATION_COLUMNS = [
    *("id", "contact", "target_role", "stage"),
    *("requested_on", "scheduled_for", "met_on", "thanked_on"),
    *("research_notes", "meeting_notes", "outcome", "next_step", "led_to_opportunity"),
    *("met_interaction", "thanked_interaction", "created_at", "updated_at"),
]


def plan_conversations(
    gen: Any,  # large_notebook._Generator: its random and paragraph()
    created: Sequence[datetime],
    count: int,
    last_day: date,
    *,
    target_roles: int,
    bank: int,
) -> Talks:
    """`count` conversations with people added before them (`created[i]` is when person
    i + 1 was added), spread over the years before `last_day`."""
    rnd = gen.random
    talks = Talks()
    people = len(created)
    for index in range(count):
        person = rnd.randint(1, people)
        added = created[person - 1]
        stage = rnd.choices(STAGES, weights=STAGE_WEIGHTS)[0]
        level = STAGES.index(stage)
        # Dates go forward from when the idea was noted; each step takes days to weeks.
        start = added + timedelta(days=rnd.randint(0, 120), minutes=rnd.randint(0, 600))
        latest = datetime.combine(last_day, time(20)) - timedelta(days=60)
        if start > latest:
            start = max(added, latest - timedelta(days=rnd.randint(0, 30)))
        requested = scheduled = met = thanked = None
        day = start.date()
        if level >= 1:
            day = requested = min(day + timedelta(days=rnd.randint(0, 14)), last_day)
        if 2 <= level <= 3:
            # Still to come, or coming soon.
            scheduled = last_day + timedelta(days=rnd.randint(-5, 30))
        elif level >= 4 and stage != "closed":
            day = scheduled = day + timedelta(days=rnd.randint(3, 21))
        if stage in ("met", "thanked") or (stage == "closed" and rnd.random() < 0.6):
            met = min(day + timedelta(days=rnd.randint(0, 7)), last_day)
            if stage == "met":
                met = last_day - timedelta(days=rnd.randint(0, 20))
                met = max(met, requested or met)
        if stage == "thanked" or (stage == "closed" and met is not None and rnd.random() < 0.8):
            assert met is not None
            thanked = min(met + timedelta(days=rnd.randint(0, 3)), last_day)
        updated = max(
            [start] + [datetime.combine(d, time(19)) for d in (requested, met, thanked) if d]
        )
        research = ""
        if level >= 3 or rnd.random() < 0.3:
            research = gen.paragraph()
        meeting = outcome = next_step = ""
        led = 0
        if met is not None:
            meeting = "\n\n".join(gen.paragraph() for _ in range(rnd.randint(1, 3)))
            outcome = rnd.choices(
                [name for name, _w in OUTCOME_WEIGHTS], weights=[w for _n, w in OUTCOME_WEIGHTS]
            )[0]
            next_step = rnd.choice(NEXT_STEPS)
            led = int(rnd.random() < 0.08)
        role = rnd.randint(1, target_roles) if target_roles and rnd.random() < 0.7 else None
        talks.conversations.append(
            [
                index + 1,
                person,
                role,
                stage,
                requested.isoformat() if requested else None,
                scheduled.isoformat() if scheduled else None,
                met.isoformat() if met else None,
                thanked.isoformat() if thanked else None,
                research,
                meeting,
                outcome,
                next_step,
                led,
                None,
                None,
                _stamp(start),
                _stamp(updated),
            ]
        )
        for which, on, kind, summary in (
            ("met", met, "informational interview", "Informational interview"),
            ("thanked", thanked, "thank-you", "Thank-you sent"),
        ):
            if on is not None:
                logged = datetime.combine(on, time(18)) + timedelta(minutes=rnd.randint(0, 240))
                talks.links.append((index, which, len(talks.interactions)))
                talks.interactions.append((person, on, kind, summary, logged))
        if level >= 3 and bank:
            for position, question in enumerate(sorted(rnd.sample(range(1, bank + 1), 4))):
                answer = rnd.choice(ANSWERS) if met is not None else ""
                text = SEED_QUESTIONS[question - 1][1]
                talks.questions.append((index + 1, question, text, answer, position))
    return talks
