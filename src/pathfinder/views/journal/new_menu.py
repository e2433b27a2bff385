"""The "New entry" menu: a blank entry, one from a prompt (or a whole set as headings), or
one from a template."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu

from pathfinder.services import journal_drafts, journal_prompts
from pathfinder.services.journal_drafts import EntryDraft


def fill_new_menu(menu: QMenu, start: Callable[..., None]) -> None:
    """Fill `menu` (again); each action calls `start(draft)`, or `start()` for a blank one."""
    menu.clear()
    menu.addAction("&Blank entry", lambda: start())
    prompts_menu = menu.addMenu("From a &prompt")
    for prompt_set in journal_prompts.prompt_sets():
        submenu = prompts_menu.addMenu(prompt_set.label)
        submenu.setToolTipsVisible(True)
        every = submenu.addAction(
            "All of them, as headings",
            lambda s=prompt_set: start(
                journal_drafts.draft_from_prompts([p.text for p in s.prompts], s.label)
            ),
        )
        every.setToolTip(prompt_set.when)
        submenu.addSeparator()
        for prompt in prompt_set.prompts:
            submenu.addAction(
                prompt.text.replace("&", "&&"),
                lambda p=prompt.text: start(journal_drafts.draft_from_prompt(p)),
            )
    templates_menu = menu.addMenu("From a &template")
    for template in journal_prompts.templates():
        templates_menu.addAction(
            template.name.replace("&", "&&"),
            lambda t=template: start(EntryDraft(title=t.name, body=t.body)),
        )
