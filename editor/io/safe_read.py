"""Reading input files safely: regular files only, never more than the limit (no Qt).

Every reader goes through here. A FIFO would block until another program
writes to it, and ``/dev/zero`` or ``/dev/urandom`` never end, so anything
that is not a regular file is refused before a byte is read; the file is
opened without blocking and checked again on the open descriptor (it may
have been swapped since), and at most ``limit + 1`` bytes are read, so a
file that grows while it is read cannot exhaust memory either.
"""
from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from editor.io.errors import InputError
from editor.model.texts import msg

_KINDS = (
    (stat.S_ISDIR, msg("a folder")),
    (stat.S_ISFIFO, msg("a named pipe (FIFO)")),
    (stat.S_ISCHR, msg("a device")),
    (stat.S_ISBLK, msg("a device")),
    (stat.S_ISSOCK, msg("a socket")),
)


_watch = threading.local()


@contextmanager
def watched(report: Callable[[int, int, str], None]) -> Iterator[None]:
    """Within the block, this thread's reads call ``report(done, total, unit)`` as they go ("bytes" or
    "rows"; total 0 when not known). ``report`` may raise to stop the read (a cancelled open)."""
    previous = getattr(_watch, "report", None)
    _watch.report = report
    try:
        yield
    finally:
        _watch.report = previous


def progress(done: int, total: int, unit: str) -> None:
    """Tell the watcher of this thread's read (if any) how far it got."""
    report = getattr(_watch, "report", None)
    if report is not None:
        report(done, total, unit)


def not_regular(mode: int) -> str | None:
    """What the file is when it is not a regular file (``"a named pipe (FIFO)"``), else None."""
    if stat.S_ISREG(mode):
        return None
    for test, name in _KINDS:
        if test(mode):
            return name
    return msg("not a regular file")


class UnsafeInput(InputError):
    """A file refused before reading; ``reason`` is the message without the file's name."""

    def __init__(self, where: object, reason: str) -> None:
        self.reason = reason
        super().__init__(msg("{where}: {reason}", where=where, reason=reason))


def _refusal(path: Path, kind: str) -> InputError:
    return UnsafeInput(path, msg("this is {kind}, not a file; Roundtrip reads only regular files", kind=kind))


def _too_large(path: Path, size: str, limit: int, what: str) -> InputError:
    shown_limit = megabytes(limit)
    if size == shown_limit:  # just over the limit: the rounded sizes would read the same
        size, shown_limit = msg("over the limit"), msg("{count} bytes", count=f"{limit:,}")
    return UnsafeInput(path.name, msg("the file is {size}; Roundtrip {what} up to {shown_limit}",
                                      size=size, what=what, shown_limit=shown_limit))


def megabytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    return msg("{count} bytes", count=f"{size:,}")


def check_regular(path: str | os.PathLike, limit: int | None = None, what: str = msg("reads files")) -> int:
    """The size of ``path`` after checking it is a regular file within ``limit``; else InputError."""
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise UnsafeInput(p, msg("no such file")) from None
    except OSError as e:
        raise UnsafeInput(p, msg("cannot read the file: {reason}", reason=e.strerror or e)) from None
    kind = not_regular(st.st_mode)
    if kind:
        raise _refusal(p, kind)
    if limit is not None and st.st_size > limit:
        raise _too_large(p, megabytes(st.st_size), limit, what)
    return st.st_size


def read_limited(path: str | os.PathLike, limit: int, what: str = msg("reads files")) -> bytes:
    """The bytes of the regular file ``path``, refusing it when it holds more than ``limit`` bytes.

    Never blocks on a FIFO and never reads more than ``limit + 1`` bytes.
    """
    p = Path(path)
    size = check_regular(p, limit, what)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise UnsafeInput(p, msg("no such file")) from None
    except OSError as e:
        raise UnsafeInput(p, msg("cannot read the file: {reason}", reason=e.strerror or e)) from None
    try:
        kind = not_regular(os.fstat(fd).st_mode)  # swapped for a FIFO or device after the first look?
        if kind:
            raise _refusal(p, kind)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 22))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
            progress(limit + 1 - left, size, "bytes")
    except OSError as e:
        raise UnsafeInput(p, msg("cannot read the file: {reason}", reason=e.strerror or e)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise _too_large(p, msg("larger than {limit}", limit=megabytes(limit)), limit, what)
    return data
