"""Atomic file writes: the target is always either the old or the new complete file."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

from editor.model.texts import msg

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
    target = resolve_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    if _hard_linked(target):
        _write_in_place(target, folder, data)
        return
    if not folder.is_dir():
        raise SaveError(msg("cannot save {target}: the folder {folder} does not exist",
                            target=target, folder=folder))
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as e:
        raise SaveError(msg("cannot save {target}: {reason}", target=target, reason=e.strerror or e)) from e
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise SaveError(msg("cannot save {target}: {reason} (folder {folder})",
                            target=target, reason=e.strerror or e, folder=folder)) from e
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
            raise SaveError(msg("cannot save {target}: {reason}",
                                target=target, reason=e.strerror or e)) from e
        raise
    _fsync_dir(folder)
    remove_stale_temps(target)


def resolve_target(path: str | os.PathLike) -> Path:
    """The file a save really writes: a symbolic link is followed, so the link stays a link
    and the file it points to gets the new content (a dangling link creates its target)."""
    p = Path(path)
    if not p.is_symlink():
        return p
    return Path(os.path.realpath(p))


def _hard_linked(target: Path) -> bool:
    try:
        st = os.stat(target)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and st.st_nlink > 1


def _write_in_place(target: Path, folder: Path, data: bytes) -> None:
    """Save a file that has other hard links without splitting them.

    A rename would give this name a new file and leave the other names on the
    old content, so the new content is first written and fsynced to a
    temporary copy (a kept backup if the rewrite is interrupted), then copied
    into the existing file, which every name shares.
    """
    backup: str | None = None
    try:
        fd, backup = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as e:
        if backup:
            with contextlib.suppress(OSError):
                os.unlink(backup)
        raise SaveError(msg("cannot save {target}: {reason}", target=target, reason=e.strerror or e)) from e
    try:
        with open(target, "r+b") as fh:
            fh.write(data)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as e:
        raise SaveError(msg("cannot save {target}: {reason} (the new content is kept in {backup})",
                            target=target, reason=e.strerror or e, backup=backup)) from e
    with contextlib.suppress(OSError):
        os.unlink(backup)


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
