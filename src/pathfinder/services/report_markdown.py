"""The mentor report as Markdown that also reads well as plain text in an email.

CommonMark-friendly: a blank line around every block, nested lists indented by
four spaces, one table (the goals) where columns help. Text the person typed
can't smuggle HTML into whatever renders the report: names and other one-line
fields are escaped as literal text, and in longer Markdown (journal entries,
meeting notes, questions) anything that could open an HTML tag is written as an
entity, unsafe link targets are defused, and headings move below the report's
own so an entry can't break the report's outline.
"""

from __future__ import annotations

import html
import json
import re

from pathfinder.services.contact_fields import LEVEL_LABELS
from pathfinder.services.goals import Progress
from pathfinder.services.report import (
    ReportData,
    day_month,
    long_date,
    period_words,
)
from pathfinder.services.report_sections import SECTION_LABELS
from pathfinder.services.why import Why

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]>|~])")
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^( {0,3}\[)([^\]\n]+\]:[ \t]*\n?[ \t]*<?)(\S*)", re.MULTILINE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")
SAFE_TARGETS = ("http://", "https://", "mailto:", "#")
MOODS = {1: "very low", 2: "low", 3: "steady", 4: "good", 5: "very good"}


def inline(text: str) -> str:
    """One line of the person's text shown literally (no formatting, no HTML)."""
    flat = _ENTITY.sub("&amp;", " ".join(text.split()))
    # "<" becomes an entity rather than "\<": not every Markdown reads "\<" as a plain "<".
    return _TAG_START.sub("&lt;", _INLINE_SPECIAL.sub(r"\\\1", flat))


