"""Files dropped onto a main window open in it, like File → Open.

:class:`FileDrops` filters the drag and drop events of the window and of the
canvas's viewport (Qt sends the drop to the widget under the pointer that accepts
drops, which is the canvas; the window watches each new canvas with :meth:`watch`):
a drag that carries local files is accepted, and a drop opens the first file once
the drop itself is over, so the drag source is never kept waiting by the
unsaved-changes prompt or the read. Other drags go on to the canvas as before.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget


def dropped_files(mime: QMimeData | None) -> list[Path]:
    """The local files a drag carries (links to web pages and other data are not files)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class FileDrops(QObject):
    """Opens a file dropped onto ``window`` with ``open_file`` (state: the window and the callback)."""

    def __init__(self, window: QWidget, open_file: Callable[[Path], object]) -> None:
        super().__init__(window)
        self.open_file = open_file
        self.watch(window)

    def watch(self, widget: QWidget) -> None:
        """Take the file drops that arrive at ``widget`` (the window, each canvas's viewport)."""
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
                event, (QDragEnterEvent, QDragMoveEvent)):
            if dropped_files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = dropped_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                QTimer.singleShot(0, lambda: self.open_file(files[0]))
                return True
        return super().eventFilter(obj, event)
