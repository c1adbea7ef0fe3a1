"""Every file format carries every Company and Flow field, or says which it drops and why.

The field lists of the formats come from the record dataclasses (editor.io.fields):
a field added to Company or Flow is written and read back by every data format, or
this test fails until it is (or until editor.io.fields.DROPPED says why it cannot be).
"""
from __future__ import annotations

import dataclasses

import pytest

from editor.analysis import analyze_for_export
from editor.io import native
from editor.io.fields import COMPANY_COLUMNS, DROPPED, FLOW_COLUMNS
from editor.io.formats import FORMATS, read_any, write_any
from editor.model import Category, Company, Diagram, Flow, FlowType

DATA_FORMATS = [f for f in FORMATS if f.reader and f.writer]


def full_diagram() -> Diagram:
    """Two companies and two flows with every field away from its default."""
    d = Diagram()
    d.add_category(Category("banks", "Banks", "#123456"))
    d.add_flow_type(FlowType("loan", "Loan", "#654321"))
    for i, name in enumerate(("Alpha Bank", "Beta Labs")):
        d.add_company(Company(f"c{i}", name, "banks", valuation=1000.5 + i, valuation_date="2025-06-30",
                              revenue=12.25 + i, revenue_period="FY2024", profit=-3.5 - i,
                              profit_period="H1 2025", notes=f"note {i}", x=10.0 + i, y=-20.0 - i,
                              size=42.0 + i))
    for i, (a, b) in enumerate((("c0", "c1"), ("c1", "c0"))):
        d.add_flow(Flow(f"f{i}", a, b, "loan", 7.5 + i, qualifier="estimated", unit="EUR m",
                        date="2025-01", end_date="2026-02-03", status="paid",
                        url=f"https://example.com/{i}", note=f"flow note {i}"))
    return d


def test_the_sample_sets_every_field_away_from_its_default():
    d = full_diagram()
    for record in d.companies() + d.flows():
        for f in dataclasses.fields(record):
            if f.default is not dataclasses.MISSING:
                assert getattr(record, f.name) != f.default, f"{type(record).__name__}.{f.name}"


def test_the_field_lists_are_the_dataclass_fields():
    company = {f.name for f in dataclasses.fields(Company)}
    flow = {f.name for f in dataclasses.fields(Flow)}
    assert set(native._SPECS["companies"]) == company and set(native._SPECS["flows"]) == flow
    assert company <= set(COMPANY_COLUMNS) and flow <= set(FLOW_COLUMNS)


def test_dropped_names_only_real_fields_with_a_reason():
    assert set(DROPPED) == {f.name for f in DATA_FORMATS}
    real = {f"Company.{f.name}" for f in dataclasses.fields(Company)}
    real |= {f"Flow.{f.name}" for f in dataclasses.fields(Flow)}
    for fmt, dropped in DROPPED.items():
        for name, reason in dropped.items():
            assert name in real and reason.strip(), (fmt, name)


@pytest.mark.parametrize("fmt", DATA_FORMATS, ids=lambda f: f.name)
def test_every_format_carries_every_field(tmp_path, fmt):
    d = full_diagram()
    path = tmp_path / f"full{fmt.extensions[0]}"
    write_any(d, path, analyze=analyze_for_export)
    back, _ = read_any(path)
    dropped = DROPPED[fmt.name]
    lost = []
    pairs = (("Company", d.companies(), back.companies()), ("Flow", d.flows(), back.flows()))
    for kind, mine, theirs in pairs:
        by_id = {r.id: r for r in theirs}
        assert set(by_id) == {r.id for r in mine}, (fmt.name, kind)
        for record in mine:
            for f in dataclasses.fields(record):
                was, now = getattr(record, f.name), getattr(by_id[record.id], f.name)
                if f"{kind}.{f.name}" not in dropped and now != was:
                    lost.append(f"{kind}.{f.name}: {was!r} -> {now!r}")
    assert not lost, f"{fmt.name} does not carry: {lost}"
