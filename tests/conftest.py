"""Shared test setup: Qt offscreen, long mode, diagram builders."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ROUNDTRIP_SETTINGS", "test")  # keep tests out of the user's settings

import pytest  # noqa: E402


def pytest_addoption(parser):
    parser.addoption("--long", action="store_true", default=False,
                     help="run the long mode: heavier kill, fuzz and property loops")


def pytest_configure(config):
    if config.getoption("--long"):
        os.environ["ROUNDTRIP_LONG"] = "1"


def long_mode() -> bool:
    return os.environ.get("ROUNDTRIP_LONG", "") not in ("", "0")


@pytest.fixture(scope="session", autouse=True)
def gui_thread_collector():
    """As in the app: cycles are collected on the GUI thread only (see editor.background.collector)."""
    from PySide6.QtWidgets import QApplication

    from editor.background import collector

    QApplication.instance() or QApplication([])  # the one pytest-qt's qapp then uses

    c = collector.install()
    yield c


@pytest.fixture(autouse=True)
def _collect_after_each_test(gui_thread_collector):
    yield
    gui_thread_collector.check()


@pytest.fixture
def long_run() -> bool:
    return long_mode()
