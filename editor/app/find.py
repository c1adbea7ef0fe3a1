"""Edit → Find (Ctrl+F): companies by part of their name, flows by note or source link.

Find Next (F3; also Ctrl+F and Enter again with the same text) and Find Previous (Shift+F3) step
through every match from the one selected, wrapping, with "3 of 7" in the status bar.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from editor.i18n import translate
from editor.model.diagram import Diagram

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow


def find_matches(diagram: Diagram, text: str) -> list[tuple[str, str]]:
    """("company", id) for names containing ``text``, then ("flow", id) for notes or sources containing it.

    Case is ignored; companies whose name starts with ``text`` come first.
    """
    needle = text.strip().casefold()
    if not needle:
        return []
    companies = [c for c in diagram.companies() if needle in c.name.casefold()]
    companies.sort(key=lambda c: (not c.name.casefold().startswith(needle), c.name.casefold()))
    found = [("company", c.id) for c in companies]
    found += [("flow", f.id) for f in diagram.flows()
              if needle in (f.note or "").casefold() or needle in (f.url or "").casefold()]
    return found


def find(window: MainWindow, text: str | None = None, step: int = 1) -> list[tuple[str, str]]:
    """Ask for a text (unless given), select and show the first match; returns all matches.

    The same text again, with a match selected: the match ``step`` after it (wrapping)."""
    if text is None:
        text, ok = QInputDialog.getText(window, translate("Find", "Find"),
                                        translate("Find", "Company name, or a flow's note or source:"),
                                        text=window.last_find)
        if not ok:
            return []
    again = text == window.last_find
    window.last_find = text
    matches = find_matches(window.document.diagram, text)
    if not matches:
        window.statusBar().showMessage(translate("Find", "Nothing matches “{text}”").format(text=text), 4000)
        return matches
    index = next_index(window, matches, step) if again else 0
    kind, oid = matches[index]
    window.scene.select_ids([oid] if kind == "company" else [], [oid] if kind == "flow" else [])
    item = window.scene.company_item(oid) if kind == "company" else window.scene.flow_item(oid)
    if item is not None:
        window.view.centerOn(item)
    message = (translate("Find", "Found “{text}” ({n} of {count})").format(text=text, n=index + 1,
                                                                        count=len(matches))
               if len(matches) > 1 else translate("Find", "Found “{text}”").format(text=text))
    window.statusBar().showMessage(message, 4000)
    return matches


def next_index(window: MainWindow, matches: list[tuple[str, str]], step: int) -> int:
    """The index of the match ``step`` after the selected one (0 when no single match is selected)."""
    companies, flows = window.scene.selected_ids()
    if len(companies) + len(flows) != 1:
        return 0
    current = ("company", companies[0]) if companies else ("flow", flows[0])
    if current not in matches:
        return 0
    return (matches.index(current) + step) % len(matches)


def find_next(window: MainWindow, step: int = 1) -> list[tuple[str, str]]:
    """Find Next (F3) / Find Previous (Shift+F3): the next match of the last text (asks for one if none)."""
    if not window.last_find.strip():
        return find(window)
    return find(window, window.last_find, step)
