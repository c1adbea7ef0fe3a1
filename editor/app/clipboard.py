"""Copy and paste through the system clipboard, within and across windows.

The clipboard carries a fragment (:mod:`editor.io.fragment`) under the mime
type :data:`~editor.io.fragment.MIME_TYPE` plus a plain-text summary for other
programs. The whole paste is one undo step (``Document.add_records``).
"""
from __future__ import annotations

import atexit
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from editor.io.fragment import (
    MIME_TYPE,
    PASTE_OFFSET,
    Paste,
    dumps,
    fragment,
    loads,
    plain_text,
    prepare_paste,
)
from editor.model import Diagram


def copy_to_clipboard(diagram: Diagram, company_ids, flow_ids=(), clipboard=None) -> int:
    """Put the selection on the system clipboard; returns how many companies were copied."""
    frag = fragment(diagram, company_ids, flow_ids)
    if not frag["companies"]:
        return 0
    mime = QMimeData()
    mime.setData(MIME_TYPE, dumps(frag))
    mime.setText(plain_text(frag))
    (clipboard or QGuiApplication.clipboard()).setMimeData(mime)
    _clear_at_exit_offscreen()
    return len(frag["companies"])


_exit_hook = False


def _clear_at_exit_offscreen() -> None:
    """The offscreen platform (tests, headless runs) crashes at exit while the clipboard holds
    data: empty it first. Real desktops keep the data for the clipboard manager."""
    global _exit_hook
    if _exit_hook or QGuiApplication.platformName() != "offscreen":
        return
    def clear() -> None:
        if isinstance(QGuiApplication.instance(), QGuiApplication):
            QGuiApplication.clipboard().clear()

    atexit.register(clear)
    _exit_hook = True


def fragment_from_clipboard(clipboard=None) -> dict[str, Any] | None:
    mime = (clipboard or QGuiApplication.clipboard()).mimeData()
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    return loads(bytes(mime.data(MIME_TYPE).data()))


def clipboard_has_fragment(clipboard=None) -> bool:
    mime = (clipboard or QGuiApplication.clipboard()).mimeData()
    return mime is not None and mime.hasFormat(MIME_TYPE)


def paste(document, frag: dict[str, Any], offset: float = PASTE_OFFSET, text: str = "Paste") -> Paste:
    """Add the fragment's records to ``document`` as one undo step; returns what was added."""
    p = prepare_paste(document.diagram, frag, offset)
    if not p.empty:
        document.add_records(text, companies=p.companies, flows=p.flows,
                             flow_types=p.flow_types, categories=p.categories)
    return p
