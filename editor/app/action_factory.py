"""Making the main window's actions: translated text and tip, shortcuts, icon, and what they call.

:func:`make_action` builds one QAction added to the window (so its shortcut works
without a menu); :func:`choice_menu` fills a menu with checkable actions of which
one is checked at a time. Texts are translated in the "Menus" context.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QWidget

Shortcut = QKeySequence | QKeySequence.StandardKey | str | Sequence[QKeySequence | str]


def make_action(window: QWidget, text: str, slot: Callable[..., object] | None = None,
                shortcut: Shortcut | None = None, tip: str = "", icon: QStyle.StandardPixmap | None = None,
                checkable: bool = False, add: bool = True) -> QAction:
    """An action of ``window`` showing ``text`` and ``tip`` (English, translated here) that calls
    ``slot`` (a checkable one with its new state); ``shortcut``: one key or several. ``add``: added
    to the window's actions now (else by the caller, later)."""
    a = QAction(QCoreApplication.translate("Menus", text), window)
    if icon is not None:
        a.setIcon(window.style().standardIcon(icon))
    if shortcut is not None:
        if isinstance(shortcut, QKeySequence):
            a.setShortcut(shortcut)
        elif isinstance(shortcut, (str, QKeySequence.StandardKey)):
            a.setShortcut(QKeySequence(shortcut))
        else:
            a.setShortcuts([QKeySequence(s) for s in shortcut])
    if tip:
        tip = QCoreApplication.translate("Menus", tip)
        a.setStatusTip(tip)
        a.setToolTip(tip)
    a.setCheckable(checkable)
    if slot is not None:
        if checkable:
            a.toggled.connect(slot)
        else:
            a.triggered.connect(lambda _c=False: slot())
    if add:
        window.addAction(a)
    return a


def choice_menu(window: QWidget, menu: QMenu, choices: Sequence[tuple[str, str]],
                choose: Callable[[str], object]) -> dict[str, QAction]:
    """One checkable action in ``menu`` per (key, text) of ``choices``, only one checked at a time;
    choosing one calls ``choose(key)``. Returns the actions by key."""
    group = QActionGroup(window)
    actions: dict[str, QAction] = {}
    for key, text in choices:
        a = QAction(QCoreApplication.translate("Menus", text), window, checkable=True)
        a.triggered.connect(lambda _c=False, key=key: choose(key))
        group.addAction(a)
        menu.addAction(a)
        actions[key] = a
    return actions
