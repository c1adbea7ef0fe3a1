"""Stress test of a money-flow map: who cannot pay when someone's money falls short.

The model is Eisenberg & Noe's (2001) clearing system, one period (docs/stress.md):

* every flow with a known amount between two different companies is an
  obligation of its source to its target (by default only the flows whose
  status says money is still due: committed, announced, unconfirmed);
* every company has outside money ``e`` (by default its revenue, else 0),
  cut by a shock fraction;
* every company pays its obligations pro rata, out of its outside money and
  what it receives. The payments are the greatest clearing vector
  ``p_i = min(L_i, e_i + sum_j Pi_ji p_j)``, computed exactly by the
  fictitious default algorithm: each round solves (sparse LU) for the
  defaulting companies' payments given that the others pay in full.

No Qt here: the panel runs :func:`clear` on a worker thread, the command line
in its own process.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from editor.analysis.lazy import lazy_module
from editor.model import Snapshot
from editor.model.texts import msg

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp
    import scipy.sparse.linalg as sparse_linalg
else:  # imported on first use: the window and the export dialog import this module at start
    np = lazy_module("numpy")
    sp = lazy_module("scipy.sparse")
    sparse_linalg = lazy_module("scipy.sparse.linalg")

Obligations = Literal["due", "all"]
OBLIGATION_CHOICES: tuple[str, ...] = ("due", "all")
#: Statuses whose money is still due. "paid" is not; anything else (an unrecorded status) is.
NOT_DUE_STATUSES = frozenset({"paid"})
#: A company defaults when it pays less than ``(1 - RTOL)`` of what it owes.
RTOL = 1e-9
#: One sentence the report and the panel show with every result.
CAVEAT = ("Not a forecast: one period, every amount treated as due now, "
          "no fire sales or bankruptcy costs.")


@dataclass(frozen=True)
class Obligation:
    """What ``source`` owes ``target`` through flow ``flow_id``."""

    flow_id: str
    source: str
    target: str
    amount: float


@dataclass(frozen=True)
class StressInput:
    """Companies (ids, in diagram order), obligations, outside money and shocks.

    ``assets`` holds each company's outside money before the shock;
    ``shocks`` maps company ids to the fraction of it lost (0..1).
    """

    company_ids: tuple[str, ...]
    names: Mapping[str, str]
    obligations: tuple[Obligation, ...]
    assets: Mapping[str, float]
    shocks: Mapping[str, float] = field(default_factory=dict)
    unknown_amount_flows: tuple[str, ...] = ()
    not_due_flows: tuple[str, ...] = ()
    obligations_choice: str = "due"

    def __post_init__(self) -> None:
        known = set(self.company_ids)
        for o in self.obligations:
            if o.source not in known or o.target not in known:
                raise ValueError(msg("flow {flow}: unknown company", flow=o.flow_id))
            if o.source == o.target:
                raise ValueError(msg("flow {flow}: a company cannot owe itself", flow=o.flow_id))
            if not np.isfinite(o.amount) or o.amount < 0:
                raise ValueError(msg("flow {flow}: amount must be a finite number >= 0",
                                     flow=o.flow_id))
        for cid, v in self.assets.items():
            if cid not in known:
                raise ValueError(msg("outside money of unknown company {company}", company=repr(cid)))
            if not np.isfinite(v) or v < 0:
                raise ValueError(msg("outside money of {company}: must be >= 0, got {value}",
                                     company=self.names.get(cid, cid), value=repr(v)))
        for cid, f in self.shocks.items():
            if cid not in known:
                raise ValueError(msg("shock to unknown company {company}", company=repr(cid)))
            if not 0.0 <= f <= 1.0:
                raise ValueError(msg("shock to {company}: must be in [0, 1], got {value}",
                                     company=self.names.get(cid, cid), value=repr(f)))

    def outside_money(self, company_id: str) -> float:
        """Outside money after the shock."""
        return self.assets.get(company_id, 0.0) * (1.0 - self.shocks.get(company_id, 0.0))


@dataclass(frozen=True)
class CompanyStress:
    id: str
    name: str
    assets: float          # outside money after the shock
    owed: float            # L_i: what it owes in total
    paid: float            # p_i
    received: float        # sum_j Pi_ji p_j
    shortfall: float       # owed - paid
    recovery_rate: float | None  # paid / owed (None when it owes nothing)
    defaulted: bool
    round: int | None      # fictitious-default round of its first default


@dataclass(frozen=True)
class FlowStress:
    id: str
    source: str
    target: str
    due: float
    paid: float


@dataclass(frozen=True, eq=False)
class StressResult:
    companies: tuple[CompanyStress, ...]
    flows: tuple[FlowStress, ...]
    defaulted: tuple[str, ...]      # company ids in domino order (round, then larger shortfall first)
    rounds: int                     # rounds in which someone defaulted (0: nobody)
    total_shortfall: float
    total_owed: float
    obligations: str
    unknown_amount_flows: tuple[str, ...]
    #: payments of every company after each round (row k-1: after round k); the last row is final.
    round_payments: np.ndarray

    def company(self, company_id: str) -> CompanyStress | None:
        return next((c for c in self.companies if c.id == company_id), None)


@dataclass(frozen=True)
class StressOverlay:
    """What the canvas draws for one domino step: defaulting companies and paid share of each arrow.

    ``defaulted`` maps company ids to the round of their default (only rounds <= ``step``);
    ``flow_paid`` maps each obligation's flow id to the fraction paid at that step (0..1).
    Flows not in ``flow_paid`` are no obligation in this stress test and are drawn as usual.
    """

    step: int
    rounds: int
    defaulted: Mapping[str, int]
    flow_paid: Mapping[str, float]


# ---------------------------------------------------------------- input
def is_due(status: str) -> bool:
    """True when a flow of this status still owes its money (an empty status counts as due)."""
    return status not in NOT_DUE_STATUSES


def stress_input(snapshot: Snapshot, obligations: str = "due", assets: Mapping[str, float] | None = None,
                 shocks: Mapping[str, float] | None = None) -> StressInput:
    """The stress input of a diagram: revenue as outside money unless ``assets`` sets it."""
    if obligations not in OBLIGATION_CHOICES:
        raise ValueError(msg("obligations: expected one of {choices}, got {value}",
                             choices=", ".join(OBLIGATION_CHOICES), value=repr(obligations)))
    ids = tuple(c.id for c in snapshot.companies)
    names = {c.id: c.name for c in snapshot.companies}
    money = {c.id: float(c.revenue) if c.revenue is not None else 0.0 for c in snapshot.companies}
    money.update(assets or {})
    owed: list[Obligation] = []
    unknown: list[str] = []
    not_due: list[str] = []
    for f in snapshot.flows:
        if f.source == f.target:
            continue
        if f.amount is None:
            unknown.append(f.id)
        elif obligations == "due" and not is_due(f.status):
            not_due.append(f.id)
        else:
            owed.append(Obligation(f.id, f.source, f.target, float(f.amount)))
    return StressInput(ids, names, tuple(owed), money, dict(shocks or {}), tuple(unknown), tuple(not_due),
                      obligations)


def largest_debtor(inp: StressInput) -> str | None:
    """The company that owes the most (first in diagram order on ties), or None when nobody owes."""
    totals = dict.fromkeys(inp.company_ids, 0.0)
    for o in inp.obligations:
        totals[o.source] += o.amount
    best = max(inp.company_ids, key=lambda c: totals[c], default=None)
    return best if best is not None and totals[best] > 0 else None


# ---------------------------------------------------------------- clearing
@dataclass(frozen=True, eq=False)
class ClearingSystem:
    """Arrays of a clearing problem: ``L`` owed, ``e`` outside money, ``PiT`` = Pi transposed (CSR)."""

    L: np.ndarray
    e: np.ndarray
    PiT: sp.csr_matrix
    src: np.ndarray
    tgt: np.ndarray
    amount: np.ndarray


def system(inp: StressInput) -> ClearingSystem:
    n = len(inp.company_ids)
    index = {cid: i for i, cid in enumerate(inp.company_ids)}
    m = len(inp.obligations)
    src = np.fromiter((index[o.source] for o in inp.obligations), dtype=np.int64, count=m)
    tgt = np.fromiter((index[o.target] for o in inp.obligations), dtype=np.int64, count=m)
    amount = np.fromiter((o.amount for o in inp.obligations), dtype=float, count=m)
    e = np.fromiter((inp.outside_money(c) for c in inp.company_ids), dtype=float, count=n)
    return system_from_arrays(n, src, tgt, amount, e)


def system_from_arrays(n: int, src: np.ndarray, tgt: np.ndarray, amount: np.ndarray,
                       e: np.ndarray) -> ClearingSystem:
    L = np.bincount(src, weights=amount, minlength=n).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(L[src] > 0, amount / L[src], 0.0)
    # PiT[i, j] = Pi_ji: the share of j's obligations owed to i (parallel flows add up).
    PiT = sp.csr_matrix((share, (tgt, src)), shape=(n, n))
    PiT.sum_duplicates()
    return ClearingSystem(L, np.asarray(e, dtype=float), PiT, src, tgt, amount)


def fictitious_default(s: ClearingSystem) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """Greatest clearing vector, each company's default round (0: none), payments after each round."""
    L, e, PiT = s.L, s.e, s.PiT
    n = len(L)
    p = L.copy()
    first_round = np.zeros(n, dtype=np.int64)
    history: list[np.ndarray] = []
    in_default = np.zeros(n, dtype=bool)
    k = 0
    while True:
        short = (e + PiT @ p) < L * (1.0 - RTOL)
        new = short & ~in_default
        if not new.any():
            break
        k += 1
        first_round[new] = k
        in_default |= new
        p = _solve_round(s, in_default)
        history.append(p.copy())
        if k > n:  # cannot happen: the default set grows every round
            raise RuntimeError("fictitious default algorithm did not settle")
    return p, first_round, history


