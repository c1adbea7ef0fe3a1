"""What the Import dialog shows and does, apart from its widgets.

:func:`load_source` reads the file once (a spreadsheet as raw tables, any other
readable format as a whole diagram). :func:`check_tables` turns the tables and
the user's column mappings into a :class:`Check`: the problems by row, what
would be imported and whether the import may go ahead. :func:`apply_merge`
adds an imported diagram to an open document in one undo step.
:class:`PreviewModel` is the table view's model (first rows of a sheet, rows
that will fail in soft red with the reason as tooltip).
"""
from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from editor.i18n import QT_TRANSLATE_NOOP, error_text, translate
from editor.io.edgelist import Problem, build_diagram, place_companies
from editor.io.formats import format_for
from editor.io.merge import plan_merge
from editor.io.tableexport import company_rows, flow_rows
from editor.io.tables import Row, Table, cell_text
from editor.io.tableshapes import DECIMAL_MARK_HINT
from editor.model import Diagram
from editor.model.layout import layout_positions
from editor.model.plain import plain_tip
from editor.model.texts import Joined

#: The fields of flows and companies as the column tooltips and the preview's headers name them.
FIELD_NAMES = {
    "source": QT_TRANSLATE_NOOP("ImportDialog", "source"),
    "target": QT_TRANSLATE_NOOP("ImportDialog", "target"),
    "type": QT_TRANSLATE_NOOP("ImportDialog", "type"),
    "amount": QT_TRANSLATE_NOOP("ImportDialog", "amount"),
    "qualifier": QT_TRANSLATE_NOOP("ImportDialog", "qualifier"),
    "unit": QT_TRANSLATE_NOOP("ImportDialog", "unit"),
    "date": QT_TRANSLATE_NOOP("ImportDialog", "date"),
    "end_date": QT_TRANSLATE_NOOP("ImportDialog", "end date"),
    "status": QT_TRANSLATE_NOOP("ImportDialog", "status"),
    "url": QT_TRANSLATE_NOOP("ImportDialog", "url"),
    "note": QT_TRANSLATE_NOOP("ImportDialog", "note"),
    "id": QT_TRANSLATE_NOOP("ImportDialog", "id"),
    "source_id": QT_TRANSLATE_NOOP("ImportDialog", "source id"),
    "target_id": QT_TRANSLATE_NOOP("ImportDialog", "target id"),
    "name": QT_TRANSLATE_NOOP("ImportDialog", "name"),
    "category": QT_TRANSLATE_NOOP("ImportDialog", "category"),
    "valuation": QT_TRANSLATE_NOOP("ImportDialog", "valuation"),
    "valuation_date": QT_TRANSLATE_NOOP("ImportDialog", "valuation date"),
    "revenue": QT_TRANSLATE_NOOP("ImportDialog", "revenue"),
    "revenue_period": QT_TRANSLATE_NOOP("ImportDialog", "revenue period"),
    "profit": QT_TRANSLATE_NOOP("ImportDialog", "profit"),
    "profit_period": QT_TRANSLATE_NOOP("ImportDialog", "profit period"),
    "notes": QT_TRANSLATE_NOOP("ImportDialog", "notes"),
    "x": QT_TRANSLATE_NOOP("ImportDialog", "x"),
    "y": QT_TRANSLATE_NOOP("ImportDialog", "y"),
    "size": QT_TRANSLATE_NOOP("ImportDialog", "size"),
}


def field_name(fld: str, exact: bool = False) -> str:
    """A field in the interface language ("end date" in English); ``exact``: the English is the
    field's own key ("end_date"), as the preview's column headers write it."""
    english = FIELD_NAMES.get(fld, fld.replace("_", " "))
    name = translate("ImportDialog", english)
    return fld if exact and name == english else name


#: Rows shown in the preview table (all rows are checked).
PREVIEW_ROWS = 200
#: Background of rows that will not be imported, and of the cell that is the reason.
BAD_ROW = QColor("#fde2e1")
BAD_CELL = QColor("#f7b9b5")


@dataclass
class Source:
    """A file read for import: either tables to map (spreadsheets) or a finished diagram."""

    path: Path
    flows: Table | None = None
    companies: Table | None = None
    extra: dict[str, Table] = field(default_factory=dict)
    diagram: Diagram | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def is_table(self) -> bool:
        return self.flows is not None


