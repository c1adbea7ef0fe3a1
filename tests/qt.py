"""The Qt test setup, used by the conftest.py of every folder whose tests need Qt.

One QApplication for the whole run (the one pytest-qt's ``qapp`` then uses),
and cycles collected on the GUI thread only, as in the app (see
:mod:`editor.background.collector`); after every Qt test the collector checks
that nothing was collected elsewhere. Folders of Qt-free tests (model,
analysis, io, cli) do not use it, so they run without PySide6 installed.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def gui_thread_collector() -> Iterator[Any]:
    """The GUI-thread cycle collector (created with the QApplication, once per run)."""
    from PySide6.QtWidgets import QApplication

    from editor.background import collector

    app = QApplication.instance() or QApplication([])
    yield collector.install()
    _tidy_up(app)


def _tidy_up(app: Any) -> None:
    """At the end of the run, while the QApplication is whole: the windows the tests left behind
    closed and deleted, their cycles freed, and every deleteLater() carried out. (Otherwise PySide6
    deletes what is left while it destroys the application at exit; 6.12 crashed there, after every
    test had passed, on a progress window whose deleteLater() never ran.)"""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    for w in app.topLevelWidgets():
        w.close()
        w.deleteLater()
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _collect_after_each_test(gui_thread_collector: Any) -> Iterator[None]:
    yield
    gui_thread_collector.check()


def shown_window(qtbot: Any, diagram: Any = None, *, exposed: bool = False) -> Iterator[Any]:
    """For ``yield from`` in a fixture: a main window showing ``diagram`` (an empty document when
    None), without autosave, shown (and exposed when ``exposed``); when the test ends its document
    is marked clean, so nothing asks to save, and the window is shut."""
    from editor.app.mainwindow import MainWindow
    from editor.editing.document import Document

    w = MainWindow(Document(diagram), autosave_enabled=False)
    qtbot.addWidget(w)
    w.show()
    if exposed:
        qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.shutdown()
