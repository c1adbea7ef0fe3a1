"""Saves never lose the old file: failures at every step, and SIGKILL at random moments.

The kill test runs a child Python that saves (or autosaves) a big diagram
over and over, alternating two versions, and kills it with SIGKILL after a
random delay; the target must then be one of the two complete versions.
Default run: 2 kills of each kind (6 in all); long mode (``--long``): 100 each.
"""
from __future__ import annotations

import errno
import inspect
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from editor.editing.document import Document
from editor.io import atomic, native, recovery
from editor.io.atomic import SaveError, write_atomic
from editor.model import Company, Diagram, Flow
from tests.conftest import long_mode
from tests.helpers import seed_diagram

ROOT = Path(__file__).resolve().parents[2]


def big_diagram(version: int, n: int = 1000) -> Diagram:
    """A few MB of JSON; versions differ in every flow amount and in one title."""
    d = Diagram()
    d.set_metadata(title=f"version {version}")
    for i in range(n):
        d.add_company(Company(f"c{i}", f"Company {i} ünïcödé", "other", valuation=float(i), x=i, y=-i,
                              notes="n" * 40))
    for j in range(2 * n):
        d.add_flow(Flow(f"f{j}", f"c{j % n}", f"c{(j * 7 + 1) % n}", "equity", float(j + version),
                        note="note " * 8))
    return d


# The child gets the same builder as source, so it does not import pytest or Qt.
CHILD = ("from editor.model import Company, Diagram, Flow\n" + inspect.getsource(big_diagram)
         + textwrap.dedent("""
    import sys
    from editor.io import native
    from editor.io import recovery
    from editor.io.atomic import write_atomic
    mode, target = sys.argv[1], sys.argv[2]
    versions = [big_diagram(1), big_diagram(2)]
    snaps = [v.snapshot() for v in versions]
    data = [native.dumps(v).encode("utf-8") for v in versions]
    print("ready", flush=True)
    i = 1
    while True:
        if mode == "save":
            native.save(versions[i % 2], target)
        elif mode == "write":  # only the atomic write: kills land in write, fsync or rename
            write_atomic(target, data[i % 2])
        else:
            recovery.write_recovery(snaps[i % 2], key="d1", original_path=None, display_name="big",
                                    folder=target)
        i += 1
"""))


def _kill_rounds() -> int:
    """Kills per mode: 100 in long mode; 2 by default (6 in all over the three modes)."""
    return 100 if long_mode() else 2


@pytest.fixture(scope="module")
def versions():
    return big_diagram(1), big_diagram(2)


