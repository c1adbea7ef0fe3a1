"""These tests need Qt: one QApplication and GUI-thread cycle collection (see tests/qt.py)."""
import pytest

from tests.qt import _collect_after_each_test, gui_thread_collector  # noqa: F401  (fixtures)


@pytest.fixture
def make_dialog(qtbot):
    """``make_dialog(path, document=None)``: the Import dialog for ``path`` (closed with the test)."""
    from editor.dialogs.import_dialog import ImportDialog

    def make(path, document=None):
        d = ImportDialog(path, document)
        qtbot.addWidget(d)
        return d
    return make
