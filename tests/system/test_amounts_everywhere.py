"""Amounts are read and written in one place (editor.model.amounts); every user of them agrees."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from editor.canvas.style import format_amount as canvas_label
from editor.cli.analyze import report_amount as cli_amount
from editor.editing.document import Document
from editor.model.amounts import (
    AmountError,
    amount_label,
    number_text,
    parse_amount,
    parse_amount_text,
    report_amount,
)
from editor.panels.common import money, parse_number
from editor.panels.inspector import Inspector
from tests.helpers import seed_diagram

#: What the canvas's amount editor accepts, and what it makes of it (unit USD bn).
TYPED = [
    ("$45B", 45.0, "exact"),
    ("up to 100", 100.0, "up_to"),
    ("~300", 300.0, "estimated"),
    ("$500M", 0.5, "exact"),
    ("?", None, "exact"),
    ("100", 100.0, "exact"),
]


@pytest.mark.parametrize("text, amount, qualifier", TYPED)
def test_the_forms_the_canvas_editor_accepts(text, amount, qualifier):
    assert parse_amount(text, "USD bn") == (amount, qualifier)


def test_a_stated_qualifier_is_told_apart_from_none():
    assert parse_amount_text("100", "USD bn") == (100.0, None)
    assert parse_amount_text("~100", "USD bn") == (100.0, "estimated")
    assert parse_amount_text("?", "USD bn") == (None, None)
    assert parse_amount_text("$500M", "USD m") == (500.0, None)


def test_the_canvas_and_the_panels_write_the_same_label():
    for amount, qualifier in [(100, "up_to"), (0.135, "exact"), (None, "exact"), (4500, "estimated")]:
        assert canvas_label(amount, qualifier, "USD bn") == money(amount, "USD bn", qualifier) \
            == amount_label(amount, qualifier, "USD bn")
    assert money(1.5, "USD bn") == "$1.5B" and money(100, "EUR m", "up_to") == "up to 100 EUR m"


def test_report_amount_is_the_cli_format():
    assert cli_amount is report_amount
    assert [report_amount(x) for x in (None, 1234.5, 12.345, 0.5)] == ["unknown", "1,234", "12.35", "0.5"]


def test_plain_numbers_of_the_other_fields():
    assert parse_number("1,500.5", "valuation") == 1500.5 and parse_number("  ", "valuation") is None
    assert number_text(1500.5) == "1500.5" and number_text(None) == ""
    with pytest.raises(AmountError):
        parse_amount("-5")


# ------------------------------------------------------------- the Inspector
@pytest.fixture
def doc(qapp):
    return Document(seed_diagram())


@pytest.fixture
def inspector(qtbot, doc):
    w = Inspector(doc)
    qtbot.addWidget(w)
    w.show()
    return w


def _type(qtbot, inspector, text: str) -> None:
    w = inspector.field("flow", "amount").widget
    w.setFocus()
    w.selectAll()
    qtbot.keyClick(w, Qt.Key_Delete)
    qtbot.keyClicks(w, text)
    inspector.end_edit_session()


@pytest.mark.parametrize("text, amount, qualifier", TYPED)
def test_the_inspector_accepts_what_the_canvas_editor_accepts(qtbot, doc, inspector, text, amount, qualifier):
    flow_id = doc.diagram.flows()[0].id
    doc.update_flow(flow_id, amount=7.0, qualifier="exact")
    inspector.set_selection([], [flow_id])
    _type(qtbot, inspector, text)
    f = doc.diagram.flow(flow_id)
    assert (f.amount, f.qualifier) == (amount, qualifier)
    assert not inspector.field("flow", "amount").error.isVisible()


def test_the_inspector_keeps_the_qualifier_unless_the_text_states_one(qtbot, doc, inspector):
    flow_id = doc.diagram.flows()[0].id
    doc.update_flow(flow_id, amount=7.0, qualifier="estimated")
    inspector.set_selection([], [flow_id])
    _type(qtbot, inspector, "120")
    assert (doc.diagram.flow(flow_id).amount, doc.diagram.flow(flow_id).qualifier) == (120.0, "estimated")
    _type(qtbot, inspector, "up to 5")
    assert doc.diagram.flow(flow_id).qualifier == "up_to"
    doc.undo_stack.undo()  # one step takes back amount and qualifier together
    assert (doc.diagram.flow(flow_id).amount, doc.diagram.flow(flow_id).qualifier) == (120.0, "estimated")


def test_the_inspector_reads_scale_words_in_the_flows_unit(qtbot, doc, inspector):
    flow_id = doc.diagram.flows()[0].id
    doc.update_flow(flow_id, unit="USD m")
    inspector.set_selection([], [flow_id])
    _type(qtbot, inspector, "$2B")
    assert doc.diagram.flow(flow_id).amount == 2000.0


def test_the_inspector_refuses_text_and_changes_nothing(qtbot, doc, inspector):
    flow_id = doc.diagram.flows()[0].id
    inspector.set_selection([], [flow_id])
    before = doc.diagram.flow(flow_id)
    _type(qtbot, inspector, "lots")
    assert doc.diagram.flow(flow_id) == before
    assert "expected a number" in inspector.field("flow", "amount").error.text()


def test_several_flows_in_different_units_refuse_a_scale_word(qtbot, doc, inspector):
    a, b = (f.id for f in doc.diagram.flows()[:2])
    doc.update_flow(b, unit="USD m")
    inspector.set_selection([], [a, b])
    before = (doc.diagram.flow(a), doc.diagram.flow(b))
    w = inspector.field("flow", "amount").widget
    w.setFocus()
    w.setText("$2B")
    inspector._finish("flow", inspector.field("flow", "amount"))
    assert (doc.diagram.flow(a), doc.diagram.flow(b)) == before
    assert "different units" in inspector.field("flow", "amount").error.text()
    w.setText("~7")  # a plain number (and a qualifier) reads the same in every unit
    inspector._finish("flow", inspector.field("flow", "amount"))
    after = {(doc.diagram.flow(i).amount, doc.diagram.flow(i).qualifier) for i in (a, b)}
    assert after == {(7.0, "estimated")}
