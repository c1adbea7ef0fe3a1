"""What the Help menu shows: the table of keyboard shortcuts and mouse gestures, and the About box.

Texts are translated in the "Menus" context, as the menus that open them.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.i18n import QT_TRANSLATE_NOOP


def show_about(w: QWidget) -> None:
    """The About box: the version and what the program is for."""
    from editor import __version__

    text = QCoreApplication.translate(
        "Menus",
        "Draw money-flow diagrams between companies and see which "
        "money comes back: loops, circulation and round trips.",
    )
    QMessageBox.about(
        w,
        QCoreApplication.translate("Menus", "About Roundtrip"),
        f"<h3>Roundtrip {__version__}</h3><p>{text}</p>",
    )


#: what the mouse and keys do on the canvas besides the menus' shortcuts
GESTURES = (
    (
        QT_TRANSLATE_NOOP("Menus", "Esc"),
        QT_TRANSLATE_NOOP("Menus", "Cancel the current gesture, clear the loop highlight"),
    ),
    (QT_TRANSLATE_NOOP("Menus", "Space+drag, middle-drag"), QT_TRANSLATE_NOOP("Menus", "Pan the canvas")),
    (
        QT_TRANSLATE_NOOP("Menus", "Wheel"),
        QT_TRANSLATE_NOOP("Menus", "Zoom at the mouse (Shift+wheel scrolls sideways)"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Double-click a company or amount"),
        QT_TRANSLATE_NOOP("Menus", "Rename the company or edit the amount in place"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Right-click"),
        QT_TRANSLATE_NOOP("Menus", "The menu of what lies under the mouse"),
    ),
)


def shortcut_rows(w: QWidget) -> list[tuple[str, str]]:
    """(keys, what) for every action of ``w`` with a shortcut, then the canvas gestures."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    undo_prefixes = [
        re.sub(r"\(&\w\)", "", QCoreApplication.translate("Menus", p)).replace("&", "")
        for p in ("&Undo", "&Redo")
    ]
    for a in w.actions():
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts() if not k.isEmpty()]
        name = re.sub(r"\(&\w\)", "", a.text())  # Japanese accelerators: "元に戻す(&U)"
        name = name.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
        if not keys or not name:
            continue
        for prefix in undo_prefixes:
            if name.startswith(prefix):
                name = prefix
        if name in seen:
            continue
        seen.add(name)
        rows.append((", ".join(keys), name))
    return rows + [
        (QCoreApplication.translate("Menus", k), QCoreApplication.translate("Menus", t)) for k, t in GESTURES
    ]


def show_shortcuts(w: QWidget) -> None:
    """A window listing every shortcut of ``w`` and the canvas gestures (it does not block)."""
    from html import escape

    rows = "".join(
        f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(t)}</td></tr>" for k, t in shortcut_rows(w)
    )
    box = QMessageBox(
        QMessageBox.Icon.NoIcon,
        QCoreApplication.translate("Menus", "Keyboard Shortcuts"),
        f"<table>{rows}</table>",
        QMessageBox.StandardButton.Close,
        w,
    )
    box.setObjectName("shortcuts_help")
    box.open()
