"""The 2025 web of AI deals: chips, compute contracts and equity going around.

Figures: public reporting (Reuters, CNBC, Bloomberg, WSJ, FT, The Information),
mostly read through secondary copies; every flow keeps its source link.
"""
from __future__ import annotations

from sample_common import Category, Metadata, diagram, flows_from_rows, companies_from_rows, place

NAME = "ai-money-machine-2025"

EXTRA_CATEGORIES = (Category("network_equipment", "Network equipment", "#bcbd22"),)

# id, name, category, valuation (USD bn), valuation_date, revenue (USD bn), revenue_period, notes
COMPANIES = [
    ("nvidia", "NVIDIA", "chipmaker", 4500, "Oct 2025, as drawn in the Bloomberg graphic; about 5,050 on 2025-10-29, "
     "the first company worth $5T", 130.5, "FY2025 (Feb 2024-Jan 2025); 57.0 in Q3 FY2026 alone",
     "Sits at the centre of most loops: it invests in customers that then buy or rent its GPUs."),
    ("openai", "OpenAI", "ai_lab", 500, "Oct 2025 employee share sale ($6.6B); 300 at the March 2025 round",
     13, "2025 target (about 12.7 projected); 4.3 actual in H1 2025; 3.7 in 2024",
     "Revenue is a target, not a reported full-year figure. Its compute commitments run to hundreds of "
     "billions, many times its revenue."),
    ("oracle", "Oracle", "cloud", 946, "2025-09-10 close after a 36% one-day jump (WSJ calculation); "
     "roughly 920-950 around then", 57.4, "FY2025 (Jun 2024-May 2025); remaining performance obligations 455 "
     "at 2025-08-31", ""),
    ("microsoft", "Microsoft", "cloud", 3900, "Oct 2025, as drawn in the Bloomberg graphic; first above 4,000 on "
     "2025-07-31", 281.7, "FY2025 (Jul 2024-Jun 2025)", "Both a cloud provider and a large investor (OpenAI, "
     "Anthropic)."),
    ("amd", "AMD", "chipmaker", 330, "2025-10-06, after the OpenAI deal; about 370-380 in late Oct 2025",
     25.8, "CY2024; 9.25 in Q3 2025", ""),
    ("intel", "Intel", "chipmaker", None, "2025-09-18: below about 150 (NVIDIA's one-day gain of ~$150B was "
     "reported to exceed Intel's whole value); exact figure unconfirmed", 53.1, "CY2024", ""),
    ("broadcom", "Broadcom", "chipmaker", 1500, "2025-10-13, passed $1.5T after the OpenAI deal", 51.6,
     "FY2024 (to 2024-11-03)", ""),
    ("dell", "Dell", "chipmaker", None, "unconfirmed", None, "unconfirmed",
     "A server maker rather than a chipmaker; grouped with the hardware suppliers."),
    ("asml", "ASML", "chipmaker", None, "2025, reported above $280B (over EUR 260B) around the Mistral deal",
     30.6, "CY2023 (EUR 28.3B), roughly converted; treat as unconfirmed",
     "Lithography equipment maker, not a chip designer."),
    ("nokia", "Nokia", "network_equipment", None, "", None, "", "Telecom network equipment maker."),
    ("coreweave", "CoreWeave", "cloud", 60, "late Sep 2025 (Reuters, as cited); about 39 by mid-Nov 2025", 1.9,
     "CY2024; 2025 guidance 5.05-5.15 (Nov 2025); 1.36 in Q3 2025",
     "In 2024 Microsoft made up about 62% and NVIDIA about 15% of its revenue."),
    ("nebius", "Nebius", "cloud", 15, "2025-09-08 close, just before the Microsoft deal; shares rose about 60% "
     "after hours (value after the deal unconfirmed)", 0.1175, "CY2024; 0.105 in Q2 2025; guidance of up to "
     "1.1 annualised run-rate by end 2025", ""),
    ("nscale", "Nscale", "cloud", 3, "Sep 2025, about $3B at the $1.1B Series B", None, "unconfirmed", ""),
    ("iren", "IREN", "cloud", None, "unconfirmed", None, "unconfirmed",
     "The Microsoft contract was expected to bring about $1.94B a year (Bloomberg)."),
    ("lambda", "Lambda", "cloud", None, "unconfirmed", None, "unconfirmed",
     "Cloud revenue of roughly $0.114B in Q2 2025 was reported (The Information), about half of it from "
     "Amazon and Microsoft."),
    ("aws", "Amazon Web Services", "cloud", None, "unconfirmed; the OpenAI deal added about $140B to Amazon's "
     "market value in a day", None, "unconfirmed", ""),
    ("stargate", "Stargate (JV)", "cloud", None, "", None, "",
     "Data-centre joint venture of OpenAI, SoftBank, Oracle and MGX; target of $500B over 4 years."),
    ("xai", "xAI", "ai_lab", 200, "Sep 2025 (reported; Musk had earlier denied an FT report of talks at "
     "170-200); talks at 230 in Nov 2025", 0.5, "2025 projection (Bloomberg, Jun 2025); another report cites "
     "a $1B target: conflicting", "Revenue figures conflict between reports."),
    ("mistral", "Mistral AI", "ai_lab", 13.8, "Sep 2025 (EUR 11.7B post-money)", 0.1,
     "run-rate above $100M a year (Jun 2025, WSJ); contracts above EUR 300M a year by Sep 2025", ""),
    ("anthropic", "Anthropic", "ai_lab", 183, "Sep 2025; about 350 implied by the Nov 2025 Microsoft/NVIDIA "
     "investment", None, "unconfirmed", ""),
    ("meta", "Meta", "ai_lab", None, "unconfirmed", None, "unconfirmed",
     "A big-tech buyer of compute; 2025 capital spending guidance of $66-72B (not revenue)."),
    ("softbank", "SoftBank", "investor", None, "unconfirmed", None, "unconfirmed", ""),
    ("oai_fund", "OpenAI Startup Fund", "investor", 0.325, "gross net asset value in a 2024 SEC filing "
     "($175M initial commitments)", None, "", "A venture fund tied to OpenAI."),
    ("figure", "Figure AI", "application", 39, "Sep 2025 (Series C post-money)", None, "unconfirmed",
     "Humanoid robots."),
    ("anysphere", "Anysphere (Cursor)", "application", 29.3, "2025-11-13 (Series D post-money); 9.9 in Jun 2025",
     1, "annualised revenue above $1B at Nov 2025 (about $0.2B in Apr 2025)", "Maker of the Cursor code editor."),
    ("harvey", "Harvey", "application", 8, "late Oct 2025 (3 in Feb 2025, 5 in Jun 2025)", 0.1,
     "annualised revenue above $100M as of Aug 2025", "Legal AI."),
]

