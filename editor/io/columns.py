"""Which column of a table holds which field: header names as people and other tools write them.

``guess_columns(headers)`` maps each field of a flow (or, with ``kind="companies"``, of a
company) to the header that most likely holds it: first by whole names and their
synonyms ("payer", "deal value"), then by a header's first word ("amount (usd bn)").
The import dialog shows the guess for the user to confirm. No Qt here.
"""
from __future__ import annotations

from collections.abc import Iterable

from editor.io.tableshapes import norm_header as _norm

_FLOW_SYNONYMS: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "source url", "source link", "sources", "reference", "citation", "href", "web"),
    "source_id": ("source id", "from id", "source_id"),
    "target_id": ("target id", "to id", "target_id"),
    "id": ("id", "flow id", "deal id"),
    "source": ("source", "from", "payer", "payor", "buyer", "investor", "funder", "sender", "customer",
               "from company", "source company", "origin", "paid by"),
    "target": ("target", "to", "payee", "beneficiary", "recipient", "receiver", "seller", "supplier",
               "vendor", "investee", "destination", "to company", "target company", "paid to"),
    "type": ("type", "kind", "deal type", "flow type", "transaction type", "deal kind", "flow kind"),
    "amount": ("amount", "value", "usd", "amount usd", "amount usd bn", "deal value", "deal size", "size",
               "sum", "weight", "usd bn", "amount bn", "strength"),
    "qualifier": ("qualifier", "precision", "certainty"),
    "unit": ("unit", "currency", "units"),
    "date": ("date", "start date", "announced", "announcement date", "date announced", "year", "when"),
    "end_date": ("end date", "end_date", "until", "end", "ends"),
    "status": ("status", "stage", "state"),
    "note": ("note", "notes", "comment", "comments", "description", "details", "remarks"),
}
_COMPANY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "company id"),
    "name": ("name", "company", "company name", "organisation", "organization", "firm", "entity", "label"),
    "category": ("category", "sector", "industry", "kind", "type", "group"),
    "valuation_date": ("valuation date", "valuation_date", "valued on"),
    "valuation": ("valuation", "market cap", "market capitalisation", "market capitalization", "value"),
    "revenue_period": ("revenue period", "revenue_period", "fiscal year"),
    "revenue": ("revenue", "revenues", "sales", "turnover"),
    "profit_period": ("profit period", "profit_period"),
    "profit": ("profit", "net income", "earnings", "income"),
    "notes": ("notes", "note", "comment", "comments", "description"),
    "x": ("x",), "y": ("y",), "size": ("size",),
}
# Second pass: a header whose first word is one of these (e.g. "amount (usd bn)").
_FLOW_PREFIXES = {"url": ("url", "link"), "amount": ("amount", "value", "usd"), "date": ("date",),
                  "note": ("note", "notes"), "type": ("type",), "source": ("source", "from"),
                  "target": ("target", "to")}
_COMPANY_PREFIXES = {"valuation": ("valuation",), "revenue": ("revenue", "revenues"), "profit": ("profit",),
                     "name": ("name", "company")}


def guess_columns(headers: Iterable[str], kind: str = "flows") -> dict[str, str]:
    """Guess which header holds which field: ``{field: header}`` for the user to confirm."""
    synonyms, prefixes = ((_FLOW_SYNONYMS, _FLOW_PREFIXES) if kind == "flows"
                          else (_COMPANY_SYNONYMS, _COMPANY_PREFIXES))
    headers = list(headers)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for fld, words in synonyms.items():
        for h in headers:
            if h not in used and (_norm(h) in words or h.casefold().strip() in words):
                mapping[fld] = h
                used.add(h)
                break
    for fld, words in prefixes.items():
        if fld in mapping:
            continue
        for h in headers:
            first = _norm(h).split(" ")[0] if _norm(h) else ""
            if h not in used and first in words:
                mapping[fld] = h
                used.add(h)
                break
    return mapping
