"""Dot-com telecom vendor financing, 1998-2002: equipment makers lending to the
carriers that bought their equipment."""
from __future__ import annotations

from sample_common import Category, FlowType, Metadata, diagram, flows_from_rows, companies_from_rows, place

NAME = "telecom-vendor-financing-1998-2002"

EXTRA_TYPES = (FlowType("vendor_loan", "Vendor financing (loan)", "#d62728"),)
EXTRA_CATEGORIES = (
    Category("equipment_vendor", "Equipment vendor", "#2f6db5"),
    Category("component_supplier", "Component supplier", "#7fb3d5"),
    Category("carrier", "Carrier", "#e08a2c"),
)

LIGHT_READING_WINSTAR = "https://www.lightreading.com/cable-technology/winstar-judgment-hits-lucent-for-244m"
RCR_WINSTAR = "https://rcrwireless.com/20060102/archived-articles/lucent-to-appeal-winstar-ruling-2"
EWEEK = "https://www.eweek.com/news/vendor-financing-backfires"
AERIE = "https://www.lightreading.com/ethernet-ip/nortels-$1-billion-pipe-dream/d/d-id/571363"
AERIE_REUTERS = "https://si.frajer.net/readreplies.aspx?msgid=14595372&subjectid=4526"
ATTLA = "https://si.frajer.net/readmsg.aspx?msgid=16894053"
GROUP_TELECOM = "https://www.lightreading.com/ethernet-ip/group-telecom-takes-a-hit/d/d-id/581436"
CISCO_LESSONS = "https://www.lightreading.com/ethernet-ip/ciscos-learning-experience/d/d-id/584221?print=yes"

WINSTAR_CLAIM = (
    "In April 2001, when it filed for bankruptcy, Winstar sued Lucent for $10B in damages "
    "(Computerworld: https://www.computerworld.com/article/2797093/winstar-files-for-bankruptcy--sues-lucent-for--10-billion.html). "
    "That is a legal claim, not money that moved, so it is not drawn as an arrow; the court later ordered "
    "Lucent to pay $244M (see the flow from Lucent).")

# id, name, category, valuation, valuation_date, revenue, revenue_period, notes
COMPANIES = [
    ("lucent", "Lucent", "equipment_vendor", 258, "peak, around Dec 1999 (non-affiliate stock worth about 52.5 "
     "on 2000-11-30)", 38.3, "FY1999 (to 1999-09-30)",
     "Plays the role the chipmaker plays in the AI map: it lent to customers who bought its gear."),
    ("nortel", "Nortel", "equipment_vendor", 250, "2000 peak, about C$366B (roughly $250B; approximate)", 28,
     "2000, the peak year", ""),
    ("cisco", "Cisco", "equipment_vendor", None, "unconfirmed", None, "unconfirmed",
     "Held more than $21B of cash and investments in 2002."),
    ("alcatel", "Alcatel", "equipment_vendor", None, "unconfirmed", None, "unconfirmed", ""),
    ("corning", "Corning", "component_supplier", None, "unconfirmed", None, "unconfirmed", "Optical fibre maker."),
    ("winstar", "Winstar", "carrier", None, "unconfirmed; about $5B of debt in Feb 2001; filed for Chapter 11 "
     "on 2001-04-18", None, "unconfirmed (about 30,000 business customers)", WINSTAR_CLAIM),
    ("aerie", "Aerie Networks", "carrier", 0.5, "2000 (value at its C round)", None, "no revenue yet",
     "A greenfield carrier that had not started service."),
    ("attla", "AT&T Latin America", "carrier", None, "unconfirmed", None, "unconfirmed", ""),
    ("group_telecom", "Group Telecom", "carrier", None, "unconfirmed", None, "unconfirmed", ""),
    ("velocita", "Velocita", "carrier", None, "went bankrupt in May 2002", None, "unconfirmed", ""),
    ("convergence", "Convergence Communications", "carrier", None, "unconfirmed", None, "unconfirmed", ""),
    ("mfn", "Metromedia Fiber Network", "carrier", None, "unconfirmed", None, "unconfirmed", ""),
]

