"""The mentor report's sections, by the names the command line and the window use.

Kept apart (no imports) so the command line can name them before anything else loads.
"""

from __future__ import annotations

SECTIONS = (
    "why",
    "goals",
    "conversations",
    "people",
    "follow-ups",
    "given",
    "journal",
    "questions",
    "next-steps",
)
SECTION_LABELS = {
    "why": "My why, and how it changed",
    "goals": "Goals and progress",
    "conversations": "Conversations",
    "people": "New people",
    "follow-ups": "Follow-ups done and overdue",
    "given": "What I gave",
    "journal": "Journal entries marked for my mentor",
    "questions": "Questions for my mentor",
    "next-steps": "Next steps",
}
