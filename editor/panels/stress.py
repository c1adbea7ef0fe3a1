"""The Stress panel: who cannot pay, in what order, when a company's money falls short.

Inputs: each company's outside money (its revenue unless edited) and a shock
slider (0-100 % of that money lost), which flows count as obligations (still
due, or all), and two presets. The clearing (:mod:`editor.analysis.stress`)
runs on a worker thread of a ``ThreadPoolExecutor``; the result comes back to
the GUI thread through :mod:`editor.background.relay` (a queued signal), and a
result older than the newest request is dropped. The domino step control
emits :class:`~editor.analysis.stress.StressOverlay` for the canvas.

    panel = StressPanel()
    panel.set_snapshot(document.diagram.snapshot())
    panel.overlayChanged.connect(scene.show_stress)   # drawn by the canvas, later
"""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.analysis.stress import CAVEAT, StressOverlay, StressResult, is_due, overlay, run_stress
from editor.background import relay
from editor.i18n import error_text, translate
from editor.model import ModelError, Snapshot
from editor.model.plain import plain_tip
from editor.panels.common import error_label, money, number_text, parse_number, percent, show_error

# English column titles (result_rows keys); shown translated in the context "StressPanel"
INPUT_COLUMNS = (QT_TRANSLATE_NOOP("StressPanel", "Company"),
                 QT_TRANSLATE_NOOP("StressPanel", "Outside money"),
                 QT_TRANSLATE_NOOP("StressPanel", "Shock"), QT_TRANSLATE_NOOP("StressPanel", "After shock"))
RESULT_COLUMNS = (QT_TRANSLATE_NOOP("StressPanel", "Company"), QT_TRANSLATE_NOOP("StressPanel", "Owed"),
                  QT_TRANSLATE_NOOP("StressPanel", "Paid"), QT_TRANSLATE_NOOP("StressPanel", "Received"),
                  QT_TRANSLATE_NOOP("StressPanel", "Shortfall"), QT_TRANSLATE_NOOP("StressPanel", "Recovery"),
                  QT_TRANSLATE_NOOP("StressPanel", "Round"))
OBLIGATION_LABELS = (("due", QT_TRANSLATE_NOOP("StressPanel",
                                                "Still due (committed, announced, unconfirmed)")),
                     ("all", QT_TRANSLATE_NOOP("StressPanel", "All flows")))
MONEY_COL, SHOCK_COL, AFTER_COL = 1, 2, 3
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _compute(snapshot: Snapshot, obligations: str, assets: dict[str, float],
             shocks: dict[str, float]) -> tuple[StressResult | None, Exception | None]:
    """On the worker thread: the result, or the error (never raises)."""
    try:
        return run_stress(snapshot, obligations, assets, shocks), None
    except Exception as e:  # shown in the panel, never raised on a worker thread
        return None, e


