"""View → Theme: the system's colours, or a forced light or dark look (remembered in the settings).

The widgets take a light or dark palette (Fusion style when forced, so every
platform paints it alike); the canvas follows with its own light or dark theme.
Panels take their colours from the palette (see :mod:`editor.panels.common`).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from editor import settings

THEMES = ("system", "light", "dark")
_system_palette: QPalette | None = None
_system_style: str | None = None


def saved_theme() -> str:
    name = settings.get_str("view/theme", "system")
    return name if name in THEMES else "system"


def dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {role.Window: "#2b2b2e", role.WindowText: "#e8e8ea", role.Base: "#1f1f22",
               role.AlternateBase: "#29292d", role.ToolTipBase: "#3a3a3f", role.ToolTipText: "#f0f0f2",
               role.PlaceholderText: "#9a9aa0", role.Text: "#e8e8ea", role.Button: "#36363a",
               role.ButtonText: "#e8e8ea", role.BrightText: "#ff6b6b", role.Link: "#7fb2ff",
               role.Highlight: "#3d6fb6", role.HighlightedText: "#ffffff", role.Light: "#4a4a50",
               role.Midlight: "#3c3c42", role.Mid: "#303035", role.Dark: "#1a1a1c", role.Shadow: "#000000"}
    for r, c in colours.items():
        p.setColor(r, QColor(c))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7a7a80"))
    return p


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    return style.standardPalette() if style is not None else QPalette()


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (the application's by default) has light text on a dark window."""
    p = palette or QApplication.palette()
    return p.color(QPalette.ColorRole.Window).lightness() < p.color(QPalette.ColorRole.WindowText).lightness()


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return is_dark(_system_palette or QApplication.palette())


def apply_theme(name: str) -> str:
    """Give the application the palette of theme ``name``; returns the canvas theme ("light"/"dark")."""
    global _system_palette, _system_style
    if name not in THEMES:
        raise ValueError(f"unknown theme {name!r}; expected one of {', '.join(THEMES)}")
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return "light"
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
        _system_style = app.style().name()
    if name == "system":
        if _system_style and app.style().name() != _system_style:
            app.setStyle(_system_style)
        app.setPalette(_system_palette)
        return "dark" if system_is_dark() else "light"
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if name == "dark" else light_palette())
    return name
