"""Help → About Pathfinder."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from pathfinder import __version__
from pathfinder.views.icons import app_icon


def show_about(parent: QWidget, data_dir: Path) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("About Pathfinder")
    box.setIconPixmap(app_icon().pixmap(64, 64))
    box.setText(f"<h3>Pathfinder {__version__}</h3>")
    box.setInformativeText(
        "<p>A private journal for changing careers: your why, the people you meet, "
        "and what you learn along the way.</p>"
        "<p>Everything stays on this computer. Pathfinder never connects to the "
        "internet.</p>"
        f"<p>Your notebook is kept in:<br><code>{html.escape(str(data_dir))}</code></p>"
        f"<p><small>Qt {qVersion()}</small></p>"
    )
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.exec()
