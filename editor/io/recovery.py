"""Recovery files: what autosave writes while a document has unsaved changes.

A recovery file is a small JSON wrapper around the native diagram format::

    {"format": "roundtrip-recovery", "version": 1, "pid": 4242, "key": "d1",
     "original_path": "/home/ana/ai-map.roundtrip" or null, "display_name": "ai-map.roundtrip",
     "saved_at": "2025-10-02T14:03:11+00:00", "diagram": {...native document...}}

Files live in one folder per user (``platformdirs.user_data_dir("Roundtrip")/recovery``,
or ``$ROUNDTRIP_RECOVERY_DIR``) and are named ``<pid>-<key>.rtrecovery``. The pid
says which running program owns a file: listing skips files whose program is
still alive, so two running instances never offer (or delete) each other's
work. A file whose program is gone is left over from a crash or a kill and is
offered for restoring at the next start. Restoring or discarding first
*claims* the file with an atomic rename, so two programs starting together
cannot both take it. Writes go through :func:`editor.io.atomic.write_atomic`,
so a recovery file is always complete. No Qt here.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.io import native
from editor.io.atomic import write_atomic
from editor.io.errors import InputError
from editor.io.safe_read import read_limited
from editor.model import Category, Company, Diagram, Flow, FlowType, Snapshot
from editor.model.texts import msg

RECOVERY_FORMAT = "roundtrip-recovery"
RECOVERY_VERSION = 1
SUFFIX = ".rtrecovery"
ENV_DIR = "ROUNDTRIP_RECOVERY_DIR"
#: Recovery files larger than this are not read (they are still listed, and can be discarded).
MAX_RECOVERY_SIZE = 2 * native.MAX_FILE_SIZE
_NAME_RE = re.compile(r"^(\d+)-([A-Za-z0-9_]+)" + re.escape(SUFFIX) + "$")


def recovery_dir() -> Path:
    """The folder of recovery files (not created here)."""
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Roundtrip", appauthor=False)) / "recovery"


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs (or might: when in doubt, say alive)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - Windows only; os.kill(pid, 0) would send CTRL_C there
        import ctypes

        windll: Any = getattr(ctypes, "windll")  # noqa: B009  (Windows only: unknown to type checks elsewhere)
        handle = windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ok = windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        windll.kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except OSError:
        return True
    return True


class _SnapshotView:
    """Lets :func:`editor.io.native.to_dict` read an immutable snapshot like a diagram."""

    def __init__(self, snap: Snapshot) -> None:
        self._s = snap
        self.metadata = snap.metadata

    def flow_types(self) -> tuple[FlowType, ...]:
        return self._s.flow_types

    def categories(self) -> tuple[Category, ...]:
        return self._s.categories

    def companies(self) -> tuple[Company, ...]:
        return self._s.companies

    def flows(self) -> tuple[Flow, ...]:
        return self._s.flows


def recovery_bytes(content: Diagram | Snapshot, *, key: str, original_path: str | os.PathLike | None,
                   display_name: str, saved_at: _dt.datetime | None = None, pid: int | None = None) -> bytes:
    """The bytes of a recovery file (pure: safe to call in a worker thread on a snapshot)."""
    source = _SnapshotView(content) if isinstance(content, Snapshot) else content
    when = (saved_at or _dt.datetime.now(_dt.UTC)).isoformat(timespec="seconds")
    wrapper = {
        "format": RECOVERY_FORMAT, "version": RECOVERY_VERSION,
        "pid": os.getpid() if pid is None else pid, "key": key,
        "original_path": None if original_path is None else str(original_path),
        "display_name": display_name, "saved_at": when,
    }
    diagram = native._clean_floats(native.to_dict(source))  # type: ignore[arg-type]
    head = json.dumps(wrapper, ensure_ascii=False)[:-1]
    text = head + ', "diagram": ' + _chunked_json(diagram) + "}\n"
    # Never write a recovery file that listing would call damaged or too large.
    return native.encoded(text, display_name, MAX_RECOVERY_SIZE, msg("recovery file"))


def _chunked_json(doc: dict[str, Any]) -> str:
    """JSON of a document, one record per ``json.dumps`` call.

    The C encoder keeps the GIL for a whole call; encoding record by record
    lets the GUI thread run between records, so a big autosave never freezes it.
    """
    def one(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)

    parts = []
    for key, value in doc.items():
        body = "[" + ", ".join(one(v) for v in value) + "]" if isinstance(value, list) else one(value)
        parts.append(f"{one(key)}: {body}")
    return "{" + ", ".join(parts) + "}"


def file_name(key: str, pid: int | None = None) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_]+", key):
        raise ValueError(f"recovery key must be letters, digits or _, got {key!r}")
    return f"{os.getpid() if pid is None else pid}-{key}{SUFFIX}"


def write_recovery(content: Diagram | Snapshot, *, key: str, original_path: str | os.PathLike | None,
                   display_name: str, folder: str | os.PathLike | None = None,
                   saved_at: _dt.datetime | None = None) -> Path:
    """Write (atomically) this program's recovery file for document ``key``; returns its path."""
    target_dir = Path(folder) if folder else recovery_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / file_name(key)
    data = recovery_bytes(content, key=key, original_path=original_path, display_name=display_name,
                          saved_at=saved_at)
    write_atomic(target, data)
    return target


