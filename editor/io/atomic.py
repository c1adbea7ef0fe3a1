"""Atomic file writes: the target is always either the old or the new complete file."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


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
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise SaveError(f"cannot save {target}: {e.strerror or e}") from e
        raise
    _fsync_dir(folder)


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
