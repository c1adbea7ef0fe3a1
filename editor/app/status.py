"""The main window's status bar: the analysis running, the counts of the diagram, the zoom."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from editor.i18n import locale_number, translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressBar

    from editor.app.mainwindow import MainWindow


class WindowStatus:
    """The permanent widgets of ``window``'s status bar, and what they show: "Analysing…" with a
    busy bar (made when the first analysis starts, right after the first paint), the counts and
    the zoom."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._busy: tuple[QLabel, QProgressBar] | None = None
        self.counts_label = QLabel()
        self.zoom_label = QLabel("100%")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar = window.statusBar()
        for w in (self.counts_label, self.zoom_label):
            bar.addPermanentWidget(w)

    def _busy_widgets(self) -> tuple[QLabel, QProgressBar]:
        """"Analysing…" and the busy bar, left of the counts (hidden until an analysis runs)."""
        if self._busy is None:
            from PySide6.QtWidgets import QProgressBar

            label = QLabel(translate("MainWindow", "Analysing…"))
            bar = QProgressBar()
            bar.setRange(0, 0)
            bar.setMaximumWidth(90)
            bar.setMaximumHeight(14)
            bar.setTextVisible(False)
            bar.setToolTip(translate("MainWindow", "Analysing the diagram…"))
            bar.hide()
            label.hide()
            status = self.window.statusBar()
            status.insertPermanentWidget(0, label)
            status.insertPermanentWidget(1, bar)
            self._busy = (label, bar)
        return self._busy

    @property
    def busy_label(self) -> QLabel:
        return self._busy_widgets()[0]

    @property
    def busy(self) -> QProgressBar:
        return self._busy_widgets()[1]

    def set_busy(self, busy: bool) -> None:
        if busy or self._busy is not None:
            label, bar = self._busy_widgets()
            bar.setVisible(busy)
            label.setVisible(busy)

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
