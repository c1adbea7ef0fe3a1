"""What the analysis shows in the main window, and what the window asks of it.

:class:`AnalysisView` hands each result to the Loops and Metrics panels, draws the loop
picked in the Loops panel on the canvas (and keeps it drawn while the diagram changes),
and turns the panels' options (loop caps, a period, date order, "through the selected
company") into the analysis worker's options.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from editor import settings
from editor.i18n import message_text, translate

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent, QObject

    from editor.app.mainwindow import MainWindow


class AnalysisView:
    """The analysis side of ``window`` (its panels must be made before results arrive)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def show_result(self, result: Any) -> None:
        w = self.window
        if not w.panels_built():
            return   # (a run asked for before the panels: they start the next one)
        from editor.analysis.timed import period_note

        d = w.document.diagram
        w.loops.set_result(result, frozenset(f.id for f in d.flows() if f.date))
        w.metrics.set_result(result, {t.id: t.name for t in d.flow_types()},
                             {t.id: t.color for t in d.flow_types()})
        note = message_text(period_note(result))   # the Metrics of a period say so in their title
        w.docks["metrics"].setWindowTitle(
            translate("MainWindow", "Metrics — period {period}").format(period=note) if note
            else translate("MainWindow", "Metrics"))

    def ends_highlight(self, obj: QObject, event: QEvent) -> bool:
        """Whether ``event`` on the canvas (``obj``: its view or viewport) ends a loop's highlight: Esc,
        or a click on empty canvas."""
        from PySide6.QtCore import QEvent, Qt
        from PySide6.QtGui import QKeyEvent, QMouseEvent

        view, kind = self.window.view, event.type()
        if kind == QEvent.Type.KeyPress and obj is view and isinstance(event, QKeyEvent):
            return event.key() == Qt.Key.Key_Escape
        return (kind == QEvent.Type.MouseButtonPress and obj is view.viewport()
                and isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton
                and self.window.scene.owner_at(view.mapToScene(event.position().toPoint())) is None)

    def dim_again(self) -> None:
        """The highlighted loop once more (after the canvas made new items)."""
        current = self.window.scene.highlighted
        if current is not None:
            self.window.scene.set_highlight(*current)

    def highlight(self, company_ids: Sequence[str], flow_ids: Sequence[str]) -> None:
        # Each call touches every item of the scene: skip it when the canvas already shows that.
        scene = self.window.scene
        current = scene.highlighted  # (company ids, flow ids), None: no highlight
        if company_ids or flow_ids:
            if current != (set(company_ids), set(flow_ids)):
                scene.set_highlight(company_ids, flow_ids)
        elif current is not None:
            scene.clear_highlight()

    def loop_options_changed(self, options: dict[str, Any]) -> None:
        settings.set_value("analysis/max_loops", options["max_loops"])
        settings.set_value("analysis/max_length", options["max_length"])
        self.window.worker.options.update(max_loops=options["max_loops"], max_length=options["max_length"])
        self.set_time_options(date_ordered=options.get("date_ordered"),
                              within_days=options.get("within_days"))
        self.apply_through()

    def set_time_options(self, **options: Any) -> None:
        """The period and date-ordered options of the analysis: passed only when set."""
        worker = self.window.worker
        for key, value in options.items():
            if value or (key == "within_days" and value is not None):
                worker.options[key] = value
            else:
                worker.options.pop(key, None)
        worker.schedule()

    def apply_through(self) -> None:
        """Only the loops through the selected company, while the Loops panel asks for that."""
        w = self.window
        checked = w.loops.through.isChecked()
        cids = w.selected_ids()[0] if checked else []
        through = cids[0] if cids else None
        if through != w.worker.options.get("through") or not checked:
            w.worker.set_options(through=through)
        if checked and not cids:
            w.statusBar().showMessage(
                translate("MainWindow", "Select a company to list only the loops through it"), 4000)
