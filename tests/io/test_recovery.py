"""Recovery files (Qt-free): writing, listing by owner liveness, claiming, damaged files."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from editor.io import native, recovery
from editor.io.native import FormatError
from tests.helpers import seed_diagram


def dead_pid() -> int:
    """The id of a process that has just exited (so it is not alive)."""
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def as_other_pid(path, pid: int):
    """Pretend ``path`` was written by process ``pid``."""
    target = path.with_name(f"{pid}-{path.name.split('-', 1)[1]}")
    os.rename(path, target)
    return target


def test_default_folder_is_per_user_and_env_overrides(monkeypatch, tmp_path):
    monkeypatch.delenv(recovery.ENV_DIR, raising=False)
    default = recovery.recovery_dir()
    assert default.name == "recovery" and "Roundtrip" in str(default)
    monkeypatch.setenv(recovery.ENV_DIR, str(tmp_path / "r"))
    assert recovery.recovery_dir() == tmp_path / "r"


def test_recovery_file_records_origin_name_time_and_diagram(tmp_path):
    when = dt.datetime(2025, 10, 2, 14, 3, 11, tzinfo=dt.UTC)
    d = seed_diagram()
    path = recovery.write_recovery(d.snapshot(), key="d1", original_path="/maps/ai.roundtrip",
                                   display_name="ai.roundtrip", folder=tmp_path, saved_at=when)
    assert path.name == f"{os.getpid()}-d1{recovery.SUFFIX}"
    data = json.loads(path.read_text("utf-8"))
    assert data["original_path"] == "/maps/ai.roundtrip" and data["display_name"] == "ai.roundtrip"
    assert data["saved_at"] == "2025-10-02T14:03:11+00:00" and data["pid"] == os.getpid()
    assert native.from_dict(data["diagram"]) == d
    loaded, orig, name = recovery.load_recovery(path)
    assert loaded == d and orig == "/maps/ai.roundtrip" and name == "ai.roundtrip"


def test_snapshot_and_diagram_give_the_same_bytes(tmp_path):
    d = seed_diagram()
    kw = dict(key="k", original_path=None, display_name="Untitled", saved_at=dt.datetime(2025, 1, 1), pid=1)
    assert recovery.recovery_bytes(d, **kw) == recovery.recovery_bytes(d.snapshot(), **kw)


def test_files_of_running_programs_are_not_listed(tmp_path):
    mine = recovery.write_recovery(seed_diagram(), key="d1", original_path=None, display_name="Untitled",
                                   folder=tmp_path)
    assert recovery.list_recoveries(tmp_path) == []  # this program is alive
    alive_other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        other = as_other_pid(mine, alive_other.pid)
        assert recovery.list_recoveries(tmp_path) == []  # another running instance: not stolen
        assert other.exists()
    finally:
        alive_other.kill()
        alive_other.wait()
    entries = recovery.list_recoveries(tmp_path)  # now its owner is gone: offered
    assert [e.file for e in entries] == [other]
    assert entries[0].display_name == "Untitled" and entries[0].original_path is None
    assert entries[0].problem is None


def test_listing_is_newest_first_and_ignores_other_files(tmp_path):
    pid = dead_pid()
    for key, hour in (("a", 9), ("b", 11), ("c", 10)):
        p = recovery.write_recovery(seed_diagram(), key=key, original_path=None, display_name=key,
                                    folder=tmp_path, saved_at=dt.datetime(2025, 1, 1, hour, tzinfo=dt.UTC))
        as_other_pid(p, pid)
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / f".{pid}-zz{recovery.SUFFIX}.abc.tmp").write_text("half")  # killed mid-write
    assert [e.display_name for e in recovery.list_recoveries(tmp_path)] == ["b", "c", "a"]
    assert not (tmp_path / f".{pid}-zz{recovery.SUFFIX}.abc.tmp").exists()  # dead writer's temp removed
    assert (tmp_path / "notes.txt").exists()


def test_missing_folder_lists_nothing(tmp_path):
    assert recovery.list_recoveries(tmp_path / "nope") == []


@pytest.mark.parametrize("content", [b"", b"\x00\xff garbage", b'{"format": "roundtrip-recovery"',
                                     b'{"format": "other"}',
                                     b'{"format": "roundtrip-recovery", "version": 99}'])
def test_damaged_files_are_listed_with_a_problem_and_never_load(tmp_path, content):
    path = tmp_path / f"{dead_pid()}-d1{recovery.SUFFIX}"
    path.write_bytes(content)
    [entry] = recovery.list_recoveries(tmp_path)
    assert entry.problem and entry.display_name
    with pytest.raises(FormatError):
        recovery.load_recovery(path)
    assert recovery.discard(entry) and not path.exists()


def test_recovery_file_with_bad_diagram_says_where(tmp_path):
    d = native.to_dict(seed_diagram())
    d["flows"][0]["amount"] = "lots"
    path = tmp_path / f"{dead_pid()}-d1{recovery.SUFFIX}"
    path.write_text(json.dumps({"format": "roundtrip-recovery", "version": 1, "diagram": d}))
    with pytest.raises(FormatError, match=r"flows\[0\]\.amount"):
        recovery.load_recovery(path)


def test_claim_is_taken_once(tmp_path):
    p = as_other_pid(recovery.write_recovery(seed_diagram(), key="d1", original_path=None,
                                             display_name="x", folder=tmp_path), dead_pid())
    [entry] = recovery.list_recoveries(tmp_path)
    first = recovery.claim(entry, "d900")
    assert first == tmp_path / recovery.file_name("d900") and first.exists() and not p.exists()
    assert recovery.claim(entry, "d901") is None  # a second program loses the race
    assert not recovery.discard(entry)


def test_bad_key_is_refused():
    with pytest.raises(ValueError):
        recovery.file_name("../evil")


def test_pid_liveness():
    assert recovery.pid_alive(os.getpid())
    assert not recovery.pid_alive(dead_pid())
    assert not recovery.pid_alive(0)
