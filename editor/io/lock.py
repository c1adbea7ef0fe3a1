"""Who has a diagram open, and whether its file changed since it was read (no Qt).

Two guards keep the last writer from silently winning:

* a **lock file** ``.~lock.NAME#`` next to the open document (the convention of
  LibreOffice) says which user, machine and process hold it; it is removed when
  the document is closed. A lock left by a process that no longer runs on this
  machine, or one older than :data:`STALE_AFTER_SECONDS` from another machine,
  is stale and taken over;
* a **stamp** (modification time, size and SHA-256 of the content) taken when
  the file was read or written: before a save, a different stamp means another
  program changed the file.
"""
from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from editor.io.atomic import resolve_target
from editor.model.texts import msg

#: A lock from another machine older than this is taken to be left over (a week).
STALE_AFTER_SECONDS = 7 * 24 * 3600.0
#: Lock files larger than this are not read (they are not ours).
_MAX_LOCK_SIZE = 4096

# getpass, hashlib, platform and datetime are imported where used: a window takes its lock right
# after its first paint, and the modules loaded before it are spared them.


def lock_path(path: str | os.PathLike) -> Path:
    target = resolve_target(path)
    return target.with_name(f".~lock.{target.name}#")


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        user = self.user or msg("someone")
        host = self.host or msg("another computer")
        if self.since:
            return msg("{user} on {host} (process {pid}) since {since}", user=user, host=host, pid=self.pid,
                       since=self.since)
        return msg("{user} on {host} (process {pid})", user=user, host=host, pid=self.pid)


def _host() -> str:
    """This computer's name (``socket.gethostname()``; through ``platform``, which is loaded already,
    rather than importing ``socket``)."""
    import platform

    return platform.node()


def _me() -> LockOwner:
    import datetime as _dt
    import getpass

    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in this environment
        user = ""
    return LockOwner(user, _host(), os.getpid(),
                     _dt.datetime.now().astimezone().isoformat(timespec="seconds"))


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    except OSError:
        return False
    return True


def read_lock(path: str | os.PathLike) -> LockOwner | None:
    """The owner written in the lock file of ``path``, or None when there is none (or it is unreadable)."""
    lp = lock_path(path)
    try:
        if lp.stat().st_size > _MAX_LOCK_SIZE:
            return None
        data = json.loads(lp.read_text(encoding="utf-8"))
        return LockOwner(str(data.get("user", "")), str(data.get("host", "")), int(data.get("pid", 0)),
                         str(data.get("since", "")))
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def is_stale(owner: LockOwner, lock_file: Path) -> bool:
    """A lock whose process is gone (same machine) or which is very old (another machine)."""
    if owner.host == _host():
        return not _pid_alive(owner.pid)
    import time

    try:
        age = time.time() - lock_file.stat().st_mtime
    except OSError:
        return True
    return age > STALE_AFTER_SECONDS


def held_elsewhere(path: str | os.PathLike) -> LockOwner | None:
    """Who else has ``path`` open now (a live lock that is not ours), or None."""
    owner = read_lock(path)
    if owner is None:
        return None
    me = _me()
    if owner.host == me.host and owner.pid == me.pid:
        return None
    return None if is_stale(owner, lock_path(path)) else owner


def acquire(path: str | os.PathLike) -> LockOwner | None:
    """Write our lock next to ``path``; returns the other live owner (lock left alone) or None (ours now)."""
    other = held_elsewhere(path)
    if other is not None:
        return other
    me = _me()
    lp = lock_path(path)
    text = json.dumps({"user": me.user, "host": me.host, "pid": me.pid, "since": me.since})
    with contextlib.suppress(OSError):  # a read-only folder: no lock, the stamp still guards saves
        tmp = lp.with_name(lp.name + f".{me.pid}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, lp)
    return None


def release(path: str | os.PathLike) -> bool:
    """Remove the lock of ``path`` if it is ours; True when removed."""
    owner = read_lock(path)
    me = _me()
    if owner is None or owner.host != me.host or owner.pid != me.pid:
        return False
    try:
        lock_path(path).unlink()
    except OSError:
        return False
    return True


# ------------------------------------------------------------------- stamps
@dataclass(frozen=True)
class FileStamp:
    mtime_ns: int
    size: int
    sha256: str


def _digest(path: Path) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def stamp(path: str | os.PathLike) -> FileStamp | None:
    """The stamp of the regular file ``path`` now, or None when there is no such file."""
    p = resolve_target(path)
    try:
        st = os.stat(p)
        if not os.path.isfile(p):
            return None
        return FileStamp(st.st_mtime_ns, st.st_size, _digest(p))
    except OSError:
        return None


def changed_since(path: str | os.PathLike, before: FileStamp | None) -> bool:
    """True when the file at ``path`` is not the one stamped ``before`` (changed, replaced or deleted).

    Only the content counts: a touch that keeps the bytes is not a change.
    """
    p = resolve_target(path)
    try:
        st = os.stat(p)
    except OSError:
        return before is not None  # deleted since it was read
    if before is None:
        return True  # created by someone else since
    if st.st_mtime_ns == before.mtime_ns and st.st_size == before.size:
        return False
    if st.st_size != before.size:
        return True
    try:
        return _digest(p) != before.sha256
    except OSError:
        return True
