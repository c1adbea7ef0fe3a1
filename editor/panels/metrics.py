"""The Metrics panel: totals, circulation, amounts by type, a sortable company table and a chart.

Applying a result stays cheap at thousands of companies: the table model sorts
its own rows with a Python key (no per-comparison calls from Qt), the view asks
only for the visible rows, and the charts paint only the bars in view.
"""
from __future__ import annotations

import heapq

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.i18n import QT_TRANSLATE_NOOP, locale_number, translate
from editor.panels.common import money, percent, ratio, tone, tone_style
from editor.panels.glossary import computing, tip

# (header, glossary key, value getter) — the value is also the sort key.
COLUMNS = (
    (QT_TRANSLATE_NOOP("Metrics", "Company"), None, lambda m: m.name),
    (QT_TRANSLATE_NOOP("Metrics", "Inflow"), "inflow", lambda m: m.inflow),
    (QT_TRANSLATE_NOOP("Metrics", "Outflow"), "outflow", lambda m: m.outflow),
    (QT_TRANSLATE_NOOP("Metrics", "Net"), "net", lambda m: m.net),
    (QT_TRANSLATE_NOOP("Metrics", "Round trip"), "round_trip_capacity", lambda m: m.round_trip_capacity),
    (QT_TRANSLATE_NOOP("Metrics", "RT ratio"), "round_trip_ratio", lambda m: m.round_trip_ratio),
    (QT_TRANSLATE_NOOP("Metrics", "Val / rev"), "valuation_multiple", lambda m: m.valuation_multiple),
)
ROUND_TRIP_COLUMNS = (4, 5)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, _SORT = (
    int(Qt.ItemDataRole.DisplayRole),
    int(Qt.ItemDataRole.ToolTipRole),
    int(Qt.ItemDataRole.TextAlignmentRole),
    int(Qt.ItemDataRole.ForegroundRole),
    int(SORT_ROLE),
)
_ROLES = frozenset((_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, _SORT))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
INFLOW_COLOR = QColor("#2e7d32")  # bars (the net column's text takes tone("good") / tone("bad"))
OUTFLOW_COLOR = QColor("#c62828")
#: Shown for a round-trip figure the interactive analysis left out for time.
NOT_COMPUTED = "…"
NOT_COMPUTED_TIP = QT_TRANSLATE_NOOP(
    "Metrics",
    "Not computed: the diagram is large. Click “Compute all” below the table, "
    "or run “roundtrip analyze” for every figure.",
)


def sort_key(column: int):
    """Key of a row for ``column``: names case-insensitively, numbers with None lowest."""
    if column == 0:
        return lambda m: m.name.casefold()
    get = COLUMNS[column][2]
    low = float("-inf")

    def key(m):
        v = get(m)
        return low if v is None else v

    return key