def _item(text: str, align: Qt.AlignmentFlag | None = None, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
    item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
    if align is not None:
        item.setTextAlignment(align)
    return item


def _cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item


class StressPanel(QWidget):
    """Stress test of the diagram: inputs, result table, totals and a domino step control."""

    #: The marks for the canvas at the chosen domino step (a :class:`StressOverlay`).
    overlayChanged = Signal(object)
    #: A fresh :class:`StressResult` (the clearing of the newest inputs).
    resultReady = Signal(object)
    #: True while a clearing is waiting or running.
    busyChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._snapshot: Snapshot | None = None
        self._assets: dict[str, float] = {}    # edited outside money (else revenue)
        self._shocks: dict[str, float] = {}
        self._obligations = "due"
        self._result: StressResult | None = None
        self._overlay: StressOverlay | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roundtrip-stress")
        self._handle = relay.handle(self)
        self._requested = 0
        self._running: int | None = None
        self._closed = False
        self.discarded = 0   # stale results dropped
        self._rows: dict[str, int] = {}
        self._revenues: dict[str, float] = {}
        self._sliders: dict[str, QSlider] = {}
        self._build()

    # ------------------------------------------------------------------ UI
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        caveat = QLabel(translate("Stress", CAVEAT))   # analysis text, in the catalogue via update.py
        caveat.setWordWrap(True)
        caveat.setStyleSheet("color: #555;")
        lay.addWidget(caveat)
        self.caveat_label = caveat

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Obligations:")))
        self.obligations_box = QComboBox()
        for key, label in OBLIGATION_LABELS:
            self.obligations_box.addItem(self.tr(str(label)), key)
        self.obligations_box.setToolTip(self.tr("Which flows a company owes: those whose money is still due "
                                                "(a paid flow is settled), or every flow with an amount."))
        self.obligations_box.currentIndexChanged.connect(
            lambda _i: self.set_obligations(self.obligations_box.currentData()))
        top.addWidget(self.obligations_box, 1)
        lay.addLayout(top)

        presets = QHBoxLayout()
        self.pays_nothing_button = QPushButton(self.tr("Largest debtor pays nothing"))
        self.pays_nothing_button.clicked.connect(self.preset_pays_nothing)
        self.revenue_only_button = QPushButton(self.tr("Revenue only"))
        self.revenue_only_button.setToolTip(
            self.tr("Every company's outside money back to its revenue, no shocks."))
        self.revenue_only_button.clicked.connect(self.preset_revenue_only)
        presets.addWidget(self.pays_nothing_button)
        presets.addWidget(self.revenue_only_button)
        lay.addLayout(presets)

        self.input_table = QTableWidget(0, len(INPUT_COLUMNS))
        self.input_table.setHorizontalHeaderLabels([self.tr(str(t)) for t in INPUT_COLUMNS])
        self.input_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.input_table.verticalHeader().hide()
        edit = QAbstractItemView.EditTrigger
        self.input_table.setEditTriggers(edit.DoubleClicked | edit.EditKeyPressed | edit.AnyKeyPressed)
        self.input_table.itemChanged.connect(self._on_input_changed)
        lay.addWidget(self.input_table, 2)
        self.error = error_label()
        lay.addWidget(self.error)

        self.result_table = QTableWidget(0, len(RESULT_COLUMNS))
        self.result_table.setHorizontalHeaderLabels([self.tr(str(t)) for t in RESULT_COLUMNS])
        header = self.result_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        self.result_table.verticalHeader().hide()
        self.result_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        lay.addWidget(self.result_table, 3)

        self.totals_label = QLabel("")
        self.totals_label.setWordWrap(True)
        lay.addWidget(self.totals_label)

        steps = QHBoxLayout()
        steps.addWidget(QLabel(self.tr("Show domino round:")))
        self.step_box = QSpinBox()
        self.step_box.setRange(0, 0)
        self.step_box.setEnabled(False)
        self.step_box.setToolTip(self.tr(
            "Round 1: companies that cannot pay even if everyone else pays in full; "
            "round 2: those who then cannot pay, and so on."))
        self.step_box.valueChanged.connect(self.set_step)
        steps.addWidget(self.step_box)
        self.step_label = QLabel("")
        steps.addWidget(self.step_label, 1)
        lay.addLayout(steps)

    # ------------------------------------------------------------- public API
    def set_snapshot(self, snapshot: Snapshot) -> None:
        """Show (and clear) ``snapshot``; edits of companies still there are kept."""
        ids = {c.id for c in snapshot.companies}
        self._assets = {k: v for k, v in self._assets.items() if k in ids}
        self._shocks = {k: v for k, v in self._shocks.items() if k in ids}
        self._snapshot = snapshot
        self._revenues = {c.id: float(c.revenue or 0.0) for c in snapshot.companies}
        self._fill_inputs()
        self._update_preset()
        self._request()

    def snapshot(self) -> Snapshot | None:
        return self._snapshot

    def result(self) -> StressResult | None:
        return self._result

    def current_overlay(self) -> StressOverlay | None:
        return self._overlay

    def is_busy(self) -> bool:
        return self._running is not None

    def set_obligations(self, choice: str) -> None:
        if choice not in ("due", "all") or choice == self._obligations:
            return
        self._obligations = choice
        i = self.obligations_box.findData(choice)
        if i != self.obligations_box.currentIndex():
            self.obligations_box.setCurrentIndex(i)
        self._update_preset()
        self._request()

    def set_assets(self, company_id: str, amount: float | None) -> None:
        """Outside money of a company (None: back to its revenue)."""
        if amount is None:
            self._assets.pop(company_id, None)
        else:
            self._assets[company_id] = float(amount)
        self._refresh_row(company_id)
        self._request()

    def set_shock(self, company_id: str, fraction: float) -> None:
        """Cut ``company_id``'s outside money by ``fraction`` (0..1)."""
        fraction = min(1.0, max(0.0, float(fraction)))
        if fraction:
            self._shocks[company_id] = fraction
        else:
            self._shocks.pop(company_id, None)
        slider = self._sliders.get(company_id)
        if slider is not None and slider.value() != round(fraction * 100):
            slider.blockSignals(True)
            slider.setValue(round(fraction * 100))
            slider.blockSignals(False)
        self._refresh_row(company_id)
        self._request()

    def largest_debtor(self) -> str | None:
        """The company with the largest obligations under the current choice."""
        if self._snapshot is None:
            return None
        owed = dict.fromkeys((c.id for c in self._snapshot.companies), 0.0)
        for f in self._snapshot.flows:
            counted = self._obligations == "all" or is_due(f.status)
            if f.amount is not None and f.source != f.target and counted:
                owed[f.source] = owed.get(f.source, 0.0) + f.amount
        best = max(owed, key=lambda c: owed[c], default=None)
        return best if best is not None and owed[best] > 0 else None

    def preset_pays_nothing(self) -> None:
        """Revenue for everyone, and the largest debtor loses all its own money (shock 100 %)."""
        debtor = self.largest_debtor()
        self._assets.clear()
        self._shocks = {debtor: 1.0} if debtor else {}
        self._fill_inputs()
        self._request()

    def preset_revenue_only(self) -> None:
        """Every company's outside money back to its revenue; no shocks."""
        self._assets.clear()
        self._shocks.clear()
        self._fill_inputs()
        self._request()

    def set_step(self, step: int) -> None:
        """Show the domino state after ``step`` rounds: emits :attr:`overlayChanged`."""
        if self._result is None:
            return
        self._overlay = overlay(self._result, step)
        n = len(self._overlay.defaulted)
        if not self._result.rounds:
            text = self.tr("nobody defaults")
        elif n == 1:
            text = self.tr("of {rounds}: 1 company in default").format(rounds=self._result.rounds)
        else:
            text = self.tr("of {rounds}: {count} companies in default").format(
                rounds=self._result.rounds, count=n)
        self.step_label.setText(text)
        self.overlayChanged.emit(self._overlay)

    def shutdown(self) -> None:
        """No more clearing: call when the panel goes away (a running one ends on its own)."""
        self._closed = True
        self._executor.shutdown(wait=False, cancel_futures=True)

    # ------------------------------------------------------------- inputs
    def _money_of(self, company_id: str) -> float:
        return self._assets.get(company_id, self._revenues.get(company_id, 0.0))

    def _fill_inputs(self) -> None:
        table = self.input_table
        table.blockSignals(True)
        companies = self._snapshot.companies if self._snapshot is not None else ()
        if tuple(self._rows) == tuple(c.id for c in companies):
            # the same companies (an amount or a name edited): update the rows in place
            for i, c in enumerate(companies):
                _cell(table, i, 0).setText(c.name)
                slider = self._sliders[c.id]
                slider.blockSignals(True)
                slider.setValue(round(self._shocks.get(c.id, 0.0) * 100))
                slider.blockSignals(False)
                self._refresh_row(c.id)
            table.blockSignals(False)
            return
        table.setRowCount(len(companies))
        self._rows = {c.id: i for i, c in enumerate(companies)}
        self._sliders = {}
        for i, c in enumerate(companies):
            table.setItem(i, 0, _item(c.name))
            revenue = self.tr("its revenue") if c.revenue is not None else self.tr("no revenue recorded: 0")
            cell = _item(number_text(self._money_of(c.id)), _RIGHT, editable=True)
            tip = self.tr("Money {name} has to pay with (default: {revenue}). "
                          "Empty: back to the default.").format(name=c.name, revenue=revenue)
            cell.setToolTip(plain_tip(tip))
            table.setItem(i, MONEY_COL, cell)
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, 100)
            slider.setValue(round(self._shocks.get(c.id, 0.0) * 100))
            shock_tip = self.tr("Shock: share of {name}'s outside money lost").format(name=c.name)
            slider.setToolTip(plain_tip(shock_tip))
            slider.valueChanged.connect(lambda v, cid=c.id: self.set_shock(cid, v / 100))
            table.setCellWidget(i, SHOCK_COL, slider)
            self._sliders[c.id] = slider
            table.setItem(i, AFTER_COL, _item("", _RIGHT))
            self._refresh_row(c.id)
        table.blockSignals(False)

    def _refresh_row(self, company_id: str) -> None:
        row = self._rows.get(company_id)
        if row is None or self._snapshot is None:
            return
        table = self.input_table
        was = table.blockSignals(True)
        shock = self._shocks.get(company_id, 0.0)
        e = self._money_of(company_id)
        _cell(table, row, MONEY_COL).setText(number_text(e))
        lost = f"  (−{percent(shock)})" if shock else ""
        _cell(table, row, AFTER_COL).setText(number_text(e * (1 - shock)) + lost)
        table.blockSignals(was)

    def _on_input_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != MONEY_COL or self._snapshot is None:
            return
        company_id = self._snapshot.companies[item.row()].id
        try:
            value = parse_number(item.text(), self.tr("outside money"))
        except ModelError as e:
            show_error(self.error, error_text(e))
            self._refresh_row(company_id)   # the last good value comes back
            return
        show_error(self.error, None)
        self.set_assets(company_id, value)

    def _update_preset(self) -> None:
        debtor = self.largest_debtor()
        name = next((c.name for c in self._snapshot.companies if c.id == debtor), None) \
            if self._snapshot is not None and debtor else None
        self.pays_nothing_button.setEnabled(name is not None)
        self.pays_nothing_button.setText(self.tr("{name} pays nothing").format(name=name) if name
                                         else self.tr("Largest debtor pays nothing"))
        self.pays_nothing_button.setToolTip(plain_tip(self.tr(
            "{name} loses all its own money (shock 100 %): it pays only what it receives from others. "
            "Everyone else has its revenue.").format(name=name or self.tr("The company that owes the most"))))

    # ------------------------------------------------------------- clearing
    def _request(self) -> None:
        if self._closed or self._snapshot is None:
            return
        self._requested += 1
        if self._running is None:
            self.busyChanged.emit(True)
            self._start()

    def _start(self) -> None:
        assert self._snapshot is not None
        generation = self._requested
        self._running = generation
        args = (self._snapshot, self._obligations, dict(self._assets), dict(self._shocks))
        future = self._executor.submit(_compute, *args)
        handle = self._handle  # the worker thread holds only the relay handle, never the panel

        def done(f: Future, generation: int = generation) -> None:
            if f.cancelled():
                return
            relay.post(handle, StressPanel._on_finished, generation, *f.result())

        future.add_done_callback(done)

    def _on_finished(self, generation: int, result: StressResult | None, error: Exception | None) -> None:
        self._running = None
        if self._closed:
            return
        if generation < self._requested:
            self.discarded += 1
            self._start()  # the inputs changed meanwhile: clear the newest ones
            return
        self.busyChanged.emit(False)
        if error is not None:
            show_error(self.error, self.tr("Stress test failed: {error}").format(error=error_text(error)))
            return
        assert result is not None
        self._show(result)

    def _show(self, result: StressResult) -> None:
        self._result = result
        unit = self._snapshot.metadata.unit if self._snapshot is not None else "USD bn"
        rows = sorted(result.companies, key=lambda c: (c.round is None, c.round or 0, -c.shortfall, -c.owed,
                                                       c.name.casefold()))
        table = self.result_table
        table.setUpdatesEnabled(False)
        table.setRowCount(len(rows))
        for i, c in enumerate(rows):
            cells = (c.name, money(c.owed, unit), money(c.paid, unit), money(c.received, unit),
                     money(c.shortfall, unit), percent(c.recovery_rate),
                     "—" if c.round is None else str(c.round))
            for j, text in enumerate(cells):
                item = _item(text, None if j == 0 else _RIGHT)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                table.setItem(i, j, item)
        table.setUpdatesEnabled(True)
        share = result.total_shortfall / result.total_owed if result.total_owed else 0.0
        n = len(result.defaulted)
        unpaid = self.tr("Unpaid: {shortfall} of {owed} owed ({share}).").format(
            shortfall=money(result.total_shortfall, unit), owed=money(result.total_owed, unit),
            share=percent(share))
        if n == 0:
            defaults = self.tr("0 companies default.")
        elif result.rounds == 1:
            defaults = (self.tr("1 company defaults over 1 round.") if n == 1
                        else self.tr("{count} companies default over 1 round.").format(count=n))
        else:
            defaults = (self.tr("1 company defaults over {rounds} rounds.") if n == 1
                        else self.tr("{count} companies default over {rounds} rounds.")).format(
                count=n, rounds=result.rounds)
        self.totals_label.setText(f"{unpaid} {defaults}")
        self.step_box.blockSignals(True)
        self.step_box.setRange(min(1, result.rounds), result.rounds)
        self.step_box.setValue(result.rounds)
        self.step_box.setEnabled(result.rounds > 0)
        self.step_box.blockSignals(False)
        self.resultReady.emit(result)
        self.set_step(result.rounds)

    def result_rows(self) -> list[dict[str, Any]]:
        """The result table as shown: one dict per row, keyed by column title (and "id")."""
        out = []
        for i in range(self.result_table.rowCount()):
            row: dict[str, Any] = {"id": _cell(self.result_table, i, 0).data(Qt.ItemDataRole.UserRole)}
            for j, title in enumerate(RESULT_COLUMNS):
                row[str(title)] = _cell(self.result_table, i, j).text()
            out.append(row)
        return out
