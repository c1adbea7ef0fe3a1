"""A document: one diagram, its undo stack, its file path and saved state.

Every change made from the app goes through a method here, which builds an
undo command, applies it (an invalid change raises ``ModelError`` and changes
nothing) and pushes it. Tests drive documents through these methods without
a mouse; the canvas tools and panels call the same methods.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from editor.editing.commands import (
    AddCatalogueCommand,
    AddRecordsCommand,
    CompoundCommand,
    EditCatalogueCommand,
    EditCompanyCommand,
    EditFlowCommand,
    MetadataCommand,
    ModelCommand,
    MoveCommand,
    RemoveCatalogueCommand,
    RemoveCommand,
    category_ops,
    flow_type_ops,
)
from editor.io import native
from editor.model import Category, Company, Diagram, Flow, FlowType, ModelError


class Document(QObject):
    """Owns the model and the undo stack of one open diagram."""

    #: The file path changed (Save As, open); argument: the new path or "".
    pathChanged = Signal(str)
    #: Unsaved changes appeared or went away.
    modifiedChanged = Signal(bool)

    def __init__(self, diagram: Diagram | None = None, path: str | os.PathLike | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.diagram = diagram if diagram is not None else Diagram()
        self._path: Path | None = Path(path) if path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    # ----------------------------------------------------------------- files
    @classmethod
    def open(cls, path: str | os.PathLike, parent: QObject | None = None) -> Document:
        """Read a diagram file (raises FormatError; nothing is created on failure)."""
        return cls(native.load(path), path, parent)

    @property
    def path(self) -> Path | None:
        return self._path

    def set_path(self, path: str | os.PathLike | None) -> None:
        self._path = Path(path) if path else None
        self.pathChanged.emit(str(self._path or ""))

    def display_name(self) -> str:
        return (
            self._path.name
            if self._path
            else (self.diagram.metadata.title or QCoreApplication.translate("Document", "Untitled"))
        )

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def save(self, path: str | os.PathLike | None = None) -> None:
        """Save atomically to ``path`` (or the current path). On failure (SaveError)
        the old file is intact and the document stays modified."""
        target = Path(path) if path else self._path
        if target is None:
            raise ValueError("no file name to save to")
        native.save(self.diagram, target)
        if target != self._path:
            self.set_path(target)
        self.undo_stack.setClean()

    def revert(self, fresh: Diagram | None = None) -> None:
        """Reload the file from disk (``fresh``: already read), dropping unsaved changes and history."""
        if self._path is None:
            raise ValueError("this diagram has never been saved")
        fresh = fresh if fresh is not None else native.load(self._path)
        self.undo_stack.clear()
        self.diagram.replace_all(fresh)
        self.undo_stack.setClean()

    def mark_unsaved(self) -> None:
        """Count the document as modified even with no undo steps (a recovered or imported diagram)."""
        self.undo_stack.resetClean()

    def mark_saved(self) -> None:
        """Count the current state as saved (nothing will prompt about it)."""
        self.undo_stack.setClean()

    # ------------------------------------------------------------ the stack
    def push(self, command: ModelCommand) -> ModelCommand:
        """Apply ``command``; if the model refuses it, raise and leave everything unchanged."""
        command.apply_first()
        self.undo_stack.push(command)
        return command

    def macro(self, text: str, commands: Iterable[ModelCommand]) -> ModelCommand:
        return self.push(CompoundCommand(text, commands))

    @contextmanager
    def one_step(self, text: str) -> Iterator[None]:
        """Changes made inside the ``with`` block become one undo step called ``text``.

        If the block raises, every change it made is taken back and the error goes on.
        """
        self.undo_stack.beginMacro(text)
        try:
            yield
        except BaseException:
            self.undo_stack.endMacro()
            self.undo_stack.undo()
            raise
        self.undo_stack.endMacro()

    def end_typing(self) -> None:
        """A typing session ended: the next edit of the same field is a new undo step."""
        i = self.undo_stack.index()
        if i > 0:
            command = self.undo_stack.command(i - 1)
            if isinstance(command, ModelCommand):
                command.end_merging()

    # ------------------------------------------------------------ companies
    def add_company(
        self, name: str, x: float = 0.0, y: float = 0.0, category: str = "other", **fields: Any
    ) -> str:
        cid = self.diagram.new_id("c")
        company = _make(Company, id=cid, name=name, category=category, x=x, y=y, **fields)
        self.push(
            AddRecordsCommand(
                self.diagram,
                QCoreApplication.translate("Document", "Add company {name}").format(name=name),
                companies=[company],
            )
        )
        return cid

    def update_company(self, company_id: str, merge: bool = False, **changes: Any) -> None:
        """Edit fields of a company. ``merge``: consecutive edits of the same fields
        (typing in one field) become one undo step."""
        name = self.diagram.company(company_id).name
        self.push(
            EditCompanyCommand(self.diagram, company_id, changes, edit_text(name, changes), mergeable=merge)
        )

    def update_companies(self, company_ids: Iterable[str], **changes: Any) -> None:
        """Edit the same fields of several companies in one undo step."""
        ids = list(company_ids)
        parts = [EditCompanyCommand(self.diagram, cid, changes, "") for cid in ids]
        self.macro(
            edit_text(
                QCoreApplication.translate("Document", "{count} companies").format(count=len(ids)), changes
            ),
            parts,
        )

    def move_companies(
        self, positions: Mapping[str, tuple[float, float]], nudge: bool = False, text: str | None = None
    ) -> None:
        """Move companies in one undo step (a drag, an alignment). ``nudge``: arrow-key moves merge.
        ``text``: the undo step's name (default "Move" / "Move N companies")."""
        if not positions:
            return
        if text is None:
            text = (
                QCoreApplication.translate("Document", "Move")
                if len(positions) == 1
                else QCoreApplication.translate("Document", "Move {count} companies").format(
                    count=len(positions)
                )
            )
        self.push(MoveCommand(self.diagram, positions, text, nudge=nudge))

    # ---------------------------------------------------------------- flows
    def add_flow(
        self, source: str, target: str, type: str, amount: float | None = None, **fields: Any
    ) -> str:
        fid = self.diagram.new_id("f")
        flow = _make(Flow, id=fid, source=source, target=target, type=type, amount=amount, **fields)
        s, t = self.diagram.company(source).name, self.diagram.company(target).name
        self.push(
            AddRecordsCommand(
                self.diagram,
                QCoreApplication.translate("Document", "Add flow {source} → {target}").format(
                    source=s, target=t
                ),
                flows=[flow],
            )
        )
        return fid

    def update_flow(self, flow_id: str, merge: bool = False, **changes: Any) -> None:
        f = self.diagram.flow(flow_id)
        between = f"{self.diagram.company(f.source).name} → {self.diagram.company(f.target).name}"
        text = edit_text(between, changes)
        self.push(EditFlowCommand(self.diagram, flow_id, changes, text, mergeable=merge))

    def update_flows(self, flow_ids: Iterable[str], **changes: Any) -> None:
        ids = list(flow_ids)
        parts = [EditFlowCommand(self.diagram, fid, changes, "") for fid in ids]
        self.macro(
            edit_text(
                QCoreApplication.translate("Document", "{count} flows").format(count=len(ids)), changes
            ),
            parts,
        )

    # --------------------------------------------------------------- delete
    def remove(
        self, company_ids: Iterable[str] = (), flow_ids: Iterable[str] = (), text: str | None = None
    ) -> bool:
        """Delete companies (with their flows) and flows in one step; False if nothing to do.
        ``text``: the undo step's name (default "Delete" / "Delete N items")."""
        cmd = RemoveCommand(self.diagram, company_ids, flow_ids)
        if cmd.empty:
            return False
        n = cmd.count
        cmd.setText(
            text
            if text is not None
            else QCoreApplication.translate("Document", "Delete")
            if n == 1
            else QCoreApplication.translate("Document", "Delete {count} items").format(count=n)
        )
        self.push(cmd)
        return True

    # ------------------------------------------------------ add many at once
    def add_records(
        self,
        text: str,
        companies: Iterable[Company] = (),
        flows: Iterable[Flow] = (),
        flow_types: Iterable[FlowType] = (),
        categories: Iterable[Category] = (),
    ) -> None:
        """Add prepared records in one step (paste, duplicate, import merge). Ids must be new."""
        self.push(
            AddRecordsCommand(
                self.diagram,
                text,
                companies=companies,
                flows=flows,
                flow_types=flow_types,
                categories=categories,
            )
        )

    # ----------------------------------------------------------- catalogues
    def add_flow_type(self, name: str, color: str | None = None) -> str:
        tid = self.diagram.new_id("type")
        record = _make(FlowType, id=tid, name=name, color=color or self.diagram.next_color())
        self.push(
            AddCatalogueCommand(
                flow_type_ops(self.diagram),
                record,
                text=QCoreApplication.translate("Document", "Add flow type {name}").format(name=name),
            )
        )
        return tid

    def update_flow_type(self, type_id: str, **changes: Any) -> None:
        record = self.diagram.flow_type(type_id)
        self.push(
            EditCatalogueCommand(
                flow_type_ops(self.diagram),
                type_id,
                changes,
                text=QCoreApplication.translate("Document", "Edit flow type {name}").format(name=record.name),
            )
        )

    def remove_flow_type(self, type_id: str) -> None:
        record = self.diagram.flow_type(type_id)
        if any(f.type == type_id for f in self.diagram.flows()):
            raise ModelError(QCoreApplication.translate(
                "Document", "flow type {name} is still used by some flows").format(name=repr(record.name)))
        self.push(
            RemoveCatalogueCommand(
                flow_type_ops(self.diagram),
                record,
                text=QCoreApplication.translate("Document", "Delete flow type {name}").format(
                    name=record.name
                ),
            )
        )

    def add_category(self, name: str, color: str | None = None) -> str:
        cid = self.diagram.new_id("cat")
        record = _make(Category, id=cid, name=name, color=color or self.diagram.next_color())
        self.push(
            AddCatalogueCommand(
                category_ops(self.diagram),
                record,
                text=QCoreApplication.translate("Document", "Add category {name}").format(name=name),
            )
        )
        return cid

    def update_category(self, category_id: str, **changes: Any) -> None:
        record = self.diagram.category(category_id)
        self.push(
            EditCatalogueCommand(
                category_ops(self.diagram),
                category_id,
                changes,
                text=QCoreApplication.translate("Document", "Edit category {name}").format(name=record.name),
            )
        )

    def remove_category(self, category_id: str) -> None:
        record = self.diagram.category(category_id)
        if any(c.category == category_id for c in self.diagram.companies()):
            raise ModelError(QCoreApplication.translate(
                "Document", "category {name} is still used by some companies").format(name=repr(record.name)))
        self.push(
            RemoveCatalogueCommand(
                category_ops(self.diagram),
                record,
                text=QCoreApplication.translate("Document", "Delete category {name}").format(
                    name=record.name
                ),
            )
        )

    # ------------------------------------------------------------- metadata
    def set_metadata(self, **changes: Any) -> None:
        self.push(MetadataCommand(self.diagram, changes,
                                  QCoreApplication.translate("Document", "Edit diagram details")))