def remove_recovery(path: str | os.PathLike) -> bool:
    """Delete a recovery file; False when it was already gone."""
    try:
        os.unlink(path)
        return True
    except FileNotFoundError:
        return False


@dataclass(frozen=True)
class RecoveryEntry:
    """A recovery file left by a program that is no longer running."""

    file: Path
    pid: int
    key: str
    display_name: str
    original_path: str | None
    saved_at: _dt.datetime | None
    #: Why the file cannot be restored (damaged, too large), or None.
    problem: str | None = None

    def saved_at_text(self) -> str:
        if self.saved_at is None:
            return msg("unknown time")
        return self.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _read_wrapper(path: Path) -> dict[str, Any]:
    try:
        raw = read_limited(path, MAX_RECOVERY_SIZE, "reads recovery files")
    except InputError as e:
        raise native.FormatError([str(e)], path) from None
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=native._reject_constant,
                          parse_int=native._parse_int)
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise native.FormatError([msg("the recovery file is damaged ({reason})",
                                      reason=type(e).__name__)], path) from None
    if not isinstance(data, dict) or data.get("format") != RECOVERY_FORMAT:
        raise native.FormatError([msg("this is not a Roundtrip recovery file")], path)
    if data.get("version") != RECOVERY_VERSION:
        raise native.FormatError([msg("recovery format version {version} is not supported",
                                      version=repr(data.get("version")))], path)
    return data


def _entry(path: Path, pid: int, key: str) -> RecoveryEntry:
    try:
        data = _read_wrapper(path)
    except (native.FormatError, OSError) as e:
        return RecoveryEntry(path, pid, key, path.name, None, _mtime(path), problem=str(e))
    name = data.get("display_name")
    orig = data.get("original_path")
    when: _dt.datetime | None
    try:
        when = _dt.datetime.fromisoformat(data["saved_at"])
    except (KeyError, TypeError, ValueError):
        when = _mtime(path)
    problem = None if isinstance(data.get("diagram"), dict) else "the recovery file holds no diagram"
    return RecoveryEntry(path, pid, key, name if isinstance(name, str) and name else "Untitled",
                         orig if isinstance(orig, str) and orig else None, when, problem)


def _mtime(path: Path) -> _dt.datetime | None:
    try:
        return _dt.datetime.fromtimestamp(path.stat().st_mtime, _dt.UTC)
    except OSError:
        return None


def list_recoveries(folder: str | os.PathLike | None = None) -> list[RecoveryEntry]:
    """Recovery files of programs that are no longer running, newest first.

    Files of running programs (this one included) are skipped; so are
    half-written temporary files and anything not named like a recovery file.
    """
    target_dir = Path(folder) if folder else recovery_dir()
    try:
        names = os.listdir(target_dir)
    except (FileNotFoundError, NotADirectoryError):
        return []
    out = []
    for name in names:
        m = _NAME_RE.match(name)
        if not m:
            _remove_dead_temp(target_dir, name)
            continue
        pid, key = int(m.group(1)), m.group(2)
        if pid_alive(pid):
            continue
        out.append(_entry(target_dir / name, pid, key))
    epoch = _dt.datetime.min.replace(tzinfo=_dt.UTC)
    out.sort(key=lambda e: e.saved_at or epoch, reverse=True)
    return out


_TEMP_RE = re.compile(r"^\.(\d+)-[A-Za-z0-9_]+" + re.escape(SUFFIX) + r"\..*\.tmp$")


def _remove_dead_temp(folder: Path, name: str) -> None:
    """Delete a half-written temporary file left by a program that was killed while writing."""
    m = _TEMP_RE.match(name)
    if m and not pid_alive(int(m.group(1))):
        remove_recovery(folder / name)


def claim(entry: RecoveryEntry, key: str) -> Path | None:
    """Take over a left-over file for this program under document ``key`` (atomic rename).

    Returns the new path, or None when another program claimed (or removed) it first.
    """
    target = entry.file.parent / file_name(key)
    try:
        os.rename(entry.file, target)  # atomic; fails if the file is gone
    except FileNotFoundError:
        return None
    return target


def load_recovery(path: str | os.PathLike) -> tuple[Diagram, str | None, str]:
    """Read a recovery file: (diagram, original path or None, display name). Raises FormatError."""
    p = Path(path)
    try:
        data = _read_wrapper(p)
    except OSError as e:
        raise native.FormatError([msg("cannot read the recovery file: {reason}",
                                      reason=e.strerror or e)], p) from None
    diagram = native.from_dict(data.get("diagram"), p)
    orig = data.get("original_path")
    name = data.get("display_name")
    return (diagram, orig if isinstance(orig, str) and orig else None,
            name if isinstance(name, str) and name else "Untitled")


def discard(entry: RecoveryEntry) -> bool:
    """Delete a left-over recovery file (claiming it first, so only one program does)."""
    claimed = claim(entry, f"discard{entry.pid}_{entry.key}")
    return claimed is not None and remove_recovery(claimed)
