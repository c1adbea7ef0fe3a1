"""Image export: PNG, SVG and PDF of a diagram, laid out like a newspaper graphic.

    export_image(diagram, "out.png", title=None, subtitle=None, width=None, scale=None,
                 legend=True, sources=False, transparent=False, selection=None, as_of=None,
                 stress=None)

:func:`export_image` is the one entry point for writing an image file (the File menu's
export dialog, ``editor.io.formats`` for ``roundtrip export`` and the benchmarks call it);
:class:`ExportPage` and :func:`render_png` are for drawing a page on screen (the dialog's
preview).

The picture is drawn from a :class:`editor.canvas.scene.DiagramScene` built on
a private copy of the diagram (export mode: no handles, grid or hover), so it
looks like the canvas; title, legend band, numbered sources and credit come
from :mod:`editor.canvas.export.layout`. SVG (QSvgGenerator) and PDF (QPdfWriter,
one page sized to the content) are vector with text kept as text; PNG is drawn
antialiased into a QImage. Files are written atomically. Works without a
display: a QApplication on the "offscreen" platform is created when needed.
"""
from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem

from editor.analysis.stress import CAVEAT, StressOverlay
from editor.canvas.export.layout import PageContent, PageLayout, page_captions
from editor.canvas.export.png import encode_png
from editor.canvas.export.sources import number_sources
from editor.canvas.export.svg import diagram_group, insert_diagram
from editor.canvas.scene import DiagramScene
from editor.canvas.stress_marks import LEGEND_TEXT as STRESS_LEGEND
from editor.canvas.style import CanvasStyle
from editor.canvas.theme import THEMES, apply_theme
from editor.i18n import QT_TRANSLATE_NOOP, translate_in
from editor.io.atomic import write_atomic
from editor.io.errors import InputError
from editor.model import Company, Diagram, Flow
from editor.model.texts import msg

Selection = tuple[Iterable[str], Iterable[str]]

FORMATS = (".png", ".svg", ".pdf")
DEFAULT_PNG_WIDTH = 2400
MIN_WIDTH, MAX_WIDTH = 16, 20000
MAX_PIXELS = 250_000_000          # about 1 GB of image memory
#: one page unit is one CSS pixel: 1/96 inch, 0.75 pt
POINTS_PER_UNIT = 0.75
PDF_DPI = 300
DIAGRAM_PADDING = 14.0


@dataclass
class ExportOptions:
    title: str | None = None        # None: the diagram's title; "": no title
    subtitle: str | None = None
    legend: bool = True
    sources: bool = False
    transparent: bool = False
    selection: Selection | None = None   # (company ids, flow ids)
    as_of: str | None = None        # date of the sources note; None: today
    stress: StressOverlay | None = None   # stress-test marks, with a legend line and the caveat
    theme: str = "light"            # the image's own colours ("light", "dark"), whatever the canvas shows
    language: str | None = None     # of the captions: "en", "ja"; None: the interface language


