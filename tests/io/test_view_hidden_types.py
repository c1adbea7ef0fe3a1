"""The view section's hidden flow types: written, read, and bad input named."""
from __future__ import annotations

from editor.io.view import PeriodView, ViewSettings, from_json, to_json


def test_round_trip_and_empty():
    view = ViewSettings(period=PeriodView("2025-01", ""), hidden_types=("equity", "service"))
    assert to_json(view)["hidden_types"] == ["equity", "service"]
    problems: list[str] = []
    assert from_json(to_json(view), problems) == view and problems == []
    assert ViewSettings(hidden_types=("x",)).is_empty() is False
    assert "hidden_types" not in to_json(ViewSettings(period=PeriodView()))


def test_bad_hidden_types_are_named():
    problems: list[str] = []
    assert from_json({"hidden_types": "equity"}, problems) is None
    assert problems == ["view.hidden_types: expected a list of flow type ids"]
    problems = []
    assert from_json({"hidden_types": ["b", "a", "b"]}, problems) == ViewSettings(hidden_types=("a", "b"))
