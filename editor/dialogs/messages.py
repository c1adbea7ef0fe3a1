"""Message boxes of the main window, in one place (tests replace these functions).

* :func:`ask_save_changes` — Save / Discard / Cancel before closing or replacing a diagram.
* :func:`show_error` — a refusal with the list of problems (bad file, failed save).
"""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from editor.i18n import error_text, error_texts

#: Problems listed in the dialog itself; the rest go to "Show Details…".
SHOWN_PROBLEMS = 8


def plain(box: QMessageBox) -> QMessageBox:
    """Show every text of ``box`` literally: names and paths from files are never read as markup."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    return box


def ask_save_changes(parent: QWidget | None, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel (Escape cancels)."""
    Button = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("Messages", "Unsaved Changes"),
                      QCoreApplication.translate(
                          "Messages", "Do you want to save the changes you made to “{name}”?\n\n"
                          "Your changes will be lost if you don't save them.").format(name=name),
                      Button.Save | Button.Discard | Button.Cancel, parent)
    box.setDefaultButton(Button.Save)
    box.setEscapeButton(Button.Cancel)
    return QMessageBox.StandardButton(plain(box).exec())


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning with one OK button, its text shown literally."""
    plain(QMessageBox(QMessageBox.Icon.Warning, title, error_text(text), QMessageBox.StandardButton.Ok,
                      parent)).exec()


def show_error(parent: QWidget | None, title: str, text: str, problems: Iterable[str] = ()) -> None:
    """A warning listing ``problems``; the texts from the model and the readers are shown in the
    interface language."""
    problems = error_texts(problems)
    box = QMessageBox(QMessageBox.Icon.Warning, title, error_text(text), QMessageBox.StandardButton.Ok,
                      parent)
    if problems:
        shown = problems[:SHOWN_PROBLEMS]
        more = len(problems) - len(shown)
        tail = QCoreApplication.translate("Messages", "… and {count} more (Show Details)").format(count=more)
        box.setInformativeText("\n".join(f"• {p}" for p in shown) + (f"\n{tail}" if more > 0 else ""))
        if more > 0:
            box.setDetailedText("\n".join(problems))
    plain(box).exec()


def confirm(parent: QWidget | None, title: str, text: str, yes: str | None = None) -> bool:
    """Cancel or ``yes`` (default "Replace")."""
    if yes is None:
        yes = QCoreApplication.translate("Messages", "Replace")
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    plain(box).exec()
    return box.clickedButton() is ok
