"""The mentor report on a fixed notebook: each section, the period's edges, the naming of
people, and what must never appear (private notes, unshared entries, raw HTML)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from pathfinder.paths import Paths
from pathfinder.services import (
    conversations,
    followups,
    goals,
    interactions,
    journal,
    people,
    people_bulk,
    roles,
)
from pathfinder.services.report import SECTIONS, ReportOptions, gather, role_description
from pathfinder.services.report_html import render_html
from pathfinder.services.report_markdown import block, inline, render, shared_summary
from pathfinder.services.report_output import make_report
from pathfinder.services.why import save_why

TODAY = date(2026, 3, 20)
START, END = date(2026, 3, 1), date(2026, 3, 14)
CANARY = "CANARY-private-7f3a"


def at(day: date, hour: int = 20) -> datetime:
    return datetime(day.year, day.month, day.day, hour)


@pytest.fixture
def story(notebook: Paths) -> dict[str, int]:
    """Two weeks of work, with private text planted wherever the person keeps it."""
    early = date(2026, 1, 10)
    save_why("Teaching", "Research", "I like questions", now=at(early))
    save_why(
        "Teaching chemistry", "UX research", "I like finding out why", now=at(date(2026, 3, 5))
    )
    role = roles.add_role("UX researcher", "Education technology", now=at(early))
    goals.add_goal("Ten conversations", "interviews", 10, date(2026, 6, 1), "", now=at(early))
    ana = people.add_person(
        "Ana Ruiz",
        now=at(date(2026, 3, 2)),
        organisation="Acme Health",
        title="Product manager",
        level=2,
        source="event",
        notes=f"Her kids are called {CANARY}",
    )
    ben = people.add_person(
        "Ben Ode", now=at(early), organisation="Borealis", title="CTO", source="online"
    )
    late = people.add_person("Cleo Late", now=at(date(2026, 3, 15)), organisation="Acme Health")
    talk = conversations.start_conversation(ana.id, role.id, now=at(date(2026, 3, 3)))
    conversations.move_to_stage(talk.id, "met", today=date(2026, 3, 6), now=at(date(2026, 3, 6)))
    conversations.update_conversation(
        talk.id,
        now=at(date(2026, 3, 6)),
        research_notes=f"Research {CANARY}",
        meeting_notes="Ana Ruiz said diary studies matter most.",
        outcome="fits",
        next_step="Send Ana the article",
    )
    gave = next(kind for kind in interactions.kinds() if kind.counts_as == "gave")
    interactions.log_interaction(
        ben.id,
        gave.id,
        on=date(2026, 3, 8),
        summary="An article on diary studies",
        notes=f"Interaction {CANARY}",
        now=at(date(2026, 3, 8)),
    )
    done = followups.add_follow_up(ben.id, date(2026, 3, 4), "Say thanks", now=at(early))
    followups.mark_done(done.id, date(2026, 3, 5))
    followups.add_follow_up(ana.id, date(2026, 3, 10), "Ask about Borealis", now=at(early))
    followups.add_follow_up(ben.id, date(2026, 3, 20), "Coffee", now=at(early))
    journal.add_entry(
        at(date(2026, 3, 7)),
        title="After meeting Ana",
        body="Ana Ruiz was generous.\n\n# What I learned\n\nListen more.",
        mood=4,
        confidence=3,
        shared=True,
        tags=["interviews"],
        links=[("person", ana.id)],
    )
    journal.add_entry(at(date(2026, 3, 9)), title="Private", body=f"Doubts {CANARY}")
    journal.add_entry(at(date(2026, 3, 15)), title="Too late", body="After the period", shared=True)
    journal.add_entry(at(START, 0), title="First minute", body="On the first day", shared=True)
    return {"ana": ana.id, "ben": ben.id, "late": late.id}


def report(**options: object) -> str:
    return render(gather(ReportOptions(start=START, end=END, **options), TODAY))  # type: ignore[arg-type]


def test_every_section_shows_what_happened_in_the_period(story: dict[str, int]) -> None:
    text = report(questions="Should I learn SQL?", next_steps="Book two more calls")
    assert text.startswith("# Progress report: 1 – 14 March 2026\n")
    # why: now and before
    assert "**Going to:** UX research" in text
    assert "Before (10 January 2026):" in text and "> Going to: Research" in text
    # goals
    assert "| Ten conversations | 1 of 10" in text
    # conversations: stage, role, outcome, what was learned, next step
    assert "### Ana (Acme Health), about UX researcher" in text
    assert "- Stage: Met (met on 6 March)" in text
    assert "- Outcome: Fits me" in text
    assert "> Ana Ruiz said diary studies matter most." in text
    assert "- Next step: Send Ana the article" in text
    # new people by level and source: Ana only (Cleo came after the period)
    assert "1 new person:" in text
    assert "- Knows me (1)\n    - Ana (Acme Health)" in text
    assert "Where they came from: Event 1." in text
    assert "Cleo" not in text
    # follow-ups done and overdue (the one due after the period is not overdue)
    assert "- Done (1)\n    - Ben (Borealis): Say thanks (done 5 March)" in text
    assert "- Overdue (1)\n    - Ana (Acme Health): Ask about Borealis (due 10 March)" in text
    # given
    assert "- 8 March: " in text and "to Ben (Borealis) (An article on diary studies)" in text
    # shared journal entries in full, headings below the report's own
    assert "### After meeting Ana" in text
    assert "*7 March 2026 · mood good (4/5) · confidence 3/5 · tags: interviews*" in text
    assert "#### What I learned\n\nListen more." in text
    assert "### First minute" in text  # midnight on the first day is inside
    assert "Too late" not in text
    # the person's own texts
    assert "## Questions for my mentor\n\nShould I learn SQL?" in text
    assert "Book two more calls" in text
    assert "Follow up with Ben (Borealis) by 20 March: Coffee" in text


def test_private_text_never_appears_in_any_format(story: dict[str, int]) -> None:
    for anonymise in (False, True):
        made = make_report(ReportOptions(start=START, end=END, anonymise=anonymise), TODAY)
        assert CANARY not in made.markdown
        assert CANARY not in made.html()
        assert "Private" not in made.markdown  # the unshared entry's title


def test_anonymised_people_are_described_by_their_role(story: dict[str, int]) -> None:
    text = report(anonymise=True)
    assert "Ana" not in text and "Ruiz" not in text and "Ben" not in text
    assert "### a product manager at Acme Health, about UX researcher" in text
    assert "> a product manager at Acme Health said diary studies matter most." in text
    assert "to a CTO at Borealis" in text


def test_role_descriptions_read_naturally() -> None:
    assert role_description("Product manager", "Acme") == "a product manager at Acme"
    assert role_description("Engineer", "") == "an engineer"
    assert role_description("UX researcher", "Acme") == "a UX researcher at Acme"
    assert role_description("MBA student", "") == "an MBA student"
    assert role_description("", "Acme") == "someone at Acme"
    assert role_description("", "") == "a contact"


def test_sections_can_be_left_out(story: dict[str, int]) -> None:
    text = report(sections=frozenset(SECTIONS) - {"journal", "why"})
    assert "After meeting Ana" not in text and "Going to" not in text
    assert "## Conversations" in text
    only = report(sections=frozenset({"goals"}))
    assert only.count("## ") == 1


def test_front_matter_is_off_by_default_and_valid_yaml_when_on(story: dict[str, int]) -> None:
    assert not report().startswith("---")
    text = report(front_matter=True)
    head = text.split("\n---\n", 1)[0]
    assert head.startswith('---\ntitle: "Progress report: 1 – 14 March 2026"\n')
    assert "period_start: 2026-03-01\nperiod_end: 2026-03-14\nwritten: 2026-03-20" in head


def test_the_summary_says_what_is_shared_and_what_is_left_out(story: dict[str, int]) -> None:
    shared, left_out = shared_summary(gather(ReportOptions(start=START, end=END), TODAY))
    assert "1 conversation, with your meeting notes from 1" in shared
    assert any(line.startswith("2 journal entries in full: “First minute”") for line in shared)
    assert "1 journal entry of this period not marked for your mentor" in left_out
    assert "Your notes on people and organisations" in left_out


def test_an_empty_notebook_makes_a_short_honest_report(notebook: Paths) -> None:
    text = report()
    assert "I haven't written down my why yet." in text
    assert "No conversations in this period." in text
    assert "No new people in this period." in text
    assert "## Questions for my mentor" not in text  # nothing typed, no empty heading


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD4=)",
    "<!-- hidden -->",
    "```\nunclosed fence",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_cannot_inject_html(notebook: Paths, hostile: str) -> None:
    person = people.add_person(f"Eve {hostile}", now=at(START), organisation=f"Org {hostile}")
    journal.add_entry(
        at(START, 9),
        title=f"T {hostile}",
        body=f"Body {hostile}",
        shared=True,
        links=[("person", person.id)],
    )
    made = make_report(ReportOptions(start=START, end=END, questions=f"Q {hostile}"), TODAY)
    lowered = made.markdown.lower()
    assert not re.search(r"<[a-z!/]", lowered)  # nothing that could open a tag
    assert not re.search(r"(?<!\\)\]\((javascript|data):", lowered)
    page = made.html().lower()
    assert "<script" not in page and "<img" not in page and "<!--" not in page
    assert 'href="javascript' not in page and 'href="data' not in page
    # An unclosed code fence in an entry can't swallow the rest of the report.
    assert "## Questions for my mentor" in made.markdown


def test_inline_and_block_escaping() -> None:
    assert inline("*Ana* [x] <b> & Co &amp;") == r"\*Ana\* \[x\] &lt;b\> & Co &amp;amp;"
    assert inline("two\nlines") == "two lines"
    assert block("a <b>bold</b> < 5") == "a &lt;b>bold&lt;/b> < 5"
    # Fenced code becomes indented code: literal everywhere, with no fence to mis-pair.
    assert block("# Top\n```\n# not a heading <b>\n```") == "#### Top\n\n    # not a heading &lt;b>"
    assert block("###### deep") == "###### deep"


def test_html_is_standalone_and_fetches_nothing(story: dict[str, int]) -> None:
    page = render_html(report(), "Progress report")
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page and "<title>Progress report</title>" in page
    assert "<link" not in page and "src=" not in page and "@import" not in page
    assert "<h2>Conversations</h2>" in page


def test_a_ninety_day_period_lists_at_most_forty_names_a_level(notebook: Paths) -> None:
    for number in range(45):
        people.add_person(f"Person {number}", now=at(START + timedelta(days=number % 10)))
    text = report()
    assert "45 new people:" in text
    assert "- New contact (45)" in text and "    - and 5 more" in text


# Each of these once slipped raw HTML, a live link or a top-level heading past a renderer.
STRUCTURE_BREAKERS = [
    "``` `x`\n<img src=x onerror=alert(1)>\n```",  # not a fence in CommonMark
    "```\n<div onclick=alert(1)>hi</div>\n```",  # Python-Markdown knows no fences
    "~~~\n<script>alert(1)</script>\n~~~",
    "```\nnpm install\n```bash\nThat's it.",  # a closing fence can't have an info string
    "[c][1]\n\n[1]: javascript:alert(1)",
    "[x](\njavascript:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](&#32;javascript:alert(1))",
    "Title\n===",
    "Subtitle\n---",
    "- item\n```\n<b>x</b>\n```",
]


def _renderings(text: str) -> list[str]:
    import markdown
    from markdown_it import MarkdownIt

    return [
        MarkdownIt("commonmark").render(text),
        markdown.markdown(text),
        markdown.markdown(text, extensions=["fenced_code", "tables"]),
    ]


@pytest.mark.parametrize("body", STRUCTURE_BREAKERS)
def test_no_renderer_finds_html_links_or_headings_in_the_persons_text(
    notebook: Paths, body: str
) -> None:
    journal.add_entry(at(START, 9), title="Entry", body=body, shared=True)
    journal.add_entry(at(START, 10), title="Next", body="After it", shared=True)
    options = ReportOptions(start=START, end=END, questions=body, next_steps="Keep going")
    markdown_text = make_report(options, TODAY).markdown
    sections = markdown_text.count("\n## ")
    for page in _renderings(markdown_text):
        lowered = page.lower()
        for tag in ("<img", "<script", "<div", "<b>x"):
            assert tag not in lowered
        assert 'href="javascript' not in lowered and 'href="&#32;' not in lowered
        assert lowered.count("<h1") == 1  # the report's own title, nothing else
        assert lowered.count("<h2") == sections  # no section swallowed, none added
        assert "<h3>next</h3>" in lowered  # the entry after it is still an entry


def test_anonymising_hides_names_wherever_they_are_written(notebook: Paths) -> None:
    ana = people.add_person("Ana Ruiz", now=at(START), organisation="Acme", title="Designer")
    people.add_person("Bo Lind", now=at(date(2026, 1, 1)), organisation="Borealis", title="CTO")
    followups.add_follow_up(ana.id, date(2026, 3, 10), "Send Ana my CV", now=at(START))
    talk = conversations.start_conversation(ana.id, now=at(START))
    journal.add_entry(
        at(START, 9),
        title="Coffee with ANA",
        body="Met ana ruiz. Ms Ruiz knows Bo Lind well. Ruth came too.",
        shared=True,
        tags=["ana"],
        links=[("conversation", talk.id)],  # linked through the conversation, not the person
    )
    text = report(anonymise=True, questions="Should I ask Bo Lind for an intro?")
    lowered = text.lower()
    assert "ana" not in lowered.replace("banana", "") and "ruiz" not in lowered
    assert "bo lind" not in lowered
    assert "a designer at Acme: Send a designer at Acme my CV" in text
    assert "Met a designer at Acme. Ms a designer at Acme knows a CTO at Borealis well." in text
    assert "Ruth came too." in text  # a first name alone of someone unknown stays


def test_archived_people_stay_out_of_the_lists(notebook: Paths) -> None:
    gone = people.add_person("Gone Person", now=at(START))
    followups.add_follow_up(gone.id, date(2026, 3, 3), "Old thread", now=at(START))
    people_bulk.set_archived([gone.id], True, now=at(START))
    text = report()
    assert "Gone" not in text and "Old thread" not in text


def test_typing_a_question_reuses_what_was_gathered(story: dict[str, int]) -> None:
    first = make_report(ReportOptions(start=START, end=END), TODAY)
    again = make_report(ReportOptions(start=START, end=END, questions="Why?"), TODAY, first)
    assert again.data.conversations is first.data.conversations  # not read again
    assert "## Questions for my mentor\n\nWhy?" in again.markdown
    other = make_report(ReportOptions(start=START, end=TODAY), TODAY, first)
    assert other.data.conversations is not first.data.conversations
