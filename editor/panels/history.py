"""The Undo History panel: the document's undo stack, click a row to go back to it."""
from __future__ import annotations

from PySide6.QtWidgets import QUndoView, QVBoxLayout, QWidget


class HistoryPanel(QWidget):
    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QUndoView()
        self.view.setEmptyLabel(self.tr("Opened"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)
        self.set_document(document)

    def set_document(self, document) -> None:
        self.view.setStack(document.undo_stack)
        self.view.setEmptyLabel(self.tr("New diagram") if document.path is None
                                else self.tr("Opened {file}").format(file=document.path.name))
