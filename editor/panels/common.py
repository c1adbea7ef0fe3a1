"""Small helpers shared by the panels: amount formatting, number parsing, error labels."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from editor.i18n import amount_text, locale_number
from editor.model.amounts import amount_label, number_text, parse_number  # noqa: F401  (used by the panels)

ERROR_STYLE = "color: #c62828;"

#: text colours of the panels on a light and on a dark palette: each keeps 4.5:1 (WCAG AA) on its Base
TONES: dict[str, tuple[str, str]] = {
    "good": ("#1b5e20", "#81c995"),     # sourced, in date order, net inflow
    "warn": ("#8a4b00", "#ffb95e"),     # unsourced, out of date order
    "bad": ("#b71c1c", "#ff8a80"),      # net outflow, errors
    "muted": ("#5f6368", "#a8abb0"),    # ranks, undated
}


def palette_is_dark(palette: QPalette | None = None) -> bool:
    p = palette or QApplication.palette()
    return p.color(QPalette.ColorRole.Base).lightness() < p.color(QPalette.ColorRole.Text).lightness()


def tone(kind: str, palette: QPalette | None = None) -> QColor:
    """The text colour ``kind`` ("good", "warn", "bad", "muted") for ``palette`` (the app's by default)."""
    light, dark = TONES[kind]
    return QColor(dark if palette_is_dark(palette) else light)


def tone_style(kind: str) -> str:
    """A style sheet giving a label the text colour ``kind`` for the current palette."""
    return f"color: {tone(kind).name()};"


def money(amount: float | None, unit: str, qualifier: str = "exact") -> str:
    """"$40B", "$1.5B", "$135M", "~$300B", "up to $100B", "$?"; other units: "100 EUR m".

    The qualifier is in the interface language ("最大$100B" in Japanese)."""
    return amount_text(amount, qualifier, unit)


def percent(share: float | None) -> str:
    """"40%", "0.5%": the locale's decimal mark (English conventions under LANG=C)."""
    if share is None:
        return "—"
    return f"{locale_number(share * 100, 0 if share >= 0.1 else 1)}%"


def ratio(value: float | None) -> str:
    """"2.50×", "1,234×": the locale's separators."""
    if value is None:
        return "—"
    return f"{locale_number(value, 2 if value < 10 else 0)}×"


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(tone_style("bad"))
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


VIEW_NOTE = "viewNote"


def set_view_note(panel: QWidget, text: str) -> None:
    """A line at the top of ``panel`` about a view setting its figures do not follow
    (e.g. flow types hidden on the canvas); "" removes it."""
    label = panel.findChild(QLabel, VIEW_NOTE)
    if label is None:
        if not text:
            return
        layout = panel.layout()
        if not isinstance(layout, QVBoxLayout):
            return
        label = QLabel(panel)
        label.setObjectName(VIEW_NOTE)
        label.setWordWrap(True)
        label.setStyleSheet(tone_style("warn"))
        layout.insertWidget(0, label)
    label.setText(text)
    label.setVisible(bool(text))
