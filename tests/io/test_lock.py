"""Lock files next to open documents, stale locks, and stamps of what was read."""
from __future__ import annotations

import json
import os
import socket

from editor.io import lock


def test_lock_is_taken_recognised_and_released(tmp_path):
    doc = tmp_path / "map.roundtrip"
    doc.write_text("{}")
    assert lock.acquire(doc) is None
    lp = lock.lock_path(doc)
    assert lp.name == ".~lock.map.roundtrip#" and lp.exists()
    assert lock.held_elsewhere(doc) is None  # our own lock
    assert lock.release(doc) and not lp.exists()


def _foreign_lock(doc, pid, host=None):
    lock.lock_path(doc).write_text(json.dumps({"user": "ann", "host": host or socket.gethostname(),
                                                "pid": pid, "since": "2026-01-01T00:00:00"}))


def test_a_live_lock_of_another_process_is_reported_and_kept(tmp_path):
    doc = tmp_path / "map.roundtrip"
    doc.write_text("{}")
    _foreign_lock(doc, os.getppid())  # the parent process runs
    owner = lock.acquire(doc)
    assert owner is not None and owner.user == "ann" and "ann" in owner.describe()
    assert not lock.release(doc)  # not ours: left in place
    assert lock.read_lock(doc) == owner


def test_a_stale_lock_is_taken_over(tmp_path):
    doc = tmp_path / "map.roundtrip"
    doc.write_text("{}")
    _foreign_lock(doc, 2**22 + 12345)  # no such process
    assert lock.held_elsewhere(doc) is None
    assert lock.acquire(doc) is None
    assert lock.read_lock(doc).pid == os.getpid()


def test_an_old_lock_from_another_machine_is_stale(tmp_path):
    doc = tmp_path / "map.roundtrip"
    doc.write_text("{}")
    _foreign_lock(doc, 1, host="elsewhere.example")
    assert lock.held_elsewhere(doc) is not None
    old = os.stat(lock.lock_path(doc)).st_mtime - lock.STALE_AFTER_SECONDS - 10
    os.utime(lock.lock_path(doc), (old, old))
    assert lock.held_elsewhere(doc) is None


def test_a_garbage_lock_file_is_ignored(tmp_path):
    doc = tmp_path / "map.roundtrip"
    lock.lock_path(doc).write_bytes(b"\x00not json")
    assert lock.read_lock(doc) is None and lock.acquire(doc) is None


def test_stamps_see_content_changes_not_touches(tmp_path):
    doc = tmp_path / "map.roundtrip"
    doc.write_text("one")
    before = lock.stamp(doc)
    assert not lock.changed_since(doc, before)
    os.utime(doc, None)
    st = os.stat(doc)
    os.utime(doc, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert not lock.changed_since(doc, before)  # same bytes
    doc.write_text("two")
    assert lock.changed_since(doc, before)
    doc.unlink()
    assert lock.changed_since(doc, before)
    assert lock.changed_since(doc, None) is False


def test_lock_of_a_symlinked_document_sits_by_the_real_file(tmp_path):
    real = tmp_path / "real.roundtrip"
    real.write_text("{}")
    link = tmp_path / "link.roundtrip"
    link.symlink_to(real)
    assert lock.lock_path(link) == lock.lock_path(real)
