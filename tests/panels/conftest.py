"""These tests need Qt: one QApplication and GUI-thread cycle collection (see tests/qt.py)."""
from tests.qt import _collect_after_each_test, gui_thread_collector  # noqa: F401  (fixtures)
