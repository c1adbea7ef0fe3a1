import dataclasses
import re

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

from editor.analysis import analyze_for_export
from editor.io.edgelist import load_table
from editor.io.tableexport import export_tables
from editor.model import Company, Diagram, Flow
from tests.conftest import long_mode
from tests.helpers import seed_diagram
from tests.strategies import diagrams

EXAMPLES = 300 if long_mode() else 25
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _export(d, out):
    return export_tables(d, out, analyze_for_export(d.snapshot()))


def xml_safe(d: Diagram, digits: int | None = None, newlines: bool = False) -> Diagram:
    """The diagram with characters XLSX and XML 1.0 cannot hold removed (what those formats promise),
    numbers rounded to ``digits`` significant digits (XLSX keeps 15, like Excel) and, with
    ``newlines``, carriage returns read back as line feeds (as XLSX cells do)."""
    def clean(record):
        values = dataclasses.asdict(record)
        changes = {k: _ILLEGAL.sub("", v) for k, v in values.items() if isinstance(v, str)}
        if newlines:
            changes = {k: v.replace("\r\n", "\n").replace("\r", "\n") for k, v in changes.items()}
        if digits:
            changes.update({k: float(f"{v:.{digits}g}") for k, v in values.items() if isinstance(v, float)})
        if "name" in changes and not changes["name"].strip():
            changes["name"] = "x"
        return type(record)(**{**values, **changes})
    return Diagram.build(companies=[clean(c) for c in d.companies()], flows=[clean(f) for f in d.flows()],
                         flow_types=d.flow_types(), categories=d.categories(), metadata=clean(d.metadata))


def content(d: Diagram):
    return d.flow_types(), d.categories(), d.companies(), d.flows()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(diagrams())
def test_csv_flows_and_companies_round_trip(tmp_path_factory, d):
    out = tmp_path_factory.mktemp("csv") / "out.csv"
    written, _ = _export(d, out)
    companies = out.with_name("out-companies.csv")
    assert companies in written
    back = load_table(out, companies)
    assert content(back) == content(d)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(diagrams())
def test_xlsx_round_trip_is_the_whole_document(tmp_path_factory, d):
    d = xml_safe(d, digits=15, newlines=True)
    out = tmp_path_factory.mktemp("xlsx") / "out.xlsx"
    _export(d, out)
    assert load_table(out) == d


def test_csv_flows_alone_promise_flows_and_company_names(tmp_path):
    d = seed_diagram()
    out = tmp_path / "deals.csv"
    _export(d, out)
    assert load_table(out) == d  # the companies table beside it is read too
    (tmp_path / "deals-companies.csv").unlink()
    back = load_table(out)  # without the companies table: names, flows, but no positions or categories
    assert [c.name for c in back.companies()] == [c.name for c in d.companies()]
    assert back.flows() == d.flows()


def test_xlsx_sheets_read_by_pandas_and_openpyxl(tmp_path):
    d = seed_diagram()
    d.add_flow(Flow("f4", "nvidia", "oracle", "revenue", None, note="=SUM(A1:A9) is text"))
    out = tmp_path / "d.xlsx"
    written, notes = _export(d, out)
    assert written == [out] and notes == []
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["flows", "companies"]
    assert {"types", "categories", "document"} <= set(wb.sheetnames)
    frames = pd.read_excel(out, sheet_name=None)
    flows = frames["flows"]
    assert list(flows["amount"].iloc[:3]) == [f.amount for f in d.flows()[:3]]
    assert pd.isna(flows["amount"].iloc[3])
    assert flows["note"].iloc[3] == "=SUM(A1:A9) is text"  # written as text, never as a formula
    assert list(frames["companies"]["valuation"]) == [c.valuation for c in d.companies()]


def test_xlsx_drops_control_characters_with_a_note(tmp_path):
    d = Diagram()
    d.add_company(Company("a", "bad\x01name"))
    _, notes = _export(d, tmp_path / "d.xlsx")
    assert notes and "control characters" in notes[0]
    assert load_table(tmp_path / "d.xlsx").companies()[0].name == "badname"


def test_csv_names_with_commas_quotes_and_newlines(tmp_path):
    d = Diagram()
    d.add_company(Company("a", 'Alpha, "Inc"', notes="line1\r\nline2"))
    d.add_company(Company("b", "  spaced  "))
    d.add_flow(Flow("f1", "a", "b", "equity", 1.5, note="x\ny"))
    _export(d, tmp_path / "o.csv")
    back = load_table(tmp_path / "o.csv", tmp_path / "o-companies.csv")
    assert back.companies() == d.companies() and back.flows() == d.flows()


def test_export_is_atomic_on_failure(tmp_path):
    with pytest.raises(OSError):
        _export(seed_diagram(), tmp_path / "missing-folder" / "x.csv")


def test_loops_and_metrics_tables_come_from_the_analysis(tmp_path):
    from editor.analysis import analyze

    d = seed_diagram()
    written, notes = _export(d, tmp_path / "o.csv")
    assert [p.name for p in written] == ["o.csv", "o-companies.csv", "o-loops.csv", "o-metrics.csv"]
    loops = pd.read_csv(tmp_path / "o-loops.csv")
    result = analyze(d.snapshot())
    assert list(loops["bottleneck"]) == [loop.bottleneck for loop in result.loops]
    assert list(loops["flow_ids"]) == [" ".join(loop.flow_ids) for loop in result.loops]
    metrics = pd.read_csv(tmp_path / "o-metrics.csv")
    assert list(metrics["net"]) == [m.net for m in result.company_metrics]
    assert "np.float64" not in (tmp_path / "o-metrics.csv").read_text()
    _export(d, tmp_path / "o.xlsx")
    sheets = pd.read_excel(tmp_path / "o.xlsx", sheet_name=None)
    assert list(sheets["loops"]["loop"]) == list(loops["loop"])
    assert list(sheets["metrics"]["inflow"]) == [m.inflow for m in result.company_metrics]
