""" "Share my goals": a short message for friends and family, in plain text to copy.

Most people want to help and don't know how; a few lines saying where the person
is heading, what they are looking at and what would help make that easy.
"""

from __future__ import annotations

from pathfinder.services.settings import SHARE_HELP, get_setting
from pathfinder.services.why import current_why
from pathfinder.store.models import TargetRole

DEFAULT_HELP = (
    "If you know someone who works in one of these areas, I'd be grateful for an "
    "introduction. I'm only asking for twenty minutes of their time to learn about "
    "their work, not for a job."
)


def roles_to_share() -> list[str]:
    """The roles still being considered (exploring, talking, or found to fit)."""
    query = (
        TargetRole.select(TargetRole.title, TargetRole.industry)
        .where(TargetRole.status != "doesnt_fit")
        .order_by(TargetRole.status == "exploring", TargetRole.created_at, TargetRole.id)
    )
    roles = []
    for role in query:
        title = " ".join(role.title.split())
        industry = " ".join(role.industry.split())
        roles.append(f"{title} ({industry})" if industry else title)
    return roles


def share_text(help_text: str | None = None) -> str:
    """The message, ready to paste into an email or a chat; `help_text` is the person's
    "how you can help" (the saved one when None)."""
    why = current_why()
    paragraphs = ["Hello! I'm changing careers, and I'd love your help."]
    if why is not None:
        parts = [
            f"{label}: {' '.join(text.split())}"
            for label, text in (
                ("Where I'm coming from", why.coming_from),
                ("Where I'm heading", why.going_to),
                ("Why", why.reason),
            )
            if text.strip()
        ]
        if parts:
            paragraphs.append("\n".join(parts))
    roles = roles_to_share()
    if roles:
        listed = "\n".join(f"- {role}" for role in roles)
        paragraphs.append(f"The roles I'm looking into:\n{listed}")
    if help_text is None:
        help_text = get_setting(SHARE_HELP)
    help_text = help_text.strip() or DEFAULT_HELP
    paragraphs.append(f"How you can help: {help_text}")
    paragraphs.append("Thank you!")
    return "\n\n".join(paragraphs) + "\n"
