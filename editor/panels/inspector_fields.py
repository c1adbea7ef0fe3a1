"""The Inspector's fields: one model field each, its widget, its error label, reading and showing it."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from editor.i18n import error_text, translate
from editor.model import ModelError, check_date
from editor.model.amounts import AmountError, parse_amount_text
from editor.panels.common import error_label, number_text, parse_number, show_error

NEW_ENTRY = "__new__"
MIXED = "(mixed)"


class PlainEdit(QPlainTextEdit):
    """A multi-line text field that reports when it loses focus (end of an edit session)."""

    editingFinished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


#: The widgets a field is edited in.
FieldWidget = QLineEdit | QComboBox | PlainEdit


class Field:
    """One model field: its widget, its error label, how to read and show its value."""

    def __init__(self, key: str, kind: str, widget: FieldWidget, label: str) -> None:
        self.key, self.kind, self.label = key, kind, label
        self.widget: FieldWidget = widget
        self.error = error_label()
        #: Units of the records shown (an amount field reads "$500M" in them).
        self.units: tuple[str, ...] = ()
        #: What an empty one-line field shows when the selection's values are not mixed.
        self.placeholder = ""

    def line_edit(self) -> QLineEdit:
        """The field's one-line text widget (amount, number, date and text fields have one)."""
        if not isinstance(self.widget, QLineEdit):
            raise TypeError(f"the {self.key} field is not a one-line text field")
        return self.widget

    def combo(self) -> QComboBox:
        """The field's combo box (combo fields have one)."""
        if not isinstance(self.widget, QComboBox):
            raise TypeError(f"the {self.key} field is not a combo box")
        return self.widget

    @property
    def keys(self) -> tuple[str, ...]:
        """The record fields an edit of this field may change."""
        return (self.key, "qualifier") if self.kind == "amount" else (self.key,)

    def changes(self) -> dict[str, Any]:
        """The record fields to set from what the field shows (raises ModelError)."""
        if self.kind != "amount":
            return {self.key: self.value()}
        amount, qualifier = self.amount()
        return {self.key: amount} if qualifier is None else {self.key: amount, "qualifier": qualifier}

    def amount(self) -> tuple[float | None, str | None]:
        """An amount typed as the canvas's amount editor reads it ("$45B", "up to 100", "~300", "?"):
        (amount, the qualifier the text states or None)."""
        text = self.line_edit().text()
        try:
            read = {parse_amount_text(text, unit) for unit in self.units or ("USD bn",)}
        except AmountError as e:
            raise ModelError(
                translate(
                    "Inspector",
                    "amount: expected a number like 100, $100B, up to 100, ~300 or ? for unknown; {error}",
                ).format(error=error_text(e))
            ) from None
        if len(read) > 1:
            raise ModelError(translate(
                "Inspector", "the selected flows have different units: type the amount without a scale word"
            ))
        return next(iter(read))

    # value shown -> model value (raises ModelError)
    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QComboBox):
            return w.currentData()
        text = w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()
        if self.kind == "amount":
            return self.amount()[0]
        if self.kind == "number":
            return parse_number(text, self.key)
        if self.kind == "signed":
            return parse_number(text, self.key, allow_negative=True)
        if self.kind == "date":
            return check_date(text.strip(), self.key)
        if self.kind == "required":
            if not text.strip():
                raise ModelError(translate("Inspector", "{field}: must not be empty").format(
                    field=translate("Inspector", self.label).lower()
                ))
            return text
        return text

    def show(self, value: Any, mixed: bool = False) -> None:
        w = self.widget
        w.blockSignals(True)
        try:
            if isinstance(w, QComboBox):
                i = w.findData(value) if not mixed else -1
                w.setCurrentIndex(i)
                if w.isEditable():
                    w.setEditText("" if mixed else w.currentText())
            else:
                if mixed:
                    text = ""
                elif self.kind in ("number", "signed", "amount"):
                    text = number_text(value)
                else:
                    text = str(value or "")
                if isinstance(w, QPlainTextEdit):
                    if w.toPlainText() != text:
                        w.setPlainText(text)
                    w.setPlaceholderText(MIXED if mixed else "")
                else:
                    w.setText(text)
                    w.setCursorPosition(0)
                    w.setPlaceholderText(MIXED if mixed else self.placeholder)
        finally:
            w.blockSignals(False)
        show_error(self.error, None)



def _text(w: FieldWidget) -> str:
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QComboBox):
        return w.currentText()
    return w.text()
