"""How the canvas looks: fonts, colours, size scales and amount labels.

The look aims at a quality newspaper graphic: white background, soft fills,
crisp dark text, DejaVu Sans. Everything that decides a size or a colour lives
here so the canvas and image export agree.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QFont

from editor.i18n import amount_text

SIZE_MODES = ("valuation", "revenue", "none")


@dataclass
class CanvasStyle:
    font_family: str = "DejaVu Sans"
    company_font_px: float = 12.0
    amount_font_px: float = 10.5
    legend_font_px: float = 11.0
    text_color: str = "#1d1d1f"
    muted_text_color: str = "#5f6368"
    background: str = "#ffffff"
    grid_color: str = "#e3e6ea"
    selection_color: str = "#2f6fde"
    #: circle radius range (scene px) for companies sized by a value
    min_radius: float = 14.0
    max_radius: float = 52.0
    #: radius when sizing by nothing (or when no company has the value)
    plain_radius: float = 22.0
    fill_lightness: float = 0.78   # how far category fills are mixed towards white
    min_arrow_width: float = 1.4
    max_arrow_width: float = 9.0
    unknown_arrow_width: float = 1.4
    arrow_head_length: float = 11.0
    arrow_head_width: float = 9.0
    #: distance between the middles of parallel flows of one pair of companies
    lane_spacing: float = 26.0
    label_max_width: float = 150.0
    grid_size: float = 20.0
    #: the theme these colours come from, and the colours of boxes behind text (r, g, b, alpha)
    #: (see theme.py)
    theme: str = "light"
    label_background: tuple[int, int, int, int] = (255, 255, 255, 238)
    name_background: tuple[int, int, int, int] = (255, 255, 255, 215)
    legend_background: tuple[int, int, int, int] = (255, 255, 255, 235)
    legend_border: str = "#d5d9de"
    #: company fills are their category's colour mixed ``fill_lightness`` of the way to this
    fill_toward: str = "#ffffff"
    #: the language of the amount labels' qualifiers ("en", "ja"); None: the interface language
    language: str | None = None
    _fonts: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def font(self, px: float, bold: bool = False) -> QFont:
        """A font of ``px`` pixels (cached: painting never builds fonts)."""
        key = (self.font_family, px, bold)
        cached = self._fonts.get(key)
        if cached is not None:
            return cached
        f = QFont(self.font_family)
        f.setPixelSize(max(1, round(px)))
        f.setBold(bold)
        f.setStyleHint(QFont.StyleHint.SansSerif)
        self._fonts[key] = f
        return f

    def company_font(self) -> QFont:
        return self.font(self.company_font_px)

    def amount_font(self) -> QFont:
        return self.font(self.amount_font_px, bold=True)

    def legend_font(self) -> QFont:
        return self.font(self.legend_font_px)


def soft_fill(color: str | QColor, lightness: float = 0.78, toward: str | QColor = "#ffffff") -> QColor:
    """``color`` mixed towards ``toward`` (white) by ``lightness`` (0: the colour, 1: ``toward``)."""
    c, t = QColor(color), QColor(toward)
    return QColor(round(c.red() + (t.red() - c.red()) * lightness),
                  round(c.green() + (t.green() - c.green()) * lightness),
                  round(c.blue() + (t.blue() - c.blue()) * lightness))


def outline(color: str | QColor) -> QColor:
    return QColor(color).darker(125)


# ------------------------------------------------------------------ amounts
def format_amount(amount: float | None, qualifier: str = "exact", unit: str = "USD bn",
                  language: str | None = None) -> str:
    """The short amount label ("$100B", "up to $100B", "~$300B", "$?"), defined in the model, with the
    qualifier in ``language`` (None: the interface language; "最大$100B" in Japanese)."""
    return amount_text(amount, qualifier, unit, language)


# ------------------------------------------------------------------- scales
def company_value(company, size_by: str) -> float | None:
    if size_by == "valuation":
        return company.valuation
    if size_by == "revenue":
        return company.revenue
    return None


def node_radius(company, size_by: str, max_value: float | None, style: CanvasStyle | None = None) -> float:
    """Circle radius: ``company.size`` when set; else area proportional to the value
    (square-root radius) between the style's min and max radius."""
    s = style or DEFAULT_STYLE
    if company.size is not None:
        return float(company.size)
    if size_by == "none":
        return s.plain_radius
    v = company_value(company, size_by)
    if v is None or not max_value:
        return s.min_radius if max_value else s.plain_radius
    return max(s.min_radius, s.max_radius * math.sqrt(max(v, 0.0) / max_value))


def arrow_width(amount: float | None, max_amount: float | None, style: CanvasStyle | None = None) -> float:
    """Line width of a flow: square-root scale between min and max width."""
    s = style or DEFAULT_STYLE
    if amount is None or not max_amount:
        return s.unknown_arrow_width
    return max(s.min_arrow_width, s.max_arrow_width * math.sqrt(max(amount, 0.0) / max_amount))


DEFAULT_STYLE = CanvasStyle()
