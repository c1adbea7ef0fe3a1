"""The main window's status bar: the analysis running, the counts of the diagram, the zoom."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar

from editor.i18n import locale_number, translate

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow


class WindowStatus:
    """The permanent widgets of ``window``'s status bar, and what they show."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.busy = QProgressBar()
        self.busy_label = QLabel(translate("MainWindow", "Analysing…"))
        self.counts_label = QLabel()
        self.zoom_label = QLabel("100%")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.setToolTip(translate("MainWindow", "Analysing the diagram…"))
        self.busy.hide()
        self.busy_label.hide()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar = window.statusBar()
        for w in (self.busy_label, self.busy, self.counts_label, self.zoom_label):
            bar.addPermanentWidget(w)

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)

    def update_counts(self) -> None:
        w = self.window
        d = w.document.diagram
        cids, fids = w.selected_ids()
        n_flows = len(d.flows())
        companies = (translate("MainWindow", "1 company") if len(d) == 1
                     else translate("MainWindow", "{count} companies").format(count=locale_number(len(d))))
        flows = (translate("MainWindow", "1 flow") if n_flows == 1
                 else translate("MainWindow", "{count} flows").format(count=locale_number(n_flows)))
        text = f"{companies} · {flows}"
        n = len(cids) + len(fids)
        if n:
            text += f" · {n} selected"
        self.counts_label.setText(text)

    def update_zoom(self, *_args: object) -> None:
        self.zoom_label.setText(f"{self.window.view.transform().m11() * 100:.0f}%")
