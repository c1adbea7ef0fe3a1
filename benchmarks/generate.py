"""Seeded random diagrams that look like real deal maps, for benchmarks.

    generate(n_companies, n_flows, seed) -> Diagram

* companies get categories (few chipmakers and clouds, many applications),
  and a "size" that makes a few of them hubs (Zipf-like);
* companies sit in dense clusters (ecosystems) of 5-25: about 40% of flows
  stay inside a cluster, the rest go anywhere, preferring hubs;
* flow types follow the categories (clouds buy chips, labs buy compute,
  investors invest, chipmakers hand out equity or warrants, ...);
* amounts spread over five orders of magnitude (log-uniform 0.01 to 1,000,
  rounded to 3 significant digits so ties happen), 5% unknown;
* about 10% of flows run parallel to an earlier one (same two companies);
* partial dates from 2019 to 2026, 70% with a source link.
"""
from __future__ import annotations

import itertools
import math
import random

from editor.model import Company, Diagram, Flow, Metadata

CATEGORY_WEIGHTS = (("chipmaker", 0.06), ("cloud", 0.1), ("ai_lab", 0.14), ("investor", 0.15),
                    ("application", 0.45), ("other", 0.1))

#: Likely flow types by (source category, target category); "*" matches any.
TYPE_RULES = (
    ("investor", "*", ("venture", "equity")),
    ("cloud", "chipmaker", ("purchase",)),
    ("ai_lab", "cloud", ("service", "service", "backstop")),
    ("ai_lab", "chipmaker", ("purchase", "warrants")),
    ("chipmaker", "*", ("equity", "venture", "warrants", "backstop")),
    ("application", "*", ("revenue", "service")),
    ("cloud", "*", ("equity", "revenue", "service")),
    ("*", "*", ("revenue", "purchase", "service", "equity")),
)


def _flow_type(rng: random.Random, source_cat: str, target_cat: str) -> str:
    for s, t, types in TYPE_RULES:
        if s in ("*", source_cat) and t in ("*", target_cat):
            return rng.choice(types)
    raise AssertionError("the last rule matches everything")


def _amount(rng: random.Random) -> float | None:
    if rng.random() < 0.05:
        return None
    return float(f"{10 ** rng.uniform(-2, 3):.3g}")


def _date(rng: random.Random) -> str:
    year = rng.randint(2019, 2026)
    kind = rng.random()
    if kind < 0.2:
        return ""
    if kind < 0.35:
        return str(year)
    if kind < 0.6:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def generate(n_companies: int, n_flows: int, seed: int = 0) -> Diagram:
    rng = random.Random(seed)
    d = Diagram(metadata=Metadata(title=f"Random deal map {n_companies}/{n_flows} (seed {seed})"))
    cats = [c for c, _ in CATEGORY_WEIGHTS]
    weights = [w for _, w in CATEGORY_WEIGHTS]
    companies = []
    for i in range(n_companies):
        cat = rng.choices(cats, weights)[0]
        c = Company(f"c{i}", f"{cat.replace('_', ' ').title()} {i:05d}", cat,
                    valuation=float(f"{10 ** rng.uniform(-1, 3.5):.3g}") if rng.random() < 0.6 else None,
                    revenue=float(f"{10 ** rng.uniform(-2, 2):.3g}") if rng.random() < 0.5 else None,
                    x=rng.uniform(-2000, 2000), y=rng.uniform(-2000, 2000))
        d.add_company(c)
        companies.append(c)
    if n_companies < 2:
        return d
    hub_weight = [1.0 / (rank + 1) ** 0.8 for rank in range(n_companies)]
    rng.shuffle(hub_weight)
    # cumulative once (random.choices would sum all the weights on every call): the same draws
    hub_cumulative = list(itertools.accumulate(hub_weight))
    clusters: list[list[int]] = []
    order = list(range(n_companies))
    rng.shuffle(order)
    while order:
        size = rng.randint(5, 25)
        clusters.append(order[:size])
        order = order[size:]
    cluster_of = {i: k for k, members in enumerate(clusters) for i in members}
    pairs: list[tuple[int, int]] = []
    for j in range(n_flows):
        if pairs and rng.random() < 0.1:
            s, t = rng.choice(pairs)
        elif rng.random() < 0.4:
            s = rng.randrange(n_companies)
            members = clusters[cluster_of[s]]
            t = rng.choice(members) if len(members) > 1 else rng.randrange(n_companies)
        else:
            s, t = rng.choices(range(n_companies), cum_weights=hub_cumulative, k=2)
        if s == t:
            t = (t + 1 + rng.randrange(n_companies - 1)) % n_companies
        pairs.append((s, t))
        cs, ct = companies[s], companies[t]
        d.add_flow(Flow(f"f{j}", cs.id, ct.id, _flow_type(rng, cs.category, ct.category), _amount(rng),
                        date=_date(rng),
                        url=f"https://example.com/deal/{j}" if rng.random() < 0.7 else ""))
    return d


def dense_map(n: int) -> Diagram:
    """``n`` companies on a circle with a flow between every ordered pair (n * (n - 1) flows)."""
    d = Diagram(metadata=Metadata(title=f"Dense map {n}/{n * (n - 1)}"))
    radius = 40.0 * n
    for i in range(n):
        a = 2 * math.pi * i / n
        d.add_company(Company(f"c{i}", f"Company {i:03d}", "other",
                              x=radius * math.cos(a), y=radius * math.sin(a)))
    k = 0
    for i in range(n):
        for j in range(n):
            if i != j:
                d.add_flow(Flow(f"f{k}", f"c{i}", f"c{j}", "venture", float(1 + (i * 7 + j * 13) % 97)))
                k += 1
    return d
