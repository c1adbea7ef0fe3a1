"""The catalogue editor: add, rename, recolour and delete flow types and categories (all undoable).

Use counts (tooltips, the Delete button) are counted in one pass over the
flows or companies, only when shown: an edit of a big diagram costs nothing
here while the panel is hidden, and one pass per burst of edits while shown.
"""
from __future__ import annotations

from collections import Counter
from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QColorDialog,
    QGridLayout,
    QGroupBox,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor.i18n import error_text, translate
from editor.model import Change, ChangeKind, ModelError
from editor.model.plain import plain_tip
from editor.panels.common import error_label, show_error

if TYPE_CHECKING:
    from editor.editing.document import Document


def swatch(color: str, size: int = 14) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(QColor(color))
    return QIcon(pm)


class CatalogueList(QGroupBox):
    """One catalogue (kind "flow_type" or "category") with its buttons."""

    def __init__(self, kind: str, title: str, parent=None) -> None:
        super().__init__(title, parent)
        self.kind = kind
        self.document: Document | None = None  # given by the panel
        self._counts: Counter | None = None   # uses per id; None: to count again
        self._counts_shown = True              # tooltips and buttons show the current counts
        self._pending = False                  # an update of the counts is queued
        self.list = QListWidget()
        self.list.setIconSize(QSize(14, 14))
        self.list.itemDoubleClicked.connect(lambda _i: self.rename())
        self.error = error_label()
        buttons = QGridLayout()
        self.buttons = {}
        for i, (name, text, slot) in enumerate((
                ("Add", translate("Catalogue", "Add…"), self.add),
                ("Rename", translate("Catalogue", "Rename…"), self.rename),
                ("Colour", translate("Catalogue", "Colour…"), self.recolour),
                ("Delete", translate("Catalogue", "Delete"), self.delete))):
            b = QPushButton(text)
            b.clicked.connect(lambda _c=False, slot=slot: slot())
            buttons.addWidget(b, i // 2, i % 2)
            self.buttons[name] = b
        lay = QVBoxLayout(self)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.error)
        lay.addLayout(buttons)
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())

    @property
    def doc(self) -> Document:
        """The document the list shows; the panel gives it before the list is used."""
        if self.document is None:
            raise RuntimeError("the catalogue list has no document yet")
        return self.document

    def records(self):
        d = self.doc.diagram
        return d.flow_types() if self.kind == "flow_type" else d.categories()

    def refresh(self) -> None:
        """Rebuild the list (names, colours, use counts)."""
        self._counts = None
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for r in self.records():
            item = QListWidgetItem(swatch(r.color), r.name)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(self._tip(r))
            self.list.addItem(item)
            if r.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._counts_shown = True
        self._update_buttons()

    def uses_changed(self) -> None:
        """Items were added, removed or changed: the counts are redone when they can be seen."""
        self._counts = None
        self._counts_shown = False
        if self.isVisible() and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._show_counts)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._counts_shown:
            self._show_counts()

    def _show_counts(self) -> None:
        self._pending = False
        if self.document is None or self._counts_shown:
            return
        by_id = {r.id: r for r in self.records()}
        for i in range(self.list.count()):
            item = self.list.item(i)
            r = by_id.get(item.data(Qt.ItemDataRole.UserRole))
            if r is not None:
                item.setToolTip(self._tip(r))
        self._counts_shown = True
        self._update_buttons()

    def _tip(self, r) -> str:
        return plain_tip(translate("Catalogue", "{name} ({colour}); {count} use(s)").format(
            name=r.name, colour=r.color, count=self._uses(r.id)))

    def _uses(self, rid: str) -> int:
        if self._counts is None:
            d = self.doc.diagram
            if self.kind == "flow_type":
                self._counts = Counter(map(attrgetter("type"), d.flows()))
            else:
                self._counts = Counter(map(attrgetter("category"), d.companies()))
        return self._counts[rid]

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select(self, rid: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == rid:
                self.list.setCurrentRow(i)

    def _update_buttons(self) -> None:
        rid = self.current_id()
        for key in ("Rename", "Colour"):
            self.buttons[key].setEnabled(rid is not None)
        used = rid is not None and self._uses(rid) > 0
        self.buttons["Delete"].setEnabled(rid is not None and not used)
        self.buttons["Delete"].setToolTip(
            translate("Catalogue", "Still used: change those items first") if used else ""
        )

    def _do(self, fn, *args, **kwargs):
        try:
            result = fn(*args, **kwargs)
        except ModelError as e:
            show_error(self.error, error_text(e))
            return None
        show_error(self.error, None)
        return result

    # -------------------------------------------------------------- actions
    def add(self, name: str | None = None, color: str | None = None) -> str | None:
        if name is None:
            if self.kind == "flow_type":
                title = translate("Catalogue", "New Flow Type")
                label = translate("Catalogue", "Name of the new flow type:")
            else:
                title = translate("Catalogue", "New Category")
                label = translate("Catalogue", "Name of the new category:")
            name, ok = QInputDialog.getText(self, title, label)
            if not ok or not name.strip():
                return None
        doc = self.doc
        adder = doc.add_flow_type if self.kind == "flow_type" else doc.add_category
        rid = self._do(adder, name.strip(), color)
        if rid:
            self.select(rid)
        return rid

    def rename(self, name: str | None = None) -> bool:
        rid = self.current_id()
        if rid is None:
            return False
        if name is None:
            old = self.list.currentItem().text()
            name, ok = QInputDialog.getText(
                self, translate("Catalogue", "Rename"), translate("Catalogue", "New name:"), text=old
            )
            if not ok or not name.strip() or name.strip() == old:
                return False
        doc = self.doc
        fn = doc.update_flow_type if self.kind == "flow_type" else doc.update_category
        return self._do(fn, rid, name=name.strip()) is not None or self.error.isHidden()

    def recolour(self, color: str | None = None) -> bool:
        rid = self.current_id()
        if rid is None:
            return False
        if color is None:
            current = next(r.color for r in self.records() if r.id == rid)
            chosen = QColorDialog.getColor(QColor(current), self, translate("Catalogue", "Choose a Colour"))
            if not chosen.isValid():
                return False
            color = chosen.name()
        doc = self.doc
        fn = doc.update_flow_type if self.kind == "flow_type" else doc.update_category
        self._do(fn, rid, color=color)
        return self.error.isHidden()

    def delete(self) -> bool:
        rid = self.current_id()
        if rid is None:
            return False
        doc = self.doc
        self._do(doc.remove_flow_type if self.kind == "flow_type" else doc.remove_category, rid)
        return self.error.isHidden()


class CataloguePanel(QWidget):
    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.types = CatalogueList("flow_type", translate("Catalogue", "Flow types"))
        self.categories = CatalogueList("category", translate("Catalogue", "Company categories"))
        self.document = None
        # side by side in a wide dock, one above the other in a narrow one; the lists take all the room
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(4, 4, 4, 4)
        self.box.addWidget(self.types, 1)
        self.box.addWidget(self.categories, 1)
        for lst in (self.types, self.categories):
            lst.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            lst.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.set_document(document)

    #: below this width the two lists are stacked
    STACK_BELOW = 460

    def minimumSizeHint(self) -> QSize:
        """As narrow as the lists one above the other (they stack below STACK_BELOW), so a side-by-side
        layout does not keep the dock (and the Inspector tabbed with it) wide."""
        hint = super().minimumSizeHint()
        m = self.box.contentsMargins()
        narrow = max(self.types.minimumSizeHint().width(), self.categories.minimumSizeHint().width())
        return QSize(min(hint.width(), narrow + m.left() + m.right()), hint.height())

    def resizeEvent(self, event) -> None:
        d = QBoxLayout.Direction
        self.box.setDirection(d.TopToBottom if event.size().width() < self.STACK_BELOW else d.LeftToRight)
        super().resizeEvent(event)

    def set_document(self, document) -> None:
        if self.document is not None:
            self.document.diagram.unsubscribe(self._on_change)
        self.document = document
        for lst in (self.types, self.categories):
            lst.document = document
            lst.refresh()
        document.diagram.subscribe(self._on_change)

    def detach(self) -> None:
        if self.document is not None:
            self.document.diagram.unsubscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change.kind in (ChangeKind.TYPES_CHANGED, ChangeKind.RESET):
            self.types.refresh()
        elif change.kind.startswith("flow"):
            self.types.uses_changed()
        if change.kind in (ChangeKind.CATEGORIES_CHANGED, ChangeKind.RESET):
            self.categories.refresh()
        elif change.kind in (
            ChangeKind.COMPANY_ADDED,
            ChangeKind.COMPANY_REMOVED,
            ChangeKind.COMPANY_CHANGED,
        ):
            self.categories.uses_changed()
