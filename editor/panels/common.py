"""Small helpers shared by the panels: amount formatting, number parsing, error labels."""
from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from editor.model import ModelError

ERROR_STYLE = "color: #c62828;"


def money(amount: float | None, unit: str, qualifier: str = "exact") -> str:
    """"$40B", "$1.5B", "$135M", "~$300B", "up to $100B", "$?"; other units: "100 EUR m"."""
    try:
        from editor.canvas.style import format_amount  # the canvas's formatting, when present
    except ImportError:
        format_amount = None
    if format_amount is not None:
        try:
            return format_amount(amount, qualifier, unit)
        except Exception:  # pragma: no cover - fall back to the local format
            pass
    return _money(amount, unit, qualifier)


def _money(amount: float | None, unit: str, qualifier: str = "exact") -> str:
    prefix = {"up_to": "up to ", "estimated": "~"}.get(qualifier, "")
    norm = unit.strip().lower()
    if amount is None:
        return "$?" if norm == "usd bn" else f"? {unit}"
    if norm == "usd bn":
        if amount >= 1000:
            text = f"${_num(amount / 1000)}T"
        elif amount >= 1 or amount == 0:
            text = f"${_num(amount)}B"
        else:
            text = f"${_num(amount * 1000)}M"
        return prefix + text
    return f"{prefix}{_num(amount)} {unit}"


def _num(v: float) -> str:
    if v == 0:
        return "0"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:.2f}".rstrip("0").rstrip(".") if abs(v) < 10 else f"{v:.1f}".rstrip("0").rstrip(".")


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%" if share >= 0.1 else f"{share * 100:.1f}%"


def ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×" if value < 10 else f"{value:,.0f}×"


def parse_number(text: str, what: str, allow_negative: bool = False) -> float | None:
    """'' -> None; '1,500.5' -> 1500.5; anything else not a number -> ModelError."""
    t = text.strip().replace(",", "").replace("_", "")
    if not t:
        return None
    try:
        v = float(t)
    except ValueError:
        raise ModelError(f"{what}: expected a number like 40 or 1.5, got {text.strip()!r}") from None
    if not math.isfinite(v):
        raise ModelError(f"{what}: must be a finite number")
    if v < 0 and not allow_negative:
        raise ModelError(f"{what}: must not be negative")
    return v


def number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}" if abs(value) < 1e15 else repr(value)


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
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
