"""Energy-trading round trips, 1999-2002: matched buy and sell trades that
inflated revenue without moving power or money on balance."""
from __future__ import annotations

from sample_common import Category, FlowType, Metadata, diagram, flows_from_rows, companies_from_rows, place

NAME = "energy-round-trips-1999-2002"

EXTRA_TYPES = (FlowType("round_trip_leg", "Round-trip trade leg", "#d62728"),)
EXTRA_CATEGORIES = (
    Category("energy_trader", "Energy trader", "#e6a100"),
    Category("utility", "Utility", "#5b8c5a"),
)

IRISH_TIMES = ("https://irishtimes.com/business/us-energy-scandal-spreads-with-news-of-shady-deals-at-dynegy-"
               "1.1056731")
NGI_PHONY = "https://www.naturalgasintel.com/phony-round-trip-energy-deals-shake-confidence-executive-teams/"

# id, name, category, valuation, valuation_date, revenue, revenue_period, notes
COMPANIES = [
    ("cms", "CMS Energy (MS&T)", "energy_trader", None, "unconfirmed (shares at $16.05 after the "
     "disclosures, May 2002)", None, "unconfirmed",
     "Trader and utility; MS&T is its trading arm. Its round trips overstated revenue by $5.2B according to "
     "the SEC in 2004 ($1.0B in 2000 and $4.2B, 36% of revenue, in the first nine months of 2001); the "
     "company itself had admitted $4.4B for May 2000-Jan 2002. Those numbers conflict. The 2000 round trips "
     "were said to be 10% of revenue, which would put 2000 revenue near $10B: derived, not reported, so no "
     "revenue figure is entered."),
    ("dynegy", "Dynegy", "energy_trader", None, "unconfirmed (shares at $9.31, May 2002)", None, "unconfirmed",
     ""),
    ("reliant", "Reliant Resources", "energy_trader", None, "unconfirmed (shares at $9.94 after the "
     "disclosures; $8.68 on 2002-07-05)", 40.81, "2001 as restated (46.2 before); 2000 restated 28.26 "
     "(29.3 before); 1999 restated 13.79 (15.2 before)",
     "Round trips added $6.4B of revenue over 1999-2001, and about $1.5B more came from four other swap "
     "contracts (over $7.8B in all) according to the July 2002 AP report. A later report (May 2003) puts "
     "the revenue restatement at $3.8B: the figures conflict "
     "(https://www.latimes.com/archives/la-xpm-2003-may-13-fi-reliant13-story.html)."),
    ("duke", "Duke Energy", "energy_trader", None, "unconfirmed", 51.4, "2001 gas and power trading and "
     "marketing revenue (107.4 over 1999-2001)", "Trader and utility."),
    ("encana", "EnCana Energy", "energy_trader", None, "unconfirmed", None, "unconfirmed", ""),
    ("psco", "Public Service Co. of Colorado", "utility", None, "unconfirmed", None, "unconfirmed", ""),
    ("meca", "Merchant Energy Co. of the Americas", "energy_trader", None, "unconfirmed", None, "unconfirmed",
     ""),
    ("ice_cp", "ICE counterparties (unnamed)", "other", None, "", None, "",
     "Unnamed counterparties on the IntercontinentalExchange trading platform."),
]

# source, target, type, amount, qualifier, date, end_date, status, url, note
FLOWS = [
    ("cms", "dynegy", "round_trip_leg", 1.7, "exact", "2001-11-15", "", "committed", IRISH_TIMES,
     "Sale leg of two matched power trades made twenty minutes apart (one month at $25.50/MWh, one year at "
     "$34/MWh), together valued at $1.7B."),
    ("dynegy", "cms", "round_trip_leg", 1.7, "exact", "2001-11-15", "", "committed",
     "https://si.frajer.net/readreplies.aspx?msgid=17445949&subjectid=7636",
     "The matching leg: same volume, same price. Dynegy said it did not book these trades in its results "
     "(Irish Times, Bloomberg)."),
    ("cms", "reliant", "round_trip_leg", None, "exact", "2000", "2001", "committed",
     "https://www.freecasestudysolutions.com/case-study-Cms-Energy-Scandal-And-Rebound.aspx",
     "CMS said every round trip it did was with Dynegy or Reliant, but did not split its total between "
     "them (see CMS's notes for the totals)."),
    ("reliant", "cms", "round_trip_leg", None, "exact", "1999", "2001", "committed", NGI_PHONY,
     "Matching leg; CMS was among Reliant's main round-trip counterparties. Amount not disclosed."),
    ("reliant", "encana", "round_trip_leg", None, "exact", "1999", "2001", "unconfirmed", NGI_PHONY,
     "Named as a counterparty; its share of Reliant's total was not disclosed and the matching leg is not "
     "documented here."),
    ("reliant", "psco", "round_trip_leg", None, "exact", "1999", "2001", "unconfirmed", NGI_PHONY,
     "Named as a counterparty; share not disclosed, matching leg not documented here."),
    ("reliant", "meca", "round_trip_leg", None, "exact", "1999", "2001", "unconfirmed", NGI_PHONY,
     "Named as a counterparty; share not disclosed, matching leg not documented here."),
    ("duke", "ice_cp", "round_trip_leg", 0.217, "exact", "1999", "2002", "committed",
     "https://www.naturalgasintel.com/duke-energy-admits-to-engaging-in-89-round-trip-trades-2/",
     "89 round-trip trades between Jan 1999 and Jun 2002: 28 to inflate volumes on ICE and 61 by a single "
     "trader. An earlier estimate of about $1B (under 1% of $107.4B trading revenue) was later revised "
     "down to this figure."),
]

# Hand-placed canvas positions (scene pixels, y down).
POSITIONS: dict[str, tuple[float, float]] = {
    'cms': (500, 400), 'dynegy': (200, 200), 'reliant': (900, 400), 'duke': (1250, 750),
    'encana': (1250, 200), 'psco': (1300, 450), 'meca': (1000, 750), 'ice_cp': (1450, 900),
}

METADATA = Metadata(
    title="Energy-trading round trips, 1999-2002",
    subtitle="Matched buy and sell trades that inflated traders' revenue",
    unit="USD bn",
    description=(
        "In a round trip two traders sell each other the same power or gas at the same price and time: no "
        "energy and, on balance, no money changes hands, but both can report the trades as revenue and "
        "volume. CMS Energy, Dynegy, Reliant and Duke Energy admitted such trades in 2002. Each arrow is "
        "one leg; a pair of opposite arrows is a round trip. Where a counterparty's share was never "
        "published the amount is left unknown, and conflicting totals are kept in the company notes."),
    sources_note=(
        "The Irish Times, Natural Gas Intelligence, the Los Angeles Times and AP, Bloomberg and Reuters (via "
        "secondary copies), a summary of the 2004 SEC order against CMS, and company releases; every flow "
        "carries its source link. Amounts in USD billions."),
)


def build():
    companies = place(companies_from_rows(COMPANIES), POSITIONS)
    return diagram(companies=companies, flows=flows_from_rows(FLOWS), metadata=METADATA,
                   extra_types=EXTRA_TYPES, extra_categories=EXTRA_CATEGORIES)
