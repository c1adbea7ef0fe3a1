"""Merging an imported diagram into an open one: the records to add, with fresh ids.

Companies match by name (case and outer spaces aside); flow types and categories
by name. Everything else is added under ids the open diagram does not use, and
new companies are placed beside the existing ones. No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass

from editor.model import Category, Company, Diagram, Flow, FlowType
from editor.model.layout import layout_positions


@dataclass
class MergePlan:
    """What merging an imported diagram into an open one adds (ids already made unique).

    ``matched`` maps imported company ids to the existing companies they were
    matched with (by name, case-insensitively). Apply in order: types,
    categories, companies, flows (the app does so through undo commands).
    """

    types: list[FlowType]
    categories: list[Category]
    companies: list[Company]
    flows: list[Flow]
    matched: dict[str, str]


def plan_merge(existing: Diagram, imported: Diagram) -> MergePlan:
    """The records to add so ``existing`` also holds everything of ``imported``."""
    taken = ({c.id for c in existing.companies()} | {f.id for f in existing.flows()}
             | {t.id for t in existing.flow_types()} | {c.id for c in existing.categories()})

    def fresh(base: str) -> str:
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}_{n}"
        taken.add(candidate)
        return candidate

    scratch = Diagram.build(companies=existing.companies(), flows=existing.flows(),
                            flow_types=existing.flow_types(), categories=existing.categories(),
                            metadata=existing.metadata)
    type_map, cat_map = {}, {}
    types, categories = [], []
    for t in imported.flow_types():
        same = scratch.flow_type_by_name(t.name)
        if same is None:
            same = FlowType(fresh(t.id), t.name, t.color)
            scratch.add_flow_type(same)
            types.append(same)
        type_map[t.id] = same.id
    for c in imported.categories():
        same_c = scratch.category_by_name(c.name)
        if same_c is None:
            same_c = Category(fresh(c.id), c.name, c.color)
            scratch.add_category(same_c)
            categories.append(same_c)
        cat_map[c.id] = same_c.id
    company_map, matched, companies = {}, {}, []
    for co in imported.companies():
        same_co = existing.find_company(co.name)
        if same_co is not None and same_co.name.casefold().strip() == co.name.casefold().strip():
            company_map[co.id] = matched[co.id] = same_co.id
            continue
        new = Company(**{**co.to_dict(), "id": fresh(co.id), "category": cat_map[co.category]})
        scratch.add_company(new)
        companies.append(new)
        company_map[co.id] = new.id
    if companies and not existing.is_empty():
        moved = layout_positions(scratch, [c.id for c in companies])
        companies = [c.with_changes(x=moved[c.id][0], y=moved[c.id][1]) for c in companies]
    flows = [Flow(**{**f.to_dict(), "id": fresh(f.id), "source": company_map[f.source],
                     "target": company_map[f.target], "type": type_map[f.type]}) for f in imported.flows()]
    return MergePlan(types, categories, companies, flows, matched)


def merge_into(existing: Diagram, imported: Diagram) -> MergePlan:
    """Add everything of ``imported`` to ``existing`` (no undo); returns what was added."""
    plan = plan_merge(existing, imported)
    for t in plan.types:
        existing.add_flow_type(t)
    for c in plan.categories:
        existing.add_category(c)
    for co in plan.companies:
        existing.add_company(co)
    for f in plan.flows:
        existing.add_flow(f)
    return plan
