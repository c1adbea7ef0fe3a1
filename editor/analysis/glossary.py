"""Short explanations of the analysis terms, for tooltips (the long forms are in docs/analysis.md)."""

GLOSSARY: dict[str, str] = {
    "step": "All flows from one company to another, taken together. Its amount is the sum of the "
            "known amounts.",
    "loop": "A chain of companies where money leaves one and comes back to it, each company "
            "visited once.",
    "bottleneck": "The smallest step on a loop: at most this much can go all the way round. "
                  "Unknown when a step has no known amount.",
    "partial": "Some flows on this loop have no amount; their steps count only the known amounts.",
    "circular_companies": "Companies that are part of at least one loop.",
    "circulating_amount": "The most money that can go round all loops at once, every company "
                          "passing on exactly what it receives and no step carrying more than its amount.",
    "circular_share": "Circulating amount as a share of all known amounts in the diagram.",
    "round_trip_capacity": "The most money that can leave this company and come back to it "
                           "through other companies.",
    "round_trip_ratio": "Round-trip capacity as a share of what the company pays out.",
    "inflow": "Known amounts this company receives (payments to itself left out).",
    "outflow": "Known amounts this company pays, invests or commits.",
    "net": "Inflow minus outflow.",
    "valuation_multiple": "Valuation divided by revenue, when both are known.",
    "pattern": "A name for the kind of loop, read from its flow types in order "
               "(for example vendor financing: an investment that comes back as purchases).",
    "date_ordered": "The deals on this loop can be read in date order going round it.",
    "sourced": "Every flow on this loop has a source link.",
    "unknown_amount_flows": "Flows whose amount is not known; they carry nothing in the figures.",
    "truncated": "Not every loop is listed: the list reached its maximum or the search ran out of time.",
}
