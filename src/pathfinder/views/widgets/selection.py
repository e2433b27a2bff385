"""Selecting a row from code, the same way whatever keys happen to be held down.

`QTableView.selectRow` follows the keyboard modifiers of the moment (with Ctrl
held it toggles the row), so a program-made selection uses the selection model.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView


def select_only_row(view: QAbstractItemView, row: int) -> None:
    model = view.model()
    index = model.index(row, 0)
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.selectionModel().setCurrentIndex(index, flags)
