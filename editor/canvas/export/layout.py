"""Page composition of an exported image: title block, diagram, legend band, footer.

Works in *page units* (CSS pixels at 1x: a PNG of the page's width at scale 1,
an SVG's viewBox, 1/96 inch in a PDF). The writers scale the whole page.
Sizes follow a newspaper graphic: a bold title about twice the body size, a
grey subtitle, a legend band at the right of tall diagrams or under wide ones,
a thin rule, then small grey numbered sources in columns and a credit line.

:class:`PageLayout` measures everything once and keeps a list of drawing
operations, so painting is a plain loop and tests can check the geometry.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from editor.canvas.export.sources import SourceNotes
from editor.i18n import translate_in

#: captions printed on the page, translated into the export's language by :func:`page_captions`
CAPTIONS: dict[str, str] = {
    "flows": str(QT_TRANSLATE_NOOP("ExportPage", "Money flows")),
    "companies": str(QT_TRANSLATE_NOOP("ExportPage", "Companies")),
    "sources": str(QT_TRANSLATE_NOOP("ExportPage", "Sources")),
    "sources_as_of": str(QT_TRANSLATE_NOOP("ExportPage", "Sources (as of {date})")),
    "more_sources": str(QT_TRANSLATE_NOOP("ExportPage",
                                          "… and {count} more source links, listed in the diagram file")),
    "one_more_source": str(QT_TRANSLATE_NOOP("ExportPage",
                                             "… and 1 more source link, listed in the diagram file")),
    "credit": str(QT_TRANSLATE_NOOP("ExportPage", "Made with Roundtrip")),
    "width_note": str(QT_TRANSLATE_NOOP("ExportPage", "Line width grows with the amount ({unit})")),
}


def page_captions(lang: str | None = None) -> dict[str, str]:
    """The page's captions in ``lang`` ("en", "ja"; None: the interface language)."""
    return {key: translate_in(lang, "ExportPage", text) for key, text in CAPTIONS.items()}

# --- the page's type scale and spacing (page units)
MARGIN = 36.0
TITLE_PX, SUBTITLE_PX, BODY_PX, SMALL_PX, LABEL_PX = 30, 17, 13, 11, 10
INK, GREY, LIGHT_GREY, RULE = "#1d1d1f", "#5f6368", "#80868b", "#c9ccd1"
#: theme -> (ink, grey, light grey, page background) of the page around the diagram
PAGE_COLORS = {"light": (INK, GREY, LIGHT_GREY, "#ffffff"),
               "dark": ("#e8eaed", "#aab0b8", "#9aa0a6", "#1c1d20")}
MIN_WIDTH, MAX_WIDTH = 900.0, 2200.0
#: the diagram is drawn at most this much larger than on the canvas
MAX_ZOOM = 1.25
MAX_DIAGRAM_HEIGHT = 2000.0
#: legend goes to the right when the diagram is at least this tall for its width
RIGHT_LEGEND_ASPECT = 0.72
SOURCE_COLUMN = 300.0   # wished width of a footnote column
STRESS_RED = "#d93025"  # the stress-test marks' colour (as on the canvas)


@dataclass
class PageContent:
    """What goes around the diagram; empty parts take no room."""

    title: str = ""
    subtitle: str = ""
    flow_types: list[tuple[str, str]] = field(default_factory=list)   # (name, colour)
    categories: list[tuple[str, str]] = field(default_factory=list)   # (name, colour)
    legend_note: str = ""
    sources: SourceNotes | None = None
    as_of: str = ""
    credit: str = "Made with Roundtrip"
    stress_note: str = ""      # the legend line of stress-test marks ("": none)
    stress_caveat: str = ""    # what the stress test does not say, in small type
    captions: dict[str, str] = field(default_factory=lambda: dict(CAPTIONS))   # see page_captions
    font_family: str = "DejaVu Sans"
    theme: str = "light"      # the page's colours (PAGE_COLORS)

    @property
    def has_legend(self) -> bool:
        return bool(self.flow_types or self.categories)


# ------------------------------------------------------------- drawing ops
@dataclass
class TextOp:
    rect: QRectF
    text: str
    font: QFont
    color: str
    flags: int = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


@dataclass
class RuleOp:
    line: QLineF
    color: str = RULE
    width: float = 0.8


@dataclass
class SwatchOp:
    kind: str          # "flow" (short arrow), "company" (circle), "stress_ring" or "stress_dash"
    rect: QRectF
    color: str


