"""The "Recover unsaved work" dialog shown at start when recovery files were left over.

Each left-over document is a row: its name, where it was saved from (or
"never saved") and when it was autosaved. Restore and Discard act on the
selected rows; Later closes the dialog and keeps the rest for the next start.
:func:`offer_recovery` runs the whole flow and returns the restored documents.

Recovery files are read in a worker thread behind the progress window of File → Open
(see editor.background.reading): a big map's file keeps the start responsive, and Cancel
leaves the file where it was, offered again at the next start (nothing is deleted).
"""
from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.background.autosave import AutosaveController, new_key
from editor.background.reading import Cancelled, run_off_thread
from editor.dialogs.messages import warn
from editor.editing.document import Document
from editor.i18n import error_text
from editor.io import recovery
from editor.model.plain import plain_tip

RESTORE = "restore"
DISCARD = "discard"
LATER = "later"


class RecoveryDialog(QDialog):
    """Lets the user restore, discard or postpone each recovered document."""

    def __init__(self, entries: list[recovery.RecoveryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover Unsaved Work"))
        self.entries = list(entries)
        self.decisions: dict[int, str] = {}  # index in entries -> RESTORE / DISCARD

        intro = QLabel(self.tr("Roundtrip did not close normally. These diagrams had changes that were not "
                               "saved; autosave kept a copy of each."))
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Document"), self.tr("Saved from"), self.tr("Autosaved at")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for i, e in enumerate(self.entries):
            item = QTreeWidgetItem([e.display_name, e.original_path or self.tr("(never saved)"),
                                    error_text(e.saved_at_text())])
            item.setData(0, Qt.ItemDataRole.UserRole, i)
            if e.problem:
                why = self.tr("Cannot be restored: {problem}").format(problem=error_text(e.problem))
                item.setToolTip(0, plain_tip(why))
                item.setText(0, self.tr("{name} (damaged)").format(name=e.display_name))
            else:
                item.setToolTip(0, plain_tip(e.original_path or self.tr("This diagram was never saved.")))
            self.tree.addTopLevelItem(item)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        first = self.tree.topLevelItem(0)
        if self.entries and first is not None:
            self.tree.setCurrentItem(first)
            self.tree.selectAll()

        self.restore_button = QPushButton(self.tr("&Restore"))
        self.discard_button = QPushButton(self.tr("&Discard"))
        self.later_button = QPushButton(self.tr("&Later"))
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(lambda: self._decide(RESTORE))
        self.discard_button.clicked.connect(self._discard_clicked)
        self.later_button.clicked.connect(self.accept)
        self.tree.itemSelectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.restore_button, self.discard_button, self.later_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.resize(640, 300)
        self._update_buttons()

    def _selected(self) -> list[int]:
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in self.tree.selectedItems()]

    def _update_buttons(self) -> None:
        sel = self._selected()
        self.discard_button.setEnabled(bool(sel))
        self.restore_button.setEnabled(any(not self.entries[i].problem for i in sel))

    def select(self, indexes: list[int]) -> None:
        """Select rows by their index in ``entries`` (for keyboard-free tests)."""
        self.tree.clearSelection()
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None:
                item.setSelected(item.data(0, Qt.ItemDataRole.UserRole) in indexes)

    def _discard_clicked(self) -> None:
        n = len(self._selected())
        answer = QMessageBox.question(
            self, self.tr("Discard Recovered Work"),
            self.tr("Delete the autosaved copy of {count} diagram(s)? Their unsaved changes will be lost.")
            .format(count=n),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            self._decide(DISCARD)

    def _decide(self, action: str) -> None:
        for i in self._selected():
            if action == RESTORE and self.entries[i].problem:
                continue
            self.decisions[i] = action
        for row in reversed(range(self.tree.topLevelItemCount())):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) in self.decisions:
                self.tree.takeTopLevelItem(row)
        first = self.tree.topLevelItem(0)
        if first is None:
            self.accept()
        else:
            self.tree.setCurrentItem(first)

    def choices(self) -> list[tuple[recovery.RecoveryEntry, str]]:
        """Every entry with RESTORE, DISCARD or LATER."""
        return [(e, self.decisions.get(i, LATER)) for i, e in enumerate(self.entries)]


@dataclass
class Restored:
    """A document brought back from a recovery file, with its autosave already adopted."""

    document: Document
    controller: AutosaveController
    entry: recovery.RecoveryEntry


def give_back(restored: Restored) -> None:
    """Put a restored document's recovery file back where it was found, untouched: the user
    abandoned the restore (Cancel while its canvas was drawn), so it is offered again at the next start."""
    restored.controller.stop()
    with contextlib.suppress(OSError):  # best effort, as when a read is cancelled
        os.rename(restored.controller.recovery_file, restored.entry.file)


def _title() -> str:
    return QCoreApplication.translate("RecoveryDialog", "Recover Unsaved Work")


def restore(entry: recovery.RecoveryEntry, interval_s: float | None = None,
            folder: str | os.PathLike | None = None, parent: QObject | None = None,
            window: QWidget | None = None) -> Restored | None:
    """Claim and open a left-over recovery file as a modified document with its original path.

    The file is read in a worker thread (a progress window over ``window`` when it takes long).
    Returns None when another program claimed the file first. Raises
    :class:`~editor.io.native.FormatError` when the file is damaged, and
    :class:`~editor.background.reading.Cancelled` when the read was cancelled; the file
    then stays where it is (it is offered again at the next start).
    """
    key = new_key()
    claimed = recovery.claim(entry, key)
    if claimed is None:
        return None
    label = QCoreApplication.translate("RecoveryDialog", "Restoring {name}…").format(name=entry.display_name)
    try:
        diagram, original, _name = run_off_thread(window, label, lambda: recovery.load_recovery(claimed),
                                                  title=_title())
    except BaseException:
        # Give it back so a later start can offer it again.
        with contextlib.suppress(OSError):  # best effort
            os.rename(claimed, entry.file)
        raise
    doc = Document(diagram, original, parent)
    doc.mark_unsaved()  # modified: nothing of it is on disk yet
    ctl = AutosaveController(doc, interval_s, folder or entry.file.parent, key=key)
    return Restored(doc, ctl, entry)


def apply_choices(choices: list[tuple[recovery.RecoveryEntry, str]], interval_s: float | None = None,
                  window: QWidget | None = None) -> tuple[list[Restored], list[str]]:
    """Carry out the decisions; returns restored documents and messages about entries that failed.
    A restore cancelled in its progress window keeps its file for the next start."""
    restored: list[Restored] = []
    problems: list[str] = []
    for entry, action in choices:
        if action == DISCARD:
            recovery.discard(entry)
        elif action == RESTORE:
            try:
                r = restore(entry, interval_s, window=window)
            except Cancelled:
                continue
            except (recovery.native.FormatError, OSError) as e:
                problems.append(f"{entry.display_name}: {error_text(e)}")
                continue
            if r is None:
                problems.append(f"{entry.display_name}: " + QCoreApplication.translate(
                    "RecoveryDialog", "another Roundtrip window restored it first"))
            else:
                restored.append(r)
    return restored, problems


def offer_recovery(parent: QWidget | None = None, folder: str | os.PathLike | None = None,
                   interval_s: float | None = None) -> list[Restored]:
    """At start: show left-over recovery files (if any) and return what the user restored.

    The caller opens a window/tab for each ``Restored.document`` and calls
    ``Restored.controller.start()``; each document is modified and keeps its
    original path, so Save writes there (after the usual overwrite confirmation).
    """
    looking = QCoreApplication.translate("RecoveryDialog", "Looking for unsaved work…")
    try:   # (the listing reads each file whole, to name it and say whether it can be restored)
        entries = run_off_thread(parent, looking, lambda: recovery.list_recoveries(folder), title=_title())
    except Cancelled:
        return []   # nothing touched: offered again at the next start
    if not entries:
        return []
    dialog = RecoveryDialog(entries, parent)
    dialog.exec()
    restored, problems = apply_choices(dialog.choices(), interval_s, parent)
    if problems:
        title = _title()
        head = QCoreApplication.translate("RecoveryDialog", "Some diagrams could not be restored:")
        warn(parent, title, head + "\n\n" + "\n".join(problems))
    return restored
