"""The tool bar's flow type box: the type the next drawn flow gets (keys 1–9 pick one)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox

from editor.i18n import translate

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow


def swatch(color: str, size: int = 14) -> QIcon:
    """A square of ``color`` (as the catalogue panel shows each type; that panel's module is
    imported only after the window's first paint)."""
    pm = QPixmap(size, size)
    pm.fill(QColor(color))
    return QIcon(pm)


class FlowTypeCombo:
    """Keeps ``combo`` listing the document's flow types and tells the canvas which one is picked."""

    def __init__(self, window: MainWindow, combo: QComboBox) -> None:
        self.window = window
        self.combo = combo
        combo.setMinimumContentsLength(22)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.activated.connect(lambda i: window.pick_flow_type(i))

    def refresh(self) -> None:
        """The document's flow types (the picked one stays picked while it exists)."""
        combo, w = self.combo, self.window
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for i, t in enumerate(w.document.diagram.flow_types()):
            combo.addItem(swatch(t.color), f"{i + 1}  {t.name}" if i < 9 else t.name, t.id)
        i = combo.findData(current)
        combo.setCurrentIndex(i if i >= 0 else 0)
        combo.blockSignals(False)
        if combo.count():
            w.view.set_flow_type(combo.currentData())

    def pick(self, index: int, announce: bool = True) -> None:
        combo, w = self.combo, self.window
        if not 0 <= index < combo.count():
            return
        combo.setCurrentIndex(index)
        tid = combo.itemData(index)
        w.view.set_flow_type(tid)
        if announce:
            name = w.document.diagram.flow_type(tid).name
            w.statusBar().showMessage(translate("MainWindow", "New flows: {type}").format(type=name), 3000)

    def pick_next(self) -> None:
        self.pick((self.combo.currentIndex() + 1) % max(self.combo.count(), 1))