_R = TypeVar("_R")


def _make(cls: type[_R], **fields: Any) -> _R:
    """Build a record, turning constructor errors into ModelError."""
    try:
        return cls(**fields)
    except TypeError as e:
        raise ModelError(str(e)) from None


#: how an undo step names the field it changed
FIELD_NAMES = {
    "amount": QT_TRANSLATE_NOOP("Document", "amount"),
    "qualifier": QT_TRANSLATE_NOOP("Document", "amount"),
    "type": QT_TRANSLATE_NOOP("Document", "type"),
    "date": QT_TRANSLATE_NOOP("Document", "date"),
    "end_date": QT_TRANSLATE_NOOP("Document", "end date"),
    "url": QT_TRANSLATE_NOOP("Document", "source"),
    "note": QT_TRANSLATE_NOOP("Document", "note"),
    "status": QT_TRANSLATE_NOOP("Document", "status"),
    "category": QT_TRANSLATE_NOOP("Document", "category"),
    "valuation": QT_TRANSLATE_NOOP("Document", "valuation"),
    "valuation_date": QT_TRANSLATE_NOOP("Document", "valuation date"),
    "revenue": QT_TRANSLATE_NOOP("Document", "revenue"),
    "revenue_period": QT_TRANSLATE_NOOP("Document", "revenue period"),
    "profit": QT_TRANSLATE_NOOP("Document", "profit"),
    "profit_period": QT_TRANSLATE_NOOP("Document", "profit period"),
    "notes": QT_TRANSLATE_NOOP("Document", "notes"),
    "size": QT_TRANSLATE_NOOP("Document", "size"),
    "x": QT_TRANSLATE_NOOP("Document", "position"),
    "y": QT_TRANSLATE_NOOP("Document", "position"),
}


def edit_text(what: str, changes: Mapping[str, Any]) -> str:
    """The undo step's name: "Set amount of NVIDIA → OpenAI", "Rename NVIDIA", "Edit 3 flows"."""
    if set(changes) == {"name"}:
        return QCoreApplication.translate("Document", "Rename {what}").format(what=what)
    fields = {_field_name(k) for k in changes}
    if len(fields) == 1:
        return QCoreApplication.translate("Document", "Set {field} of {what}").format(
            field=fields.pop(), what=what
        )
    return QCoreApplication.translate("Document", "Edit {what}").format(what=what)


def _field_name(key: str) -> str:
    """A field's name in undo texts, in the interface language."""
    name = str(FIELD_NAMES.get(key, key.replace("_", " ")))
    return QCoreApplication.translate("Document", name)