# source, target, type, amount, qualifier, date, end_date, status, url, note
FLOWS = [
    ("lucent", "winstar", "vendor_loan", 2, "up_to", "1998", "", "committed", EWEEK,
     "Credit line tied to a five-year supply and partnership deal. RCR dates it to 1998; Light Reading "
     "describes a 2000 agreement to buy up to $2B of equipment financed by Lucent."),
    ("lucent", "winstar", "vendor_loan", 0.7, "estimated", "1998", "2001", "paid",
     "http://www.greenspun.com/bboard/q-and-a-fetch-msg.tcl?msg_id=0052Yw",
     "What Winstar had drawn and still owed Lucent when it defaulted: about $700M (AP) or more than $700M "
     "(RCR)."),
    ("winstar", "lucent", "purchase", 2, "up_to", "1998", "2000", "committed", LIGHT_READING_WINSTAR,
     "Equipment Winstar committed to buy under the supply agreement, financed by the credit line; sources "
     "place the deal in 1998 or in 2000."),
    ("winstar", "lucent", "revenue", 0.135, "exact", "1999", "2000", "paid", RCR_WINSTAR,
     "Software the bankruptcy judge found Winstar had been pushed into buying so that Lucent could book "
     "sales."),
    ("cisco", "winstar", "vendor_loan", 0.5, "exact", "1999", "2000", "committed", EWEEK,
     "Vendor financing from Cisco."),
    ("lucent", "winstar", "revenue", 0.244, "exact", "2005-12", "", "committed", LIGHT_READING_WINSTAR,
     "Court judgment in favour of Winstar's trustee: $55M for breach of contract plus $188M of credit-line "
     "money. Lucent took a charge of about $300M and said it would appeal. Winstar had claimed $10B (see "
     "Winstar's notes)."),
    ("nortel", "aerie", "vendor_loan", 0.5, "up_to", "2000-10", "", "committed", AERIE,
     "Nortel would finance at most half of the $1B contract at any one time."),
    ("aerie", "nortel", "purchase", 1, "exact", "2000-10", "", "committed", AERIE,
     "Four-year contract for optical equipment and services, half of it financed by Nortel."),
    ("aerie", "corning", "purchase", 1, "estimated", "2000-06", "", "committed", AERIE_REUTERS,
     "Optical fibre supply deal reported as more than $1B; the figure is a floor, not a ceiling."),
    ("nortel", "attla", "vendor_loan", None, "exact", "2002-01", "", "committed", ATTLA,
     "Share of $298M lent jointly by Nortel, Lucent and Cisco (including $70M of earlier bridge loans); the "
     "split was not disclosed."),
    ("lucent", "attla", "vendor_loan", None, "exact", "2002-01", "", "committed", ATTLA,
     "Share of the joint $298M; split not disclosed."),
    ("cisco", "attla", "vendor_loan", None, "exact", "2002-01", "", "committed", ATTLA,
     "Share of the joint $298M; split not disclosed."),
    ("cisco", "group_telecom", "vendor_loan", None, "exact", "2002-06", "", "announced", GROUP_TELECOM,
     "Withdrawn: Cisco and Lucent pulled $156M of vendor financing between them in June 2002; split not "
     "disclosed."),
    ("lucent", "group_telecom", "vendor_loan", None, "exact", "2002-06", "", "announced", GROUP_TELECOM,
     "Withdrawn: Lucent's share of the $156M pulled in June 2002; split not disclosed."),
    ("cisco", "velocita", "equity", 0.2, "estimated", "2001", "", "paid", CISCO_LESSONS,
     "About $200M of senior preferred shares; Velocita went bankrupt in 2002."),
    ("alcatel", "convergence", "vendor_loan", 0.175, "exact", "1998", "", "committed",
     "https://si.frajer.net/readreplies.aspx?msgid=13531883&subjectid=14773",
     "Alcatel financed a turnkey broadband network it built in Latin America (Forbes, 'Funny Money')."),
    ("mfn", "nortel", "revenue", 0.0081, "exact", "2001-04", "", "committed",
     "https://www.itworldcanada.com/article/telecom-equipment-giants-rethink-the-value-of-vendor-financing-model/24821",
     "Interest owed to Nortel that the customer failed to pay: due, not paid."),
]

# Hand-placed canvas positions (scene pixels, y down).
POSITIONS: dict[str, tuple[float, float]] = {
    'lucent': (480, 330), 'nortel': (1020, 330), 'cisco': (480, 680), 'alcatel': (200, 720),
    'corning': (1380, 560), 'winstar': (200, 420), 'aerie': (1240, 380), 'attla': (760, 520),
    'group_telecom': (760, 820), 'velocita': (440, 900), 'convergence': (200, 920), 'mfn': (1260, 130),
}

METADATA = Metadata(
    title="Telecom vendor financing, 1998-2002",
    subtitle="Equipment makers lent to the carriers that bought their equipment",
    unit="USD bn",
    description=(
        "During the dot-com boom Lucent, Nortel, Cisco and Alcatel lent money to young carriers, which spent "
        "it on the lenders' own equipment: the loan went out and came back as sales. When the carriers "
        "failed (Winstar in 2001, Velocita in 2002) the loans went bad. Several loans were shared between "
        "vendors without a published split, so their amounts are unknown. Winstar's $10B lawsuit against "
        "Lucent is recorded as a note on Winstar, not as a money flow."),
    sources_note=(
        "Light Reading, eWeek, RCR Wireless, Computerworld, AP, Reuters, the Globe and Mail and Forbes, some "
        "through secondary copies; every flow carries its source link. Amounts in USD billions."),
)


def build():
    companies = place(companies_from_rows(COMPANIES), POSITIONS)
    return diagram(companies=companies, flows=flows_from_rows(FLOWS), metadata=METADATA,
                   extra_types=EXTRA_TYPES, extra_categories=EXTRA_CATEGORIES)
