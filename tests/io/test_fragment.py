"""Fragments, the records that copy and paste carry (no Qt)."""
from __future__ import annotations

import pytest

from editor.io.fragment import dumps, fragment, loads, plain_text, prepare_paste
from editor.model import Diagram, FlowType, ModelError
from tests.helpers import seed_diagram


def test_a_fragment_takes_the_flows_between_the_copied_companies_only():
    d = seed_diagram()
    frag = fragment(d, ["nvidia", "openai"])
    assert [c["id"] for c in frag["companies"]] == ["nvidia", "openai"]
    assert [f["id"] for f in frag["flows"]] == ["f1"]
    assert "NVIDIA" in plain_text(frag)
    assert loads(dumps(frag)) == frag


def test_pasting_gives_new_ids_and_keeps_the_flows_between_pasted_companies():
    d = seed_diagram()
    paste = prepare_paste(d, fragment(d, ["nvidia", "openai", "oracle"]), offset=30.0)
    assert len(paste.companies) == 3 and len(paste.flows) == 3
    new_ids = {c.id for c in paste.companies}
    assert new_ids.isdisjoint({c.id for c in d.companies()})
    assert all(f.source in new_ids and f.target in new_ids for f in paste.flows)
    moved = {c.name: (c.x, c.y) for c in paste.companies}
    assert moved["OpenAI"] == (330.0, 30.0)


def test_a_catalogue_entry_is_matched_by_name_or_added():
    source = seed_diagram()
    source.add_flow_type(FlowType("royalty", "Royalty", "#123456"))
    source.update_flow("f1", type="royalty")
    target = Diagram()
    paste = prepare_paste(target, fragment(source, ["nvidia", "openai"]))
    assert [t.name for t in paste.flow_types] == ["Royalty"]
    again = prepare_paste(source, fragment(source, ["nvidia", "openai"]))
    assert again.flow_types == [] and again.flows[0].type == "royalty"


def test_damaged_fragments_are_refused_with_a_message():
    frag = fragment(seed_diagram(), ["nvidia"])
    frag["companies"][0] = {"id": "x"}
    with pytest.raises(ModelError, match="damaged"):
        prepare_paste(Diagram(), frag)
    assert loads(b"not json") is None
