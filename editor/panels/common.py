"""Small helpers shared by the panels: amount formatting, number parsing, error labels."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from editor.model.amounts import amount_label, number_text, parse_number  # noqa: F401  (used by the panels)

ERROR_STYLE = "color: #c62828;"


def money(amount: float | None, unit: str, qualifier: str = "exact") -> str:
    """"$40B", "$1.5B", "$135M", "~$300B", "up to $100B", "$?"; other units: "100 EUR m"."""
    return amount_label(amount, qualifier, unit)


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%" if share >= 0.1 else f"{share * 100:.1f}%"


def ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×" if value < 10 else f"{value:,.0f}×"


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def with_error(widget: QWidget, label: QLabel) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(widget)
    lay.addWidget(label)
    return box


def show_error(label: QLabel, message: str | None) -> None:
    label.setText(message or "")
    label.setVisible(bool(message))
