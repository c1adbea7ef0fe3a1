"""Properties of editing: random edit sequences undo and redo exactly; files round-trip.

A seeded random driver makes edits through :class:`Document` (every kind of
command, merges, multi-edits, invalid edits that must raise ``ModelError`` and
change nothing, undo/redo in between). After every step it records the
diagram state for the undo-stack index; at the end, undoing one step at a
time must pass through exactly those states back to the start, and redoing
all must give the end. Default: 4 runs x 150 steps; long mode: 20 x 1000.
"""
from __future__ import annotations

import math
import random

import pytest
from hypothesis import HealthCheck, given, settings

from editor.editing.document import Document
from editor.io import native
from editor.model import (
    QUALIFIERS,
    STATUSES,
    ModelError,
)
from tests.conftest import long_mode
from tests.helpers import seed_diagram
from tests.strategies import rich_diagrams

RUNS = 20 if long_mode() else 4
STEPS = 1000 if long_mode() else 150
NAMES = ["NVIDIA", "OpenAI", "Oracle", "Ünïcødé ☃", "李明科技", "Café & Co", "  spaced  ", "x" * 80,
         "🚀 Rocket"]


class Driver:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.doc = Document(seed_diagram())
        self.doc.undo_stack.setClean()
        self.states = {0: self.doc.diagram.state()}
        self.counts = {"ok": 0, "invalid": 0, "undo": 0, "redo": 0}

    # ----------------------------------------------------------- helpers
    def pick(self, seq):
        return self.rng.choice(list(seq)) if seq else None

    def company(self) -> str | None:
        return self.pick([c.id for c in self.doc.diagram.companies()])

    def flow(self) -> str | None:
        return self.pick([f.id for f in self.doc.diagram.flows()])

    def amount(self):
        return self.rng.choice([None, 0.0, 1.5, 100, 1e9, self.rng.uniform(0, 1e6)])

    def bad_amount(self):
        return self.rng.choice([-1, math.nan, math.inf, 1e30, "lots", True])

    # ------------------------------------------------------------- edits
    def valid_edit(self) -> None:
        d, doc, r = self.doc.diagram, self.doc, self.rng
        c, f = self.company(), self.flow()
        kind = r.choice(["add_company", "add_company", "add_flow", "add_flow", "update_company",
                         "update_flow", "move", "nudge", "remove", "multi_company", "multi_flow",
                         "flow_type", "category", "metadata", "remove_type", "reconnect"])
        if kind == "add_company" or c is None:
            doc.add_company(r.choice(NAMES), r.uniform(-500, 500), r.uniform(-500, 500),
                            self.pick(x.id for x in d.categories()), valuation=self.amount())
        elif kind == "add_flow":
            doc.add_flow(c, self.company(), self.pick(t.id for t in d.flow_types()), self.amount(),
                         qualifier=r.choice(QUALIFIERS), status=r.choice(STATUSES),
                         date=r.choice(["", "2025-09"]))
        elif kind == "update_company":
            field, value = r.choice([("name", r.choice(NAMES)), ("notes", "note " * r.randint(0, 3)),
                                     ("revenue", self.amount()), ("profit", r.choice([None, -5.0, 7.0])),
                                     ("category", self.pick(x.id for x in d.categories()))])
            doc.update_company(c, merge=r.random() < 0.5, **{field: value})
        elif kind == "update_flow" and f:
            field, value = r.choice([("amount", self.amount()), ("note", r.choice(NAMES)),
                                     ("qualifier", r.choice(QUALIFIERS)), ("url", "https://example.com/x")])
            doc.update_flow(f, merge=r.random() < 0.5, **{field: value})
        elif kind == "reconnect" and f:
            doc.update_flow(f, source=c, target=self.company())
        elif kind == "move":
            ids = r.sample([x.id for x in d.companies()], k=min(len(d), r.randint(1, 3)))
            doc.move_companies({i: (r.uniform(-900, 900), r.uniform(-900, 900)) for i in ids})
        elif kind == "nudge":
            x = d.company(c)
            doc.move_companies({c: (x.x + r.choice([-1, 1]), x.y)}, nudge=True)
        elif kind == "remove":
            doc.remove(company_ids=[c] if r.random() < 0.4 else [], flow_ids=[f] if f else [])
        elif kind == "multi_company":
            ids = r.sample([x.id for x in d.companies()], k=min(len(d), 3))
            doc.update_companies(ids, notes=r.choice(NAMES))
        elif kind == "multi_flow" and f:
            ids = r.sample([x.id for x in d.flows()], k=min(len(d.flows()), 3))
            doc.update_flows(ids, status=r.choice(STATUSES))
        elif kind == "flow_type":
            if r.random() < 0.5:
                doc.add_flow_type(f"type {r.randint(0, 10**9)}")
            else:
                doc.update_flow_type(self.pick(t.id for t in d.flow_types()),
                                     color=r.choice(["#123456", "#abcdef"]))
        elif kind == "category":
            if r.random() < 0.5:
                doc.add_category(f"cat {r.randint(0, 10**9)}")
            else:
                doc.update_category(self.pick(x.id for x in d.categories()),
                                    name=f"renamed {r.randint(0, 10**9)}")
        elif kind == "remove_type":
            unused = [t.id for t in d.flow_types() if not any(fl.type == t.id for fl in d.flows())]
            unused_cats = [x.id for x in d.categories()
                           if not any(co.category == x.id for co in d.companies())]
            if unused and r.random() < 0.5:
                doc.remove_flow_type(self.pick(unused))
            elif unused_cats:
                doc.remove_category(self.pick(unused_cats))
        else:
            doc.set_metadata(title=r.choice(NAMES), unit=r.choice(["USD bn", "EUR m"]))

    def invalid_edit(self) -> None:
        d, doc, r = self.doc.diagram, self.doc, self.rng
        c, f = self.company(), self.flow()
        used_types = [fl.type for fl in d.flows()]
        options = [
            lambda: doc.add_company("", 0, 0),
            lambda: doc.add_company("X", 0, 0, "no-such-category"),
            lambda: doc.add_company("X", math.nan, 0),
            lambda: doc.add_flow("ghost", c or "ghost", "equity", 1),
            lambda: doc.add_flow(c or "ghost", c or "ghost", "no-such-type", 1),
            lambda: doc.add_flow(c or "ghost", c or "ghost", "equity", self.bad_amount()),
            lambda: doc.update_company("ghost", name="x"),
            lambda: doc.update_company(c or "ghost", valuation=self.bad_amount()),
            lambda: doc.update_company(c or "ghost", name="   "),
            lambda: doc.update_company(c or "ghost", no_such_field=1),
            lambda: doc.update_flow(f or "ghost", amount=self.bad_amount()),
            lambda: doc.update_flow(f or "ghost", target="ghost"),
            lambda: doc.update_flow(f or "ghost", date="2025-13"),
            lambda: doc.update_flows([x.id for x in d.flows()] + ["ghost"], note="x"),
            lambda: doc.move_companies({c or "ghost": (math.inf, 0)}),
            lambda: doc.add_flow_type(d.flow_types()[0].name.upper()),
            lambda: doc.add_category("Bad", color="red"),
            lambda: doc.remove_flow_type(used_types[0] if used_types else "ghost"),
            lambda: doc.update_category(d.categories()[0].id, name=d.categories()[1].name),
            lambda: doc.set_metadata(unit=""),
            lambda: doc.set_metadata(colour="red"),
        ]
        before = (d.state(), doc.undo_stack.count(), doc.undo_stack.index())
        with pytest.raises(ModelError):
            r.choice(options)()
        after = (d.state(), doc.undo_stack.count(), doc.undo_stack.index())
        assert after == before, "an invalid edit changed something"

    # -------------------------------------------------------------- run
    def step(self) -> None:
        stack, roll = self.doc.undo_stack, self.rng.random()
        if roll < 0.08 and stack.canUndo():
            stack.undo()
            self.counts["undo"] += 1
        elif roll < 0.12 and stack.canRedo():
            stack.redo()
            self.counts["redo"] += 1
        elif roll < 0.25:
            self.invalid_edit()
            self.counts["invalid"] += 1
            return
        else:
            self.valid_edit()
            self.counts["ok"] += 1
            # a push drops the redo history above the new index
            self.states = {i: s for i, s in self.states.items() if i < stack.index()}
        self.states[stack.index()] = self.doc.diagram.state()
        assert self.doc.diagram.state() == self.states[stack.index()]


