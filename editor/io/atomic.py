"""Atomic file writes: the target is always either the old or the new complete file."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

#: A temporary file of the same target older than this (seconds) was left by a killed save.
STALE_TEMP_SECONDS = 60.0


class SaveError(OSError):
    """A save failed; the old file (if any) is untouched."""


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The temporary file is flushed and fsynced, then renamed over the target
    (an atomic replace on POSIX and Windows), then the folder is fsynced so the
    rename itself survives a power cut. On any failure the temporary file is
    removed and the old target is left exactly as it was.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise SaveError(f"cannot save {target}: the folder {folder} does not exist")
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as e:
        raise SaveError(f"cannot save {target}: {e.strerror or e}") from e
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise SaveError(f"cannot save {target}: {e.strerror or e} (folder {folder})") from e
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, target)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise SaveError(f"cannot save {target}: {e.strerror or e}") from e
        raise
    _fsync_dir(folder)
    remove_stale_temps(target)


def remove_stale_temps(path: str | os.PathLike, older_than: float = STALE_TEMP_SECONDS) -> int:
    """Delete ``.<name>.*.tmp`` files next to ``path`` left by saves that were killed.

    Readers never look at them (they only open the target). Only files older
    than ``older_than`` seconds go, so a save running at the same moment in
    another program keeps its temporary file. Returns how many were removed.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    prefix, removed, now = f".{target.name}.", 0, time.time()
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        try:
            if now - os.lstat(folder / name).st_mtime >= older_than:
                os.unlink(folder / name)
                removed += 1
        except OSError:
            pass
    return removed


def _read_umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


_UMASK = _read_umask()  # read once at import, before any worker thread exists


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
