"""Undo commands: each changes the model only, holds ids and records, never items.

The canvas and panels follow the model through its change events, so a
command never touches the view. Records are immutable, so a command can keep
the old and new versions without copying.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

from editor.model import Category, Company, Diagram, Flow, FlowType, ModelError


def _old_values(record, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The current values of the changed fields; unknown fields raise ModelError (not AttributeError)."""
    unknown = sorted(k for k in changes if not hasattr(record, k))
    if unknown:
        raise ModelError(f"unknown field(s): {', '.join(unknown)}")
    return {k: getattr(record, k) for k in changes}


class ModelCommand(QUndoCommand):
    """A command whose first application happens before it is pushed.

    :meth:`editor.editing.document.Document.push` calls :meth:`apply_first`, so an
    invalid change raises ``ModelError`` to the caller and never reaches the
    undo stack; ``QUndoStack.push`` then calls :meth:`redo`, which skips once.
    Subclasses implement ``_redo`` and ``_undo``; each leaves the model
    unchanged when it raises.
    """

    _applied_outside = False

    def apply_first(self) -> None:
        self._redo()
        self._applied_outside = True

    def redo(self) -> None:
        if self._applied_outside:
            self._applied_outside = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()

    def end_merging(self) -> None:
        """Later commands no longer merge into this one (a typing session ended). Default: nothing."""

    def _redo(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _undo(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class CompoundCommand(ModelCommand):
    """Several commands as one undo step (edit of a multiple selection, layout, import)."""

    def __init__(self, text: str, parts: Iterable[ModelCommand]) -> None:
        super().__init__(text)
        self.parts = list(parts)

    def _redo(self) -> None:
        done: list[ModelCommand] = []
        try:
            for part in self.parts:
                part._redo()
                done.append(part)
        except Exception:
            for part in reversed(done):
                part._undo()
            raise

    def _undo(self) -> None:
        for part in reversed(self.parts):
            part._undo()


# Merge ids for QUndoCommand.id(): repeated edits of one field merge.
_EDIT_COMPANY_ID = 1001
_EDIT_FLOW_ID = 1002
_NUDGE_ID = 1003


class AddRecordsCommand(ModelCommand):
    """Add companies, flows and any catalogue entries they need (add, paste, import)."""

    def __init__(self, diagram: Diagram, text: str, *, companies: Iterable[Company] = (),
                 flows: Iterable[Flow] = (), flow_types: Iterable[FlowType] = (),
                 categories: Iterable[Category] = ()) -> None:
        super().__init__(text)
        self._d = diagram
        self.companies = tuple(companies)
        self.flows = tuple(flows)
        self.flow_types = tuple(flow_types)
        self.categories = tuple(categories)

    def _redo(self) -> None:
        d = self._d
        Step = tuple[Callable[[Any], object], Callable[[str], object], Any]
        steps: list[Step] = ([(d.add_flow_type, d.remove_flow_type, t) for t in self.flow_types]
                             + [(d.add_category, d.remove_category, c) for c in self.categories]
                             + [(d.add_company, d.remove_company, c) for c in self.companies]
                             + [(d.add_flow, d.remove_flow, f) for f in self.flows])
        done: list[tuple[Callable[[str], object], Any]] = []
        try:
            for add, remove, record in steps:
                add(record)
                done.append((remove, record))
        except Exception:
            for remove, record in reversed(done):
                remove(record.id)
            raise

    def _undo(self) -> None:
        for f in reversed(self.flows):
            self._d.remove_flow(f.id)
        for c in reversed(self.companies):
            self._d.remove_company(c.id)
        for cat in reversed(self.categories):
            self._d.remove_category(cat.id)
        for t in reversed(self.flow_types):
            self._d.remove_flow_type(t.id)


class RemoveCommand(ModelCommand):
    """Remove companies (with their flows) and flows; undo puts each back in place."""

    def __init__(self, diagram: Diagram, company_ids: Iterable[str], flow_ids: Iterable[str],
                 text: str = "Delete") -> None:
        super().__init__(text)
        self._d = diagram
        company_ids = [c for c in dict.fromkeys(company_ids) if diagram.has_company(c)]
        doomed_flows = {f for f in flow_ids if diagram.has_flow(f)}
        for cid in company_ids:
            doomed_flows.update(f.id for f in diagram.flows_of(cid))
        c_order = {c.id: i for i, c in enumerate(diagram.companies())}
        f_order = {f.id: i for i, f in enumerate(diagram.flows())}
        self._companies = sorted(((c_order[c], diagram.company(c)) for c in company_ids), key=lambda t: t[0])
        self._flows = sorted(((f_order[f], diagram.flow(f)) for f in doomed_flows), key=lambda t: t[0])

    @property
    def count(self) -> int:
        """How many companies and flows this removes (flows of removed companies included)."""
        return len(self._companies) + len(self._flows)

    @property
    def empty(self) -> bool:
        return self.count == 0

    def _redo(self) -> None:
        for _, f in reversed(self._flows):
            self._d.remove_flow(f.id)
        for _, c in reversed(self._companies):
            self._d.remove_company(c.id)

    def _undo(self) -> None:
        for i, c in self._companies:
            self._d.add_company(c, index=i)
        for i, f in self._flows:
            self._d.add_flow(f, index=i)


class _EditCommand(ModelCommand):
    """Change fields of one record; consecutive edits of the same fields merge."""

    merge_id = -1

    def __init__(self, diagram: Diagram, record_id: str, changes: Mapping[str, Any], text: str,
                 mergeable: bool = False) -> None:
        super().__init__(text)
        self._d = diagram
        self.record_id = record_id
        self.new = dict(changes)
        self.old = _old_values(self._get(record_id), self.new)
        self.mergeable = mergeable

    def _get(self, record_id: str):  # pragma: no cover - overridden
        raise NotImplementedError

    def _apply(self, values: Mapping[str, Any]) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _redo(self) -> None:
        self._apply(self.new)

    def _undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:
        return self.merge_id if self.mergeable else -1

    def end_merging(self) -> None:
        self.mergeable = False

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, type(self)) and other.mergeable and other.record_id == self.record_id
                and set(other.new) == set(self.new)):
            return False
        self.new = dict(other.new)
        if self.new == self.old:
            self.setObsolete(True)
        return True


