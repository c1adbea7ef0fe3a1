import dataclasses
import math

import networkx as nx
import pytest

from editor.model import ChangeKind, Company, Diagram, Flow, FlowType, ModelError, date_key
from tests.helpers import seed_diagram


def test_new_diagram_has_the_2025_graphic_types():
    d = Diagram()
    names = {t.id: t for t in d.flow_types()}
    assert names["venture"].color == "#2ca02c"
    assert names["purchase"].color == "#e377c2"
    assert names["service"].color == "#1f3a93"
    assert {"equity", "backstop", "revenue", "warrants"} <= set(names)
    assert {c.id for c in d.categories()} >= {"chipmaker", "ai_lab", "cloud", "investor", "application",
                                              "other"}


def test_parallel_flows_are_separate_edges():
    d = seed_diagram()
    d.add_flow(Flow("f4", "nvidia", "openai", "venture", 5))
    assert [f.id for f in d.flows_between("nvidia", "openai")] == ["f1", "f4"]
    assert d.graph.number_of_edges("nvidia", "openai") == 2
    assert d.flows_between("openai", "nvidia") == ()


@pytest.mark.parametrize("bad, message", [
    (dict(source="ghost"), "source 'ghost' is not a company"),
    (dict(type="nope"), "unknown flow type"),
    (dict(amount=-1), "must not be negative"),
    (dict(amount=math.nan), "finite"),
    (dict(amount=math.inf), "finite"),
    (dict(amount=1e20), "larger than"),
    (dict(amount="lots"), "expected a number"),
    (dict(date="2025-13"), "month 13"),
    (dict(date="2025-02-30"), "not a calendar date"),
    (dict(status="rumoured"), "status"),
])
def test_invalid_flows_are_refused_and_change_nothing(bad, message):
    d = seed_diagram()
    before = d.state()
    fields = dict(id="new", source="nvidia", target="oracle", type="equity", amount=1.0) | bad
    with pytest.raises(ModelError, match=message):
        d.add_flow(Flow(**fields))
    assert d.state() == before


def test_duplicate_ids_are_refused():
    d = seed_diagram()
    with pytest.raises(ModelError, match="already exists"):
        d.add_company(Company("nvidia", "Again"))
    with pytest.raises(ModelError, match="already exists"):
        d.add_flow(Flow("f1", "nvidia", "oracle", "equity"))


def test_update_flow_validates_and_rekeys_edges():
    d = seed_diagram()
    with pytest.raises(ModelError, match="negative"):
        d.update_flow("f1", amount=-5)
    assert d.flow("f1").amount == 100
    old = d.update_flow("f1", target="oracle")
    assert old.target == "openai"
    assert d.graph.has_edge("nvidia", "oracle", key="f1")
    assert not d.graph.has_edge("nvidia", "openai")


def test_remove_company_takes_its_flows_and_events_say_so():
    d = seed_diagram()
    indices = {f.id: d.flow_index(f.id) for f in d.flows()}
    seen = []
    d.subscribe(seen.append)
    company, flows = d.remove_company("openai")
    assert company.name == "OpenAI"
    assert sorted(f.id for f in flows) == ["f1", "f2"]
    assert [c.kind for c in seen] == [ChangeKind.FLOW_REMOVED, ChangeKind.FLOW_REMOVED,
                                      ChangeKind.COMPANY_REMOVED]
    assert [f.id for f in d.flows()] == ["f3"]
    # restoring at the old index gives back the same document
    d.add_company(company, index=1)
    for f in flows:
        d.add_flow(f, index=indices[f.id])
    assert d == seed_diagram()


def test_move_emits_one_event_for_many_companies():
    d = seed_diagram()
    seen = []
    d.subscribe(seen.append)
    old = d.move_companies({"nvidia": (10, 20), "oracle": (5, 5)})
    assert old == {"nvidia": (0.0, 0.0), "oracle": (150.0, 250.0)}
    assert seen == [type(seen[0])(ChangeKind.COMPANIES_MOVED, ("nvidia", "oracle"))]


def test_readers_cannot_change_the_model():
    d = seed_diagram()
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.company("nvidia").name = "x"  # frozen record
    with pytest.raises(nx.NetworkXError):
        d.graph.add_node("x")  # read-only view
    assert isinstance(d.companies(), tuple)


def test_flow_types_catalogue_add_rename_recolour_remove():
    d = seed_diagram()
    d.add_flow_type(FlowType("loan", "Vendor loan", "#123456"))
    d.update_flow_type("loan", name="Vendor financing loan", color="#AABBCC")
    assert d.flow_type("loan").color == "#aabbcc"
    with pytest.raises(ModelError, match="already exists"):
        d.add_flow_type(FlowType("loan2", "vendor financing loan", "#123456"))
    with pytest.raises(ModelError, match="used by 1 flow"):
        d.remove_flow_type("purchase")
    d.remove_flow_type("loan")
    assert not d.has_flow_type("loan")


def test_self_flow_is_allowed():
    d = seed_diagram()
    d.add_flow(Flow("self", "nvidia", "nvidia", "revenue", 1))
    assert sorted(f.id for f in d.flows_of("nvidia")) == ["f1", "f3", "self"]


def test_partial_dates_sort_by_period_start():
    assert date_key("2025") < date_key("2025-02") < date_key("2025-02-03")
    assert date_key("") is None


def test_events_reach_subscribers():
    d = Diagram()
    seen = []
    d.subscribe(seen.append)
    d.add_company(Company("a", "A"))
    d.add_company(Company("b", "B"))
    d.add_flow(Flow("x", "a", "b", "revenue"))
    assert seen[-1].kind == ChangeKind.FLOW_ADDED and seen[-1].ids == ("x",)
    d.unsubscribe(seen.append)


def _edges(d):
    return sorted(d.graph.edges(keys=True)), sorted(d.graph.nodes)


def test_multigraph_built_on_first_use_matches_one_kept_up_to_date():
    """``Diagram.build`` (as opening a file does) leaves the multigraph to be built on first
    use; edits before and after that must give the graph an always-kept one has."""
    kept = seed_diagram()
    assert kept.graph.number_of_edges() == 3   # built: kept up to date from here on
    lazy = Diagram.build(companies=kept.companies(), flows=kept.flows())
    assert lazy._graph_built is None

    def edit(d):
        d.add_company(Company("coreweave", "CoreWeave", "cloud"))
        d.add_flow(Flow("f4", "nvidia", "coreweave", "backstop", 6.3))
        d.update_flow("f2", target="coreweave")
        d.remove_flow("f3")

    edit(kept)
    edit(lazy)
    assert lazy._graph_built is None   # none of these edits needed it
    assert _edges(lazy) == _edges(kept)
    assert lazy._graph_built is not None
    for d in (kept, lazy):
        d.add_flow(Flow("f5", "coreweave", "nvidia", "purchase", 1))
        d.update_flow("f1", source="oracle")
        d.remove_company("openai")
    assert _edges(lazy) == _edges(kept)
    assert [f.id for f in lazy.flows_of("coreweave")] == [f.id for f in kept.flows_of("coreweave")]

    fresh = Diagram.build(companies=kept.companies(), flows=kept.flows())
    kept.replace_all(fresh)   # takes over a graph not built yet
    assert kept.graph.number_of_edges() == len(kept.flows()) == 2
    assert kept.flows_between("nvidia", "coreweave")[0].id == "f4"
