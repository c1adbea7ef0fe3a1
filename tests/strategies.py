"""Hypothesis strategies that build valid diagrams."""
from __future__ import annotations

from hypothesis import strategies as st

from editor.model import QUALIFIERS, STATUSES, Category, Company, Diagram, Flow, FlowType, Metadata

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
    d = Diagram(metadata=Metadata(title=draw(st.text(max_size=30)),
                                  unit=draw(st.sampled_from(["USD bn", "EUR m"]))))
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


# ---------------------------------------------- a wider strategy: every field
rich_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
rich_names = rich_text.filter(lambda s: s.strip() != "")
rich_amounts = st.one_of(st.none(), st.floats(0, 1e12, allow_nan=False), st.integers(0, 10**12).map(float))
rich_dates = st.one_of(st.just(""), st.dates().map(lambda d: d.isoformat()), st.integers(1000, 9999).map(str))
colors = st.integers(0, 0xFFFFFF).map(lambda n: f"#{n:06x}")


@st.composite
def rich_diagrams(draw: st.DrawFn) -> Diagram:
    """Custom catalogues, every field, unicode, unknown amounts and many parallel flows."""
    text, names, amounts, dates = rich_text, rich_names, rich_amounts, rich_dates
    types = [FlowType(f"t{i}", f"type {i} {draw(text)}", draw(colors))
             for i in range(draw(st.integers(1, 4)))]
    cats = [Category(f"k{i}", f"cat {i} {draw(text)}", draw(colors))
            for i in range(draw(st.integers(1, 3)))]
    meta = Metadata(title=draw(text), subtitle=draw(text), unit=draw(names), description=draw(text),
                    sources_note=draw(text))
    d = Diagram(flow_types=types, categories=cats, metadata=meta)
    n = draw(st.integers(1, 6))
    for i in range(n):
        d.add_company(Company(
            f"c{i}", draw(names), draw(st.sampled_from(cats)).id, valuation=draw(amounts),
            valuation_date=draw(dates), revenue=draw(amounts), revenue_period=draw(text),
            profit=draw(st.one_of(st.none(), st.floats(-1e12, 1e12, allow_nan=False))),
            profit_period=draw(text),
            notes=draw(text), x=draw(st.floats(-1e7, 1e7)), y=draw(st.floats(-1e7, 1e7)),
            size=draw(st.one_of(st.none(), st.floats(1, 1000)))))
    a, b = f"c{draw(st.integers(0, n - 1))}", f"c{draw(st.integers(0, n - 1))}"
    for j in range(draw(st.integers(0, 25))):
        parallel = draw(st.booleans())
        date = draw(dates)
        d.add_flow(Flow(
            f"f{j}", a if parallel else f"c{draw(st.integers(0, n - 1))}",
            b if parallel else f"c{draw(st.integers(0, n - 1))}",
            draw(st.sampled_from(types)).id, draw(amounts),
            qualifier=draw(st.sampled_from(QUALIFIERS)), unit=draw(text), date=date,
            end_date=draw(st.sampled_from(["", date])), status=draw(st.sampled_from(STATUSES)),
            url=draw(text), note=draw(text)))
    return d