def _solve_round(s: ClearingSystem, D: np.ndarray) -> np.ndarray:
    """Payments when the companies in ``D`` pay all they have and the others pay in full."""
    L, e, PiT = s.L, s.e, s.PiT
    p = L.copy()
    d = np.flatnonzero(D)
    if not len(d):
        return p
    nd = np.flatnonzero(~D)
    rows = PiT[d]
    A = (sp.identity(len(d), format="csc") - rows[:, d]).tocsc()
    b = e[d] + rows[:, nd] @ L[nd]
    try:
        x = sparse_linalg.splu(A).solve(b)
        ok = bool(np.all(np.isfinite(x)))
    except RuntimeError:
        ok = False
    if not ok:
        # A closed group with no money coming in makes the system singular: its greatest
        # solution is then found by iterating from above (never taken in exact arithmetic).
        x = _iterate_round(rows[:, d], b, L[d])
    p[d] = np.clip(x, 0.0, L[d])
    return p


def _iterate_round(M: sp.csr_matrix, b: np.ndarray, cap: np.ndarray, tol: float = 1e-13,
                   max_iter: int = 1_000_000) -> np.ndarray:
    x = cap.copy()
    for _ in range(max_iter):
        nxt = np.minimum(cap, b + M @ x)
        if np.max(np.abs(nxt - x), initial=0.0) <= tol * max(1.0, float(np.max(cap, initial=0.0))):
            return nxt
        x = nxt
    return x


