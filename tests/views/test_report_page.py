"""The Report section as a person uses it: choose, read the preview, save, copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox

from pathfinder.paths import Paths
from pathfinder.report_pdf import page_size_for, pdf_bytes
from pathfinder.services import journal, people
from pathfinder.services.report_log import last_report
from pathfinder.services.settings import REPORT_QUESTIONS, SHARE_HELP, get_setting
from pathfinder.views.report.page import ReportPage


def make_page(qtbot, clock, paths: Paths) -> tuple[ReportPage, list[str]]:
    messages: list[str] = []
    page = ReportPage(QUndoStack(), clock, messages.append, paths.data_dir)
    qtbot.addWidget(page)
    page.resize(1100, 750)
    page.show()
    qtbot.waitExposed(page)
    return page, messages


@pytest.fixture
def filled(notebook: Paths, clock) -> Paths:
    people.add_person(
        "Ana Ruiz", now=clock(), organisation="Acme", title="Designer", notes="SECRET note"
    )
    journal.add_entry(clock(), title="Shared one", body="Went well", shared=True)
    journal.add_entry(clock(), title="Mine only", body="Doubts", shared=False)
    return notebook


def test_the_preview_is_exactly_what_will_be_saved(filled: Paths, qtbot, clock, tmp_path) -> None:
    page, messages = make_page(qtbot, clock, filled)
    assert page.options.period.currentData() == "since_last"
    markdown = page.markdown_view.toPlainText()
    assert "### Shared one" in markdown and "Mine only" not in markdown
    assert "SECRET" not in markdown
    assert "Shared one" in page.preview.toPlainText()
    assert "1 journal entry in full" in page.shared_label.text()
    assert "1 journal entry of this period not marked" in page.shared_label.text()
    target = page.save_as(tmp_path / "report.md")
    assert target == tmp_path / "report.md"
    assert target.read_text(encoding="utf-8") == markdown
    assert messages[-1] == "Saved the report as report.md."
    assert last_report() is not None and "Your last report covered" in page.summary.text()


def test_switches_change_the_preview(filled: Paths, qtbot, clock) -> None:
    page, _ = make_page(qtbot, clock, filled)
    page.options.section_boxes["journal"].setChecked(False)
    page.options.anonymise.setChecked(True)
    page.refresh()
    markdown = page.markdown_view.toPlainText()
    assert "Shared one" not in markdown
    assert "a designer at Acme" in markdown and "Ana" not in markdown
    # The choices are kept for next time.
    again, _ = make_page(qtbot, clock, filled)
    assert not again.options.section_boxes["journal"].isChecked()
    assert again.options.anonymise.isChecked()


def test_questions_are_kept_as_they_are_typed(filled: Paths, qtbot, clock) -> None:
    page, _ = make_page(qtbot, clock, filled)
    page.options.questions.setPlainText("How do I ask for an introduction?")
    assert page.flush()
    assert get_setting(REPORT_QUESTIONS) == "How do I ask for an introduction?"
    page.refresh()
    assert "How do I ask for an introduction?" in page.markdown_view.toPlainText()


def test_a_period_that_ends_before_it_starts_cannot_be_saved(
    filled: Paths, qtbot, clock, tmp_path
) -> None:
    page, _ = make_page(qtbot, clock, filled)
    today = clock().date()
    page.options.set_dates(today, today.replace(day=1))
    page.refresh()
    assert page.options.period.currentData() == "custom"
    assert not page.save_button.isEnabled()
    assert "ends before it starts" in page.options.period_message.text()
    assert page.save_as(tmp_path / "never.md") is None
    assert not (tmp_path / "never.md").exists()


def test_replacing_a_file_asks_first(
    filled: Paths, qtbot, clock, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _ = make_page(qtbot, clock, filled)
    target = tmp_path / "r.html"
    target.write_text("last month's", encoding="utf-8")
    asked: list[str] = []

    def answer(_parent, _title, text, *_rest):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert page.save_as(target) is None
    assert "r.html exists already" in asked[0]
    assert target.read_text(encoding="utf-8") == "last month's"
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    assert page.save_as(target) == target
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_save_dialog_adds_the_chosen_type(
    filled: Paths, qtbot, clock, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _ = make_page(qtbot, clock, filled)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *_a, **_k: (str(tmp_path / "for-mentor"), "PDF document (*.pdf)"),
    )
    written = page.save_as()
    assert written == tmp_path / "for-mentor.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    assert last_report().format == "pdf"


def test_saving_into_the_data_folder_is_refused(
    filled: Paths, qtbot, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _ = make_page(qtbot, clock, filled)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    assert page.save_as(filled.data_dir / "report.md") is None
    assert "data folder" in warned[0]
    assert not (filled.data_dir / "report.md").exists()
    assert last_report() is None


def test_copy_puts_the_markdown_on_the_clipboard_and_logs_it(filled: Paths, qtbot, clock) -> None:
    page, messages = make_page(qtbot, clock, filled)
    page.copy_markdown()
    assert QGuiApplication.clipboard().text() == page.markdown_view.toPlainText()
    assert last_report().format == "copy"
    assert "Copied the report" in messages[-1]


def test_share_my_goals_uses_the_help_text(filled: Paths, qtbot, clock) -> None:
    page, messages = make_page(qtbot, clock, filled)
    page.tabs.setCurrentIndex(1)
    page.share_tab.help_text.setPlainText("Tell me about anyone in UX research.")
    page.share_tab.copy()
    assert get_setting(SHARE_HELP) == "Tell me about anyone in UX research."
    assert "How you can help: Tell me about anyone in UX research." in (
        QGuiApplication.clipboard().text()
    )
    assert "Copied the message" in messages[-1]


def test_the_pdf_has_the_paper_size_of_the_place(notebook: Paths, qtbot) -> None:
    us = pdf_bytes("# Report\n\nHello", "Report", QLocale("en_US"))
    europe = pdf_bytes("# Report\n\nHello", "Report", QLocale("de_DE"))
    assert us.startswith(b"%PDF-") and europe.startswith(b"%PDF-")
    assert b"/MediaBox [0 0 612.000000 792.000000]" in us  # Letter, in points
    assert b"/MediaBox [0 0 595.000000 842.000000]" in europe  # A4
    assert page_size_for(QLocale("en_CA")).id() == page_size_for(QLocale("en_US")).id()


def test_clock_is_used_for_the_last_report_wording(filled: Paths, qtbot, clock) -> None:
    page, _ = make_page(qtbot, clock, filled)
    page.copy_markdown()
    clock.advance(days=1)
    page.on_shown()
    assert "(saved yesterday)" in page.summary.text()


def test_the_type_chosen_in_the_dialog_wins_over_the_name(
    filled: Paths, qtbot, clock, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _ = make_page(qtbot, clock, filled)
    offered: list[str] = []

    def choose(_parent, _caption, suggested, _filters, selected, _options):
        offered.append(selected)
        return str(tmp_path / Path(suggested).name), "Web page (*.html)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    written = page.save_as()  # the name offered ends in .md, the type chosen is HTML
    assert written is not None and written.suffix == ".html"
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    page.save_as()
    assert offered == ["Markdown (*.md)", "Web page (*.html)"]  # the last type is offered again


def test_share_copies_what_is_on_screen_even_before_it_is_saved(
    filled: Paths, qtbot, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _ = make_page(qtbot, clock, filled)
    monkeypatch.setattr(page.share_tab, "flush", lambda: False)  # as if the disk refused
    page.share_tab.help_text.setPlainText("Coffee with a researcher would be wonderful.")
    page.share_tab.copy()
    assert "How you can help: Coffee with a researcher" in QGuiApplication.clipboard().text()


def test_an_ending_typed_in_the_name_decides_when_the_type_is_left_alone(
    filled: Paths, qtbot, clock, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, _ = make_page(qtbot, clock, filled)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *_a, **_k: (str(tmp_path / "for-mentor.pdf"), "Markdown (*.md)"),
    )
    written = page.save_as()
    assert written == tmp_path / "for-mentor.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
