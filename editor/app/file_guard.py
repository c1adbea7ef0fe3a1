"""The open file's guard: its lock file, its stamp, and a watch for changes by other programs.

:class:`FileGuard` follows the window's document file. It takes the lock when a
file is opened or saved to (and says so when another window or program already
has it open), stamps the file after every read and write, and watches it: a
change from outside is shown in the status bar at once, and the next Save asks
what to do (:func:`ask_conflict`: Save As, Overwrite, Reload or Cancel).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from editor.i18n import message_text, translate

if TYPE_CHECKING:
    from editor.io.lock import FileStamp, LockOwner

SAVE_AS, OVERWRITE, RELOAD, CANCEL = "save_as", "overwrite", "reload", "cancel"


def _lock() -> ModuleType:
    """:mod:`editor.io.lock`, imported when a file is first locked (at start-up right after the
    window's first paint)."""
    from editor.io import lock

    return lock


def ask_conflict(parent: QWidget | None, name: str, reason: str) -> str:
    """Save As, Overwrite, Reload or Cancel (Escape cancels; Save As is the default)."""
    from PySide6.QtWidgets import QMessageBox

    text = translate("FileGuard", "Saving now would replace those changes with yours.")
    box = QMessageBox(
        QMessageBox.Icon.Warning, translate("FileGuard", "File Changed"), f"{reason}\n\n{text}", parent=parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    buttons = {
        box.addButton(translate("FileGuard", "Save As…"), QMessageBox.ButtonRole.AcceptRole): SAVE_AS,
        box.addButton(translate("FileGuard", "Overwrite"), QMessageBox.ButtonRole.DestructiveRole): OVERWRITE,
        box.addButton(
            translate("FileGuard", "Reload (discard my changes)"), QMessageBox.ButtonRole.ResetRole
        ): RELOAD,
    }
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(next(iter(buttons)))
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return next((choice for button, choice in buttons.items() if button is clicked), CANCEL)


class FileGuard(QObject):
    """Lock, stamp and watch of one window's document file."""

    #: The file changed on disk by another program; argument: the message for the status bar.
    changedOutside = Signal(str)

    def __init__(self, parent: QObject | None = None, warn: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.stamp: FileStamp | None = None
        self.other_owner: LockOwner | None = None
        self._warn = warn or (lambda message: None)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)

    # ----------------------------------------------------------- following
    def follow(self, path: Path | None) -> None:
        """The document's file is now ``path`` (None: untitled): move the lock and the watch."""
        if path == self.path:
            return
        self.release()
        self.path = path
        if path is None:
            return
        self.other_owner = _lock().acquire(path)
        if self.other_owner is not None:
            self._warn(
                translate(
                    "FileGuard",
                    "“{file}” is already open elsewhere: {owner}. Changes saved there "
                    "and here would overwrite each other; saving will ask first.",
                ).format(file=path.name, owner=message_text(self.other_owner.describe()))
            )
        self.restamp()

    def restamp(self) -> None:
        """The file as it is now is the one the document holds (after a read or a write)."""
        if self.path is None:
            return
        self.stamp = _lock().stamp(self.path)
        if self.other_owner is not None and _lock().held_elsewhere(self.path) is None:
            self.other_owner = None
            _lock().acquire(self.path)
        self._watch()

    def release(self) -> None:
        """Stop watching and remove our lock (closing the document or the window)."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        if self.path is not None and self.other_owner is None:
            _lock().release(self.path)
        self.path, self.stamp, self.other_owner = None, None, None

    # ------------------------------------------------------------ checking
    def conflict(self, target: Path) -> str | None:
        """Why saving to ``target`` could destroy someone else's work, or None."""
        if self.path is None or target != self.path:
            return None
        other = _lock().held_elsewhere(target)
        if other is not None:
            return translate("FileGuard", "“{file}” is open elsewhere: {owner}.").format(
                file=target.name, owner=message_text(other.describe())
            )
        if _lock().changed_since(target, self.stamp):
            if not target.exists():
                return translate(
                    "FileGuard", "“{file}” was deleted or moved by another program since you opened it."
                ).format(file=target.name)
            return translate(
                "FileGuard", "“{file}” was changed by another program since you opened or saved it."
            ).format(file=target.name)
        return None

    @staticmethod
    def conflict_elsewhere(target: Path) -> str | None:
        """Why saving over ``target`` (not the document's own file: Save As) could destroy work, or None."""
        other = _lock().held_elsewhere(target)
        if other is None:
            return None
        return translate("FileGuard", "“{file}” is open elsewhere: {owner}.").format(
            file=target.name, owner=message_text(other.describe())
        )

    # ------------------------------------------------------------- watching
    def _watch(self) -> None:
        if self.path is None:
            return
        name = str(_lock().resolve_target(self.path))
        if name not in self._watcher.files() and Path(name).exists():
            self._watcher.addPath(name)  # an atomic replace drops the watch: it is added again

    def _on_file_changed(self, _name: str) -> None:
        path = self.path
        if path is None:
            return
        self._watch()
        if _lock().changed_since(path, self.stamp):
            self.changedOutside.emit(translate(
                "FileGuard",
                "“{file}” was changed by another program; "
                "saving will ask whether to overwrite, save as or reload.",
            ).format(file=path.name))