def _run_and_kill(mode: str, target: Path, delay: float) -> None:
    """Start a child that saves in a loop and SIGKILL it ``delay`` seconds after it is ready."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, mode, str(target)], cwd=ROOT,
                             stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert child.stdout.readline().strip() == b"ready"
        time.sleep(delay)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("mode", ["save", "write", "autosave"])
def test_sigkill_during_save_leaves_old_or_new_file(tmp_path, versions, mode):
    a, b = versions
    t0 = time.perf_counter()
    if mode == "write":
        write_atomic(tmp_path / "probe.roundtrip", native.dumps(a).encode("utf-8"))
    else:
        native.save(a, tmp_path / "probe.roundtrip")
    one_save = time.perf_counter() - t0
    if mode != "autosave":
        target = tmp_path / "big.roundtrip"
        native.save(a, target)
    else:
        target = tmp_path / "recovery"
        recovery.write_recovery(a.snapshot(), key="d1", original_path=None, display_name="big", folder=target)
    rng = random.Random(20251002)
    seen = {1: 0, 2: 0}
    leftovers = 0
    rounds = _kill_rounds()
    for _ in range(rounds):
        _run_and_kill(mode, target, rng.uniform(0, 4 * one_save))
        if mode != "autosave":
            loaded = [native.load(target)]
            temps = [p for p in tmp_path.iterdir() if p.name.startswith(".big.roundtrip.")]
        else:
            # every child writes its own <pid>-d1 file: it must be complete if it exists
            files = [p for p in target.iterdir() if p.name.endswith(recovery.SUFFIX)]
            loaded = [recovery.load_recovery(p)[0] for p in files]
            assert loaded
            for p in files[:-1] if len(files) > 1 else ():  # checked; keep the folder small
                p.unlink()
            temps = [p for p in target.iterdir() if p.name.endswith(".tmp")]
        for one in loaded:
            assert one in (a, b), "the file is neither the old nor the new version"
            seen[1 if one == a else 2] += 1
        leftovers += bool(temps)
        for p in temps:  # what a later session sees: readers ignore these; they are cleaned up
            os.utime(p, (0, 0))
    print(f"\n{mode}: {rounds} kills, one save {one_save * 1000:.0f} ms, versions seen {seen}, "
          f"rounds with a half-written temp file {leftovers}")
    if mode != "autosave":
        native.save(a, target)  # the next successful save removes the stale temp files
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    else:
        recovery.list_recoveries(target)  # listing removes temps of dead writers
        assert not [p for p in target.iterdir() if p.name.endswith(".tmp")]


# ----------------------------------------------------------------- failures
@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "map.roundtrip"
    native.save(seed_diagram(), path)
    return path, path.read_bytes()


def _no_temps(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def _enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("where", ["write", "fsync", "replace", "chmod"])
def test_disk_full_or_refused_keeps_old_file(saved, monkeypatch, where):
    path, before = saved
    if where == "write":
        monkeypatch.setattr(os, "fdopen", lambda fd, mode: _FullFile(fd))
    elif where == "fsync":
        monkeypatch.setattr(os, "fsync", _enospc)
    elif where == "replace":
        def refuse(*a, **k):
            raise PermissionError(errno.EACCES, "Permission denied")
        monkeypatch.setattr(os, "replace", refuse)
    else:
        monkeypatch.setattr(os, "chmod", _enospc)
    with pytest.raises(SaveError) as info:
        native.save(Diagram(), path)
    assert str(path) in str(info.value)
    assert ("No space left" in str(info.value)) or ("Permission denied" in str(info.value))
    monkeypatch.undo()
    assert path.read_bytes() == before and _no_temps(path.parent)


class _FullFile:
    """A file object whose write fails like a full disk (and which closes its fd)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        os.close(self.fd)
        return False

    def write(self, data):
        _enospc()


def test_vanished_folder_is_reported(tmp_path):
    with pytest.raises(SaveError, match="does not exist"):
        write_atomic(tmp_path / "gone" / "map.roundtrip", b"x")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores permission bits")
def test_read_only_folder_keeps_old_file(saved):
    path, before = saved
    os.chmod(path.parent, 0o555)
    try:
        with pytest.raises(SaveError):
            native.save(Diagram(), path)
    finally:
        os.chmod(path.parent, 0o755)
    assert path.read_bytes() == before


def test_document_stays_open_and_modified_after_failed_save(saved, monkeypatch):
    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 - signals need an app
    path, before = saved
    doc = Document.open(path)
    doc.add_company("Unsaved Co")
    monkeypatch.setattr(os, "fsync", _enospc)
    with pytest.raises(SaveError, match="No space left"):
        doc.save()
    with pytest.raises(SaveError):
        doc.save(path.parent / "elsewhere.roundtrip")
    monkeypatch.undo()
    assert doc.is_modified() and doc.path == path
    assert doc.diagram.find_company("Unsaved Co") is not None
    assert path.read_bytes() == before and not (path.parent / "elsewhere.roundtrip").exists()
    doc.save()  # and once the disk has room again, saving works
    assert not doc.is_modified() and native.load(path) == doc.diagram


def test_stale_temps_only_old_ones_are_removed(tmp_path):
    target = tmp_path / "m.roundtrip"
    old = tmp_path / ".m.roundtrip.abc.tmp"
    fresh = tmp_path / ".m.roundtrip.def.tmp"
    other = tmp_path / ".other.roundtrip.x.tmp"
    for p in (old, fresh, other):
        p.write_bytes(b"half")
    os.utime(old, (0, 0))
    os.utime(other, (0, 0))
    write_atomic(target, b"{}")
    assert not old.exists() and fresh.exists() and other.exists()
    assert atomic.remove_stale_temps(target, older_than=0) == 1 and not fresh.exists()
