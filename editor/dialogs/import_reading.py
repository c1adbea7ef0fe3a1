"""Reading a file for import off the GUI thread, with a progress window and Cancel.

:func:`read_for_import` runs :func:`editor.dialogs.import_model.load_source` in a
worker thread while a progress window (shown after a third of a second, with the
rows read so far) keeps the window responsive: the machinery is
:mod:`editor.background.reading`, shared with File → Open. Cancel returns at once;
the abandoned read stops at its next progress report (or runs its bounded read to
the end) and its result is dropped. A table with more rows than a diagram holds is offered as a ledger:
its rows summed per payer, payee and type (:mod:`editor.io.ledger`).
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.background.reading import SHOW_AFTER_MS, Cancelled, ReadTask, run_off_thread
from editor.dialogs.import_model import Source, load_source
from editor.i18n import error_text, translate
from editor.io.tables import TooManyRows

__all__ = ["SHOW_AFTER_MS", "Cancelled", "read_for_import", "run_off_thread"]


def read_for_import(parent: QWidget | None, path: str | os.PathLike, task: ReadTask | None = None
                    ) -> Source | None:
    """The file read for the Import dialog, or None when the user cancels.

    Raises what :func:`load_source` raises (InputError, OSError), except that a
    table too large for a diagram is first offered as a ledger to sum.
    """
    p = Path(path)
    title = translate("ImportDialog", "Import")
    try:
        try:
            reading = translate("ImportDialog", "Reading {file}…").format(file=p.name)
            return run_off_thread(parent, reading, lambda: load_source(p), title=title, task=task)
        except TooManyRows as e:
            if not _offer_sum(parent, p, error_text(e)):
                return None
            from editor.io.ledger import load_ledger

            summing = translate("ImportDialog", "Summing the rows of {file}…").format(file=p.name)
            diagram, notes = run_off_thread(parent, summing, lambda: load_ledger(p, ("type",)), title=title,
                                            task=task)
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
