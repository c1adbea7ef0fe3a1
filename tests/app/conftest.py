"""These tests need Qt: one QApplication and GUI-thread cycle collection (see tests/qt.py)."""
import pytest

from tests.qt import _collect_after_each_test, gui_thread_collector  # noqa: F401  (fixtures)


@pytest.fixture
def shown_window(qtbot):
    """A main window with the seed diagram, shown; its document left clean and the window shut at the end."""
    from editor.app.mainwindow import MainWindow
    from editor.editing.document import Document
    from tests.helpers import seed_diagram

    w = MainWindow(Document(seed_diagram(), None), autosave_enabled=False)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.document.undo_stack.setClean()
    w.shutdown()
