"""Typing over a label on the canvas: a company's name or a flow's amount, edited in place.

Each function opens an :class:`InPlaceEditor` on the view at the label and gives it
the commit that changes the document in one undo step. A name left empty keeps the
old one (with a word in the status bar); an amount that cannot be read keeps the
editor open with the reason. Texts are translated in the "DiagramView" context.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF

from editor.canvas.tools import InPlaceEditor
from editor.i18n import error_text, translate
from editor.model import ModelError
from editor.model.amounts import AmountError, parse_amount

if TYPE_CHECKING:
    from editor.canvas.view import DiagramView


def open_name_editor(view: DiagramView, company_id: str) -> InPlaceEditor:
    """Open the name of a company for typing (Enter commits, Esc keeps the name)."""
    item = view.scene().index.companies[company_id]
    name = view.document.diagram.company(company_id).name

    def anchor() -> QPointF:
        return item.mapToScene(item.label_rect().center())

    def commit(text: str) -> str | None:
        document = view.document
        text = text.strip()
        if not document.diagram.has_company(company_id):
            return None
        old = document.diagram.company(company_id).name
        if not text:
            view.statusMessage.emit(
                translate("DiagramView", "A company needs a name; it stays {name}.").format(name=repr(old))
            )
            return None
        if text != old:
            try:
                document.update_company(company_id, name=text)
            except ModelError as e:
                return translate("DiagramView", "Cannot rename: {error}").format(error=error_text(e))
        return None

    return view.open_editor(InPlaceEditor(view, "company", company_id, name, anchor, commit))


def open_amount_editor(view: DiagramView, flow_id: str) -> InPlaceEditor:
    """Open the amount of a flow for typing: "100", "$100B", "up to 100", "~300", "?"."""
    label = view.scene().index.flows[flow_id].label
    if label is None:
        raise ValueError(f"flow {flow_id!r} is not on the canvas")
    f = view.document.diagram.flow(flow_id)
    unit = f.unit or view.document.diagram.metadata.unit
    text = "" if f.amount is None else label.text

    def commit(text: str) -> str | None:
        document = view.document
        if not document.diagram.has_flow(flow_id):
            return None
        try:
            amount, qualifier = parse_amount(text, unit)
        except AmountError as e:
            return translate("DiagramView", "Amount not changed: {error}. "
                             "Try 100, $100B, up to 100, ~300 or ? for unknown.").format(error=error_text(e))
        old = document.diagram.flow(flow_id)
        if (amount, qualifier) != (old.amount, old.qualifier):
            try:
                document.update_flow(flow_id, amount=amount, qualifier=qualifier)
            except ModelError as e:
                return translate("DiagramView", "Amount not changed: {error}").format(error=error_text(e))
        return None

    hint = translate("DiagramView", "amount in {unit}, ? if unknown").format(unit=unit)
    return view.open_editor(InPlaceEditor(view, "flow", flow_id, text, label.scenePos, commit,
                                          placeholder=hint))