class CompanyMetricsModel(QAbstractTableModel):
    """One row per company, sorted by the model itself (``sort``): a Python ``sorted`` with a key,
    a few ms for thousands of rows, instead of Qt comparing rows through Python calls."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: tuple = ()
        self.unit = "USD bn"
        self.sort_column, self.sort_order = 1, Qt.SortOrder.DescendingOrder
        self._texts: dict[int, tuple[str, ...]] = {}  # row -> display texts, filled as rows are shown

    def set_rows(self, rows, unit: str) -> None:
        """New rows, kept in the current sort order. Same companies as before: the view keeps its
        scroll position and selection (a layout change); otherwise the model is reset."""
        rows = self._sorted(rows)
        old = self.rows
        if len(rows) != len(old) or {m.id for m in rows} != {m.id for m in old}:
            self.beginResetModel()
            self.rows, self.unit = rows, unit
            self._texts.clear()
            self.endResetModel()
            return
        self.unit = unit
        self._relayout(rows)
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, Qt.SortOrder(order)
        self._relayout(self._sorted(self.rows))

    def _sorted(self, rows) -> tuple:
        if not 0 <= self.sort_column < len(COLUMNS):
            return tuple(rows)
        desc = self.sort_order == Qt.SortOrder.DescendingOrder
        # ties keep name order in both directions (sorted is stable)
        rows = sorted(rows, key=sort_key(0))
        return (
            tuple(sorted(rows, key=sort_key(self.sort_column), reverse=desc))
            if self.sort_column
            else (tuple(reversed(rows)) if desc else tuple(rows))
        )

    def _relayout(self, rows: tuple) -> None:
        """Replace the rows by the same companies in another order, moving persistent indexes
        (the view's selection and current row) with their company."""
        self.layoutAboutToBeChanged.emit()
        where = {m.id: r for r, m in enumerate(rows)}
        old_rows = self.rows
        persistent = self.persistentIndexList()
        moved = []
        for idx in persistent:
            r = where.get(old_rows[idx.row()].id) if 0 <= idx.row() < len(old_rows) else None
            moved.append(QModelIndex() if r is None else self.createIndex(r, idx.column()))
        self.rows = rows
        self._texts.clear()
        if persistent:
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def row_of(self, company_id: str) -> int:
        return next((r for r, m in enumerate(self.rows) if m.id == company_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("Metrics", COLUMNS[section][0])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][1]:
            return tip(COLUMNS[section][1])
        return None

    def data(self, index, role=_DISPLAY):
        # Called for every role of every visible cell at each repaint: plain ints, cached texts.
        if role not in _ROLES:
            return None
        r, col = index.row(), index.column()
        if not 0 <= r < len(self.rows):
            return None
        if role == _DISPLAY:
            texts = self._texts.get(r)
            if texts is None:
                texts = self._texts[r] = self._display(self.rows[r])
            return texts[col]
        if role == _ALIGN:
            return _RIGHT if col else None
        m = self.rows[r]
        if role == _FOREGROUND:
            return tone("good" if m.net > 0 else "bad") if col == 3 and m.net else None
        if role == _SORT:
            return sort_key(col)(m)
        if col in ROUND_TRIP_COLUMNS and m.round_trip_capacity is None:
            return translate("Metrics", NOT_COMPUTED_TIP)
        if col == 0:
            parts = []
            if m.unknown_in or m.unknown_out:
                parts.append(
                    translate(
                        "Metrics", "{incoming} incoming and {outgoing} outgoing flows without an amount"
                    ).format(incoming=m.unknown_in, outgoing=m.unknown_out)
                )
            if m.circular:
                parts.append(translate("Metrics", "in at least one loop"))
            return "; ".join(parts) or None
        return None

    def _display(self, m) -> tuple[str, ...]:
        texts = [m.name]
        for col in range(1, len(COLUMNS)):
            value = COLUMNS[col][2](m)
            if value is None and col in ROUND_TRIP_COLUMNS and m.round_trip_capacity is None:
                texts.append(NOT_COMPUTED)
            elif col in (1, 2, 3, 4):
                if value is None:
                    texts.append("—")
                else:
                    text = money(abs(value), self.unit)
                    texts.append(("−" + text) if value < 0 else text)
            elif col == 5:
                texts.append(percent(value))
            else:
                texts.append(ratio(value))
        return tuple(texts)


class BarChart(QWidget):
    """Horizontal bars: one row per label, one or two values per row, painted with QPainter."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, list[tuple[float, QColor]]]] = []
        self.unit = "USD bn"
        self.legend: list[tuple[str, QColor]] = []
        self.value_texts: list[str] = []
        self._widest_value = ""
        self.empty_text = translate("Metrics", "Nothing to show yet")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_rows(self, rows, unit: str, legend=()) -> None:
        self.rows, self.unit, self.legend = list(rows), unit, list(legend)
        #: the value text of each row ("$75.4B / $12B"), made once: the paint measures and draws them whole
        self.value_texts = [" / ".join(money(v, unit) for v, _ in vals) for _, vals in self.rows]
        self._widest_value = max(self.value_texts, key=len, default="")
        self.setMinimumHeight(30 + 22 * len(self.rows))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 30 + 22 * max(len(self.rows), 3))

    def value_width(self, fm: QFontMetrics) -> int:
        """The room of the value column: the longest value (by characters, then measured) is never cut."""
        return max(fm.horizontalAdvance(self._widest_value), fm.horizontalAdvance("$999.9B")) + 6

    def paintEvent(self, event) -> None:
        exposed = event.rect()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        if not self.rows:
            p.setPen(pal.placeholderText().color())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        fm = p.fontMetrics()
        label_w = min(max(fm.horizontalAdvance(r[0]) for r in self.rows) + 12, self.width() // 3)
        value_w = self.value_width(fm)
        x0, y = label_w, 6
        if self.legend:
            lx = x0
            for text, color in self.legend:
                p.fillRect(QRectF(lx, y + 3, 10, 10), color)
                p.setPen(pal.text().color())
                p.drawText(int(lx + 14), int(y + 12), text)
                lx += 24 + fm.horizontalAdvance(text)
            y += 20
        top = max((v for _, vals in self.rows for v, _ in vals), default=0.0) or 1.0
        bar_room = max(self.width() - x0 - value_w - 8, 20)
        for (label, vals), text in zip(self.rows, self.value_texts, strict=True):
            if y + 22 < exposed.top() or y > exposed.bottom():  # only the bars in view are painted
                y += 22
                continue
            p.setPen(pal.text().color())
            p.drawText(
                QRectF(0, y, label_w - 6, 20),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 6),
            )
            h = 16 / max(len(vals), 1)
            for i, (v, color) in enumerate(vals):
                w = bar_room * v / top
                p.fillRect(QRectF(x0, y + 2 + i * h, max(w, 1 if v > 0 else 0), h - 1), color)
            p.setPen(pal.placeholderText().color())
            p.drawText(
                QRectF(x0 + bar_room + 4, y, value_w + 4, 20),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            y += 22


class MetricsPanel(QWidget):
    #: The user asks for every round-trip figure (the interactive analysis leaves some out on big diagrams).
    computeAllRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(2)
        for key, label in (
            ("total_amount", translate("Metrics", "Total money")),
            ("circulating_amount", translate("Metrics", "Circulating")),
            ("circular_share", translate("Metrics", "Circular share")),
            ("circular_companies", translate("Metrics", "Companies in loops")),
            ("unknown_amount_flows", translate("Metrics", "Flows without amount")),
        ):
            value = QLabel("—")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(key in ("circulating_amount", "circular_share"))  # may say why there is none
            name = QLabel(translate("Metrics", "{label}:").format(label=label))
            for w in (name, value):
                w.setToolTip(tip(key))
            self.values[key] = value
            form.addRow(name, value)

        self.model = CompanyMetricsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(COLUMNS)):
            h.resizeSection(col, 82)
        h.setMinimumSectionSize(50)

        self.flow_chart = BarChart()
        self.type_chart = BarChart()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.table, translate("Metrics", "Companies"))
        for chart, title in (
            (self.flow_chart, translate("Metrics", "Inflow / outflow")),
            (self.type_chart, translate("Metrics", "By type")),
        ):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(chart)
            self.tabs.addTab(scroll, title)
        self.partial_note = QLabel(
            translate(
                "Metrics", "{mark} Some round-trip figures are not computed yet: the diagram is large."
            ).format(mark=NOT_COMPUTED)
        )
        self.partial_note.setWordWrap(True)
        self.partial_note.setStyleSheet(tone_style("warn"))
        self.partial_note.setToolTip(translate("Metrics", NOT_COMPUTED_TIP))
        self.compute_all = QPushButton(translate("Metrics", "Compute all"))
        self.compute_all.setToolTip(translate("Metrics", "Compute every round-trip figure in the background"))
        self.compute_all.clicked.connect(self._compute_all)
        partial = QHBoxLayout()
        partial.setContentsMargins(0, 0, 0, 0)
        partial.addWidget(self.partial_note, 1)
        partial.addWidget(self.compute_all)
        self.partial_box = QWidget()
        self.partial_box.setLayout(partial)
        self.partial_box.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(form)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.partial_box)

    def sizeHint(self) -> QSize:
        return QSize(420, 320)

    def show_computing(self) -> None:
        """A new diagram is being analysed: show no figures of the previous one meanwhile."""
        for label in self.values.values():
            label.setText(computing())
        self.model.set_rows((), "")
        self.partial_box.setVisible(False)
        self.flow_chart.set_rows([], "", [])
        self.type_chart.set_rows([], "")

    def set_result(
        self, result, type_names: dict[str, str] | None = None, type_colors: dict[str, str] | None = None
    ) -> None:
        unit = result.unit
        t = result.totals
        v = self.values
        v["total_amount"].setText(money(t.total_amount, unit))
        if getattr(result, "circulation_computed", True):
            v["circulating_amount"].setText(money(result.circulating_amount, unit))
            v["circular_share"].setText(percent(result.circular_share))
        else:  # the time budget ran out before the circulation: no figure, not a zero
            for key in ("circulating_amount", "circular_share"):
                v[key].setText(translate("Metrics", "not computed: the map is too large for the time budget"))
        v["circular_companies"].setText(
            translate("Metrics", "{part} of {whole}").format(
                part=locale_number(len(result.circular_companies)), whole=locale_number(result.companies)
            )
        )
        v["unknown_amount_flows"].setText(
            translate("Metrics", "{part} of {whole}").format(
                part=locale_number(t.unknown_amount_flows), whole=locale_number(result.flows)
            )
        )
        self.model.set_rows(result.company_metrics, unit)
        complete = getattr(result, "round_trip_complete", True)
        self.partial_box.setVisible(not complete)
        if not complete:
            self.compute_all.setEnabled(True)
            self.compute_all.setText(translate("Metrics", "Compute all"))
        top = heapq.nlargest(15, result.company_metrics, key=lambda m: max(m.inflow, m.outflow))
        self.flow_chart.set_rows(
            [
                (m.name, [(m.inflow, INFLOW_COLOR), (m.outflow, OUTFLOW_COLOR)])
                for m in top
                if m.inflow or m.outflow
            ],
            unit,
            [
                (translate("Metrics", "Inflow"), INFLOW_COLOR),
                (translate("Metrics", "Outflow"), OUTFLOW_COLOR),
            ],
        )
        names, colors = type_names or {}, type_colors or {}
        self.type_chart.set_rows(
            [
                (names.get(tid, tid), [(amount, QColor(colors.get(tid, "#607d8b")))])
                for tid, amount in t.by_type
            ],
            unit,
        )
        self.type_chart.setToolTip(translate("Metrics", "Known amounts of each flow type, added up"))

    def _compute_all(self) -> None:
        self.compute_all.setEnabled(False)
        self.compute_all.setText(translate("Metrics", "Computing…"))
        self.computeAllRequested.emit()

    def value_text(self, key: str) -> str:
        return self.values[key].text()