def clear(inp: StressInput) -> StressResult:
    """Clear the obligations of ``inp``: payments, defaults and their domino rounds."""
    s = system(inp)
    p, first_round, history = fictitious_default(s)
    received = s.PiT @ p if len(p) else p
    companies = []
    for i, cid in enumerate(inp.company_ids):
        owed, paid = float(s.L[i]), float(p[i])
        shortfall = max(0.0, owed - paid)
        r = int(first_round[i])
        companies.append(CompanyStress(
            cid, inp.names.get(cid, cid), float(s.e[i]), owed, paid, float(received[i]), shortfall,
            paid / owed if owed > 0 else None, r > 0, r or None))
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.where(s.L > 0, p / np.where(s.L > 0, s.L, 1.0), 1.0)
    flow_paid = (s.amount * fraction[s.src]).tolist()
    flows = tuple(FlowStress(o.flow_id, o.source, o.target, o.amount, paid)
                  for o, paid in zip(inp.obligations, flow_paid, strict=True))
    order = sorted((c for c in companies if c.defaulted), key=lambda c: (c.round, -c.shortfall))
    payments = np.vstack(history) if history else np.empty((0, len(p)))
    return StressResult(tuple(companies), flows, tuple(c.id for c in order), len(history),
                        float(sum(c.shortfall for c in companies)), float(s.L.sum()), inp.obligations_choice,
                        inp.unknown_amount_flows, payments)


def run_stress(snapshot: Snapshot, obligations: str = "due", assets: Mapping[str, float] | None = None,
               shocks: Mapping[str, float] | None = None) -> StressResult:
    """:func:`stress_input` then :func:`clear`."""
    return clear(stress_input(snapshot, obligations, assets, shocks))


# ---------------------------------------------------------------- overlay
def overlay(result: StressResult, step: int | None = None) -> StressOverlay:
    """The canvas marks after ``step`` rounds (1..rounds; None or beyond: the final state)."""
    rounds = result.rounds
    step = rounds if step is None else max(0, min(int(step), rounds))
    defaulted = {c.id: c.round for c in result.companies
                 if c.round is not None and c.round <= step}
    index = {c.id: i for i, c in enumerate(result.companies)}
    owed = {c.id: c.owed for c in result.companies}
    if step == 0:
        paid = {c.id: c.owed for c in result.companies}
    else:
        row = result.round_payments[step - 1]
        paid = {cid: float(row[i]) for cid, i in index.items()}
    flow_paid = {}
    for f in result.flows:
        total = owed[f.source]
        flow_paid[f.id] = min(1.0, max(0.0, paid[f.source] / total)) if total > 0 else 1.0
    return StressOverlay(step, rounds, defaulted, flow_paid)