NO_DEAL = ("NVIDIA's CFO said in December 2025 that no definitive agreement had been signed yet; "
           "treat it as a letter of intent.")

# source, target, type, amount, qualifier, date, end_date, status, url, note
FLOWS = [
    ("nvidia", "openai", "equity", 100, "up_to", "2025-09", "", "announced",
     "https://techstartups.com/2025/09/22/nvidia-to-invest-100-billion-in-openai-to-build-10gw-ai-infrastructure-for-superintelligence",
     "Letter of intent: up to $100B, released in steps of about $10B for each gigawatt of NVIDIA systems "
     "OpenAI deploys (at least 10 GW, first one on Vera Rubin in H2 2026). " + NO_DEAL +
     " See also The Decoder: https://the-decoder.com/nvidia-and-openai-still-havent-signed-their-100-billion-dollar-deal/"),
    ("openai", "nvidia", "purchase", None, "exact", "2025-09", "", "announced",
     "https://www.newser.com/story/375603/nvidia-aims-to-build-superbrain-with-openai.html",
     "The other half of the same plan: OpenAI to deploy at least 10 GW of NVIDIA systems. No dollar value "
     "was given."),
    ("openai", "oracle", "service", 300, "estimated", "2025-09", "", "committed",
     "https://www.thenews.com.pk/latest/1342862-300-billion-deal-between-openai-oracle-largest-cloud-contract-in-history",
     "About $300B of Oracle cloud capacity over roughly five years from 2027 (some 4.5 GW, part of Stargate), "
     "about $60B a year. First reported by the WSJ."),
    ("oracle", "nvidia", "purchase", 40, "estimated", "2025-05", "", "unconfirmed",
     "https://www.tomshardware.com/pc-components/gpus/oracle-has-reportedly-placed-an-order-for-usd40-billion-in-nvidia-ai-gpus-for-a-new-openai-data-center",
     "Reported by the FT, not announced by the companies: about 400,000 GB200 chips for the first Stargate "
     "site in Abilene, Texas (1.2 GW), whose capacity is leased to OpenAI."),
    ("openai", "amd", "purchase", None, "exact", "2025-10", "", "committed",
     "https://www.fool.com/investing/2025/10/07/amd-pays-a-high-price-for-blockbuster-openai-deal/",
     "6 GW of AMD Instinct GPUs over several generations, the first gigawatt (MI450) in H2 2026. No price "
     "given; AMD's CFO spoke of tens of billions of dollars of revenue."),
    ("amd", "openai", "warrants", 34, "estimated", "2025-10", "", "committed",
     "https://www.c114pro.com/chipnews/116191.html",
     "Not cash: a warrant for up to 160M AMD shares (about 10%) at one cent each, vesting as GPUs are "
     "deployed and AMD's share price hits milestones (the last at $600). 34 is the Motley Fool's estimate "
     "of its value at the 6 Oct price; about 96 at $600. Also: https://www.fool.com/investing/2025/10/07/amd-pays-a-high-price-for-blockbuster-openai-deal/"),
    ("nvidia", "coreweave", "backstop", 6.3, "exact", "2025-09", "", "committed",
     "https://www.nextplatform.com/?p=146311",
     "Initial order under a 2023 master services agreement: NVIDIA must buy whatever CoreWeave capacity "
     "stays unsold, through April 2032. Sources disagree on whether 6.3 is a ceiling ('up to') or a floor "
     "('at least')."),
    ("nvidia", "coreweave", "equity", 0.35, "exact", "2023-04", "2025-03", "paid",
     "https://businesstech.news/nvidia-coreweave-stake-ai-investment",
     "Two steps: $100M in April 2023 and a $250M anchor order in the March 2025 IPO at $40 a share, about "
     "24.3M shares or 6-7% in all."),
    ("nvidia", "coreweave", "service", 1.3, "exact", "2023", "", "committed",
     "https://thepulse.press/article/10532259-aaba-4dd4-9948-45aeded9d41d",
     "'Project Osprey' (reported by The Information): NVIDIA rents back servers built on its own chips over "
     "four years, to Aug 2027. NVIDIA was 15% of CoreWeave's 2024 revenue."),
    ("openai", "coreweave", "service", 11.9, "up_to", "2025-03", "", "committed",
     "https://crypto-observer.com/technology-news/ai-news/in-another-chess-move-with-microsoft-openai-is-pouring-12b-into-coreweave",
     "Five-year contract, for capacity Microsoft had reportedly chosen not to take up (Semafor)."),
    ("openai", "coreweave", "service", 4, "exact", "2025-05", "", "committed",
     "https://news.anyfans.com/?p=71359", "First expansion of the March contract (Reuters)."),
    ("openai", "coreweave", "service", 6.5, "up_to", "2025-09", "", "committed",
     "https://news.anyfans.com/?p=71359",
     "Third expansion (Reuters exclusive), bringing the OpenAI contracts to $22.4B in total."),
    ("coreweave", "openai", "warrants", 0.35, "exact", "2025-03", "", "committed",
     "https://cosmico.org/openai-invests-11-9b-in-coreweave-undercuts-microsoft",
     "$350M of CoreWeave shares placed with OpenAI alongside the March contract; the sources do not say "
     "whether OpenAI paid cash for them."),
    ("microsoft", "coreweave", "service", 10, "estimated", "2024", "", "committed",
     "https://www.ic-integratedcircuits.com/cases/microsoft-leases-coreweave-servers-22236.html",
     "About $10B over 2023-2030 according to The Information, reported late 2024. Microsoft was about 62% "
     "(~$1.2B of $1.9B) of CoreWeave's 2024 revenue."),
    ("meta", "coreweave", "service", 14.2, "up_to", "2025-09", "", "committed",
     "https://www.bisnow.com/national/news/data-center/meta-signs-142b-deal-with-with-ai-cloud-firm-coreweave-131206",
     "Runs to Dec 2031 with an option into 2032; NVIDIA GB300 capacity."),
    ("nvidia", "intel", "equity", 5, "exact", "2025-09", "", "announced",
     "https://247wallst.com/investing/2025/09/18/intel-up-24-on-5-billion-investment-from-nvidia/",
     "Common stock at $23.28 a share (about 4%), with joint x86/RTX products; subject to regulatory "
     "approval when announced."),
    ("microsoft", "nebius", "service", 17.4, "exact", "2025-09", "", "committed",
     "https://the-decoder.com/microsoft-has-signed-a-cloud-deal-with-nebius-group-worth-up-to-19-4-billion-through-2031/",
     "Base value through 2031 for a data centre in Vineland, New Jersey; options could add $2B (up to 19.4)."),
    ("nvidia", "nebius", "equity", None, "exact", "2024-12", "", "paid",
     "https://www.finanznachrichten.de/nachrichten-2025-02/64611316-nebius-group-n-v-announces-fourth-quarter-and-3-015.htm",
     "NVIDIA joined Accel and Orbis in a $700M raise; its own share was not disclosed."),
    ("microsoft", "nscale", "service", 6.2, "estimated", "2025-09", "", "committed",
     "https://thegpu.ai/p/issue-65-stargate-uk-nscale-nvidia-invests-intel-china-says-no-more-american-gpus",
     "About $6.2B over five years (Bloomberg) for some 52,000 NVIDIA GPUs in Narvik, Norway, through the "
     "Aker-Nscale joint venture."),
    ("microsoft", "nscale", "service", 14, "up_to", "2025-10", "", "announced",
     "https://www.benzinga.com/markets/tech/25/10/48223043/microsoft-and-nvidia-backed-nscale-announce-large-scale-ai-project-in-us-and-europe",
     "FT figure: about 104,000 GB300 in Texas and 12,600 in Sines, Portugal, part of some 200,000 GB300 "
     "across four sites."),
    ("nvidia", "nscale", "equity", 0.683, "estimated", "2025-09", "", "announced",
     "https://www.techradar.com/pro/ai-crypto-bitcoin-mining-spinoff-gets-usd700-million-investment-from-nvidia-to-build-hyperscale-ai-infrastructure-using-youve-guessed-it-thousands-of-blackwell-gpus",
     "GBP 500M (about $683M) according to Jensen Huang via Bloomberg. Figures conflict: TechRadar says about "
     "$700M, btw.media 'up to $500M' within the $1.1B Series B."),
    ("microsoft", "iren", "service", 9.7, "estimated", "2025-11", "", "committed",
     "https://www.business-standard.com/amp/world-news/microsoft-signs-nearly-9-7-billion-contract-with-iren-for-nvidia-chips-125110301015_1.html",
     "Five years of NVIDIA GB300 capacity at Childress, Texas (a 750 MW campus), with a 20% prepayment."),
    ("iren", "dell", "purchase", 5.8, "estimated", "2025-11", "", "committed",
     "https://www.business-standard.com/amp/world-news/microsoft-signs-nearly-9-7-billion-contract-with-iren-for-nvidia-chips-125110301015_1.html",
     "GB300 systems and related equipment from Dell to serve the Microsoft contract (same Reuters report)."),
    ("microsoft", "lambda", "service", None, "exact", "2025-11", "", "announced",
     "https://cxoxperts.com/?p=5756",
     "Described only as multibillion-dollar and multi-year: tens of thousands of NVIDIA GPUs including "
     "GB300 NVL72. Value not disclosed."),
    ("nvidia", "lambda", "service", 1.5, "exact", "2025-09", "", "unconfirmed",
     "https://allweatherfinance.com/nvidia-spends-1-5-billion-to-rent-gpu-servers-equipped-with-its-own-chips-from-lambda/",
     "Reported by The Information: $1.3B over four years for 10,000 GPU servers plus $0.2B for 8,000 more, "
     "agreed in the summer. NVIDIA is also a Lambda shareholder."),
    ("nvidia", "xai", "equity", 2, "up_to", "2025-10", "", "unconfirmed",
     "https://seeflection.com/25620/nvidia-to-supply-gpus-to-musks-ai-startup",
     "Bloomberg report: equity in a $20B vehicle ($7.5B equity, $12.5B debt) that buys NVIDIA GPUs and "
     "leases them to xAI for Colossus 2."),
    ("xai", "nvidia", "purchase", None, "exact", "2025-10", "", "unconfirmed",
     "https://telecomlive.in/web/2025/10/09/xai-elon-musk-ai-startup-to-raise-20-billion-after-nvidia-boost-funding-round",
     "The vehicle's money (up to $20B with debt) is meant for NVIDIA GPUs; what is actually spent is not "
     "disclosed."),
    ("nvidia", "mistral", "venture", None, "exact", "2025-09", "", "paid",
     "https://www.newsbytesapp.com/news/business/chip-giant-asml-invests-2b-in-french-ai-start-up-mistral/story",
     "NVIDIA, an existing investor, took part in the EUR 1.7B (~$2B) Series C led by ASML; its cheque was "
     "not disclosed."),
    ("nvidia", "figure", "venture", None, "exact", "2025-09", "", "paid",
     "https://cnmra.com/record-breaking-figure-secured-usd-1-billion-in-funding-approaching-a-usd-40-billion-valuation/",
     "Investor in the Series C of more than $1B at $39B post-money (led by Parkway VC); also an earlier "
     "investor."),
    ("nvidia", "anysphere", "venture", None, "exact", "2025-11", "", "paid",
     "https://www.nest-agent.com/posts/note-06a8a1a76b/",
     "New strategic investor, with Google, in the $2.3B Series D at $29.3B (led by Accel and Coatue)."),
    ("oai_fund", "anysphere", "venture", None, "exact", "2023", "", "paid",
     "https://hmjournal.com/en/post/openai-s-failed-bid-for-coding-star-anysphere",
     "Seed investor in late 2023. The often quoted $8M round is unconfirmed, so no amount is shown."),
    ("oai_fund", "harvey", "venture", 0.005, "exact", "2022-11", "", "paid",
     "https://techcrunch.com/2022/11/23/harvey-which-uses-ai-to-answer-legal-questions-lands-cash-from-openai/",
     "Led Harvey's $5M seed round, its first institutional money."),
    ("microsoft", "openai", "equity", 13, "estimated", "2019", "2023", "committed",
     "https://www.ghanamma.com/2025/11/07/openai-signs-historic-compute-deal-with-amazon-web-services",
     "About $13B committed since 2019, some $11.6B funded by Sep 2025, much of it reportedly as Azure "
     "credits. After the Oct 2025 restructuring Microsoft holds about 27%, valued near $135B."),
    ("openai", "microsoft", "service", 250, "exact", "2025-10", "", "committed",
     "https://www.telegraphindia.com/business/microsoft-openai-reach-new-deal-to-allow-openai-to-restructure/cid/2130048",
     "Additional Azure purchase commitment in the restructuring deal; Microsoft gave up its right of first "
     "refusal on OpenAI's compute."),
    ("openai", "microsoft", "revenue", None, "exact", "2025", "", "paid",
     "https://coincentral.com/?p=103173",
     "Ongoing revenue share of about 20%, reported (The Information) to continue to 2030 under a cap. No "
     "dollar figure published; 20% of H1 2025 revenue would be about $0.86B, a derived and unconfirmed number."),
    ("openai", "broadcom", "purchase", None, "exact", "2025-10", "", "announced",
     "https://www.mobileappdaily.com/news/broadcom-stock-soars-openai-custom-ai-chips-partnership",
     "10 GW of accelerators designed by OpenAI plus Broadcom Ethernet racks, deployed from H2 2026 to end "
     "2029. Financial terms not disclosed; outside estimates vary widely."),
    ("openai", "aws", "service", 38, "exact", "2025-11", "", "committed",
     "https://www.varindia.com/public/index.php/news/openai-signs-38-billion-seven-year-cloud-deal-with-amazon-to-power-next-phase-of-ai-expansion",
     "Seven years of capacity on hundreds of thousands of NVIDIA GB200/GB300 chips, all to be in place by "
     "end 2026."),
    ("oracle", "amd", "purchase", None, "exact", "2025-10", "", "announced",
     "https://www.techzine.eu/news/infrastructure/135421/oracle-to-deploy-50000-amd-chips-for-ai-workloads/",
     "50,000 Instinct MI450 GPUs for Oracle's cloud from Q3 2026; value not disclosed."),
    ("nvidia", "anthropic", "equity", 10, "up_to", "2025-11", "", "announced",
     "https://www.webpronews.com/ai-titans-unite-microsoft-and-nvidias-15b-power-move-on-anthropic/",
     "In Anthropic's next round, at an implied value of about $350B."),
    ("microsoft", "anthropic", "equity", 5, "up_to", "2025-11", "", "announced",
     "https://www.webpronews.com/ai-titans-unite-microsoft-and-nvidias-15b-power-move-on-anthropic/",
     "Announced together with NVIDIA's investment and Anthropic's Azure commitment."),
    ("anthropic", "microsoft", "service", 30, "exact", "2025-11", "", "committed",
     "https://blog.maxthon.com/2025/11/19/microsoft-nvidia-anthropic-investment",
     "Azure compute commitment, plus up to 1 GW on NVIDIA Grace Blackwell and Vera Rubin systems."),
    ("softbank", "openai", "equity", 40, "up_to", "2025-03", "", "paid",
     "https://www.itweb.co.za/article/softbank-leads-40bn-investment-in-openai/Olx4z7kakNkq56km",
     "Round at $300B post-money, $10B of it syndicated to co-investors. SoftBank reported in Dec 2025 that "
     "it had completed $41B."),
    # Optional extras within the 2025 picture (the Jan 2026 NVIDIA-CoreWeave purchase is left out).
    ("asml", "mistral", "venture", 1.5, "estimated", "2025-09", "", "paid",
     "https://financialbooklet.com/news/ai-firm-mistral-valued-at-14-billion-as-chip-giant-asml-takes-major-stake",
     "EUR 1.3B (about $1.5B) for roughly 11% fully diluted; ASML led the Series C."),
    ("nvidia", "nokia", "equity", 1, "exact", "2025-10", "", "announced",
     "https://www.newsghana.com.gh/nvidia-becomes-first-5-trillion-dollar-company/",
     "Equity stake announced with a 6G / AI-RAN partnership."),
    ("microsoft", "figure", "venture", 0.095, "exact", "2024-02", "", "paid",
     "https://dropcgn.com/?p=6889",
     "Part of the $675M Series B at $2.6B; Figure agreed to use Azure. Background to the 2025 picture."),
    ("oai_fund", "figure", "venture", None, "exact", "2024-02", "", "paid",
     "https://verdict.co.uk/figure-ai-eyes-1-5bn-funding",
     "Investor in the Series B, amount not published; the collaboration with OpenAI ended in 2025."),
    ("openai", "stargate", "equity", 18, "estimated", "2025-01", "", "committed",
     "https://fastly.tipranks.com/news/oracle-orcl-plans-to-buy-40b-worth-of-nvidia-chips",
     "About $18B each from OpenAI and SoftBank (S&P puts it at $19B each), $7B each from Oracle and MGX; "
     "Stargate aims at $500B over four years."),
]

