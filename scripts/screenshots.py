"""Render the README screenshots of each section from the demo notebook.

Usage: python scripts/screenshots.py OUTPUT_FOLDER [--dark]
Runs in a real window when QT_QPA_PLATFORM says so (`make screenshots` starts Xvfb),
otherwise offscreen; the demo notebook is built for a fixed day (TODAY) so the
pictures do not change from run to run, in a temporary folder that is thrown away.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from pathfinder.app import application
from pathfinder.demo import build_demo_notebook
from pathfinder.paths import Paths
from pathfinder.services import conversations, journal
from pathfinder.store.database import close_notebook, open_notebook
from pathfinder.views.compass.page import GOALS_TAB, HISTORY_TAB, ROLES_TAB, WHY_TAB
from pathfinder.views.journal.page import PROMPTS_TAB
from pathfinder.views.main_window import MainWindow

# The screenshots' clock: the demo is dated relative to it, and the window reads it.
TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 20, 0)


def dark_palette() -> QPalette:
    """Roughly what a dark desktop theme hands a Qt application."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1f1f1f"),
        (roles.AlternateBase, "#272727"),
        (roles.Text, "#e6e6e6"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.Highlight, "#3d7fc4"),
        (roles.HighlightedText, "#ffffff"),
        (roles.PlaceholderText, "#8c8c8c"),
        (roles.ToolTipBase, "#353535"),
        (roles.ToolTipText, "#e6e6e6"),
        (roles.Link, "#7fb4ef"),
        (roles.Mid, "#444444"),
        (roles.Dark, "#1a1a1a"),
        (roles.Light, "#4a4a4a"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("output", type=Path)
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    app = application()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    if args.dark:
        # The offscreen platform has no OS theme to follow; stand in for a dark desktop.
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    suffix = "-dark" if args.dark else ""
    with tempfile.TemporaryDirectory() as folder:
        paths = Paths(Path(folder))
        paths.ensure()
        open_notebook(paths.database, paths.backups_dir)
        build_demo_notebook(TODAY)
        window = MainWindow(paths, clock=lambda: NOW)
        window.remember_state = False
        window.resize(1200, 800)
        window.show()
        today_page = window.today_page
        window.show_section(0)
        _shoot(
            window,
            (
                ("today", lambda: today_page.tabs.setCurrentIndex(0)),
                ("today-activity", lambda: today_page.tabs.setCurrentIndex(1)),
            ),
            args.output,
            suffix,
        )
        today_page.tabs.setCurrentIndex(0)
        window.show_section(1)
        compass = window.sections[1]
        for tab, name in (
            (WHY_TAB, "compass-why"),
            (HISTORY_TAB, "compass-history"),
            (ROLES_TAB, "compass-roles"),
            (GOALS_TAB, "compass-goals"),
        ):
            compass.tabs.setCurrentIndex(tab)
            if tab == HISTORY_TAB:
                compass.history.reload()
            QApplication.processEvents()
            target = args.output / f"{name}{suffix}.png"
            window.grab().save(str(target))
            print(target)
        window.show_section(2)
        people_page = window.sections[2]
        shots = (
            ("people", lambda: people_page.tabs.setCurrentIndex(0)),
            ("people-timeline", lambda: people_page.detail.tabs.setCurrentIndex(1)),
            ("people-organisations", lambda: people_page.tabs.setCurrentIndex(1)),
            ("people-contact-next", lambda: people_page.tabs.setCurrentIndex(2)),
        )
        _shoot(window, shots, args.output, suffix)
        window.show_section(3)
        talks = window.sections[3]
        overdue = next(
            (c for c in conversations.list_conversations() if c.thank_you_overdue(TODAY)), None
        )
        shots = (
            ("conversations", lambda: overdue and talks.interviews.reload(select_id=overdue.id)),
            ("conversations-questions", lambda: talks.interviews.detail.tabs.setCurrentIndex(1)),
            (
                "conversations-drafts",
                lambda: overdue and talks.open_draft(overdue.person_id, overdue.target_role_id),
            ),
            ("conversations-events", lambda: talks.tabs.setCurrentIndex(1)),
        )
        _shoot(window, shots, args.output, suffix)
        map_page = window.map_page
        window.show_section(window.sections.index(map_page))
        _shoot(window, (("map", map_page.on_shown),), args.output, suffix)
        journal_page = window.journal_page
        window.show_section(window.sections.index(journal_page))
        shown = max(
            (journal.get_entry(entry_id) for entry_id, _month in journal.entry_ids()[:12]),
            key=lambda entry: (len(entry.links), entry.shared),
        )
        shots = (
            ("journal", lambda: journal_page.show_entry(shown.id)),
            ("journal-prompts", lambda: journal_page.tabs.setCurrentIndex(PROMPTS_TAB)),
        )
        _shoot(window, shots, args.output, suffix)
        journal_page.tabs.setCurrentIndex(0)
        report_page = window.report_page
        window.show_section(window.sections.index(report_page))
        shots = (
            ("report", report_page.refresh),
            ("report-share", lambda: report_page.tabs.setCurrentIndex(1)),
        )
        _shoot(window, shots, args.output, suffix)
        report_page.tabs.setCurrentIndex(0)
        _shoot_import_preview(Path(folder), args.output, suffix)
        _shoot_restore_list(paths, args.output, suffix)
        window.search_box.setText("ruth")
        window.search_box.refresh()
        QApplication.processEvents()
        target = args.output / f"search{suffix}.png"
        _grab_with_popup(window).save(str(target))
        print(target)
        window.search_box.popup.hide()
        window.close()
        close_notebook()
    return 0


CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    "Amara,Okafor,https://www.linkedin.com/in/amara-okafor,,Northwind Learning,"
    "Learning designer,12 Mar 2021",
    "Lukas,Brandt,https://www.linkedin.com/in/lukas-brandt,,Cobalt Analytics,Data analyst,"
    "03 Sep 2019",
    'Inès,Dubois,https://www.linkedin.com/in/ines-dubois,,"Quill & Co., Ltd",UX researcher,'
    "21 Jan 2024",
    "Kofi,Mensah,https://www.linkedin.com/in/kofi-mensah,,Lumen Health,Product designer,"
    "08 Jun 2022",
    "Tom,Brennan,https://www.linkedin.com/in/tom-brennan,,Tessellate Bank,Software engineer,"
    "15 Mar 2018",
    "Helen,Achterberg,,,Northfield Academy,Head of science,02 Feb 2017",
    ",,https://www.linkedin.com/in/unknown,,Orbit Labs,Founder,01 Jan 2025",
)


