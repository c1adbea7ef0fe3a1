"""File → Import…: preview a spreadsheet or graph file, map its columns, import new or merge.

The main window calls, after a QFileDialog filtered on
``editor.io.formats.readable_extensions()``::

    result = ImportDialog.run(self, path, document)   # document: the open Document or None
    if result is not None and result.diagram is not None:
        ...open result.diagram as a new untitled, modified document...
    # result.merged: the records were added to ``document`` in one undo step
    # result.summary: one sentence for the status bar

A file that cannot be read gives a warning box naming the file and the reason,
and ``run`` returns None (no dialog, no exception).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.dialogs.import_checking import CHECK_OFF_THREAD_ROWS, BackgroundCheck
from editor.dialogs.import_model import (
    Check,
    Source,
    apply_merge,
    check_tables,
    count_matches,
    describe,
    diagram_tables,
    load_source,
)
from editor.dialogs.import_pages import COMPANY_LABELS, FLOW_LABELS, MappingPanel, TablePage
from editor.dialogs.import_reading import Cancelled, read_for_import, run_off_thread
from editor.dialogs.import_types import TypeMappingBox, retype
from editor.dialogs.import_wording import import_sentence, problems_heading
from editor.dialogs.messages import warn
from editor.i18n import QT_TRANSLATE_NOOP, error_text, error_texts, translate
from editor.io.edgelist import COMPANY_FIELDS, FLOW_FIELDS, guess_columns
from editor.io.errors import InputError
from editor.model import Diagram, ModelError
from editor.model.plain import plain_tip

#: Debounce of the preview check after a mapping change (ms).
CHECK_DELAY = 150
#: The decimal-mark choices: (what the user reads, the mark passed to the reader).
DECIMAL_CHOICES: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("ImportDialog", "As the file shows (ask when unclear)"), None),
    (QT_TRANSLATE_NOOP("ImportDialog", "Comma: 1.500,25"), ","),
    (QT_TRANSLATE_NOOP("ImportDialog", "Point: 1,500.25"), "."),
)
MAX_LISTED = 500


@dataclass
class ImportResult:
    """What an accepted Import dialog did.

    ``diagram``: the new diagram to open (None when merged); ``merged``: the
    records were added to the open document in one undo step; ``summary``: one
    sentence describing what was imported and what was skipped.
    """

    diagram: Diagram | None
    merged: bool
    summary: str


class ImportDialog(QDialog):
    """Preview, map and import a CSV/TSV/XLSX edge list or a GraphML/GEXF (or .roundtrip) file.

    Use :meth:`run`: ``ImportDialog.run(parent, path, document) -> ImportResult | None``.
    Constructing the dialog directly raises InputError if the file cannot be read.
    """

    def __init__(
        self,
        path: str | os.PathLike,
        document=None,
        parent: QWidget | None = None,
        source: Source | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.document = document
        self.source: Source = source or load_source(self.path)  # raises InputError: see run()
        self.import_result: ImportResult | None = None
        self._check: Check | None = None
        self.flows_page: TablePage | None = None
        self.companies_page: TablePage | None = None
        self.setWindowTitle(translate("ImportDialog", "Import {file}").format(file=self.path.name))
        self.setSizeGripEnabled(True)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY)
        self._timer.timeout.connect(self._recheck)
        self._background = BackgroundCheck(self)  # the check of a big table, in a worker thread
        self._background.done.connect(self._checked)

        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        if self.source.is_table:
            self._build_table_pages()
        else:
            self._build_diagram_pages()
        layout.addWidget(self.tabs, 1)

        self.problems_label = QLabel()
        self.problem_list = QListWidget()
        self.problem_list.setAlternatingRowColors(True)
        self.problem_list.currentItemChanged.connect(self._problem_chosen)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problem_list)

        self.skip_check = QCheckBox(
            translate("ImportDialog", "Skip rows with problems (they are listed above and not imported)")
        )
        self.skip_check.setChecked(True)
        self.skip_check.toggled.connect(self._recheck)
        self.skip_check.setVisible(self.source.is_table)
        layout.addWidget(self.skip_check)

        # Asked only when a number column leaves it open (1.500: one and a half, or fifteen hundred?)
        self.decimal_row = QWidget()
        row = QHBoxLayout(self.decimal_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.decimal_combo = QComboBox()
        for text, mark in DECIMAL_CHOICES:
            self.decimal_combo.addItem(translate("ImportDialog", text), mark)
        self.decimal_combo.currentIndexChanged.connect(self._recheck)
        row.addWidget(QLabel(translate("ImportDialog", "&Decimal mark used by the file:")))
        row.itemAt(0).widget().setBuddy(self.decimal_combo)  # type: ignore[union-attr]
        row.addWidget(self.decimal_combo)
        row.addStretch(1)
        self.decimal_row.setVisible(False)
        layout.addWidget(self.decimal_row)

        # flow types the diagram does not know: each kept new or mapped to an existing type
        self.types_box = TypeMappingBox()
        self.types_box.changed.connect(self._update_summary)
        layout.addWidget(self.types_box)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        layout.addWidget(self.summary_label)

        bottom = QHBoxLayout()
        self.new_radio = QRadioButton(translate("ImportDialog", "&New diagram"))
        self.merge_radio = QRadioButton(translate("ImportDialog", "&Merge into the open diagram"))
        group = QButtonGroup(self)
        group.addButton(self.new_radio)
        group.addButton(self.merge_radio)
        self.new_radio.setChecked(True)
        self.merge_radio.setEnabled(document is not None)
        if document is None:
            self.merge_radio.setToolTip(translate("ImportDialog", "No diagram is open"))
        else:
            self.merge_radio.setToolTip(
                plain_tip(
                    translate(
                        "ImportDialog",
                        "Add to {name} in one undo step; companies with the same name are reused",
                    ).format(name=document.display_name())
                )
            )
        self.new_radio.toggled.connect(self._update_summary)
        bottom.addWidget(QLabel(translate("ImportDialog", "Import into:")))
        bottom.addWidget(self.new_radio)
        bottom.addWidget(self.merge_radio)
        bottom.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(translate("ImportDialog", "&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self.resize(1000, 720)
        self._recheck()

    # ------------------------------------------------------------- building
    def _build_table_pages(self) -> None:
        s = self.source
        assert s.flows is not None
        panel = MappingPanel(FLOW_FIELDS, FLOW_LABELS, s.flows.headers, guess_columns(s.flows.headers))
        note = translate("ImportDialog", "; ").join(error_texts(s.notes))   # the notes as sentences
        end = translate("ImportDialog", ".")
        self.flows_page = TablePage(s.flows, panel, note=note[:1].upper() + note[1:] + end if note else "")
        self.tabs.addTab(
            self.flows_page,
            translate("ImportDialog", "Flows ({source})").format(source=error_text(s.flows.source)),
        )
        for combo in panel.combos.values():
            combo.currentIndexChanged.connect(self._mapping_changed)
        if s.companies is not None:
            cpanel = MappingPanel(
                COMPANY_FIELDS,
                COMPANY_LABELS,
                s.companies.headers,
                guess_columns(s.companies.headers, "companies"),
            )
            page = TablePage(s.companies, cpanel)
            use = QCheckBox(
                translate("ImportDialog", "Import this companies table (categories, valuations, positions…)")
            )
            use.setChecked(True)
            use.toggled.connect(self._recheck)
            use.toggled.connect(cpanel.setEnabled)
            page.column.insertWidget(0, use)
            page.use_check = use
            self.companies_page = page
            self.tabs.addTab(
                page,
                translate("ImportDialog", "Companies ({source})").format(
                    source=error_text(s.companies.source)
                ),
            )
            for combo in cpanel.combos.values():
                combo.currentIndexChanged.connect(self._mapping_changed)

    def _build_diagram_pages(self) -> None:
        d = self.source.diagram
        assert d is not None
        flows, companies = diagram_tables(d)
        self.flows_page = TablePage(flows, None)
        self.companies_page = TablePage(companies, None)
        for page in (self.flows_page, self.companies_page):  # internal ids mean nothing to a reader
            for col, header in enumerate(page.table.headers):
                if header in ("id", "source_id", "target_id"):
                    page.view.setColumnHidden(col, True)
        self.tabs.addTab(
            self.flows_page, translate("ImportDialog", "Flows ({count})").format(count=len(d.flows()))
        )
        self.tabs.addTab(
            self.companies_page,
            translate("ImportDialog", "Companies ({count})").format(count=len(d.companies())),
        )

    # ------------------------------------------------------------- checking
    def flow_mapping(self) -> dict[str, str]:
        return self.flows_page.mapping() if self.flows_page else {}

    def companies_mapping(self) -> dict[str, str]:
        return self.companies_page.mapping() if self.companies_page else {}

    def _uses_companies(self) -> bool:
        p = self.companies_page
        return p is not None and p.use_check is not None and p.use_check.isChecked()

    def _mapping_changed(self) -> None:
        for page in (self.flows_page, self.companies_page):
            if page is not None and page.mapping_panel is not None:
                page.model.set_mapping(page.mapping())
        self.import_button.setEnabled(False)  # until the check is done
        self._timer.start()

    def _table_check(self, place: bool) -> Callable[[], Check]:
        """The check of the tables with the mappings shown now, to run later (in any thread: the
        widgets are read here, on the GUI thread)."""
        s = self.source
        assert s.flows is not None
        return partial(
            check_tables,
            s.flows,
            self.flow_mapping(),
            companies=s.companies if self._uses_companies() else None,
            companies_mapping=self.companies_mapping(),
            extra=s.extra,
            skip_bad_rows=self.skip_check.isChecked(),
            place=place,
            decimal_mark=self.decimal_mark(),
        )

    def _final_check(self) -> Check | None:
        """The check the import uses: for tables, built again with the automatic layout, in a worker
        thread behind a progress window (a 100,000-row table takes seconds); None when cancelled."""
        if not self.source.is_table:
            return self._check
        label = translate("ImportDialog", "Placing the companies of {file}…").format(file=self.path.name)
        self.import_button.setEnabled(False)  # (the dialog stays live until the progress window shows)
        try:
            return run_off_thread(self, label, self._table_check(place=True),
                                  title=translate("ImportDialog", "Import"))
        except Cancelled:
            return None
        finally:
            self.import_button.setEnabled(self._check is not None and self._check.importable)

    def decimal_mark(self) -> str | None:
        """The decimal mark the user chose, or None (as the file shows it)."""
        return self.decimal_combo.currentData() if hasattr(self, "decimal_combo") else None

    def check_now(self) -> None:
        """Check all rows with the current mappings, here and now, and refresh the preview."""
        self._timer.stop()
        self._background.drop()  # (a check running in the background is out of date)
        if self.source.is_table:
            self._show_check(self._table_check(place=False)())
        else:
            self._show_check(Check(self.source.diagram, [], {}, ""))

    def _recheck(self) -> None:
        """Check again after a change (a short while after a mapping changes): a big table in a worker
        thread, the dialog saying so meanwhile; anything else at once."""
        self._timer.stop()
        flows = self.source.flows
        if flows is None or len(flows.numbers) <= CHECK_OFF_THREAD_ROWS:
            self.check_now()
            return
        self._background.request(self._table_check(place=False))
        self.summary_label.setText(translate("ImportDialog", "Checking {count} rows…").format(
            count=f"{len(flows.numbers):,}"))
        self.summary_label.setStyleSheet("")
        self.import_button.setEnabled(False)

    def _checked(self, outcome: object) -> None:
        """The outcome of a check made in the background (GUI thread)."""
        if isinstance(outcome, Exception):  # (the checks report problems; this is not one of them)
            outcome = Check(None, [], {}, error_text(outcome) if isinstance(outcome, ModelError) else
                            f"{type(outcome).__name__}: {outcome}")
        assert isinstance(outcome, Check)
        self._show_check(outcome)

    def _show_check(self, check: Check) -> None:
        self._check = check
        for page in (self.flows_page, self.companies_page):
            if page is not None:
                page.model.set_problems(self._check.problems)
        self._fill_problem_list()
        self._update_summary()

    @property
    def check(self) -> Check | None:
        return self._check

    def _fill_problem_list(self) -> None:
        self.problem_list.clear()
        if not self.source.is_table:
            notes = self.source.notes
            self.problems_label.setText(
                translate("ImportDialog", "Notes: what could not be mapped")
                if notes
                else translate("ImportDialog", "Everything in the file could be mapped.")
            )
            for n in notes:
                self.problem_list.addItem(error_text(n))
            self.problem_list.setVisible(bool(notes))
            self._fit_problem_list()
            return
        check = self._check
        assert check is not None and self.source.flows is not None
        problems = check.problems
        main = self.source.flows.source
        for p in problems[:MAX_LISTED]:
            item = QListWidgetItem(error_text(describe(p, main)))
            item.setData(Qt.ItemDataRole.UserRole, (p.source, p.row))
            item.setForeground(QColor("#a61b1b"))
            self.problem_list.addItem(item)
        if len(problems) > MAX_LISTED:
            self.problem_list.addItem(
                translate("ImportDialog", "… and {count} more").format(count=len(problems) - MAX_LISTED)
            )
        rows = len({(p.source, p.row) for p in problems if p.row is not None})
        self.problems_label.setText(problems_heading(len(problems), rows))
        self.problem_list.setVisible(bool(problems))
        self._fit_problem_list()

    def _fit_problem_list(self) -> None:
        """As tall as its lines, up to five; it scrolls beyond."""
        lines = max(1, min(self.problem_list.count(), 5))
        row = self.problem_list.sizeHintForRow(0) if self.problem_list.count() else 18
        self.problem_list.setFixedHeight(lines * max(row, 16) + 2 * self.problem_list.frameWidth() + 4)

    def _problem_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        where = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not where or where[1] is None:
            return
        for page in (self.flows_page, self.companies_page):
            if page is not None and page.table.source == where[0]:
                self.tabs.setCurrentWidget(page)
                page.show_row(where[1])

    def _update_summary(self) -> None:
        check = self._check
        if check is None:
            return
        ok = check.importable
        known = self._known_types()
        self.types_box.show_types(check.diagram if known is not None else None, known or Diagram())
        if check.undecided or self.decimal_mark() is not None:
            self.decimal_row.setVisible(True)
        if check.undecided:
            columns = ", ".join(f"'{c}'" for c in check.undecided)
            text = translate(
                "ImportDialog",
                "Nothing can be imported yet: the numbers in {columns} read differently with a "
                "decimal comma and with a decimal point (1.500 is 1500 or 1.5). Choose the decimal "
                "mark the file uses below.",
            ).format(columns=columns)
        elif check.fatal:
            text = translate("ImportDialog", "Nothing can be imported: {reason}.").format(
                reason=error_text(check.fatal)
            )
        elif check.diagram is None or check.diagram.is_empty():
            text = translate("ImportDialog", "Nothing to import: no row can be read.")
        else:
            text = self._describe(check.diagram, check.skipped_count(), future=True)
        self.summary_label.setText(text)
        self.summary_label.setStyleSheet("" if ok else "color: #a61b1b;")
        self.import_button.setEnabled(ok)

    def _describe(self, d: Diagram, skipped: int, future: bool) -> str:
        merging = self.merge_radio.isChecked() and self.document is not None
        matched = count_matches(self.document.diagram, d) if merging else 0
        return import_sentence(len(d.flows()), len(d.companies()), matched, skipped, future, self.path.name)

    def _known_types(self) -> Diagram | None:
        """The diagram whose flow types an import is checked against: the open one when merging, a
        new one for a spreadsheet (None for a new diagram from a graph file: its types are its own)."""
        if self.merge_radio.isChecked() and self.document is not None:
            return self.document.diagram
        return Diagram() if self.source.is_table else None

    # ------------------------------------------------------------- import
    def accept(self) -> None:
        if self._timer.isActive() or self._background.busy:
            self.check_now()  # (the import waits for the check of what is shown)
        if self._check is None or not self._check.importable or not self.import_button.isEnabled():
            return  # (nothing to import, or the import is being made)
        try:
            final = self._final_check()
        except ModelError as e:
            self._refuse(e)
            return
        if final is None:
            return  # cancelled: the dialog stays as it was
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            assert final.diagram is not None and final.importable
            known = self._known_types()
            if known is not None:
                final.diagram = retype(final.diagram, self.types_box.choices(), known)
            summary = self._describe(final.diagram, final.skipped_count(), future=False)
            if self.merge_radio.isChecked() and self.document is not None:
                apply_merge(
                    self.document, final.diagram,
                    translate("ImportDialog", "Import {file}").format(file=self.path.name),
                )
                self.import_result = ImportResult(None, True, summary)
            else:
                self.import_result = ImportResult(final.diagram, False, summary)
        except ModelError as e:
            QGuiApplication.restoreOverrideCursor()
            self._refuse(e)
            return
        QGuiApplication.restoreOverrideCursor()
        super().accept()

    def _refuse(self, e: ModelError) -> None:
        warn(
            self,
            translate("ImportDialog", "Import"),
            translate("ImportDialog", "{file} could not be imported: {reason}").format(
                file=self.path.name, reason=error_text(e)
            ),
        )

    @classmethod
    def run(cls, parent: QWidget | None, path: str | os.PathLike, document=None) -> ImportResult | None:
        """Show the dialog for ``path``; the result, or None if cancelled or the file cannot be read."""
        name = Path(path).name
        try:
            source = read_for_import(parent, path)  # off the GUI thread, with Cancel
            if source is None:
                return None
            dialog = cls(path, document, parent, source=source)
        except InputError as e:
            warn(
                parent,
                translate("ImportDialog", "Import"),
                translate("ImportDialog", "{file} cannot be imported.").format(file=name)
                + f"\n\n{error_text(e)}",
            )
            return None
        except OSError as e:
            warn(
                parent,
                translate("ImportDialog", "Import"),
                translate("ImportDialog", "{file} cannot be read: {reason}.").format(
                    file=name, reason=e.strerror or e
                ),
            )
            return None
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.import_result
        finally:
            dialog.deleteLater()
