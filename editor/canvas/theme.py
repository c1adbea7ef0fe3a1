"""Light and dark canvases: the colours of a :class:`~editor.canvas.style.CanvasStyle` by theme,
and text colours checked against WCAG AA (a contrast of at least 4.5:1).

``apply_theme(style, "dark")`` sets the colours of a style in place (every part of a scene
holds the same style); :meth:`DiagramScene.set_theme` does that and redraws. Colours that
come from the diagram (flow types, categories) are kept and only made readable: the text of
an amount label is the flow's colour, darkened or lightened until it reads on the label.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from editor.canvas.style import CanvasStyle

Rgba = tuple[int, int, int, int]
#: WCAG AA for normal text.
AA = 4.5


@dataclass(frozen=True)
class Theme:
    background: str
    text_color: str
    muted_text_color: str
    grid_color: str
    selection_color: str
    label_background: Rgba
    name_background: Rgba
    legend_background: Rgba
    legend_border: str
    #: company fills are the category colour mixed this far towards ``fill_toward``
    fill_toward: str
    fill_lightness: float


THEMES: dict[str, Theme] = {
    "light": Theme("#ffffff", "#1d1d1f", "#5f6368", "#e3e6ea", "#2f6fde", (255, 255, 255, 238),
                   (255, 255, 255, 215), (255, 255, 255, 235), "#d5d9de", "#ffffff", 0.78),
    "dark": Theme("#1c1d20", "#e8eaed", "#aab0b8", "#2b2e33", "#7aaeff", (36, 38, 42, 240),
                  (28, 29, 32, 215), (36, 38, 42, 240), "#44484f", "#1c1d20", 0.62),
}


def apply_theme(style: CanvasStyle, name: str) -> None:
    """Give ``style`` the colours of theme ``name`` ("light" or "dark")."""
    if name not in THEMES:
        raise ValueError(f"theme: expected one of {', '.join(THEMES)}, got {name!r}")
    t = THEMES[name]
    style.theme = name
    for key, value in t.__dict__.items():
        setattr(style, key, value)


def rgba(color: Rgba) -> QColor:
    return QColor(*color)


def _linear(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: QColor) -> float:
    return 0.2126 * _linear(color.red()) + 0.7152 * _linear(color.green()) + 0.0722 * _linear(color.blue())


def contrast_ratio(a: QColor | str, b: QColor | str) -> float:
    la, lb = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(top: QColor, below: QColor | str) -> QColor:
    """``top`` (with its alpha) painted over the opaque ``below``."""
    b, a = QColor(below), top.alphaF()
    return QColor(round(top.red() * a + b.red() * (1 - a)), round(top.green() * a + b.green() * (1 - a)),
                  round(top.blue() * a + b.blue() * (1 - a)))


def readable(color: QColor | str, background: QColor | str, ratio: float = AA) -> QColor:
    """``color``, darkened (on a light background) or lightened (on a dark one) in small steps
    until its contrast with ``background`` is at least ``ratio``."""
    c, bg = QColor(color), QColor(background)
    dark_bg = luminance(bg) < 0.18
    for _ in range(40):
        if contrast_ratio(c, bg) >= ratio:
            return c
        h, s, lightness = c.hslHueF(), c.hslSaturationF(), c.lightnessF()
        lightness = min(1.0, lightness + 0.04) if dark_bg else max(0.0, lightness - 0.04)
        c = QColor.fromHslF(max(h, 0.0), s, lightness, c.alphaF())
    return QColor("#ffffff" if dark_bg else "#000000")
