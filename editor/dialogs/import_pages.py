"""The Import dialog's table pages: a grid of column choices above a preview of the rows.

:class:`MappingPanel` offers one combo box per field of a flow or company (which
column of the file holds it); :class:`TablePage` is one tab of the dialog, the
mapping (when the columns can be chosen) above the first rows of the table, the
rows with problems marked. Texts are translated in the "ImportDialog" context.
"""
from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.dialogs.import_model import PREVIEW_ROWS, PreviewModel, field_name
from editor.i18n import QT_TRANSLATE_NOOP, translate
from editor.io.tables import Table

NONE = QT_TRANSLATE_NOOP("ImportDialog", "(none)")

FLOW_LABELS = {
    "source": QT_TRANSLATE_NOOP("ImportDialog", "Source (pays) *"),
    "target": QT_TRANSLATE_NOOP("ImportDialog", "Target (receives) *"),
    "type": QT_TRANSLATE_NOOP("ImportDialog", "Type"),
    "amount": QT_TRANSLATE_NOOP("ImportDialog", "Amount"),
    "qualifier": QT_TRANSLATE_NOOP("ImportDialog", "Qualifier"),
    "unit": QT_TRANSLATE_NOOP("ImportDialog", "Unit"),
    "date": QT_TRANSLATE_NOOP("ImportDialog", "Date"),
    "end_date": QT_TRANSLATE_NOOP("ImportDialog", "End date"),
    "status": QT_TRANSLATE_NOOP("ImportDialog", "Status"),
    "url": QT_TRANSLATE_NOOP("ImportDialog", "Link (URL)"),
    "note": QT_TRANSLATE_NOOP("ImportDialog", "Note"),
    "id": QT_TRANSLATE_NOOP("ImportDialog", "Flow id"),
    "source_id": QT_TRANSLATE_NOOP("ImportDialog", "Source id"),
    "target_id": QT_TRANSLATE_NOOP("ImportDialog", "Target id"),
}
COMPANY_LABELS = {
    "name": QT_TRANSLATE_NOOP("ImportDialog", "Name *"),
    "category": QT_TRANSLATE_NOOP("ImportDialog", "Category"),
    "valuation": QT_TRANSLATE_NOOP("ImportDialog", "Valuation"),
    "valuation_date": QT_TRANSLATE_NOOP("ImportDialog", "Valuation date"),
    "revenue": QT_TRANSLATE_NOOP("ImportDialog", "Revenue"),
    "revenue_period": QT_TRANSLATE_NOOP("ImportDialog", "Revenue period"),
    "profit": QT_TRANSLATE_NOOP("ImportDialog", "Profit"),
    "profit_period": QT_TRANSLATE_NOOP("ImportDialog", "Profit period"),
    "notes": QT_TRANSLATE_NOOP("ImportDialog", "Notes"),
    "x": QT_TRANSLATE_NOOP("ImportDialog", "x"),
    "y": QT_TRANSLATE_NOOP("ImportDialog", "y"),
    "size": QT_TRANSLATE_NOOP("ImportDialog", "Size"),
    "id": QT_TRANSLATE_NOOP("ImportDialog", "Company id"),
}


class MappingPanel(QWidget):
    """A grid of one combo box per field, each listing the table's headers and (none)."""

    def __init__(
        self,
        fields: tuple[str, ...],
        labels: Mapping[str, str],
        headers: list[str],
        guess: Mapping[str, str],
        columns: int = 4,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.combos: dict[str, QComboBox] = {}
        for i, fld in enumerate(fields):
            combo = QComboBox()
            combo.addItem(translate("ImportDialog", NONE), None)
            for h in headers:
                combo.addItem(h, h)
            combo.setCurrentIndex(combo.findData(guess[fld]) if fld in guess else 0)
            combo.setToolTip(
                translate("ImportDialog", "Which column of the file holds the {field}").format(
                    field=field_name(fld)
                )
            )
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            label = QLabel(translate("ImportDialog", labels.get(fld, fld)))
            label.setBuddy(combo)
            r, c = divmod(i, columns)
            grid.addWidget(label, r, 2 * c, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(combo, r, 2 * c + 1)
            grid.setColumnStretch(2 * c + 1, 1)
            self.combos[fld] = combo

    def mapping(self) -> dict[str, str]:
        return {f: c.currentData() for f, c in self.combos.items() if c.currentData() is not None}


class TablePage(QWidget):
    """One tab: the column mapping (if editable) above a preview of the table."""

    def __init__(
        self, table: Table, mapping_panel: MappingPanel | None, note: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.table = table
        self.mapping_panel = mapping_panel
        #: The page's column of widgets (the dialog puts a "use this table" box on top).
        self.column = layout = QVBoxLayout(self)
        self.use_check: QCheckBox | None = None
        if note:
            layout.addWidget(QLabel(note))
        if mapping_panel is not None:
            box = QGroupBox(translate("ImportDialog", "Columns"))
            QVBoxLayout(box).addWidget(mapping_panel)
            layout.addWidget(box)
        self.model = PreviewModel(self)
        self.model.set_table(table)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.view.setColumnWidth(col, min(max(self.view.columnWidth(col), 80), 260))
        layout.addWidget(self.view, 1)
        total = len(table.rows)
        shown = min(total, PREVIEW_ROWS)
        self.count_label = QLabel(
            (translate("ImportDialog", "All 1 row shown.") if total == 1
             else translate("ImportDialog", "All {count} rows shown.").format(count=f"{total:,}"))
            if shown == total
            else translate(
                "ImportDialog", "Showing the first {shown} of {total} rows (all rows are checked)."
            ).format(shown=f"{shown:,}", total=f"{total:,}")
        )
        self.count_label.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.count_label)
        if mapping_panel is not None:
            self.model.set_mapping(mapping_panel.mapping())

    def mapping(self) -> dict[str, str]:
        return self.mapping_panel.mapping() if self.mapping_panel else {}

    def show_row(self, number: int) -> None:
        for i, r in enumerate(self.model._rows):
            if r.number == number:
                self.view.selectRow(i)
                self.view.scrollTo(self.model.index(i, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
                return
