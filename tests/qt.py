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
def gui_thread_collector() -> Any:
    """The GUI-thread cycle collector (created with the QApplication, once per run)."""
    from PySide6.QtWidgets import QApplication

    from editor.background import collector

    QApplication.instance() or QApplication([])
    return collector.install()


@pytest.fixture(autouse=True)
def _collect_after_each_test(gui_thread_collector: Any) -> Iterator[None]:
    yield
    gui_thread_collector.check()
