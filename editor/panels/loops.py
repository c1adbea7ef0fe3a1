"""The Loops panel: ranked loops of the latest analysis.

Hovering or selecting a loop asks the canvas to highlight it (``highlightRequested``);
double-clicking asks to select its companies and flows (``selectRequested``).
The limits (max loops, max length), the "through selected company" filter and
"Date-ordered only" (with "within N days": a search of its own, see
:func:`editor.analysis.temporal.find_date_ordered_loops`) are sent to the
analysis worker through ``optionsChanged``. A result of a period says so.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont
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

from editor.analysis.timed import period_note
from editor.i18n import QT_TRANSLATE_NOOP, message_text, translate
from editor.model.plain import plain_tip
from editor.model.texts import Message
from editor.panels.common import money, tone, tone_style
from editor.panels.glossary import computing, tip

COLUMNS = ("#", QT_TRANSLATE_NOOP("Loops", "Loop"), QT_TRANSLATE_NOOP("Loops", "Bottleneck"),
           QT_TRANSLATE_NOOP("Loops", "Pattern"), QT_TRANSLATE_NOOP("Loops", "Dated"),
           QT_TRANSLATE_NOOP("Loops", "Sourced"))
#: the Dated column's words for LoopsModel.dating's states
DATING_TEXTS = {"in order": QT_TRANSLATE_NOOP("Loops", "in order"),
                "out of order": QT_TRANSLATE_NOOP("Loops", "out of order"),
                "undated": QT_TRANSLATE_NOOP("Loops", "undated")}
_TIPS = (None, "loop", "bottleneck", "pattern", "date_ordered", "sourced")
_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, _FONT = (
    int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
    int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.ForegroundRole),
    int(Qt.ItemDataRole.FontRole))
_ROLES = frozenset((_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, _FONT))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_BOLD = QFont()
_BOLD.setBold(True)


class LoopsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.loops: tuple = ()
        self.unit = "USD bn"
        self.readings: dict[tuple[str, ...], str] = {}   # company ids -> "read in date order" text
        self._texts: dict[int, tuple[str, ...]] = {}   # row -> display texts, filled as rows are shown
        self.dated_flows: frozenset[str] | None = None  # flows with a date; None: not known

    def set_loops(self, loops, unit: str, dated_flows: frozenset[str] | None = None) -> None:
        self.beginResetModel()
        self.loops = tuple(loops)
        self.unit = unit
        self.dated_flows = dated_flows
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
            return translate("Loops", COLUMNS[section])
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
            if col == 4:
                return tone({"in order": "good", "out of order": "warn"}.get(self.dating(loop), "muted"))
            if col == 5:
                return tone("good" if loop.sourced else "warn")
            return tone("muted") if col == 0 else None
        # tooltip
        if col == 2 and loop.partial:
            return tip("partial")
        if col == 4:
            if loop.company_ids in self.readings:
                return self.readings[loop.company_ids]
            state = self.dating(loop)
            if state == "in order":
                return tip("date_ordered")
            if state == "undated":
                return translate(
                    "Loops",
                    "Undated: a step of this loop has no flow with a date, so its order is not known.",
                )
            return translate(
                "Loops", "Out of order: the dated deals round this loop do not follow each other in time."
            )
        if col == 5:
            return (
                tip("sourced")
                if loop.sourced
                else (
                    translate("Loops", "{count} step(s) have a flow without a source link.").format(
                        count=loop.unsourced_steps
                    )
                )
            )
        return plain_tip(self.data(index, _DISPLAY) if col == 1 else loop_text(loop))  # names from files

    def _display(self, row: int, loop) -> tuple[str, ...]:
        bottleneck = money(loop.bottleneck, self.unit)
        if loop.partial and loop.bottleneck is not None:
            bottleneck = "≥ " + bottleneck
        return (
            str(row + 1),
            loop_text(loop),
            bottleneck,
            pattern_text(loop.pattern),  # English from the analysis; a user type's name stays
            translate("Loops", DATING_TEXTS[self.dating(loop)]),
            translate("Loops", "sourced")
            if loop.sourced
            else translate("Loops", "{count} unsourced").format(count=loop.unsourced_steps),
        )

    def dating(self, loop) -> str:
        """ "in order", "out of order" or "undated" (a step without any dated flow)."""
        if loop.date_ordered:
            return "in order"
        dated = self.dated_flows
        if dated is not None and any(not any(f in dated for f in step.flow_ids) for step in loop.steps):
            return "undated"
        return "out of order"


def reading_text(dated) -> str:
    """ "In date order from Oracle: Oracle → NVIDIA → OpenAI → Oracle, 2025-05 to 2025-09"."""
    loop = dated.loop
    ids = list(loop.company_ids)
    k = ids.index(dated.start) if dated.start in ids else 0
    names = list(loop.company_names[k:] + loop.company_names[:k])
    return translate("Loops", "In date order from {start}: {loop}, {first} to {last}").format(
        start=names[0], loop=" → ".join(names + names[:1]), first=dated.first_date, last=dated.last_date
    )


def pattern_text(pattern: str) -> str:
    """A loop pattern's name in the interface language ("<type name> loop" keeps the type's name)."""
    return message_text(pattern) if isinstance(pattern, Message) else translate("Patterns", pattern)


def loop_text(loop) -> str:
    """ "NVIDIA → OpenAI → Oracle → NVIDIA"."""
    names = list(loop.company_names)
    return " → ".join(names + names[:1])


class LoopsPanel(QWidget):
    #: (company ids, flow ids) to highlight on the canvas; both empty: clear the highlight.
    highlightRequested = Signal(list, list)
    #: (company ids, flow ids) to select on the canvas.
    selectRequested = Signal(list, list)
    #: New analysis options: {"max_loops": int, "max_length": int, "through_selected": bool,
    #: "date_ordered": bool, "within_days": int | None}.
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
        # The loop gets the room; the other columns keep to the width of their longest usual text
        # (measured once, not per row: a list of thousands of loops stays quick).
        h.setStretchLastSection(False)
        h.setMinimumSectionSize(24)
        fm = self.view.fontMetrics()
        for col, sample in (
            (0, "999"),
            (2, "≥ $999.9B"),
            (3, "Vendor financing"),
            (4, "out of order"),
            (5, "99 unsourced"),
        ):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            wide = max(
                fm.horizontalAdvance(sample), fm.horizontalAdvance(translate("Loops", COLUMNS[col])) + 12
            )
            h.resizeSection(col, wide + 14)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.entered.connect(self._hovered)
        self.view.viewport().installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.view.doubleClicked.connect(self._double_clicked)

        self.through = QCheckBox(translate("Loops", "Only through selected company"))
        self.through.setToolTip(
            translate("Loops", "List only loops that pass through the company selected on the canvas.")
        )
        self.through.toggled.connect(lambda _on: self._emit_options())
        self.max_loops = QSpinBox()
        self.max_loops.setRange(0, 10000)
        self.max_loops.setSpecialValueText(translate("Loops", "all"))
        self.max_loops.setValue(max_loops)
        self.max_loops.setToolTip(translate("Loops", "How many loops to list (0: all)"))
        self.max_length = QSpinBox()
        self.max_length.setRange(2, 30)
        self.max_length.setValue(max_length)
        self.max_length.setToolTip(translate("Loops", "Longest loop searched, in companies"))
        for spin in (self.max_loops, self.max_length):
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda _v: self._emit_options())

        self.date_ordered = QCheckBox(translate("Loops", "Date-ordered only"))
        self.date_ordered.setToolTip(
            translate(
                "Loops",
                "List only the loops whose deals can be read in date order, "
                "starting at some company of the loop.",
            )
        )
        self.date_ordered.toggled.connect(lambda _on: self._emit_options())
        self.within = QCheckBox(translate("Loops", "within"))
        self.within.setToolTip(
            translate(
                "Loops", "With date-ordered loops: the last deal at most this many days after the first."
            )
        )
        self.within_days = QSpinBox()
        self.within_days.setRange(0, 36500)
        self.within_days.setValue(90)
        self.within_days.setSuffix(translate("Loops", " days"))
        self.within_days.setKeyboardTracking(False)
        self.within.toggled.connect(lambda _on: self._emit_options())
        self.within_days.valueChanged.connect(self._within_changed)
        self.date_ordered.toggled.connect(self._date_ordered_toggled)
        self._date_ordered_toggled(False)

        self.summary = QLabel(translate("Loops", "No analysis yet"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(tone_style("warn"))
        self.note.hide()

        top = QHBoxLayout()
        top.addWidget(self.through)
        top.addStretch(1)
        top.addWidget(QLabel(translate("Loops", "Max loops")))
        top.addWidget(self.max_loops)
        top.addWidget(QLabel(translate("Loops", "length")))
        top.addWidget(self.max_length)
        dated = QHBoxLayout()
        dated.addWidget(self.date_ordered)
        dated.addWidget(self.within)
        dated.addWidget(self.within_days)
        dated.addStretch(1)
        self.period_label = QLabel()
        self.period_label.setStyleSheet("color: #1f4e79;")
        self.period_label.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(4)
        lay.addLayout(top)
        lay.addLayout(dated)
        lay.addWidget(self.period_label)
        lay.addWidget(self.summary)
        lay.addWidget(self.note)
        lay.addWidget(self.view, 1)

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    # ------------------------------------------------------------- results
    def show_computing(self) -> None:
        """A new diagram is being analysed: show no figures of the previous one meanwhile."""
        self.model.set_loops((), "")
        self.summary.setText(computing())
        self.note.hide()

    def set_result(self, result, dated_flows: frozenset[str] | None = None) -> None:
        """Show ``result``; ``dated_flows`` (flows with a date) tells undated loops from out of order."""
        keep = self.selected_loop()
        self.model.readings = {d.loop.company_ids: reading_text(d) for d in getattr(result, "readings", ())}
        self.model.set_loops(result.loops, result.unit, dated_flows)
        n = len(result.loops)
        circ = len(result.circular_companies)
        dated = getattr(result, "date_ordered_only", False)
        window = getattr(result, "window_days", None)
        skipped = "loops" in getattr(result, "skipped", ())  # no time for the search: no finding
        self.summary.setText(
            translate("Loops", "Loops not computed: the map is too large for the time budget.")
            if skipped
            else summary_text(n, circ, dated, window, bool(result.through))
        )
        period = getattr(result, "period", None)
        if period is not None:
            self.period_label.setText(
                translate("Loops", "Period applied: {period}. Clear it on the timeline.").format(
                    period=message_text(period_note(result))
                )
            )
            self.period_label.show()
        else:
            self.period_label.hide()
        if result.loops_truncated and not skipped:
            self.note.setText(
                translate(
                    "Loops",
                    "More loops exist: the search ran out of time. Raise “Max loops” or shorten "
                    "“length” to see others.",
                )
                if result.loops_timed_out
                else translate(
                    "Loops",
                    "More loops exist: only the first {count} are listed. Raise “Max loops” "
                    "or shorten “length” to see others.",
                ).format(count=result.max_loops)
            )
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
        dated = self.date_ordered.isChecked()
        return {
            "max_loops": self.max_loops.value(),
            "max_length": self.max_length.value(),
            "through_selected": self.through.isChecked(),
            "date_ordered": dated,
            "within_days": self.within_days.value() if dated and self.within.isChecked() else None,
        }

    # -------------------------------------------------------------- gestures
    def _emit_options(self) -> None:
        self.optionsChanged.emit(self.options())

    def _within_changed(self, _days: int) -> None:
        if self.within.isChecked():
            self._emit_options()

    def _date_ordered_toggled(self, on: bool) -> None:
        self.within.setEnabled(on)
        self.within_days.setEnabled(on)

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


def summary_text(n: int, companies: int, dated: bool, window: int | None, through: bool) -> str:
    """The line above the loop list, as whole sentences for the catalogue."""
    if n == 0:
        if not dated:
            return (
                translate("Loops", "No loops through the selected company.")
                if through
                else translate("Loops", "No loops: no money comes back to where it started.")
            )
        if window is None:
            return (
                translate("Loops", "No date-ordered loops through the selected company.")
                if through
                else translate("Loops", "No date-ordered loops.")
            )
        return (
            translate("Loops", "No date-ordered loops within {days} days through the selected company.")
            if through
            else translate("Loops", "No date-ordered loops within {days} days.")
        ).format(days=window)
    if not dated:
        loops = translate("Loops", "1 loop") if n == 1 else translate("Loops", "{count} loops")
    elif window is None:
        loops = (
            translate("Loops", "1 date-ordered loop")
            if n == 1
            else translate("Loops", "{count} date-ordered loops")
        )
    else:
        loops = (
            translate("Loops", "1 date-ordered loop within {days} days")
            if n == 1
            else translate("Loops", "{count} date-ordered loops within {days} days")
        )
    where = (
        translate("Loops", "1 company in loops")
        if companies == 1
        else translate("Loops", "{count} companies in loops")
    )
    return f"{loops.format(count=n, days=window)} · {where.format(count=companies)}"