def _shoot_import_preview(folder: Path, output: Path, suffix: str) -> None:
    """The import preview of a small LinkedIn export (the people it shares with the demo
    show as ones to fill in)."""
    from pathfinder.services.import_linkedin import parse_linkedin
    from pathfinder.services.import_plan import plan_import
    from pathfinder.views.import_dialog import ImportDialog

    connections = folder / "Connections.csv"
    connections.write_text("\r\n".join(CONNECTIONS) + "\r\n", encoding="utf-8")
    dialog = ImportDialog(plan_import(parse_linkedin(connections)))
    dialog.resize(1000, 420)
    dialog.show()
    QApplication.processEvents()
    target = output / f"import-preview{suffix}.png"
    dialog.grab().save(str(target))
    print(target)
    dialog.close()


def _shoot_restore_list(paths: Paths, output: Path, suffix: str) -> None:
    """File ▸ Restore from a backup, with a few copies of the demo made at different times."""
    from datetime import timedelta

    from pathfinder.store.backups import make_backup
    from pathfinder.views.restore_dialog import WINDOW_INTRO, RestoreDialog

    for reason, ago in (
        ("automatic", timedelta(days=12, hours=2)),
        ("before-import", timedelta(days=3, hours=5)),
        ("automatic", timedelta(days=1, hours=1)),
        ("manual", timedelta(hours=2)),
        ("automatic", timedelta(minutes=30)),
    ):
        make_backup(paths.database, paths.backups_dir, reason, NOW - ago)
    dialog = RestoreDialog(paths.backups_dir, NOW, WINDOW_INTRO, None)
    dialog.resize(760, 360)
    dialog.show()
    QApplication.processEvents()
    target = output / f"restore{suffix}.png"
    dialog.grab().save(str(target))
    print(target)
    dialog.close()


def _shoot(
    window: MainWindow, shots: Iterable[tuple[str, Callable[[], object]]], folder: Path, suffix: str
) -> None:
    """Arrange the window for each shot, then save it as NAME{suffix}.png."""
    for name, arrange in shots:
        arrange()
        QApplication.processEvents()
        target = folder / f"{name}{suffix}.png"
        window.grab().save(str(target))
        print(target)


def _grab_with_popup(window: MainWindow) -> QPixmap:
    """The window with the search results over it (the list is a window of its own)."""
    picture = window.grab()
    popup = window.search_box.popup
    where = window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0)))
    painter = QPainter(picture)
    painter.drawPixmap(where, popup.grab())
    painter.end()
    return picture


if __name__ == "__main__":
    sys.exit(main())