def ensure_app() -> QApplication:
    """The running QApplication, or a new one (offscreen when there is no display)."""
    app = QCoreApplication.instance()
    if app is None:
        if (not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux")
                and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(["roundtrip"])
    elif not isinstance(app, QApplication):
        raise InputError("image export needs a QApplication (a QCoreApplication/QGuiApplication is running)")
    return app


def _copy(diagram: Diagram) -> Diagram:
    """A private copy: the export scene subscribes to it, never to the caller's diagram."""
    s = diagram.snapshot()
    return Diagram.build(companies=s.companies, flows=s.flows, flow_types=s.flow_types,
                         categories=s.categories, metadata=s.metadata)


def _resolve_selection(diagram: Diagram, selection: Selection | None) -> tuple[list[str], list[str]] | None:
    """Company and flow ids to draw: the selected ones plus the ends of selected flows."""
    if selection is None:
        return None
    company_ids, flow_ids = (list(x) for x in selection)
    unknown = [i for i in company_ids if not diagram.has_company(i)] + \
              [i for i in flow_ids if not diagram.has_flow(i)]
    if unknown:
        raise InputError(f"selection: no company or flow with id {', '.join(map(repr, unknown[:5]))}")
    if not company_ids and not flow_ids:
        raise InputError("selection: nothing is selected; select companies or flows, "
                         "or export the whole diagram")
    keep = dict.fromkeys(company_ids)
    for fid in flow_ids:
        f = diagram.flow(fid)
        keep.setdefault(f.source)
        keep.setdefault(f.target)
    return list(keep), list(dict.fromkeys(flow_ids))


class ExportPage:
    """A diagram in an export scene, with the page laid out around it.

    ``paint(painter)`` draws the page in page units (``layout.size``)."""

    def __init__(self, diagram: Diagram, options: ExportOptions | None = None) -> None:
        ensure_app()
        o = self.options = options or ExportOptions()
        self.diagram = _copy(diagram)
        d = self.diagram
        picked = _resolve_selection(d, o.selection)
        companies = [d.company(i) for i in picked[0]] if picked else list(d.companies())
        flows = [d.flow(i) for i in picked[1]] if picked else list(d.flows())
        style = CanvasStyle(language=o.language)
        apply_theme(style, o.theme)
        self.scene = scene = DiagramScene(d, style=style)
        scene.set_export_mode(True)
        scene.set_legend_visible(False)   # the page has its own legend band
        scene.setBackgroundBrush(Qt.BrushStyle.NoBrush)   # the page paints (or not) its own
        if picked:
            shown_c, shown_f = set(picked[0]), set(picked[1])
            for c in d.companies():
                scene.index.companies[c.id].setVisible(c.id in shown_c)
            for f in d.flows():
                item = scene.index.flows[f.id]
                item.setVisible(f.id in shown_f)
                if (label := item.label) is not None:
                    label.setVisible(f.id in shown_f)
        notes = number_sources(flows) if o.sources else None
        scene.set_flow_markers(notes.markers if notes else {})
        if o.stress is not None:
            scene.show_stress(o.stress)
        rect = self._shown_rect(companies, flows) if picked else scene.diagram_rect()
        if rect.isEmpty():
            rect = QRectF(0, 0, 200, 120)
        self.source_rect = rect.adjusted(-DIAGRAM_PADDING, -DIAGRAM_PADDING, DIAGRAM_PADDING, DIAGRAM_PADDING)
        meta = d.metadata
        used_types = {f.type for f in flows}
        used_cats = {c.category for c in companies}
        captions = page_captions(o.language)
        content = PageContent(
            title=meta.title if o.title is None else o.title,
            subtitle=meta.subtitle if o.subtitle is None else o.subtitle,
            flow_types=[(t.name, t.color) for t in d.flow_types() if t.id in used_types] if o.legend else [],
            categories=[(c.name, c.color) for c in d.categories() if c.id in used_cats] if o.legend else [],
            legend_note=(captions["width_note"].format(unit=meta.unit.replace(" ", chr(0xA0)))
                         if any(f.known for f in flows) else ""),
            credit=captions["credit"], captions=captions,
            sources=notes, as_of=o.as_of or datetime.date.today().isoformat(),
            font_family=scene.style.font_family, theme=o.theme,
            stress_note=_stress_note(o.stress, o.language) if o.stress is not None else "",
            stress_caveat=translate_in(o.language, "Stress", CAVEAT) if o.stress is not None else "")
        self.layout = PageLayout(content, self.source_rect.size())

    def _shown_rect(self, companies: list[Company], flows: list[Flow]) -> QRectF:
        rect = QRectF()
        items: list[QGraphicsItem] = [self.scene.index.companies[c.id] for c in companies]
        for f in flows:
            flow_item = self.scene.index.flows[f.id]
            items.append(flow_item)
            if (label := flow_item.label) is not None:
                items.append(label)
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        return rect

    @property
    def size(self) -> QSizeF:
        return self.layout.size

    def paint(self, painter: QPainter, background: bool = True, diagram: bool = True) -> None:
        """The page; ``diagram=False`` leaves out the diagram (the SVG writes it itself)."""
        if background and not self.options.transparent:
            page = QRectF(0, 0, self.size.width(), self.size.height())
            painter.fillRect(page, QColor(self.layout.background))
        if diagram:
            self.scene.render(painter, self.layout.diagram_rect, self.source_rect,
                              Qt.AspectRatioMode.KeepAspectRatio)
        self.layout.paint(painter)

    def close(self) -> None:
        """Let go of the scene (and its subscription to the private diagram copy)."""
        self.scene.clear()
        self.scene.deleteLater()


def _stress_note(overlay: StressOverlay, lang: str | None = None) -> str:
    """The legend line of the stress marks, with the domino round shown, in the captions' language."""
    n = len(overlay.defaulted)
    if not overlay.rounds:
        return translate_in(
            lang,
            "ExportPage",
            QT_TRANSLATE_NOOP("ExportPage", "Stress test: every company can pay all it owes."),
        )
    at = (
        QT_TRANSLATE_NOOP("ExportPage", "After domino round {step} of {rounds}: 1 company in default.")
        if n == 1
        else QT_TRANSLATE_NOOP(
            "ExportPage", "After domino round {step} of {rounds}: {count} companies in default."
        )
    )
    at = translate_in(lang, "ExportPage", at).format(step=overlay.step, rounds=overlay.rounds, count=n)
    return f"{translate_in(lang, 'ExportPage', STRESS_LEGEND)} {at}"


# ------------------------------------------------------------------ writers
def _painter(device: QPaintDevice, scale: float) -> QPainter:
    p = QPainter(device)
    if not p.isActive():
        raise OSError("could not start drawing the image")
    p.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    p.scale(scale, scale)
    return p


def png_size(
    page: ExportPage, width: int | None = None, scale: float | None = None
) -> tuple[int, int, float]:
    """Pixel width, height and the page-unit → pixel factor of a PNG of ``page``."""
    w, h = page.size.width(), page.size.height()
    if width is None:
        width = round(w * scale) if scale is not None else DEFAULT_PNG_WIDTH
    k = width / w
    return int(width), max(1, round(h * k)), k


def render_png(page: ExportPage, width: int | None = None, scale: float | None = None) -> QImage:
    """The page as a QImage (ARGB, premultiplied)."""
    pw, ph, k = png_size(page, width, scale)
    if pw * ph > MAX_PIXELS:
        raise InputError(msg(
            "the image would be {width} × {height} pixels, more than {limit} million; choose a smaller "
            "width or scale", width=f"{pw:,}", height=f"{ph:,}", limit=MAX_PIXELS // 1_000_000
        ))
    fmt = (
        QImage.Format.Format_ARGB32_Premultiplied if page.options.transparent else QImage.Format.Format_RGB32
    )
    img = QImage(pw, ph, fmt)
    if img.isNull():
        raise InputError(msg("not enough memory for a {width} × {height} pixel image; choose a smaller width",
                             width=f"{pw:,}", height=f"{ph:,}"))
    img.fill(Qt.GlobalColor.transparent if page.options.transparent else QColor(page.layout.background))
    p = _painter(img, k)
    try:
        page.paint(p, background=False)
    finally:
        p.end()
    return img


def _png_bytes(page: ExportPage, width: int | None, scale: float | None) -> bytes:
    return encode_png(render_png(page, width, scale))


def _svg_bytes(page: ExportPage, width: int | None, scale: float | None) -> bytes:
    w, h = page.size.width(), page.size.height()
    k = (width / w) if width else (scale or 1.0)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(QSize(round(w * k), round(h * k)))
    gen.setViewBox(QRectF(0, 0, w, h))
    gen.setResolution(96)
    gen.setTitle(page.layout.content.title or "Roundtrip diagram")
    gen.setDescription("Made with Roundtrip")
    p = _painter(gen, 1.0)
    try:
        page.paint(p, diagram=False)
    finally:
        p.end()
    buf.close()
    page.scene.realize_labels()
    group = diagram_group(page.scene, page.source_rect, page.layout.diagram_rect)
    return insert_diagram(bytes(data.data()), group)


def _pdf_bytes(page: ExportPage) -> bytes:
    w, h = page.size.width(), page.size.height()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    pdf = QPdfWriter(buf)
    pdf.setResolution(PDF_DPI)
    size = QPageSize(
        QSizeF(w * POINTS_PER_UNIT, h * POINTS_PER_UNIT),
        QPageSize.Unit.Point,
        "Roundtrip",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    pdf.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    pdf.setTitle(page.layout.content.title or "Roundtrip diagram")
    pdf.setCreator("Roundtrip")
    p = _painter(pdf, PDF_DPI / 96.0)
    try:
        page.paint(p)
    finally:
        p.end()
    buf.close()
    return bytes(data.data())


def _check_options(path: Path, width: Any, scale: Any) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(
            f"{path.name}: images are written as {', '.join(FORMATS)}; got {path.suffix or 'no extension'}"
        )
    if width is not None and scale is not None:
        raise InputError("give either a width or a scale, not both")
    if width is not None and (
        isinstance(width, bool) or not isinstance(width, int) or not MIN_WIDTH <= width <= MAX_WIDTH
    ):
        raise InputError(f"width: expected {MIN_WIDTH} to {MAX_WIDTH} pixels, got {width!r}")
    if scale is not None and (
        isinstance(scale, bool) or not isinstance(scale, (int, float)) or not 0.05 <= scale <= 20
    ):
        raise InputError(f"scale: expected 0.05 to 20, got {scale!r}")
    return suffix


def export_image(
    diagram: Diagram,
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    subtitle: str | None = None,
    width: int | None = None,
    scale: float | None = None,
    legend: bool = True,
    sources: bool = False,
    transparent: bool = False,
    selection: Selection | None = None,
    as_of: str | None = None,
    stress: StressOverlay | None = None,
    theme: str = "light",
    language: str | None = None,
) -> None:
    """Write ``diagram`` as a PNG, SVG or PDF (by ``path``'s extension): the one way the
    application, the command line and the benchmarks write an image file.

    ``width`` (pixels) or ``scale`` (pixels per page unit) size a PNG (default
    2400 px wide) and set an SVG's width; a PDF page is sized to its content.
    ``selection``: ``(company ids, flow ids)`` to draw only those (with the ends of
    the flows). ``sources``: numbered markers on flows with a link and a footnote
    listing them "as of" ``as_of`` (default today). ``stress``: a stress test's marks
    (defaults and unpaid parts of arrows) with a legend line and its caveat. ``theme``: the
    image's colours, "light" (white page) or "dark", its own whatever the canvas shows. Raises
    InputError for bad
    options, OSError when the file cannot be written (an old file is left intact).
    ``language``: of the page's captions ("en", "ja"; None: the interface language)."""
    out = Path(path)
    suffix = _check_options(out, width, scale)
    if theme not in THEMES:
        raise InputError(f"theme: expected one of {', '.join(THEMES)}, got {theme!r}")
    opts = ExportOptions(
        title=title,
        subtitle=subtitle,
        legend=legend,
        sources=sources,
        transparent=transparent,
        selection=selection,
        as_of=as_of,
        stress=stress,
        theme=theme,
        language=language,
    )
    page = ExportPage(diagram, opts)
    try:
        if suffix == ".png":
            data = _png_bytes(page, width, scale)
        elif suffix == ".svg":
            data = _svg_bytes(page, width, scale)
        else:
            data = _pdf_bytes(page)
    finally:
        page.close()
    write_atomic(out, data)
