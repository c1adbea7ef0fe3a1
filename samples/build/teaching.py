"""A small made-up diagram that shows each metric on its own."""
from __future__ import annotations

from sample_common import Company, Metadata, diagram, flows_from_rows, place

NAME = "teaching-loops"

# id, name, category, valuation, revenue, notes
COMPANIES = [
    ("alpha", "Alpha Chips", "chipmaker", 400, 60, "Fictional. Sells chips to Gamma Cloud and invests in Beta Labs."),
    ("beta", "Beta Labs", "ai_lab", 80, 4, "Fictional. Raises money, buys cloud capacity."),
    ("gamma", "Gamma Cloud", "cloud", 150, 25, "Fictional. Rents capacity to Beta Labs, buys chips from Alpha."),
    ("omega", "Omega Fund", "investor", 10, None, "Fictional. Only pays out: a pure source, on no loop."),
    ("kappa", "Kappa Robotics", "application", 5, 0.5, "Fictional. Only receives: a pure sink, on no loop."),
    ("delta", "Delta Power", "other", 30, 12, "Fictional energy trader."),
    ("epsilon", "Epsilon Trading", "other", 20, 9, "Fictional energy trader."),
    ("zeta", "Zeta Grid", "other", 25, 6, "Fictional grid operator."),
]

# source, target, type, amount, qualifier, date, end_date, status, url, note
FLOWS = [
    # Loop 1, dates in order: 10 out, 30 + 12 around, only 4 back. Bottleneck: Gamma -> Alpha (4).
    ("alpha", "beta", "venture", 10, "exact", "2021-01", "", "paid", "",
     "Loop 1, step 1 of 3 (dates in order)."),
    ("beta", "gamma", "service", 30, "exact", "2021-06", "", "committed", "",
     "Loop 1, step 2; one of two parallel contracts between the same pair."),
    ("beta", "gamma", "service", 12, "exact", "2021-09", "", "committed", "",
     "Second, parallel contract from Beta Labs to Gamma Cloud: a separate arrow, not merged."),
    ("gamma", "alpha", "purchase", 4, "exact", "2022-03", "", "paid", "",
     "Loop 1, step 3: the smallest flow on the loop, so only 4 can have gone all the way round "
     "(the bottleneck)."),
    # A 2-company round trip: the same amount out and back on the same day.
    ("delta", "epsilon", "revenue", 6, "exact", "2023-03-01", "", "paid", "",
     "Round trip: Delta sells to Epsilon..."),
    ("epsilon", "delta", "revenue", 6, "exact", "2023-03-01", "", "paid", "",
     "...and Epsilon sells the same back the same day. Both book 6 of revenue; nothing changed."),
    # Loop 2, dates out of order: money 'comes back' before it went out.
    ("epsilon", "zeta", "service", 3, "exact", "2024-01", "", "committed", "",
     "Loop 2 (Delta -> Epsilon -> Zeta -> Delta): no starting point puts its dates in order."),
    ("zeta", "delta", "purchase", 2, "exact", "2023-06", "", "paid", "",
     "Loop 2: paid in June 2023, before Epsilon paid Zeta in January 2024, so the dates are out of order."),
    # Outside any loop: a pure source with parallel flows and a flow of unknown size to a pure sink.
    ("omega", "beta", "venture", 2, "exact", "2020-05", "", "paid", "", "Seed round; Omega Fund never gets money back."),
    ("omega", "beta", "venture", 20, "up_to", "2022-01", "", "announced", "",
     "Series A: a ceiling ('up to'), a parallel flow to the seed round."),
    ("beta", "kappa", "venture", None, "exact", "2023-09", "", "unconfirmed", "",
     "No amount published: the arrow is drawn but left out of any sum."),
]

POSITIONS: dict[str, tuple[float, float]] = {
    "alpha": (400, 250), "beta": (700, 520), "gamma": (250, 600), "omega": (1000, 300),
    "kappa": (1000, 750), "delta": (1250, 250), "epsilon": (1450, 500), "zeta": (1250, 750),
}

METADATA = Metadata(
    title="Teaching loops (fictional companies)",
    subtitle="One example of each thing Roundtrip measures",
    unit="USD bn",
    description=(
        "Fictional: all companies and figures here are made up for teaching; none is a real firm. Alpha Chips, "
        "Beta Labs and Gamma Cloud form a clean three-company loop whose dates run in order; its smallest "
        "flow, 4 from Gamma Cloud back to Alpha Chips, is the bottleneck. Beta Labs pays Gamma Cloud "
        "twice (parallel flows). Delta Power and Epsilon Trading do a two-company round trip of 6 each way "
        "on the same day. Delta, Epsilon and Zeta Grid form a second loop whose dates are out of order. "
        "Omega Fund only pays (a source) and Kappa Robotics only receives (a sink), so neither is on a "
        "loop; Beta Labs' payment to Kappa has no published amount."),
    sources_note="Fictional: no sources. Amounts in USD billions.",
)


def build():
    companies = [Company(cid, name, cat, valuation=val, revenue=rev, notes=notes,
                         valuation_date="fictional" if val is not None else "",
                         revenue_period="fictional, per year" if rev is not None else "")
                 for cid, name, cat, val, rev, notes in COMPANIES]
    companies = place(companies, POSITIONS)
    return diagram(companies=companies, flows=flows_from_rows(FLOWS), metadata=METADATA)
