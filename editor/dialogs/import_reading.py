"""Reading a file for import off the GUI thread, with a progress window and Cancel.

:func:`read_for_import` runs :func:`editor.dialogs.import_model.load_source` in a
worker thread while a progress window (shown after half a second) keeps the
window responsive. Cancel returns at once; the abandoned read runs to its end in
the background (every reader is bounded by the table limits) and its result is
dropped. A table with more rows than a diagram holds is offered as a ledger:
its rows summed per payer, payee and type (:mod:`editor.io.ledger`).
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from editor.dialogs.import_model import Source, load_source
from editor.i18n import error_text, translate
from editor.io.tables import TooManyRows

T = TypeVar("T")
#: The progress window appears only when a read takes longer than this (ms).
SHOW_AFTER_MS = 500


class Cancelled(Exception):
    """The user pressed Cancel while the file was being read."""


def run_off_thread(parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
    """``work()`` in a worker thread behind a busy progress window: its result, its exception or Cancelled."""
    outcome: dict[str, object] = {}
    done = threading.Event()

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as e:  # handed to the GUI thread below
            outcome["error"] = e
        finally:
            done.set()

    # 0..0: a busy bar (no row count known)
    progress = QProgressDialog(label, translate("ImportDialog", "Cancel"), 0, 0, parent)
    progress.setWindowTitle(translate("ImportDialog", "Import"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setValue(0)  # starts the timer that shows the window after SHOW_AFTER_MS
    loop = QEventLoop()
    timer = QTimer(interval=25)
    timer.timeout.connect(lambda: loop.quit() if done.is_set() or progress.wasCanceled() else None)
    progress.canceled.connect(loop.quit)
    threading.Thread(target=target, name="import-read", daemon=True).start()
    timer.start()
    if not done.is_set():
        loop.exec()
    timer.stop()
    cancelled = progress.wasCanceled() and not done.is_set()
    progress.close()
    progress.deleteLater()
    if cancelled:
        raise Cancelled()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def read_for_import(parent: QWidget | None, path: str | os.PathLike) -> Source | None:
    """The file read for the Import dialog, or None when the user cancels.

    Raises what :func:`load_source` raises (InputError, OSError), except that a
    table too large for a diagram is first offered as a ledger to sum.
    """
    p = Path(path)
    try:
        try:
            reading = translate("ImportDialog", "Reading {file}…").format(file=p.name)
            return run_off_thread(parent, reading, lambda: load_source(p))
        except TooManyRows as e:
            if not _offer_sum(parent, p, error_text(e)):
                return None
            from editor.io.ledger import load_ledger

            summing = translate("ImportDialog", "Summing the rows of {file}…").format(file=p.name)
            diagram, notes = run_off_thread(parent, summing, lambda: load_ledger(p, ("type",)))
            return Source(p, diagram=diagram, notes=notes)
    except Cancelled:
        return None


def _offer_sum(parent: QWidget | None, path: Path, message: str) -> bool:
    text = translate("ImportDialog", "{file} is too large for one diagram.").format(file=path.name)
    box = QMessageBox(QMessageBox.Icon.Question, translate("ImportDialog", "Import"), text,
                      QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        message + "\n\n"
        + translate("ImportDialog", "Sum its rows into one flow per payer, payee and type instead?")
    )
    sum_button = box.addButton(translate("ImportDialog", "Sum Rows"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(sum_button)
    box.exec()
    return box.clickedButton() is sum_button
