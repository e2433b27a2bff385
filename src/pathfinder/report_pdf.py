"""The mentor report as a PDF, laid out by Qt (`QTextDocument` printed on a `QPdfWriter`).

The one export that needs Qt, so it sits outside the plain-Python core. It prints
the same sanitised HTML the preview shows, on the paper size usual where the
person lives (Letter in North America and a few other countries, A4 elsewhere).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from pathfinder.services.report_html import STYLE, body_html

LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Philippines,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Venezuela,
    QLocale.Country.Guatemala,
    QLocale.Country.CostaRica,
    QLocale.Country.Panama,
    QLocale.Country.DominicanRepublic,
    QLocale.Country.PuertoRico,
    QLocale.Country.ElSalvador,
    QLocale.Country.Nicaragua,
    QLocale.Country.Honduras,
}
MARGIN_MM = 18


def page_size_for(locale: QLocale | None = None) -> QPageSize:
    territory = (locale or QLocale.system()).territory()
    if territory in LETTER_TERRITORIES:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def pdf_bytes(markdown_text: str, title: str, locale: QLocale | None = None) -> bytes:
    """The report as a PDF document (needs a QGuiApplication)."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("a PDF needs a QGuiApplication")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Pathfinder")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            page_size_for(locale),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet(STYLE)
    document.setHtml(body_html(markdown_text))
    document.print_(writer)
    del writer  # ends the PDF
    buffer.close()
    return bytes(buffer.data().data())
