"""Small texts kept by key in the notebook (so they travel with it, in backups and archives).

Keys are fixed names in the code; values are the person's text, bounded in length.
"""

from __future__ import annotations

from pathfinder.store.database import write_transaction
from pathfinder.store.models import Setting

VALUE_LIMIT = 100_000

REPORT_QUESTIONS = "report.questions"
REPORT_NEXT_STEPS = "report.next_steps"
SHARE_HELP = "share.help"


def get_setting(key: str, default: str = "") -> str:
    row = Setting.get_or_none(Setting.key == key)
    return str(row.value) if row is not None else default


def set_setting(key: str, value: str) -> None:
    """Keep `value` under `key` (at most VALUE_LIMIT characters; the rest is cut)."""
    with write_transaction():
        Setting.insert(key=key, value=value[:VALUE_LIMIT]).on_conflict_replace().execute()
