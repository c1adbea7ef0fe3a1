"""Test helpers for the progress window of long reads and builds (editor/background/reading.py)."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton


def visible_progress() -> QProgressDialog | None:
    """The progress window on screen now, if any."""
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QProgressDialog) and w.isVisible()), None)


def cancel_when_shown(every_ms: int = 20) -> None:
    """Press the progress window's Cancel as soon as it shows (looked for every ``every_ms``)."""
    def attempt() -> None:
        dialog = visible_progress()
        if dialog is None:
            QTimer.singleShot(every_ms, attempt)
            return
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel").click()

    QTimer.singleShot(every_ms, attempt)


def record_first_label(into: list[str], every_ms: int = 20) -> None:
    """Append the label of the first progress window that shows to ``into``."""
    def look() -> None:
        dialog = visible_progress()
        if dialog is not None:
            into.append(dialog.labelText())
        elif not into:
            QTimer.singleShot(every_ms, look)

    QTimer.singleShot(every_ms, look)
