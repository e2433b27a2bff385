"""Checks on what the user typed, with messages shown under the field."""

from __future__ import annotations

from datetime import date

# A why is a few paragraphs; notes may be long, but not a pasted book.
SHORT_TEXT_LIMIT = 300
LONG_TEXT_LIMIT = 100_000
TARGET_NUMBER_LIMIT = 100_000


class ValidationError(ValueError):
    """Input the user can fix; `field` names the form field, `message` says how."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def clean_text(field: str, value: str, *, limit: int, required: str | None = None) -> str:
    """Trim surrounding blanks and check length; `required` is the message when empty."""
    text = value.strip()
    if required and not text:
        raise ValidationError(field, required)
    if len(text) > limit:
        raise ValidationError(
            field,
            f"This is {len(text):,} characters; it can hold up to {limit:,}. "
            "Nothing was saved yet, and your text is still here to shorten.",
        )
    return text


def clean_target_number(field: str, value: int | None) -> int | None:
    if value is None:
        return None
    if not 1 <= value <= TARGET_NUMBER_LIMIT:
        raise ValidationError(field, f"Use a number from 1 to {TARGET_NUMBER_LIMIT:,}, or none.")
    return value


def clean_due_date(field: str, value: date | None) -> date | None:
    if value is None:
        return None
    if not 1900 <= value.year <= 2200:
        raise ValidationError(field, "That date is out of range; pick one between 1900 and 2200.")
    return value


def clean_choice(field: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValidationError(field, f"Choose one of: {', '.join(allowed)}.")
    return value