def load_source(path: str | os.PathLike) -> Source:
    """Read ``path`` for import; raises InputError (with a message for the user) if it cannot."""
    from editor.io.edgelist import read_tables

    p = Path(path)
    fmt = format_for(p, "read")  # InputError naming the readable extensions
    if fmt.table:
        flows, companies, extra = read_tables(p)
        notes = list(flows.notes) + (list(companies.notes) if companies else [])
        return Source(p, flows, companies, extra, notes=notes)
    diagram, notes = fmt.reader(p)  # type: ignore[misc]
    return Source(p, diagram=diagram, notes=list(notes))


def diagram_tables(diagram: Diagram) -> tuple[Table, Table]:
    """The flows and companies of a diagram as tables, to preview a graph file like a spreadsheet."""
    out = []
    for what, (headers, rows) in (("flows", flow_rows(diagram)), ("companies", company_rows(diagram))):
        out.append(Table(what, list(headers),
                         [Row(i + 1, dict(zip(headers, r, strict=True))) for i, r in enumerate(rows)]))
    return out[0], out[1]


@dataclass
class Check:
    """The outcome of checking the tables with the current mappings."""

    diagram: Diagram | None       # what would be imported (positions not computed yet)
    problems: list[Problem]       # every problem, fatal or not
    skipped: dict[str, set[int]]  # table source -> row numbers that would be left out
    fatal: str                    # why nothing can be imported, or ""
    #: Number columns whose decimal mark the file leaves open: the user must choose it.
    undecided: list[str] = field(default_factory=list)

    @property
    def importable(self) -> bool:
        return not self.fatal and self.diagram is not None and not self.diagram.is_empty()

    def skipped_count(self) -> int:
        return sum(len(r) for r in self.skipped.values())


def check_tables(flows: Table, mapping: Mapping[str, str], *, companies: Table | None = None,
                 companies_mapping: Mapping[str, str] | None = None, extra: Mapping[str, Table] | None = None,
                 skip_bad_rows: bool = True, place: bool = False, decimal_mark: str | None = None) -> Check:
    """Build the diagram the mappings describe; rows with problems are left out only if
    ``skip_bad_rows`` (otherwise they block the import). Nothing is dropped silently:
    every left-out row is in ``problems`` and ``skipped``."""
    if companies is not None and "name" not in (companies_mapping or {}):
        p = Problem(companies.source, None, None,
                    translate("ImportDialog", "no column is mapped to the company name"))
        return Check(None, [p], {}, str(p))
    unplaced: list[str] = []
    diagram, problems = build_diagram(flows, mapping, companies=companies,
                                      companies_mapping=companies_mapping, extra=extra, place=False,
                                      decimal_mark=decimal_mark, unplaced=unplaced)
    general = [p for p in problems if p.row is None]
    if general:
        undecided = [p.column or "" for p in general if p.message.endswith(DECIMAL_MARK_HINT)]
        return Check(None, problems, {}, Joined([str(p) for p in general], "; "), undecided)
    bad: dict[str, set[int]] = {}
    for p in problems:
        bad.setdefault(p.source, set()).add(p.row)  # type: ignore[arg-type]
    if not bad:
        if place:  # the layout is the slow part: only for the final import, once every row reads
            place_companies(diagram, unplaced)
        return Check(diagram, problems, {}, "")
    n = sum(len(r) for r in bad.values())
    if not skip_bad_rows:
        one = translate(
            "ImportDialog", "1 row cannot be imported; correct the file or skip the rows with problems"
        )
        many = translate(
            "ImportDialog", "{count} rows cannot be imported; correct the file or skip the rows with problems"
        )
        return Check(diagram, problems, {}, one if n == 1 else many.format(count=n))
    # Build again from the good rows only, so a skipped row leaves nothing behind
    # (not even the companies it names).
    def good(t: Table | None) -> Table | None:
        if t is None or t.source not in bad:
            return t
        return Table(t.source, t.headers, [r for r in t.rows if r.number not in bad[t.source]], t.notes)

    kept, again = build_diagram(good(flows), mapping, companies=good(companies),  # type: ignore[arg-type]
                                companies_mapping=companies_mapping, extra=extra, place=place,
                                decimal_mark=decimal_mark)
    if again:  # cannot happen with the current rules; never import what was not shown
        return Check(None, problems + again, bad, Joined([str(p) for p in again[:3]], "; "))
    return Check(kept, problems, bad, "")


def count_matches(existing: Diagram, imported: Diagram) -> int:
    """How many imported companies would be matched (by name) with companies already in ``existing``."""
    names = {c.name.casefold().strip() for c in existing.companies()}
    return sum(1 for c in imported.companies() if c.name.casefold().strip() in names)