# Hand-placed core (NVIDIA, OpenAI, Oracle) and neighbours, then nudged by a seeded
# search so that no arrow crosses a company it does not touch; scene pixels, y down.
POSITIONS: dict[str, tuple[float, float]] = {
    'nvidia': (700, 520), 'openai': (1080, 420), 'oracle': (930, 730), 'microsoft': (865, 200),
    'anthropic': (1085, 185), 'iren': (725, 45), 'dell': (560, 40), 'softbank': (1290, 160),
    'stargate': (1415, 305), 'broadcom': (1465, 480), 'aws': (1415, 670), 'amd': (1180, 770),
    'coreweave': (475, 335), 'meta': (180, 265), 'nebius': (375, 115), 'nscale': (400, 480),
    'lambda': (580, 205), 'intel': (370, 640), 'nokia': (480, 765), 'xai': (640, 815),
    'asml': (95, 895), 'mistral': (260, 850), 'figure': (745, 940), 'oai_fund': (1055, 940),
    'anysphere': (900, 890), 'harvey': (1240, 940),
}

METADATA = Metadata(
    title="The AI money machine, 2025",
    subtitle="Chips, compute contracts and equity stakes that circle between NVIDIA, OpenAI, Oracle and others",
    unit="USD bn",
    description=(
        "Deals announced or reported up to November 2025 between chipmakers, AI labs, cloud providers and "
        "investors, with some older background stakes (Microsoft in OpenAI since 2019, early venture "
        "rounds). The core loop: NVIDIA plans to invest in OpenAI, OpenAI buys cloud capacity from Oracle, "
        "and Oracle buys NVIDIA chips. Many figures are ceilings ('up to') or estimates, many deals have no "
        "published amount, and several are reported rather than confirmed; each flow's qualifier, status "
        "and note say which. NVIDIA's up-to-$100B plan for OpenAI was still a letter of intent in December "
        "2025, and AMD's $34B to OpenAI is the estimated value of a share warrant, not cash."),
    sources_note=(
        "Public reporting by Reuters, CNBC, Bloomberg, the WSJ, the FT and The Information, mostly read "
        "through secondary copies, plus company releases. Every flow carries a link to its source; company "
        "values and revenues give their date or period. Amounts in USD billions. A $2B NVIDIA purchase of "
        "CoreWeave shares in January 2026 falls after this picture and is not drawn."),
)


def build():
    companies = place(companies_from_rows(COMPANIES), POSITIONS)
    return diagram(companies=companies, flows=flows_from_rows(FLOWS), metadata=METADATA,
                   extra_categories=EXTRA_CATEGORIES)
