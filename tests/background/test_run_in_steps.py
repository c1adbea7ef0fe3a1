"""Work that must run on the GUI thread, in steps from the event loop behind the progress window."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from editor.background import reading
from tests.progress import cancel_when_shown, visible_progress


def slow_steps(count: int, seconds: float, log: dict):
    """``count`` steps of ``seconds`` each on the calling thread; notes where and how far it got."""
    log.update(threads=set(), done=0, closed=False)
    try:
        for i in range(count):
            time.sleep(seconds)
            log["threads"].add(threading.current_thread())
            log["done"] = i + 1
            yield i + 1, count
    except GeneratorExit:
        log["closed"] = True
        raise


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


def test_steps_run_on_the_gui_thread_while_the_event_loop_turns(parent):
    log: dict = {}
    ticks: list[float] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    seen: list[tuple[int, int]] = []

    def look():
        dialog = visible_progress()
        if dialog is not None:
            seen.append((dialog.value(), dialog.maximum()))
        if log.get("done", 0) < 100:
            QTimer.singleShot(30, look)

    QTimer.singleShot(30, look)
    reading.run_in_steps(parent, "Drawing big.roundtrip…", slow_steps(100, 0.01, log), title="Open")
    timer.stop()
    assert log["done"] == 100 and log["threads"] == {threading.main_thread()}
    assert len(ticks) > 10   # the timer kept firing between the slices (of about SLICE_SECONDS)
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    assert max(gaps) < 0.5
    assert seen and all(m == reading.STEPS for _, m in seen) and any(0 < v < reading.STEPS for v, _ in seen)
    assert visible_progress() is None


def test_cancel_closes_the_steps_where_they_stand(parent):
    log: dict = {}

    cancel_when_shown()
    start = time.perf_counter()
    with pytest.raises(reading.Cancelled):
        reading.run_in_steps(parent, "Drawing big.roundtrip…", slow_steps(1000, 0.01, log))
    assert time.perf_counter() - start < 5
    assert log["closed"] and 0 < log["done"] < 1000
    assert visible_progress() is None and reading.reads_for(parent) == []


def test_the_window_can_cancel_the_steps_like_a_read(parent):
    log: dict = {}
    QTimer.singleShot(50, lambda: reading.cancel_reads(parent))
    with pytest.raises(reading.Cancelled):
        reading.run_in_steps(parent, "Drawing big.roundtrip…", slow_steps(1000, 0.01, log))
    assert log["closed"] and log["done"] < 1000


def test_an_error_of_the_steps_reaches_the_caller(parent):
    def failing():
        yield 1, 3
        raise ValueError("no room")

    with pytest.raises(ValueError, match="no room"):
        reading.run_in_steps(parent, "Drawing", failing())
    assert reading.reads_for(parent) == []