@pytest.mark.parametrize("seed", range(RUNS))
def test_random_edits_undo_and_redo_exactly(qapp, seed):
    drv = Driver(seed)
    start = drv.doc.diagram.state()
    for _ in range(STEPS):
        drv.step()
    stack = drv.doc.undo_stack
    while stack.canRedo():  # redo whatever was undone last, recording the states passed
        stack.redo()
        drv.states[stack.index()] = drv.doc.diagram.state()
    end = drv.doc.diagram.state()
    assert native.loads(native.dumps(drv.doc.diagram)) == drv.doc.diagram
    while stack.canUndo():
        stack.undo()
        assert drv.doc.diagram.state() == drv.states[stack.index()], f"undo to {stack.index()} differs"
    assert drv.doc.diagram.state() == start and not drv.doc.is_modified()
    while stack.canRedo():
        stack.redo()
    assert drv.doc.diagram.state() == end
    assert drv.counts["ok"] > STEPS // 2 and drv.counts["invalid"] > 0


# ------------------------------------------------- round trip, wider strategy
@settings(max_examples=1000 if long_mode() else 80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(rich_diagrams())
def test_rich_round_trip(d):
    assert native.loads(native.dumps(d)) == d
    assert native.loads(native.dumps(d).encode("utf-8")) == d
