"""From report options to the bytes of a saved report, for the window and the command line.

Markdown and HTML are made here; a PDF needs Qt's text layout, so `pathfinder.report_pdf`
makes it from the same HTML. Saving goes through `services.files` (atomic, never into
the data folder) and is then logged, so the next report can start where this one ended.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from pathfinder.services.report import ReportData, ReportOptions, gather, period_words
from pathfinder.services.report_html import render_html
from pathfinder.services.report_log import log_report
from pathfinder.services.report_markdown import render, shared_summary

SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
DEFAULT_SUFFIX = {"md": ".md", "html": ".html", "pdf": ".pdf"}


@dataclass(frozen=True)
class Report:
    options: ReportOptions
    markdown: str
    shared: list[str]
    left_out: list[str]
    data: ReportData = field(repr=False, compare=False)

    @property
    def title(self) -> str:
        return f"Progress report: {period_words(self.options.start, self.options.end)}"

    def file_name(self, format: str) -> str:
        """ "pathfinder-report-2026-11-22.md": the period's last day, sortable."""
        return f"pathfinder-report-{self.options.end.isoformat()}{DEFAULT_SUFFIX[format]}"

    def html(self) -> str:
        return render_html(self.markdown, self.title)

    def encoded(self, format: str) -> bytes:
        """The file's bytes for "md" or "html" (a PDF is made by `report_pdf`)."""
        if format == "md":
            return self.markdown.encode("utf-8")
        if format == "html":
            return self.html().encode("utf-8")
        raise ValueError(f"no plain-Python writer for {format!r}")


def make_report(options: ReportOptions, today: date, earlier: Report | None = None) -> Report:
    """The report for `options`. An `earlier` report gathered for the same period and
    choices is reused when only the person's own texts changed (typing a question
    needn't read the notebook again)."""
    if earlier is not None and _same_gathering(earlier.data, options, today):
        data = replace(earlier.data, options=options)
    else:
        data = gather(options, today)
    shared, left_out = shared_summary(data)
    return Report(options, render(data), shared, left_out, data)


def _same_gathering(data: ReportData, options: ReportOptions, today: date) -> bool:
    def without_texts(chosen: ReportOptions) -> ReportOptions:
        return replace(chosen, questions="", next_steps="")

    return data.written_on == today and without_texts(data.options) == without_texts(options)


def format_for_path(path: Path, default: str = "md") -> str:
    return SUFFIXES.get(path.suffix.lower(), default)


def log_saved(report: Report, format: str, path: Path | None, now: datetime) -> None:
    log_report(
        report.options.start,
        report.options.end,
        format,
        path,
        now,
        questions=report.options.questions,
        next_steps=report.options.next_steps,
    )
