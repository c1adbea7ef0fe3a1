"""Nothing lost: two windows on one file, files changed on disk, save and close failures."""
from __future__ import annotations

import json
import os
import socket

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from editor import settings
from editor.app import file_guard
from editor.app.mainwindow import MainWindow
from editor.dialogs import messages
from editor.editing.document import Document
from editor.io import lock, native
from editor.model import Company
from tests.helpers import seed_diagram


@pytest.fixture(autouse=True)
def dialogs(tmp_path, monkeypatch):
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    settings.clear_all()
    rec = type("Rec", (), {})()
    rec.errors, rec.conflicts, rec.choices = [], [], []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text, problems=(): rec.errors.append(
        (title, text, list(problems))))
    monkeypatch.setattr(messages, "ask_save_changes", lambda *a: QMessageBox.StandardButton.Save)

    def conflict(parent, name, reason):
        rec.conflicts.append(reason)
        return rec.choices.pop(0) if rec.choices else file_guard.CANCEL

    monkeypatch.setattr(file_guard, "ask_conflict", conflict)
    return rec


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "map.roundtrip"
    native.save(seed_diagram(), path)
    return path


def _window(qtbot, path):
    w = MainWindow(Document.open(path), autosave_enabled=False)
    qtbot.addWidget(w)
    return w


def _save_outside_edit(path):
    """Another program writes the file: the seed plus Intel."""
    outside = seed_diagram()
    outside.add_company(Company("intel", "Intel", "chipmaker", x=9, y=9))
    native.save(outside, path)


def _close(w):
    w.document.undo_stack.setClean()
    w.shutdown()


def test_the_open_file_is_locked_and_unlocked_on_close(qtbot, saved):
    w = _window(qtbot, saved)
    assert lock.read_lock(saved) is not None and lock.lock_path(saved).exists()
    _close(w)
    assert not lock.lock_path(saved).exists()


def test_a_file_changed_on_disk_is_not_overwritten_silently(qtbot, saved, dialogs):
    w = _window(qtbot, saved)
    _save_outside_edit(saved)
    w.document.add_company("Mine")
    assert not w.files.save()  # Cancel
    assert dialogs.conflicts and "changed by another program" in dialogs.conflicts[0]
    assert native.load(saved).find_company("Intel") is not None  # their edit is still there
    dialogs.choices.append(file_guard.OVERWRITE)
    assert w.files.save()
    assert native.load(saved).find_company("Mine") is not None
    w.document.add_company("Again")
    assert w.files.save() and len(dialogs.conflicts) == 2  # our own save is not a change from outside
    _close(w)


def test_reload_takes_the_version_on_disk(qtbot, saved, dialogs):
    w = _window(qtbot, saved)
    _save_outside_edit(saved)
    w.document.add_company("Mine")
    dialogs.choices.append(file_guard.RELOAD)
    assert not w.files.save()
    assert w.document.diagram.find_company("Intel") is not None
    assert w.document.diagram.find_company("Mine") is None and not w.document.is_modified()
    _close(w)


def test_two_windows_on_one_file_the_second_save_asks(qtbot, saved, dialogs, monkeypatch):
    first = _window(qtbot, saved)
    second = _window(qtbot, saved)
    first.document.add_company("From first")
    assert first.files.save()
    second.document.add_company("From second")
    assert not second.files.save()  # asked, cancelled
    assert native.load(saved).find_company("From first") is not None
    dialogs.choices.append(file_guard.SAVE_AS)
    other = saved.with_name("copy.roundtrip")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    assert second.files.save()
    assert native.load(saved).find_company("From first") is not None
    assert native.load(other).find_company("From second") is not None
    _close(first)
    _close(second)


def test_a_lock_held_by_another_live_process_is_reported(qtbot, saved, dialogs):
    lock.lock_path(saved).write_text(json.dumps({"user": "ann", "host": socket.gethostname(),
                                                  "pid": os.getppid(), "since": ""}))
    w = _window(qtbot, saved)
    assert "already open elsewhere" in w.statusBar().currentMessage()
    w.document.add_company("Mine")
    assert not w.files.save() and "open elsewhere" in dialogs.conflicts[-1]
    _close(w)
    assert lock.read_lock(saved).user == "ann"  # their lock is left alone


def test_an_unexpected_save_failure_keeps_the_window_and_says_so(qtbot, saved, dialogs, monkeypatch):
    w = _window(qtbot, saved)
    w.show()
    w.document.add_company("Mine")

    def boom(*a, **k):
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(Document, "save", boom)
    assert not w.files.save()
    assert dialogs.errors and "UnicodeEncodeError" in dialogs.errors[-1][1]
    assert not w.close()  # close → Save → fails: the window stays
    assert w.isVisible() and w.document.is_modified()
    _close(w)


def test_an_exception_while_closing_keeps_the_window(qtbot, saved, dialogs, monkeypatch):
    w = _window(qtbot, saved)
    w.show()
    w.document.add_company("Mine")
    monkeypatch.setattr(w.files, "maybe_save", lambda: 1 / 0)
    assert not w.close()
    assert w.isVisible() and dialogs.errors[-1][0] == "Cannot Close"
    _close(w)


def test_a_file_changed_outside_is_announced(qtbot, saved):
    w = _window(qtbot, saved)
    got = []
    w.files.guard.changedOutside.connect(got.append)
    saved.write_text(saved.read_text().replace("NVIDIA", "NVIDIA Corp"))
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert "changed by another program" in got[0]
    _close(w)


def test_open_recent_keeps_a_path_whose_bytes_are_not_utf8(tmp_path):
    odd = os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.roundtrip")
    settings.add_recent_file(odd)
    assert settings.recent_files()[0] == odd
    assert os.fsencode(settings.recent_files()[0]).endswith(b"caf\xe9.roundtrip")
    settings.remove_recent_file(odd)
    assert odd not in settings.recent_files()


def test_import_says_at_once_when_the_diagram_could_not_be_saved(qtbot, tmp_path, dialogs, monkeypatch):
    from types import SimpleNamespace

    from editor.dialogs import import_dialog

    w = MainWindow(Document(seed_diagram(), None), autosave_enabled=False)
    qtbot.addWidget(w)
    source = tmp_path / "flows.csv"
    source.write_text("source,target,amount\nA,B,1\n")
    monkeypatch.setattr(import_dialog.ImportDialog, "run",
                        staticmethod(lambda *a: SimpleNamespace(diagram=seed_diagram(), summary="")))
    monkeypatch.setattr(native, "MAX_FILE_SIZE", 200)
    assert w.files.import_path(source, prompt=False)
    assert dialogs.errors and dialogs.errors[-1][0] == "Too Large for a Roundtrip File"
    assert "opens diagrams up to" in dialogs.errors[-1][1]
    assert w.document.diagram.find_company("NVIDIA") is not None  # imported all the same
    assert not w.files._save_to(tmp_path / "out.roundtrip")  # and Save refuses, with the numbers
    assert dialogs.errors[-1][0] == "Cannot Save"
    assert "reads diagrams up to 200 bytes" in dialogs.errors[-1][1]
    assert not (tmp_path / "out.roundtrip").exists()
    _close(w)
