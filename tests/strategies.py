"""Hypothesis strategies that build valid diagrams."""
from __future__ import annotations

from hypothesis import strategies as st

from editor.model import QUALIFIERS, STATUSES, Company, Diagram, Flow, Metadata

names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20).filter(
    lambda s: s.strip() != "")
amounts = st.one_of(st.none(), st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
                    st.integers(min_value=0, max_value=10**6).map(float))
dates = st.one_of(st.just(""), st.dates().map(lambda d: d.isoformat()),
                  st.integers(1990, 2030).map(str),
                  st.tuples(st.integers(1990, 2030), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"))
coords = st.floats(min_value=-5000, max_value=5000, allow_nan=False)


@st.composite
def diagrams(draw, max_companies: int = 8, max_flows: int = 16) -> Diagram:
    d = Diagram(metadata=Metadata(title=draw(st.text(max_size=30)), unit=draw(st.sampled_from(["USD bn", "EUR m"]))))
    cats = [c.id for c in d.categories()]
    types = [t.id for t in d.flow_types()]
    n = draw(st.integers(0, max_companies))
    for i in range(n):
        d.add_company(Company(
            f"c{i}", draw(names), draw(st.sampled_from(cats)),
            valuation=draw(amounts), revenue=draw(amounts),
            profit=draw(st.one_of(st.none(), st.floats(-1e4, 1e4, allow_nan=False))),
            notes=draw(st.text(max_size=30)), x=draw(coords), y=draw(coords),
            size=draw(st.one_of(st.none(), st.floats(1, 1000)))))
    if n:
        for j in range(draw(st.integers(0, max_flows))):
            d.add_flow(Flow(
                f"f{j}", f"c{draw(st.integers(0, n - 1))}", f"c{draw(st.integers(0, n - 1))}",
                draw(st.sampled_from(types)), draw(amounts),
                qualifier=draw(st.sampled_from(QUALIFIERS)), status=draw(st.sampled_from(STATUSES)),
                date=draw(dates), url=draw(st.sampled_from(["", "https://example.com/x?q=1"])),
                note=draw(st.text(max_size=40))))
    return d
