"""File → Print (Ctrl+P): the diagram on paper with the export's page layout (title, legend, sources)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from editor.canvas.export.image import ExportOptions, ExportPage
from editor.i18n import translate

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow


def print_to(printer: QPrinter, window: MainWindow, sources: bool = True) -> None:
    """Paint the export page of ``window``'s diagram on ``printer``, scaled to fit the printable area."""
    page = ExportPage(window.document.diagram, ExportOptions(sources=sources))
    try:
        painter = QPainter(printer)
        if not painter.isActive():
            raise OSError("the printer could not start a page")
        try:
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            w, h = page.size.width(), page.size.height()
            scale = min(area.width() / w, area.height() / h)
            target = QRectF(0, 0, w * scale, h * scale)
            target.moveCenter(QRectF(0, 0, area.width(), area.height()).center())
            painter.translate(target.topLeft())
            painter.scale(scale, scale)
            page.paint(painter)
        finally:
            painter.end()
    finally:
        page.close()


def print_diagram(window: MainWindow) -> bool:
    """Ask for a printer (landscape for a wide diagram) and print; False when cancelled or failed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(window.document.display_name())
    rect = window.scene.diagram_rect()
    if rect.width() > rect.height():
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle(translate("Printing", "Print Diagram"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        print_to(printer, window)
    except OSError as e:
        window.statusBar().showMessage(translate("Printing", "Not printed: {reason}").format(reason=e), 8000)
        return False
    window.statusBar().showMessage(translate("Printing", "Sent to the printer"), 4000)
    return True
