"""These tests need Qt: one QApplication and GUI-thread cycle collection (see tests/qt.py)."""
import pytest

from tests.qt import _collect_after_each_test, gui_thread_collector  # noqa: F401  (fixtures)
from tests.qt import shown_window as qt_window


@pytest.fixture
def shown_window(qtbot):
    """A main window with the seed diagram, shown; its document left clean and the window shut at the end."""
    from tests.helpers import seed_diagram

    yield from qt_window(qtbot, seed_diagram())


@pytest.fixture
def slow_build(monkeypatch):
    """Maps over 20 companies and flows are drawn in steps of 2 items, each step 20 ms slower (so the
    progress window shows); ``.labels``: the progress window's texts, one per drawing."""
    import time
    from types import SimpleNamespace

    from editor.app import canvas_build
    from editor.background import reading
    from editor.canvas.scene import DiagramScene

    real = reading.run_in_steps

    def run(parent, label, steps, **kw):
        def slowed():
            for figures in steps:
                time.sleep(0.02)
                yield figures
        rec.labels.append(label)
        return real(parent, label, slowed(), **kw)

    rec = SimpleNamespace(labels=[])
    monkeypatch.setattr(canvas_build, "BUILD_IN_STEPS_ABOVE", 20)
    monkeypatch.setattr(DiagramScene, "BUILD_STEP", 2)
    monkeypatch.setattr(canvas_build, "run_in_steps", run)
    return rec
