"""Flow types of an import that the diagram does not know: flagged in the Import dialog, each
mapped to an existing type or kept as a new one.

Known types: those of the open diagram when merging, the standard ones of a new diagram
otherwise. A type counts as known when a known type has its name (case aside), as the merge
matches them. :func:`retype` applies the user's choices to the imported diagram.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from editor.model import Diagram, FlowType

#: the combo's data for "keep it as a new type"
NEW = ""



def unknown_types(imported: Diagram, known: Diagram) -> list[tuple[FlowType, int]]:
    """The flow types used by imported flows that no known type matches by name, with their flow count."""
    use = Counter(f.type for f in imported.flows())
    out = []
    for t in imported.flow_types():
        if use[t.id] and known.flow_type_by_name(t.name) is None:
            out.append((t, use[t.id]))
    return out


def retype(imported: Diagram, choices: Mapping[str, str], known: Diagram) -> Diagram:
    """``imported`` with the flows of each type in ``choices`` (imported type id -> known type id)
    moved to that known type; the mapped types are dropped. Unmapped types stay as they are."""
    choices = {src: dst for src, dst in choices.items() if dst and imported.has_flow_type(src)}
    if not choices:
        return imported
    types = [t for t in imported.flow_types() if t.id not in choices]
    target: dict[str, str] = {}
    for src, dst in choices.items():
        want = known.flow_type(dst)
        same = next((t for t in types if t.name.casefold() == want.name.casefold()), None)
        if same is None:
            taken = {t.id for t in types} | {c.id for c in imported.companies()} | {
                f.id for f in imported.flows()} | {c.id for c in imported.categories()}
            tid, n = want.id, 1
            while tid in taken:
                n += 1
                tid = f"{want.id}_{n}"
            same = FlowType(tid, want.name, want.color)
            types.append(same)
        target[src] = same.id
    flows = [f.with_changes(type=target[f.type]) if f.type in target else f for f in imported.flows()]
    return Diagram.build(companies=imported.companies(), flows=flows, flow_types=types,
                         categories=imported.categories(), metadata=imported.metadata)


class TypeMappingBox(QGroupBox):
    """One row per unknown type: its name and flow count, and a combo: a new type or an existing one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        title = QCoreApplication.translate("ImportTypes", "Flow types the diagram does not know")
        super().__init__(title, parent)
        self._form = QFormLayout(self)
        self.combos: dict[str, QComboBox] = {}       # imported type id -> its combo
        self._shown: tuple[object, ...] = ()
        self._chosen: dict[str, str] = {}             # imported type name (folded) -> known type id
        self.setVisible(False)

    def show_types(self, imported: Diagram | None, known: Diagram) -> None:
        """List the unknown types of ``imported`` (hidden when there are none); choices made are kept."""
        unknown = unknown_types(imported, known) if imported is not None else []
        key = (tuple((t.id, t.name, n) for t, n in unknown),
               tuple((t.id, t.name) for t in known.flow_types()))
        if key == self._shown:
            return
        self._shown = key
        while self._form.rowCount():
            self._form.removeRow(0)
        self.combos = {}
        for t, count in unknown:
            combo = QComboBox()
            new = QCoreApplication.translate("ImportTypes", "New type “{name}”")
            combo.addItem(new.format(name=t.name), NEW)
            for k in known.flow_types():
                same = QCoreApplication.translate("ImportTypes", "Same as “{name}”")
                combo.addItem(same.format(name=k.name), k.id)
            chosen = combo.findData(self._chosen.get(t.name.casefold(), NEW))
            combo.setCurrentIndex(max(chosen, 0))
            folded = t.name.casefold()
            combo.currentIndexChanged.connect(lambda _i, name=folded, c=combo: self._pick(name, c))
            if count == 1:
                text = QCoreApplication.translate("ImportTypes", "“{name}” (1 flow):")
            else:
                text = QCoreApplication.translate("ImportTypes", "“{name}” ({count} flows):")
            label = QLabel(text.format(name=t.name, count=count))
            label.setBuddy(combo)
            self._form.addRow(label, combo)
            self.combos[t.id] = combo
        self.setVisible(bool(unknown))

    def _pick(self, name: str, combo: QComboBox) -> None:
        self._chosen[name] = combo.currentData()
        self.changed.emit()

    def choices(self) -> dict[str, str]:
        """Imported type id -> the known type id chosen (types kept new are left out)."""
        return {tid: combo.currentData() for tid, combo in self.combos.items() if combo.currentData()}
