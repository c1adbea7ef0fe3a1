"""In-place editing of a label: a line edit laid over the canvas at the label.

Enter commits through a callback (which calls a Document method); when the
callback returns an error message the editor stays open with the text
selected. Esc closes it and keeps what the model has. Clicking elsewhere
commits a valid text and drops an invalid one.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFocusEvent, QFont
from PySide6.QtWidgets import QLineEdit

#: commit(text) -> None when done, or an error message (the editor then stays open)
Commit = Callable[[str], "str | None"]


class InPlaceEditor(QLineEdit):
    def __init__(self, view, kind: str, item_id: str, text: str, anchor: Callable[[], QPointF],
                 commit: Commit, placeholder: str = "") -> None:
        super().__init__(view.viewport())
        self.view = view
        self.kind, self.id = kind, item_id
        self._anchor = anchor
        self._commit = commit
        self._closed = False
        f = QFont(view.scene().style.font_family)
        f.setPixelSize(13)
        self.setFont(f)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setPlaceholderText(placeholder)
        self.setText(text)
        self.setStyleSheet("QLineEdit { background: white; border: 1.5px solid #2f6fde;"
                           " border-radius: 4px; padding: 2px 4px; color: #1d1d1f; }")
        self.setFixedWidth(170)
        self.reposition()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.selectAll()

    @property
    def is_open(self) -> bool:
        return not self._closed

    def reposition(self) -> None:
        """Centre the editor on its label (after a zoom, a scroll or a move)."""
        try:
            p = self.view.mapFromScene(self._anchor())
        except Exception:  # the item went away (undo while typing)
            return
        self.adjustSize()
        self.move(p.x() - self.width() // 2, p.y() - self.height() // 2)

    def commit(self) -> bool:
        """Try the text; True when the editor closed."""
        if self._closed:
            return True
        error = self._commit(self.text())
        if error:
            self.view.statusMessage.emit(error)
            self.selectAll()
            self.setFocus()
            return False
        self.close_editor()
        return True

    def cancel(self) -> None:
        self.close_editor()

    def close_editor(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.hide()
        self.view._editor_closed(self)
        self.deleteLater()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._closed or event.reason() in (Qt.FocusReason.ActiveWindowFocusReason,
                                              Qt.FocusReason.PopupFocusReason):
            return
        if not self.commit():
            self.cancel()
