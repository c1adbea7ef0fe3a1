"""Cycles holding Qt objects are freed on the GUI thread, never on a worker.

See editor.background.collector.
"""
from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject, QTimer


def test_cycles_are_freed_on_the_gui_thread_only(qtbot, gui_thread_collector):
    assert not gc.isenabled()
    freed_on: list[str] = []
    holder = QObject()
    QTimer(holder).start(60_000)     # a running timer: freeing it on a worker used to crash
    box: list = [holder]
    box.append(box)                  # a cycle keeps the object alive after the last name goes
    ref = weakref.ref(holder, lambda _r: freed_on.append(threading.current_thread().name))
    del holder, box

    def allocate() -> None:          # enough new containers to cross every threshold
        junk = []
        for _ in range(50_000):
            a: list = []
            a.append(a)
            junk.append(a)

    t = threading.Thread(target=allocate, name="busy-worker")
    t.start()
    t.join()
    assert ref() is not None and freed_on == []
    while gui_thread_collector.check() is not None and ref() is not None:
        pass
    assert ref() is None
    assert set(freed_on) == {threading.main_thread().name}


def test_the_timer_collects_when_thresholds_are_crossed(qtbot, gui_thread_collector):
    before = gui_thread_collector.collections
    junk = []
    for _ in range(5_000):
        a: list = []
        a.append(a)
        junk.append(a)
    del junk
    qtbot.waitUntil(lambda: gui_thread_collector.collections > before, timeout=3000)


def test_full_collections_wait_for_a_quarter_more_objects(gui_thread_collector, monkeypatch):
    from editor.background import collector

    c = gui_thread_collector
    monkeypatch.setattr(collector, "FULL_EVERY_S", 0.0)
    monkeypatch.setattr(c, "_long_lived", len(gc.get_objects(generation=2)) * 10)  # as if a big heap
    monkeypatch.setattr(c, "thresholds", (1, 1, 1))
    gc.collect(1)
    gc.collect(1)   # gen 2 count over its threshold of 1
    assert c.check() == 1          # not enough new long-lived objects for a full collection
    monkeypatch.setattr(c, "_long_lived", 0)
    gc.collect(1)
    gc.collect(1)
    assert c.check() == 2
    assert c._long_lived > 0