class EditCompanyCommand(_EditCommand):
    merge_id = _EDIT_COMPANY_ID

    def _get(self, record_id: str):
        return self._d.company(record_id)

    def _apply(self, values: Mapping[str, Any]) -> None:
        self._d.update_company(self.record_id, **values)


class EditFlowCommand(_EditCommand):
    merge_id = _EDIT_FLOW_ID

    def _get(self, record_id: str):
        return self._d.flow(record_id)

    def _apply(self, values: Mapping[str, Any]) -> None:
        self._d.update_flow(self.record_id, **values)


class MoveCommand(ModelCommand):
    """Move companies; one command per drag. Arrow-key nudges of the same set merge."""

    def __init__(self, diagram: Diagram, new: Mapping[str, tuple[float, float]], text: str = "Move",
                 nudge: bool = False) -> None:
        super().__init__(text)
        self._d = diagram
        self.new = {cid: (float(x), float(y)) for cid, (x, y) in new.items()}
        self.old = {cid: (diagram.company(cid).x, diagram.company(cid).y) for cid in self.new}
        self.nudge = nudge

    def _redo(self) -> None:
        self._d.move_companies(self.new)

    def _undo(self) -> None:
        self._d.move_companies(self.old)

    def id(self) -> int:
        return _NUDGE_ID if self.nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, MoveCommand) and other.nudge and set(other.new) == set(self.new)):
            return False
        self.new = dict(other.new)
        return True


@dataclass(frozen=True)
class CatalogueOps:
    """The model operations of one catalogue (flow types or categories), as bound methods."""

    add: Callable[..., object]  # add(record, index=None)
    update: Callable[..., object]  # update(record_id, **changes)
    remove: Callable[[str], Any]
    get: Callable[[str], Any]
    records: Callable[[], Iterable[Any]]

    def index_of(self, record_id: str) -> int:
        return [r.id for r in self.records()].index(record_id)


def flow_type_ops(diagram: Diagram) -> CatalogueOps:
    return CatalogueOps(add=diagram.add_flow_type, update=diagram.update_flow_type,
                        remove=diagram.remove_flow_type, get=diagram.flow_type, records=diagram.flow_types)


def category_ops(diagram: Diagram) -> CatalogueOps:
    return CatalogueOps(add=diagram.add_category, update=diagram.update_category,
                        remove=diagram.remove_category, get=diagram.category, records=diagram.categories)


class AddCatalogueCommand(ModelCommand):
    """Add a flow type or category."""

    def __init__(self, ops: CatalogueOps, record: FlowType | Category, text: str = "") -> None:
        super().__init__(text)
        self._ops = ops
        self.record = record

    def _redo(self) -> None:
        self._ops.add(self.record)

    def _undo(self) -> None:
        self._ops.remove(self.record.id)


class EditCatalogueCommand(ModelCommand):
    """Change fields of a flow type or category."""

    def __init__(self, ops: CatalogueOps, record_id: str, changes: Mapping[str, Any], text: str = "") -> None:
        super().__init__(text)
        self._ops = ops
        self.record_id = record_id
        self.changes = dict(changes)
        self.old = _old_values(ops.get(record_id), self.changes)

    def _redo(self) -> None:
        self._ops.update(self.record_id, **self.changes)

    def _undo(self) -> None:
        self._ops.update(self.record_id, **self.old)


class RemoveCatalogueCommand(ModelCommand):
    """Remove a flow type or category; undo puts it back in its place."""

    def __init__(self, ops: CatalogueOps, record: FlowType | Category, text: str = "") -> None:
        super().__init__(text)
        self._ops = ops
        self.record = record
        self.index = ops.index_of(record.id)

    def _redo(self) -> None:
        self._ops.remove(self.record.id)

    def _undo(self) -> None:
        self._ops.add(self.record, index=self.index)


class MetadataCommand(ModelCommand):
    def __init__(self, diagram: Diagram, changes: Mapping[str, Any],
                 text: str = "Edit diagram details") -> None:
        super().__init__(text)
        self._d = diagram
        self.new = dict(changes)
        self.old = _old_values(diagram.metadata, self.new)

    def _redo(self) -> None:
        self._d.set_metadata(**self.new)

    def _undo(self) -> None:
        self._d.set_metadata(**self.old)