def _font(family: str, px: float, bold: bool = False, spacing: float = 0.0) -> QFont:
    f = QFont(family)
    f.setPixelSize(max(1, round(px)))
    f.setBold(bold)
    f.setStyleHint(QFont.StyleHint.SansSerif)
    # no hinting: glyph advances then scale linearly, so text measured at 1x
    # takes the same room in a 4K PNG, an SVG or a PDF
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if spacing:
        f.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    return f


def _wrapped_height(font: QFont, text: str, width: float) -> float:
    fm = QFontMetricsF(font)
    r = fm.boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), text)
    return math.ceil(r.height())


def _text_width(font: QFont, text: str) -> float:
    return math.ceil(QFontMetricsF(font).horizontalAdvance(text)) + 1


class PageLayout:
    """Positions of every part of the page for a diagram of ``diagram_size`` (scene units)."""

    def __init__(self, content: PageContent, diagram_size: QSizeF):
        self.content = content
        self.ink, self.grey, self.light_grey, self.background = PAGE_COLORS.get(content.theme,
                                                                                PAGE_COLORS["light"])
        fam = content.font_family
        self.f_title = _font(fam, TITLE_PX, bold=True)
        self.f_subtitle = _font(fam, SUBTITLE_PX)
        self.f_body = _font(fam, BODY_PX)
        self.f_head = _font(fam, LABEL_PX, bold=True, spacing=0.8)
        self.f_small = _font(fam, SMALL_PX)
        self.f_small_bold = _font(fam, SMALL_PX, bold=True)
        self.ops: list[TextOp | RuleOp | SwatchOp] = []
        self.blocks: dict[str, QRectF] = {}   # named areas, for tests and previews
        dw = max(1.0, diagram_size.width())
        dh = max(1.0, diagram_size.height())
        self.legend_side = "none"
        if content.has_legend:
            self.legend_side = "right" if dh / dw >= RIGHT_LEGEND_ASPECT else "bottom"
        band = self._right_legend_width() + 32 if self.legend_side == "right" else 0.0
        width = min(MAX_WIDTH, max(MIN_WIDTH, dw + 2 * MARGIN + band))
        self.content_width = width - 2 * MARGIN
        area = self.content_width - band
        self.zoom = min(MAX_ZOOM, area / dw, MAX_DIAGRAM_HEIGHT / dh)
        y = self._title_block(MARGIN)
        dsize = QSizeF(dw * self.zoom, dh * self.zoom)
        self.diagram_rect = QRectF(MARGIN + (area - dsize.width()) / 2, y, dsize.width(), dsize.height())
        self.blocks["diagram"] = QRectF(self.diagram_rect)
        bottom = self.diagram_rect.bottom()
        if self.legend_side == "right":
            lh = self._legend_column(QPointF(MARGIN + area + 32, y))
            bottom = max(bottom, y + lh)
        y = bottom + 22
        if self.legend_side == "bottom":
            y = self._legend_rows(y) + 22
        if content.stress_note:
            y = self._stress_block(y) + 18
        y = self._footer(y)
        self.size = QSizeF(width, math.ceil(y + MARGIN * 0.75))

    # ------------------------------------------------------------ title
    def _title_block(self, y: float) -> float:
        c, w = self.content, self.content_width
        # a short heavy bar over the title, as newspaper graphics open
        self.ops.append(RuleOp(QLineF(MARGIN, y - 12, MARGIN + 56, y - 12), self.ink, 4.0))
        top = y
        if c.title.strip():
            h = _wrapped_height(self.f_title, c.title, w)
            self._text(QRectF(MARGIN, y, w, h), c.title, self.f_title, self.ink, wrap=True)
            y += h + 4
        if c.subtitle.strip():
            h = _wrapped_height(self.f_subtitle, c.subtitle, w)
            self._text(QRectF(MARGIN, y, w, h), c.subtitle, self.f_subtitle, self.grey, wrap=True)
            y += h
        if y > top:
            self.blocks["title"] = QRectF(MARGIN, top, w, y - top)
            y += 24
        return y

    # ----------------------------------------------------------- legend
    def _legend_groups(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        c = self.content
        groups = []
        if c.flow_types:
            groups.append((c.captions["flows"].upper(), "flow", c.flow_types))
        if c.categories:
            groups.append((c.captions["companies"].upper(), "company", c.categories))
        return groups

    def _right_legend_width(self) -> float:
        widths = [_text_width(self.f_body, name) + 36
                  for _, _, items in self._legend_groups() for name, _ in items]
        widths += [_text_width(self.f_head, head) for head, _, _ in self._legend_groups()]
        return min(280.0, max(160.0, max(widths, default=0.0)))

    def _item(self, x: float, y: float, kind: str, name: str, color: str, width: float) -> None:
        lh = QFontMetricsF(self.f_body).height()
        sw = QRectF(x, y + lh / 2 - 6, 26, 12) if kind == "flow" else QRectF(x + 7, y + lh / 2 - 6, 12, 12)
        self.ops.append(SwatchOp(kind, sw, color))
        fm = QFontMetricsF(self.f_body)
        text = fm.elidedText(name, Qt.TextElideMode.ElideRight, width - 34)
        self._text(QRectF(x + 34, y, width - 34, lh), text, self.f_body, self.ink)

    def _legend_column(self, at: QPointF) -> float:
        width = self._right_legend_width()
        x, y = at.x(), at.y()
        step = QFontMetricsF(self.f_body).height() + 7
        for i, (head, kind, items) in enumerate(self._legend_groups()):
            if i:
                y += 14
            hh = QFontMetricsF(self.f_head).height()
            self._text(QRectF(x, y, width, hh), head, self.f_head, self.grey)
            y += hh + 8
            for name, color in items:
                self._item(x, y, kind, name, color, width)
                y += step
        if self.content.legend_note and self.content.flow_types:
            h = _wrapped_height(self.f_small, self.content.legend_note, width)
            self._text(QRectF(x, y + 6, width, h), self.content.legend_note, self.f_small, self.light_grey,
                       wrap=True)
            y += h + 6
        self.blocks["legend"] = QRectF(at.x(), at.y(), width, y - at.y())
        return y - at.y()

    def _legend_rows(self, y: float) -> float:
        top = y
        groups = self._legend_groups()
        head_w = max(_text_width(self.f_head, h) for h, _, _ in groups) + 20
        cell = max(_text_width(self.f_body, n) + 34 + 24 for _, _, items in groups for n, _ in items)
        avail = self.content_width - head_w
        cell = min(cell, avail)
        cols = max(1, int(avail // cell))
        cell = avail / cols if cols > 1 else cell
        lh = QFontMetricsF(self.f_body).height()
        step = lh + 7
        for i, (head, kind, items) in enumerate(groups):
            if i:
                y += 10
            hh = QFontMetricsF(self.f_head).height()
            self._text(QRectF(MARGIN, y + (lh - hh) / 2 + 1, head_w, hh), head, self.f_head, self.grey)
            for j, (name, color) in enumerate(items):
                r, k = divmod(j, cols)
                self._item(MARGIN + head_w + k * cell, y + r * step, kind, name, color, cell - 16)
            y += math.ceil(len(items) / cols) * step
        if self.content.legend_note and self.content.flow_types:
            h = _wrapped_height(self.f_small, self.content.legend_note, avail)
            self._text(QRectF(MARGIN + head_w, y + 2, avail, h), self.content.legend_note, self.f_small,
                       self.light_grey, wrap=True)
            y += h + 2
        self.blocks["legend"] = QRectF(MARGIN, top, self.content_width, y - top)
        return y

    # ------------------------------------------------------ stress marks
    def _stress_block(self, y: float) -> float:
        """A red ring and a dashed red stroke as keys, the legend line beside them, the caveat below."""
        c, w = self.content, self.content_width
        top = y
        key_w = 58.0
        lh = QFontMetricsF(self.f_body).height()
        self.ops.append(SwatchOp("stress_ring", QRectF(MARGIN + 2, y + lh / 2 - 8, 16, 16), STRESS_RED))
        self.ops.append(SwatchOp("stress_dash", QRectF(MARGIN + 24, y + lh / 2 - 4, 30, 8), STRESS_RED))
        h = _wrapped_height(self.f_body, c.stress_note, w - key_w)
        self._text(QRectF(MARGIN + key_w, y, w - key_w, h), c.stress_note, self.f_body, self.ink, wrap=True)
        y += h
        if c.stress_caveat:
            h = _wrapped_height(self.f_small, c.stress_caveat, w - key_w)
            self._text(QRectF(MARGIN + key_w, y + 3, w - key_w, h), c.stress_caveat, self.f_small, self.grey,
                       wrap=True)
            y += h + 3
        self.blocks["stress"] = QRectF(MARGIN, top, w, y - top)
        return y

    # ----------------------------------------------------------- footer
    def _footer(self, y: float) -> float:
        w = self.content_width
        self.ops.append(RuleOp(QLineF(MARGIN, y, MARGIN + w, y)))
        top = y
        y += 9
        lh = QFontMetricsF(self.f_small).height()
        credit_w = _text_width(self.f_small, self.content.credit)
        self._text(QRectF(MARGIN + w - credit_w, y, credit_w, lh), self.content.credit, self.f_small,
                   self.light_grey,
                   flags=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        notes = self.content.sources
        if notes is not None and (notes.entries or notes.left_out):
            cap = self.content.captions
            head = (cap["sources_as_of"].format(date=self.content.as_of) if self.content.as_of
                    else cap["sources"])
            self._text(QRectF(MARGIN, y, w - credit_w - 12, lh), head, self.f_small_bold, self.grey)
            y += lh + 4
            y = self._source_columns(notes, y, lh)
        else:
            y += lh
        self.blocks["footer"] = QRectF(MARGIN, top, w, y - top)
        return y

    def _source_columns(self, notes: SourceNotes, y: float, lh: float) -> float:
        w, gap = self.content_width, 18.0
        entries = notes.entries
        most = max(1, int((w + gap) // (SOURCE_COLUMN + gap)))
        # fill down columns of at least 3 rows; widths stay those of the widest layout
        rows = max(min(len(entries), 3), math.ceil(len(entries) / most))
        col_w = (w - gap * (most - 1)) / most
        num_w = _text_width(self.f_small_bold, str(len(entries))) + 5
        fm = QFontMetricsF(self.f_small)
        step = lh + 1.5
        for i, e in enumerate(entries):
            k, r = divmod(i, rows)    # down the columns, like a newspaper
            x, yy = MARGIN + k * (col_w + gap), y + r * step
            self._text(QRectF(x, yy, num_w - 5, lh), str(e.number), self.f_small_bold, self.grey,
                       flags=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            text = fm.elidedText(e.text, Qt.TextElideMode.ElideRight, col_w - num_w)
            self._text(QRectF(x + num_w, yy, col_w - num_w, lh), text, self.f_small, self.grey)
        y += rows * step
        if notes.left_out:
            cap = self.content.captions
            more = (cap["one_more_source"] if notes.left_out == 1
                    else cap["more_sources"].format(count=f"{notes.left_out:,}"))
            self._text(QRectF(MARGIN, y + 2, w, lh), more, self.f_small, self.grey)
            y += lh + 2
        return y

    # ------------------------------------------------------------ paint
    def _text(self, rect: QRectF, text: str, font: QFont, color: str, *, wrap: bool = False,
              flags=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) -> None:
        f = int(flags) | (int(Qt.TextFlag.TextWordWrap) if wrap else 0)
        self.ops.append(TextOp(rect, text, font, color, f))

    def texts(self) -> list[str]:
        return [op.text for op in self.ops if isinstance(op, TextOp)]

    def paint(self, painter: QPainter) -> None:
        """Paint everything but the diagram, in page units."""
        for op in self.ops:
            if isinstance(op, TextOp):
                painter.setFont(op.font)
                painter.setPen(QColor(op.color))
                if op.flags & int(Qt.TextFlag.TextWordWrap):
                    painter.drawText(op.rect, op.flags | int(Qt.TextFlag.TextDontClip), op.text)
                else:
                    # one line on the font's own baseline, so a fallback font (CJK
                    # names) neither shifts nor clips it
                    fm = QFontMetricsF(op.font)
                    x = op.rect.left()
                    if op.flags & int(Qt.AlignmentFlag.AlignRight):
                        x = op.rect.right() - fm.horizontalAdvance(op.text)
                    painter.drawText(QPointF(x, op.rect.top() + fm.ascent()), op.text)
            elif isinstance(op, RuleOp):
                painter.setPen(QPen(QColor(op.color), op.width, Qt.PenStyle.SolidLine,
                                    Qt.PenCapStyle.FlatCap))
                painter.drawLine(op.line)
            else:
                _paint_swatch(painter, op)


def _paint_swatch(painter: QPainter, op: SwatchOp) -> None:
    color = QColor(op.color)
    r = op.rect
    if op.kind == "stress_ring":
        painter.setPen(QPen(color, 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(r.adjusted(1.25, 1.25, -1.25, -1.25))
        return
    if op.kind == "stress_dash":
        pen = QPen(color, 2.5, Qt.PenStyle.CustomDashLine, Qt.PenCapStyle.FlatCap)
        pen.setDashPattern([3.0, 2.2])
        painter.setPen(pen)
        y = r.center().y()
        painter.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
        return
    if op.kind == "company":
        from editor.canvas.style import outline, soft_fill

        painter.setPen(QPen(outline(color), 1.2))
        painter.setBrush(QBrush(soft_fill(color)))
        painter.drawEllipse(r)
        return
    y = r.center().y()
    head = 8.0
    painter.setPen(QPen(color, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    painter.drawLine(QPointF(r.left(), y), QPointF(r.right() - head + 1, y))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(r.right(), y), QPointF(r.right() - head, y - 4.5),
                               QPointF(r.right() - head, y + 4.5)]))
    painter.drawPath(path)
