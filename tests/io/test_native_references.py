"""Reading a .roundtrip file: its references checked by sets agree with the record-by-record check."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.io import native
from editor.model import Category, Company, Flow, FlowType

IDS = ["a", "b", "c", "revenue", "other", "f1"]


@st.composite
def sections(draw: st.DrawFn) -> dict[str, list]:
    types = [FlowType(i, f"t{n}", "#000000") for n, i in enumerate(draw(st.lists(st.sampled_from(
        ["revenue", "equity", "a"]), max_size=3)))]
    cats = [Category(i, f"c{n}", "#000000") for n, i in enumerate(draw(st.lists(st.sampled_from(
        ["other", "lab", "b"]), max_size=3)))]
    category = st.sampled_from(["other", "lab", "x"])
    companies = [Company(draw(st.sampled_from(IDS)), "n", category=draw(category))
                 for _ in range(draw(st.integers(0, 4)))]
    flow_type = st.sampled_from(["revenue", "equity", "zzz"])
    flows = [Flow(draw(st.sampled_from(IDS)), draw(st.sampled_from(IDS)), draw(st.sampled_from(IDS)),
                  draw(flow_type)) for _ in range(draw(st.integers(0, 5)))]
    return {"flow_types": types, "categories": cats, "companies": companies, "flows": flows}


@settings(max_examples=400, deadline=None)
@given(s=sections())
def test_references_by_sets_agree_with_the_messages(s):
    """The sets pass a file exactly when the record-by-record check (run when they do not) finds nothing."""
    problems: list[str] = []
    with pytest.MonkeyPatch.context() as m:
        m.setattr(native, "_references_pass", lambda *a: False)   # the record-by-record check alone
        native._check_references(s, problems)
    passed = native._references_pass(s["flow_types"], s["categories"], s["companies"], s["flows"])
    assert passed == (not problems)