def apply_merge(document, imported: Diagram, text: str):
    """Add ``imported`` to ``document`` in ONE undo step; returns the MergePlan applied.

    Companies matched by name are reused; new companies get a free place next to
    the existing ones (the automatic layout), never on top of another company.
    """
    existing: Diagram = document.diagram
    plan = plan_merge(existing, imported)
    taken = {(c.x, c.y) for c in existing.companies()}
    clash, seen = [], set(taken)
    for c in plan.companies:
        if (c.x, c.y) in seen:
            clash.append(c.id)
        seen.add((c.x, c.y))
    if clash:
        scratch = Diagram.build(companies=list(existing.companies()) + plan.companies,
                                flows=list(existing.flows()) + plan.flows,
                                flow_types=list(existing.flow_types()) + plan.types,
                                categories=list(existing.categories()) + plan.categories,
                                metadata=existing.metadata)
        moved = layout_positions(scratch, clash)
        plan.companies = [c.with_changes(x=moved[c.id][0], y=moved[c.id][1]) if c.id in moved else c
                          for c in plan.companies]
    document.add_records(text, companies=plan.companies, flows=plan.flows,
                         flow_types=plan.types, categories=plan.categories)
    return plan


# ------------------------------------------------------------------ Qt model
class PreviewModel(QAbstractTableModel):
    """The first :data:`PREVIEW_ROWS` rows of a table, with its failing rows marked."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._table: Table | None = None
        self._rows: list[Row] = []
        self._reasons: dict[int, list[Problem]] = {}
        self._fields: dict[str, str] = {}  # header -> field it is mapped to
        self._mapped = False  # headers show their field only when there is a mapping

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self._table = table
        self._rows = table.rows[:PREVIEW_ROWS] if table else []
        self._reasons = {}
        self._fields = {}
        self.endResetModel()

    def set_mapping(self, mapping: Mapping[str, str]) -> None:
        self._mapped = True
        self._fields = {}
        for fld, header in mapping.items():
            self._fields.setdefault(header, fld)
        if self._table is not None and self._table.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._table.headers) - 1)

    def set_problems(self, problems: list[Problem]) -> None:
        """Mark the rows of this table named by ``problems`` (others are ignored)."""
        self._reasons = {}
        source = self._table.source if self._table else None
        for p in problems:
            if p.row is not None and p.source == source:
                self._reasons.setdefault(p.row, []).append(p)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole])

    def failing_rows(self) -> list[int]:
        """Row numbers (as in the spreadsheet) of the shown rows that will fail."""
        return [r.number for r in self._rows if r.number in self._reasons]

    def shown_rows(self) -> int:
        return len(self._rows)

    def total_rows(self) -> int:
        return len(self._table.rows) if self._table else 0

    # Qt interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or self._table is None else len(self._table.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._table is None:
            return None
        row = self._rows[index.row()]
        header = self._table.headers[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _display(row.cells.get(header))
        reasons = self._reasons.get(row.number)
        if not reasons:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(BAD_CELL if any(p.column == header for p in reasons) else BAD_ROW)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#202020"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip("\n".join(error_text(_where(p)) for p in reasons))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._table is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and section < len(self._rows):
                return str(self._rows[section].number)
            return None
        if section >= len(self._table.headers):
            return None
        header = self._table.headers[section]
        fld = self._fields.get(header)
        if not self._mapped:
            return header if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            if fld:
                return f"{header}\n→ {field_name(fld, exact=True)}"
            return f"{header}\n" + translate("ImportDialog", "(not imported)")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(
                translate("ImportDialog", "Column '{header}' is imported as {field}").format(
                    header=header, field=field_name(fld, exact=True)
                )
                if fld
                else translate("ImportDialog", "Column '{header}' is not imported").format(header=header)
            )
        return None


def _display(value: Any) -> str:
    if isinstance(value, _dt.datetime) and value.time() == _dt.time():
        return value.date().isoformat()
    return cell_text(value)


def _where(p: Problem) -> str:
    """'row 7, column 'amount': cannot read ...' (the file name is shown elsewhere)."""
    return str(Problem("", p.row, p.column, p.message))


def describe(p: Problem, main_source: str) -> str:
    """A problem for the Problems list: the sheet/file is named unless it is the flows table."""
    return _where(p) if p.source == main_source else str(p)
