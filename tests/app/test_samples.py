"""The bundled sample diagrams open, stay sourced and show the loops they are about."""
from __future__ import annotations

import importlib.util
import itertools
import math
import sys
from pathlib import Path
from urllib.parse import urlparse

import networkx as nx
import pytest

from editor.app.samples import DEFAULT_SAMPLE, sample_path, sample_paths
from editor.io import native
from editor.model import date_key

AI = "ai-money-machine-2025"
TELECOM = "telecom-vendor-financing-1998-2002"
ENERGY = "energy-round-trips-1999-2002"
TEACHING = "teaching-loops"
SOURCED = (AI, TELECOM, ENERGY)
ALL = SOURCED + (TEACHING,)
BUILD_DIR = Path(__file__).resolve().parents[2] / "samples" / "build"


@pytest.fixture(scope="module")
def samples():
    return {name: native.load(sample_path(name)) for name in ALL}


def digraph(d) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(c.id for c in d.companies())
    g.add_edges_from((f.source, f.target) for f in d.flows())
    return g


def cycles(d, length: int) -> list[list[str]]:
    return [c for c in nx.simple_cycles(digraph(d), length_bound=length) if len(c) == length]


def by_name(d, name):
    c = d.find_company(name)
    assert c is not None, f"no company named {name!r}"
    return c


def test_every_sample_is_bundled_and_the_ai_sample_comes_first():
    stems = [p.stem for p in sample_paths()]
    assert sorted(stems) == sorted(ALL)
    assert stems[0] == DEFAULT_SAMPLE == AI


@pytest.mark.parametrize("name", ALL)
def test_sample_loads_with_title_unit_and_description(samples, name):
    d = samples[name]
    assert d.metadata.title.strip()
    assert d.metadata.unit == "USD bn"
    assert d.metadata.description.strip()
    assert d.flows() and d.companies()


@pytest.mark.parametrize("name", ALL)
def test_amounts_and_links_are_sane(samples, name):
    for f in samples[name].flows():
        if f.amount is not None:
            assert 0 < f.amount <= 1000, f"{name} {f.id}: amount {f.amount}"
        if f.url or name in SOURCED:
            parts = urlparse(f.url)
            assert parts.scheme in ("http", "https") and parts.netloc, f"{name} {f.id}: url {f.url!r}"
        if f.end_date:
            assert f.date and date_key(f.date) <= date_key(f.end_date)


@pytest.mark.parametrize("name", ALL)
def test_companies_are_at_least_150_px_apart(samples, name):
    companies = samples[name].companies()
    for a, b in itertools.combinations(companies, 2):
        gap = math.hypot(a.x - b.x, a.y - b.y)
        assert gap >= 150, f"{name}: {a.name} and {b.name} are {gap:.0f} px apart"


