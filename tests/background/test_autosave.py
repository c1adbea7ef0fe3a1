"""Autosave controller and the recovery dialog (Qt, offscreen)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from editor.background.autosave import AutosaveController, interval_from_settings
from editor.dialogs.recovery_dialog import (
    DISCARD,
    LATER,
    RESTORE,
    RecoveryDialog,
    apply_choices,
    offer_recovery,
    restore,
)
from editor.editing.document import Document
from editor.io import native, recovery
from tests.helpers import seed_diagram


@pytest.fixture
def folder(tmp_path, monkeypatch):
    f = tmp_path / "recovery"
    monkeypatch.setenv(recovery.ENV_DIR, str(f))
    return f


def crash(ctl: AutosaveController):
    """Simulate a crash: the file stays, renamed as if its writer were a dead process."""
    ctl.stop()
    ctl.wait()
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    target = ctl.recovery_file.with_name(f"{p.pid}-{ctl.key}{recovery.SUFFIX}")
    os.rename(ctl.recovery_file, target)
    return target


def make(qtbot, folder, path=None, interval=30):
    doc = Document(seed_diagram(), path)
    ctl = AutosaveController(doc, interval_s=interval, folder=folder)
    return doc, ctl


def test_nothing_written_while_clean(qtbot, folder):
    doc, ctl = make(qtbot, folder)
    assert ctl.autosave_now() is None
    assert not folder.exists() or not os.listdir(folder)


def test_timer_writes_modified_document_then_save_removes_the_file(qtbot, folder, tmp_path):
    doc, ctl = make(qtbot, folder, tmp_path / "map.roundtrip", interval=0.05)
    doc.save()
    ctl.start()
    doc.add_company("Microsoft")
    with qtbot.waitSignal(ctl.saved, timeout=3000) as blocker:
        pass
    assert blocker.args == [str(ctl.recovery_file)]
    loaded, orig, name = recovery.load_recovery(ctl.recovery_file)
    assert loaded == doc.diagram and orig == str(tmp_path / "map.roundtrip") and name == "map.roundtrip"
    doc.save()  # clean again: the recovery file goes away
    ctl.wait()
    assert not ctl.recovery_file.exists()
    assert ctl.last_snapshot_seconds >= 0 and ctl.last_write_seconds > 0


def test_unchanged_document_is_not_rewritten(qtbot, folder):
    doc, ctl = make(qtbot, folder)
    doc.add_company("A")
    assert ctl.autosave_now() is not None
    ctl.wait()
    assert ctl.autosave_now() is None  # nothing new since the last write
    doc.add_company("B")
    ctl.autosave_now().result(5)
    assert len(recovery.load_recovery(ctl.recovery_file)[0]) == len(doc.diagram) == 5


def test_undo_back_to_saved_state_removes_recovery(qtbot, folder):
    doc, ctl = make(qtbot, folder)
    doc.add_company("A")
    ctl.autosave_now()
    ctl.wait()
    assert ctl.recovery_file.exists()
    doc.undo_stack.undo()
    ctl.wait()
    assert not ctl.recovery_file.exists() and not doc.is_modified()


def test_clean_close_removes_recovery_and_stops(qtbot, folder):
    doc, ctl = make(qtbot, folder, interval=0.05)
    ctl.start()
    doc.add_company("A")
    ctl.autosave_now()
    ctl.clean_close()
    assert not ctl.recovery_file.exists() and not ctl.is_active()
    doc.add_company("B")
    assert ctl.autosave_now() is None  # closed: never writes again


def test_write_failure_is_reported_and_retried(qtbot, folder, monkeypatch):
    doc, ctl = make(qtbot, folder)
    doc.add_company("A")
    real = recovery.write_atomic

    def full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery, "write_atomic", full)
    with qtbot.waitSignal(ctl.failed, timeout=3000) as blocker:
        ctl.autosave_now()
    assert "No space left on device" in blocker.args[0] and doc.is_modified()
    monkeypatch.setattr(recovery, "write_atomic", real)
    with qtbot.waitSignal(ctl.saved, timeout=3000):
        assert ctl.autosave_now() is not None  # retried although nothing changed since
    assert ctl.last_error is None


def test_interval_comes_from_settings(qtbot, tmp_path):
    s = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    assert interval_from_settings(s) == 30
    s.setValue("autosave/interval_seconds", 5)
    assert interval_from_settings(s) == 5
    s.setValue("autosave/interval_seconds", "soon")
    assert interval_from_settings(s) == 30
    s.setValue("autosave/interval_seconds", 0)
    assert interval_from_settings(s) == 1


def test_restore_after_crash_opens_modified_with_original_path(qtbot, folder, tmp_path):
    path = tmp_path / "map.roundtrip"
    doc, ctl = make(qtbot, folder, path)
    doc.save()
    doc.add_company("Unsaved Co")
    ctl.autosave_now()
    left = crash(ctl)
    [entry] = recovery.list_recoveries(folder)
    assert entry.file == left and entry.display_name == "map.roundtrip"
    r = restore(entry, interval_s=30)
    assert r.document.is_modified() and r.document.path == path
    assert r.document.diagram == doc.diagram
    assert recovery.list_recoveries(folder) == []  # claimed by this program now
    # the restored document keeps its recovery file until it is saved or closed cleanly
    r.controller.autosave_now().result(5)
    assert r.controller.recovery_file.exists()
    r.document.save()
    r.controller.wait()
    assert native.load(path) == doc.diagram and not r.controller.recovery_file.exists()


def test_restore_of_damaged_file_leaves_it_for_later(qtbot, folder):
    folder.mkdir(parents=True)
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    bad = folder / f"{p.pid}-d3{recovery.SUFFIX}"
    bad.write_text('{"format": "roundtrip-recovery", "version": 1, "diagram": {"format": "roundtrip"}}')
    [entry] = recovery.list_recoveries(folder)
    restored, problems = apply_choices([(entry, RESTORE)])
    assert restored == [] and "version" in problems[0]
    assert bad.exists()


def test_dialog_restore_discard_later(qtbot, folder, monkeypatch):
    entries = []
    for name in ("one", "two", "three"):
        doc = Document(seed_diagram())
        doc.set_metadata(title=name)
        ctl = AutosaveController(doc, interval_s=30, folder=folder)
        ctl.autosave_now()
        crash(ctl)
    entries = recovery.list_recoveries(folder)
    dlg = RecoveryDialog(entries)
    qtbot.addWidget(dlg)
    assert dlg.tree.topLevelItemCount() == 3
    names = [e.display_name for e in entries]
    dlg.select([names.index("one")])
    dlg.restore_button.click()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Discard)
    dlg.select([names.index("two")])
    dlg.discard_button.click()
    assert dlg.tree.topLevelItemCount() == 1 and dlg.isVisible() is False
    dlg.later_button.click()
    actions = {e.display_name: a for e, a in dlg.choices()}
    assert actions == {"one": RESTORE, "two": DISCARD, "three": LATER}
    restored, problems = apply_choices(dlg.choices(), interval_s=30)
    assert problems == [] and [r.document.diagram.metadata.title for r in restored] == ["one"]
    left = recovery.list_recoveries(folder)
    assert [e.display_name for e in left] == ["three"]  # "later" stays for the next start


def test_offer_recovery_without_files_shows_nothing(qtbot, folder):
    assert offer_recovery(folder=folder) == []


def test_document_deleted_while_a_write_is_in_flight(qtbot, folder, monkeypatch):
    """The worker reports through the relay: a controller gone meanwhile is skipped, no crash."""
    import time

    import shiboken6

    real = recovery.write_atomic
    started = []

    def slow(path, data):
        started.append(path)
        time.sleep(0.2)
        real(path, data)

    monkeypatch.setattr(recovery, "write_atomic", slow)
    doc, ctl = make(qtbot, folder)
    doc.add_company("A")
    seen = []
    ctl.saved.connect(seen.append)
    job = ctl.autosave_now()
    qtbot.waitUntil(lambda: bool(started), timeout=3000)
    shiboken6.delete(doc)  # the controller is its child: both C++ objects go now
    assert not shiboken6.isValid(ctl)
    path, _seconds = job.result(5)  # the write itself finishes
    assert path.exists()
    qtbot.wait(100)  # the relay drops the report for the deleted controller
    assert seen == []


def test_relay_calls_live_receivers_on_the_gui_thread(qtbot):
    import threading

    from PySide6.QtCore import QObject

    from editor.background import relay

    class Receiver(QObject):
        def __init__(self):
            super().__init__()
            self.calls = []

        def note(self, value):
            self.calls.append((value, threading.current_thread() is threading.main_thread()))

    r = Receiver()
    handle = relay.handle(r)
    t = threading.Thread(target=relay.post, args=(handle, Receiver.note, 7))
    t.start()
    t.join()
    qtbot.waitUntil(lambda: r.calls == [(7, True)], timeout=2000)


def test_relay_refuses_method_names_and_bound_methods(qtbot):
    from PySide6.QtCore import QObject

    from editor.background import relay

    class Receiver(QObject):
        def note(self, value):
            pass

    r = Receiver()
    handle = relay.handle(r)
    with pytest.raises(TypeError):
        relay.post(handle, "note", 7)
    with pytest.raises(TypeError):
        relay.post(handle, r.note, 7)  # would keep the receiver alive from the worker thread
