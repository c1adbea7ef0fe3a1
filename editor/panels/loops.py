"""The Loops panel: ranked loops of the latest analysis.

Hovering or selecting a loop asks the canvas to highlight it (``highlightRequested``);
double-clicking asks to select its companies and flows (``selectRequested``).
The limits (max loops, max length) and the "through selected company" filter
are sent to the analysis worker through ``optionsChanged``.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.panels.common import money
from editor.panels.glossary import COMPUTING, tip

COLUMNS = ("#", "Loop", "Bottleneck", "Pattern", "Dated", "Sourced")
_TIPS = (None, "loop", "bottleneck", "pattern", "date_ordered", "sourced")
_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, _FONT = (
    int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
    int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.ForegroundRole),
    int(Qt.ItemDataRole.FontRole))
_ROLES = frozenset((_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, _FONT))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_GREEN, _AMBER, _GREY = QColor("#1b5e20"), QColor("#b26a00"), QColor("#777777")
_BOLD = QFont()
_BOLD.setBold(True)


class LoopsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.loops: tuple = ()
        self.unit = "USD bn"
        self._texts: dict[int, tuple[str, ...]] = {}   # row -> display texts, filled as rows are shown

    def set_loops(self, loops, unit: str) -> None:
        self.beginResetModel()
        self.loops = tuple(loops)
        self.unit = unit
        self._texts.clear()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.loops)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole and _TIPS[section]:
            return tip(_TIPS[section])
        return None

    def data(self, index, role=_DISPLAY):
        # Called for every role of every visible cell at each repaint: plain ints, cached texts.
        if role not in _ROLES:
            return None
        r, col = index.row(), index.column()
        if not 0 <= r < len(self.loops):
            return None
        if role == _DISPLAY:
            texts = self._texts.get(r)
            if texts is None:
                texts = self._texts[r] = self._display(r, self.loops[r])
            return texts[col]
        if role == _ALIGN:
            return _RIGHT if col in (0, 2) else None
        if role == _FONT:
            return _BOLD if col == 2 else None
        loop = self.loops[r]
        if role == _FOREGROUND:
            if col == 4 and loop.date_ordered:
                return _GREEN
            if col == 5:
                return _GREEN if loop.sourced else _AMBER
            return _GREY if col == 0 else None
        # tooltip
        if col == 2 and loop.partial:
            return tip("partial")
        if col == 4:
            if loop.date_ordered:
                return tip("date_ordered")
            return "The deals cannot be read in date order round this loop."
        if col == 5:
            return tip("sourced") if loop.sourced else (
                f"{loop.unsourced_steps} step(s) have a flow without a source link.")
        return self.data(index, _DISPLAY) if col == 1 else loop_text(loop)

    def _display(self, row: int, loop) -> tuple[str, ...]:
        bottleneck = money(loop.bottleneck, self.unit)
        if loop.partial and loop.bottleneck is not None:
            bottleneck = "≥ " + bottleneck
        return (str(row + 1), loop_text(loop), bottleneck, loop.pattern, "dated" if loop.date_ordered else "",
                "sourced" if loop.sourced else f"{loop.unsourced_steps} unsourced")


def loop_text(loop) -> str:
    """"NVIDIA → OpenAI → Oracle → NVIDIA"."""
    names = list(loop.company_names)
    return " → ".join(names + names[:1])


class LoopsPanel(QWidget):
    #: (company ids, flow ids) to highlight on the canvas; both empty: clear the highlight.
    highlightRequested = Signal(list, list)
    #: (company ids, flow ids) to select on the canvas.
    selectRequested = Signal(list, list)
    #: New analysis options: {"max_loops": int, "max_length": int, "through_selected": bool}.
    optionsChanged = Signal(dict)

    def __init__(self, parent: QWidget | None = None, max_loops: int = 100, max_length: int = 12) -> None:
        super().__init__(parent)
        self.model = LoopsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMouseTracking(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        h = self.view.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setStretchLastSection(False)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 32), (2, 104), (3, 140), (4, 56), (5, 84)):
            h.resizeSection(col, width)
        self.view.entered.connect(self._hovered)
        self.view.viewport().installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.view.doubleClicked.connect(self._double_clicked)

        self.through = QCheckBox("Only through selected company")
        self.through.setToolTip("List only loops that pass through the company selected on the canvas.")
        self.through.toggled.connect(lambda _on: self._emit_options())
        self.max_loops = QSpinBox()
        self.max_loops.setRange(0, 10000)
        self.max_loops.setSpecialValueText("all")
        self.max_loops.setValue(max_loops)
        self.max_loops.setToolTip("How many loops to list (0: all)")
        self.max_length = QSpinBox()
        self.max_length.setRange(2, 30)
        self.max_length.setValue(max_length)
        self.max_length.setToolTip("Longest loop searched, in companies")
        for spin in (self.max_loops, self.max_length):
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda _v: self._emit_options())

        self.summary = QLabel("No analysis yet")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #8a5a00;")
        self.note.hide()

        top = QHBoxLayout()
        top.addWidget(self.through)
        top.addStretch(1)
        top.addWidget(QLabel("Max loops"))
        top.addWidget(self.max_loops)
        top.addWidget(QLabel("length"))
        top.addWidget(self.max_length)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.note)
        lay.addWidget(self.view, 1)

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    # ------------------------------------------------------------- results
    def show_computing(self) -> None:
        """A new diagram is being analysed: show no figures of the previous one meanwhile."""
        self.model.set_loops((), "")
        self.summary.setText(COMPUTING)
        self.note.hide()

    def set_result(self, result) -> None:
        keep = self.selected_loop()
        self.model.set_loops(result.loops, result.unit)
        n = len(result.loops)
        circ = len(result.circular_companies)
        if n == 0:
            self.summary.setText("No loops: no money comes back to where it started."
                                 if not result.through else "No loops through the selected company.")
        else:
            self.summary.setText(f"{n} loop{'s' if n != 1 else ''} · "
                                 f"{circ} compan{'y' if circ == 1 else 'ies'} in loops")
        if result.loops_truncated:
            why = ("the search ran out of time" if result.loops_timed_out
                   else f"only the first {result.max_loops} are listed")
            self.note.setText(f"More loops exist: {why}. "
                              "Raise “Max loops” or shorten “length” to see others.")
            self.note.setToolTip(tip("truncated"))
            self.note.show()
        else:
            self.note.hide()
        if keep is not None:
            for row, loop in enumerate(result.loops):
                if loop.company_ids == keep.company_ids:
                    self.view.selectRow(row)
                    return
        self.highlightRequested.emit([], [])

    def selected_loop(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.loops[rows[0].row()] if rows else None

    def options(self) -> dict:
        return {"max_loops": self.max_loops.value(), "max_length": self.max_length.value(),
                "through_selected": self.through.isChecked()}

    # -------------------------------------------------------------- gestures
    def _emit_options(self) -> None:
        self.optionsChanged.emit(self.options())

    def _hovered(self, index: QModelIndex) -> None:
        if index.isValid():
            loop = self.model.loops[index.row()]
            self.highlightRequested.emit(list(loop.company_ids), list(loop.flow_ids))

    def eventFilter(self, obj, event) -> bool:
        from PySide6.QtCore import QEvent

        if obj is self.view.viewport() and event.type() == QEvent.Type.Leave:
            self._selection_changed()  # back to the selected loop, or nothing
        return False

    def _selection_changed(self) -> None:
        loop = self.selected_loop()
        if loop is None:
            self.highlightRequested.emit([], [])
        else:
            self.highlightRequested.emit(list(loop.company_ids), list(loop.flow_ids))

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            loop = self.model.loops[index.row()]
            self.selectRequested.emit(list(loop.company_ids), list(loop.flow_ids))

    def clear_selection(self) -> None:
        self.view.clearSelection()