@pytest.mark.parametrize("name", ALL)
def test_sample_files_match_their_build_scripts(name):
    """The committed files are exactly what samples/build produces (no hand edits drift)."""
    sys.path.insert(0, str(BUILD_DIR))
    try:
        module = {AI: "ai_2025", TELECOM: "telecom", ENERGY: "energy", TEACHING: "teaching"}[name]
        spec = importlib.util.spec_from_file_location(f"_sample_build_{module}", BUILD_DIR / f"{module}.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
    finally:
        sys.path.remove(str(BUILD_DIR))
    assert name == mod.NAME
    assert native.dumps(mod.build()) == sample_path(name).read_text(encoding="utf-8")


# ----------------------------------------------------------------- AI sample
def test_ai_sample_has_the_core_triangle(samples):
    d = samples[AI]
    nvidia, openai, oracle = (by_name(d, n).id for n in ("NVIDIA", "OpenAI", "Oracle"))
    triangles = {frozenset(c) for c in cycles(d, 3)}
    assert frozenset((nvidia, openai, oracle)) in triangles
    g = digraph(d)
    assert g.has_edge(nvidia, openai) and g.has_edge(openai, oracle) and g.has_edge(oracle, nvidia)


def test_ai_sample_keeps_the_caveats(samples):
    d = samples[AI]
    nvidia, openai, amd = (by_name(d, n).id for n in ("NVIDIA", "OpenAI", "AMD"))
    [equity] = [f for f in d.flows_between(nvidia, openai) if f.type == "equity"]
    assert (equity.amount, equity.qualifier, equity.status) == (100, "up_to", "announced")
    assert "definitive agreement" in equity.note
    [warrant] = d.flows_between(amd, openai)
    assert warrant.type == "warrants" and warrant.qualifier == "estimated"
    assert "not cash" in warrant.note.lower()
    assert len(d.flows()) >= 42
    assert any(f.amount is None for f in d.flows())
    assert any(f.status == "unconfirmed" for f in d.flows())
    assert all(f.date[:4] <= "2025" for f in d.flows()), "the 2025 picture ends with 2025"


# ------------------------------------------------------------ telecom sample
def test_telecom_sample_has_a_vendor_carrier_loop(samples):
    d = samples[TELECOM]
    cat = {c.id: c.category for c in d.companies()}
    pairs = [c for c in cycles(d, 2) if sorted(cat[n] for n in c) == ["carrier", "equipment_vendor"]]
    assert pairs, "no vendor -> carrier -> vendor loop"


def test_telecom_lawsuit_is_a_note_not_a_flow(samples):
    d = samples[TELECOM]
    for t in d.flow_types():
        assert "claim" not in t.name.lower() and "legal" not in t.name.lower()
    used = {f.type for f in d.flows()}
    assert all("claim" not in d.flow_type(t).name.lower() for t in used)
    assert all(f.amount != 10 for f in d.flows()), "the $10B damages claim must not be drawn"
    assert "$10B" in by_name(d, "Winstar").notes


# ------------------------------------------------------------- energy sample
def test_energy_sample_has_the_cms_dynegy_round_trip(samples):
    d = samples[ENERGY]
    cms, dynegy = by_name(d, "CMS Energy (MS&T)").id, by_name(d, "Dynegy").id
    assert sorted([cms, dynegy]) in [sorted(c) for c in cycles(d, 2)]
    legs = d.flows_between(cms, dynegy) + d.flows_between(dynegy, cms)
    assert {f.type for f in legs} == {"round_trip_leg"}
    assert any(f.status == "unconfirmed" for f in d.flows())
    assert "conflict" in by_name(d, "Reliant Resources").notes


# ----------------------------------------------------------- teaching sample
def _in_date_order(d, cycle) -> bool:
    """Some rotation of the loop has non-decreasing dates (earliest flow per hop)."""
    hops = list(zip(cycle, cycle[1:] + cycle[:1], strict=True))
    dates = [min(date_key(f.date) for f in d.flows_between(u, v)) for u, v in hops]
    return any(all(a <= b for a, b in itertools.pairwise(r)) for r in
               (dates[i:] + dates[:i] for i in range(len(dates))))


def test_teaching_sample_shows_each_metric(samples):
    d = samples[TEACHING]
    assert "fictional" in d.metadata.description.lower()
    assert 5 <= len(d.companies()) <= 8
    g = digraph(d)
    triangles, pairs = cycles(d, 3), cycles(d, 2)
    assert pairs, "no two-company round trip"
    in_order = [c for c in triangles if _in_date_order(d, c)]
    out_of_order = [c for c in triangles if not _in_date_order(d, c)]
    assert in_order and out_of_order
    # The clean loop has one obvious bottleneck: a single smallest hop.
    loop = in_order[0]
    hops = [sum(f.amount for f in d.flows_between(u, v))
            for u, v in zip(loop, loop[1:] + loop[:1], strict=True)]
    assert sorted(hops)[0] < sorted(hops)[1] / 2
    assert any(f.amount is None for f in d.flows())
    assert any(g.in_degree(n) == 0 and g.out_degree(n) > 0 for n in g)
    assert any(g.out_degree(n) == 0 and g.in_degree(n) > 0 for n in g)
    mg = d.graph
    assert any(mg.number_of_edges(u, v) > 1 for u, v in g.edges())