def block(text: str, heading_floor: int = 4) -> str:
    """The person's Markdown kept as Markdown, but with no way to reach raw HTML or an
    unsafe link, and unable to break the report's outline: headings are pushed down to
    at least `heading_floor`, a line of = or - can't turn the text above it into a
    heading, and fenced code becomes indented code (no fence left to pair wrongly)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # The text's own top heading level becomes `heading_floor`, whatever it started at.
    levels = [len(m.group(2)) for line in lines if (m := _HEADING.match(line))]
    shift = max(0, heading_floor - min(levels)) if levels else 0
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = _TAG_START.sub("&lt;", lines[index])
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)
            closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
            index += 1
            code: list[str] = []
            while index < len(lines) and not closing.match(lines[index]):
                code.append(_TAG_START.sub("&lt;", lines[index]))
                index += 1
            index += 1  # the closing fence (or the end of the text)
            if out and out[-1].strip():
                out.append("")
            out.extend(f"    {row}" if row.strip() else "" for row in code)
            out.append("")
            continue
        if _UNDERLINE.match(line) and out and out[-1].strip():
            out.append("")  # keeps "Title" over "===" a paragraph, not a top-level heading
        out.append(_HEADING.sub(lambda m: m.group(1) + "#" * min(6, len(m.group(2)) + shift), line))
        index += 1
    return _defuse_links("\n".join(out)).strip("\n")


def _safe_target(target: str) -> bool:
    decoded = "".join(ch for ch in html.unescape(target).lower() if ch > " ")
    return decoded.startswith(SAFE_TARGETS) or not _SCHEME.match(decoded)


def _defuse_links(text: str) -> str:
    """Links and link definitions whose target isn't http(s), mailto or relative stop
    being links (the bracket is escaped), however the target is spelled."""
    text = _LINK.sub(
        lambda m: m.group(0) if _safe_target(m.group(1)) else "]\\(" + m.group(0)[2:], text
    )
    return _REFERENCE.sub(
        lambda m: m.group(0) if _safe_target(m.group(3)) else "\\" + m.group(0).lstrip(), text
    )


def quoted(text: str) -> str:
    """`text` as a Markdown block quote (reads like a quoted email in plain text)."""
    return "\n".join(f"> {line}".rstrip() for line in block(text).split("\n"))


def render(data: ReportData) -> str:
    """The whole report as Markdown, ending in one newline."""
    options = data.options
    parts: list[str] = []
    title = f"Progress report: {period_words(options.start, options.end)}"
    if options.front_matter:
        parts.append(
            "---\n"
            f"title: {json.dumps(title, ensure_ascii=False)}\n"
            f"period_start: {options.start.isoformat()}\n"
            f"period_end: {options.end.isoformat()}\n"
            f"written: {data.written_on.isoformat()}\n"
            "---"
        )
    parts.append(f"# {title}")
    parts.append(f"*Written on {long_date(data.written_on)} with Pathfinder.*")
    for section, writer in _WRITERS:
        if options.includes(section):
            text = writer(data)
            if text:
                parts.append(f"## {SECTION_LABELS[section]}\n\n{text}")
    return "\n\n".join(parts) + "\n"


def _why(data: ReportData) -> str:
    now = data.why_now
    if now is None:
        return "I haven't written down my why yet."
    parts = [_why_text(now)]
    if data.why_before is None:
        if now.written_at.date() >= data.options.start:
            parts.append(f"I wrote this on {long_date(now.written_at.date())}.")
        return "\n\n".join(parts)
    parts.append(
        f"### How it changed\n\nBefore ({long_date(data.why_before.written_at.date())}):\n\n"
        f"{quoted(_why_plain(data.why_before))}\n\n"
        f"Now ({long_date(now.written_at.date())}):\n\n{quoted(_why_plain(now))}"
    )
    return "\n\n".join(parts)


_WHY_PARTS = (("coming_from", "Coming from"), ("going_to", "Going to"), ("reason", "Why"))


def _why_text(why: Why) -> str:
    items = [
        f"- **{label}:** {inline(why.part(name))}" for name, label in _WHY_PARTS if why.part(name)
    ]
    return "\n".join(items) if items else "My why is still blank."


def _why_plain(why: Why) -> str:
    return (
        "\n\n".join(
            f"{label}: {' '.join(why.part(name).split())}"
            for name, label in _WHY_PARTS
            if why.part(name).strip()
        )
        or "(blank)"
    )


def _goals(data: ReportData) -> str:
    if not data.goals:
        return "No goals set yet."
    rows = ["| Goal | Progress | By |", "| --- | --- | --- |"]
    for progress in data.goals:
        rows.append(
            f"| {inline(data.names(progress.goal.title))} | {inline(progress.words)} "
            f"| {_due(progress)} |"
        )
    return "\n".join(rows)


def _due(progress: Progress) -> str:
    due = progress.goal.due_on
    return long_date(due) if due else ""


def _conversations(data: ReportData) -> str:
    if not data.conversations:
        return "No conversations in this period."
    anonymise = data.options.anonymise
    parts: list[str] = []
    for item in data.conversations:
        about = f", about {inline(item.role)}" if item.role else ""
        lines = [f"### {inline(item.person.label(anonymise))}{about}", ""]
        facts = [f"- Stage: {item.stage}"]
        if item.met_on:
            facts[0] += f" (met on {day_month(item.met_on)})"
        elif item.scheduled_for:
            facts[0] += f" (planned for {day_month(item.scheduled_for)})"
        if item.outcome:
            facts.append(f"- Outcome: {item.outcome}")
        if item.next_step.strip():
            next_step = data.names(item.next_step, (item.person,))
            facts.append(f"- Next step: {inline(next_step)}")
        lines.extend(facts)
        if item.learned.strip():
            learned = data.names(item.learned, (item.person,))
            lines.extend(["", "What I learned:", "", quoted(learned)])
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _people(data: ReportData) -> str:
    if not data.new_people_count:
        return "No new people in this period."
    anonymise = data.options.anonymise
    lines = [f"{data.new_people_count} new {_plural(data.new_people_count, 'person', 'people')}:"]
    lines.append("")
    for level, people in data.new_people.items():
        count = data.new_level_counts.get(level, len(people))
        lines.append(f"- {LEVEL_LABELS.get(level, str(level))} ({count})")
        for person in people:
            lines.append(f"    - {inline(person.label(anonymise))}")
        if count > len(people):
            lines.append(f"    - and {count - len(people)} more")
    sources = ", ".join(f"{inline(name)} {count}" for name, count in data.new_by_source)
    lines.extend(["", f"Where they came from: {sources}."])
    return "\n".join(lines)


def _follow_ups(data: ReportData) -> str:
    anonymise = data.options.anonymise
    lines: list[str] = []
    for heading, items, verb in (
        ("Done", data.follow_ups_done, "done"),
        ("Overdue", data.follow_ups_overdue, "due"),
    ):
        lines.append(f"- {heading} ({len(items)})" if items else f"- {heading}: none")
        for item in items:
            day = item.done_on if verb == "done" and item.done_on else item.due_on
            reason_text = data.names(item.reason, (item.person,))
            reason = f": {inline(reason_text)}" if reason_text.strip() else ""
            who = inline(item.person.label(anonymise))
            lines.append(f"    - {who}{reason} ({verb} {day_month(day)})")
    return "\n".join(lines)


def _given(data: ReportData) -> str:
    anonymise = data.options.anonymise
    if not data.given:
        text = "Nothing logged as given in this period."
    else:
        text = "\n".join(
            f"- {day_month(item.on)}: {inline(item.kind)} to "
            f"{inline(item.person.label(anonymise))}"
            + (
                f" ({inline(data.names(item.summary, (item.person,)))})"
                if item.summary.strip()
                else ""
            )
            for item in data.given
        )
    if data.received_count:
        text += (
            f"\n\nAnd {data.received_count} "
            f"{_plural(data.received_count, 'thing', 'things')} received."
        )
    return text


def _journal(data: ReportData) -> str:
    if not data.entries:
        return "No journal entries marked for you in this period."
    parts: list[str] = []
    for entry in data.entries:
        day = long_date(entry.written_at.date())
        title = inline(data.names(entry.title, entry.people))
        lines = [f"### {title}", "", f"*{day}*"] if title else [f"### {day}", "", "**"]
        feelings = []
        if entry.mood:
            feelings.append(f"mood {MOODS[entry.mood]} ({entry.mood}/5)")
        if entry.confidence:
            feelings.append(f"confidence {entry.confidence}/5")
        if entry.tags:
            tags = ", ".join(inline(data.names(tag, entry.people)) for tag in entry.tags)
            feelings.append(f"tags: {tags}")
        if feelings:
            said = " · ".join(feelings)
            if lines[-1] == "**":
                lines[-1] = f"*{said[0].upper()}{said[1:]}*"
            else:
                lines[-1] = f"{lines[-1][:-1]} · {said}*"
        if lines[-1] == "**":
            del lines[-2:]
        body = data.names(entry.body, entry.people)
        if body.strip():
            lines.extend(["", block(body)])
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _questions(data: ReportData) -> str:
    questions = data.names(data.options.questions)
    return block(questions) if questions.strip() else ""


def _next_steps(data: ReportData) -> str:
    parts: list[str] = []
    if data.options.next_steps.strip():
        parts.append(block(data.names(data.options.next_steps)))
    if data.next_steps_found:
        parts.append("\n".join(f"- {inline(step)}" for step in data.next_steps_found))
    return "\n\n".join(parts)


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


_WRITERS = (
    ("why", _why),
    ("goals", _goals),
    ("conversations", _conversations),
    ("people", _people),
    ("follow-ups", _follow_ups),
    ("given", _given),
    ("journal", _journal),
    ("questions", _questions),
    ("next-steps", _next_steps),
)


def shared_summary(data: ReportData) -> tuple[list[str], list[str]]:
    """What the report shares and what it leaves out, in short lines for the person."""
    options = data.options
    shared: list[str] = []
    if options.includes("why") and data.why_now is not None:
        changed = ", and how it changed" if data.why_before is not None else ""
        shared.append(f"Your why as it is now{changed}")
    if options.includes("goals") and data.goals:
        shared.append(_count(len(data.goals), "goal", "goals") + " with progress")
    if options.includes("conversations") and data.conversations:
        with_notes = sum(1 for item in data.conversations if item.learned.strip())
        notes = f", with your meeting notes from {with_notes}" if with_notes else ""
        shared.append(_count(len(data.conversations), "conversation", "conversations") + notes)
    if options.includes("people") and data.new_people_count:
        shared.append(_count(data.new_people_count, "new person", "new people"))
    if options.includes("follow-ups"):
        shared.append(
            _count(len(data.follow_ups_done), "follow-up", "follow-ups")
            + f" done, {len(data.follow_ups_overdue)} overdue"
        )
    if options.includes("given") and data.given:
        shared.append(_count(len(data.given), "thing you gave", "things you gave"))
    if options.includes("journal") and data.entries:
        shared.append(
            _count(len(data.entries), "journal entry", "journal entries")
            + " in full: "
            + ", ".join(
                f"“{entry.title or long_date(entry.written_at.date())}”"
                for entry in data.entries[:5]
            )
            + (" …" if len(data.entries) > 5 else "")
        )
    if options.includes("questions") and options.questions.strip():
        shared.append("Your questions")
    if options.includes("next-steps") and (options.next_steps.strip() or data.next_steps_found):
        shared.append("Your next steps")
    if options.anonymise:
        shared.append(
            "People described by their role, not by name. Full names are replaced "
            "everywhere, and first names for the person a conversation or entry is about; "
            "a first name alone of anyone else stays as you wrote it, so read the preview."
        )
    else:
        shared.append("People named by first name and organisation")
    left_out = ["Your notes on people and organisations", "Research notes", "Interaction notes"]
    if data.entries_kept_private:
        left_out.append(
            _count(data.entries_kept_private, "journal entry", "journal entries")
            + " of this period not marked for your mentor"
        )
    return shared, left_out


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {_plural(count, one, many)}"
