"""The app's settings (QSettings, organisation "Roundtrip").

Stored in the platform's usual place. When ``$ROUNDTRIP_SETTINGS`` is set
(tests set it to "test") the settings live in an ini file in the temporary
folder instead, one per process, so tests never read or change the user's
real settings.

Keys:
    recent_files           list of paths, newest first (at most MAX_RECENT)
    first_run_done         the AI sample was shown once
    last_file              the file open when the app was last closed
    analysis/max_loops     loops listed in the Loops panel
    analysis/max_length    longest loop searched
    view/size_by, view/legend, view/snap, view/theme ("system", "light", "dark")
    view/language          "system", "en" or "ja" (editor/i18n.py; applies at the next start)
    window/geometry, window/state
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

ORGANISATION = "Roundtrip"
APPLICATION = "Roundtrip"
ENV = "ROUNDTRIP_SETTINGS"
MAX_RECENT = 10


def settings_file_for_tests() -> Path | None:
    """The ini file used instead of the real settings, or None when the real ones are used."""
    name = os.environ.get(ENV)
    if not name:
        return None
    safe = "".join(ch if ch.isalnum() else "_" for ch in name)
    return Path(tempfile.gettempdir()) / f"roundtrip-settings-{safe}-{os.getpid()}.ini"


def app_settings() -> QSettings:
    path = settings_file_for_tests()
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def clear_all() -> None:
    """Forget every setting (tests; the real store only when no override is set)."""
    global _writes_held
    _unwritten.clear()
    _writes_held = False
    s = app_settings()
    s.clear()
    s.sync()


# ------------------------------------------------------------------ values
def get_bool(key: str, default: bool) -> bool:
    value = _value(key, default)
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def get_int(key: str, default: int, lo: int | None = None, hi: int | None = None) -> int:
    try:
        stored: Any = _value(key, default)  # whatever type the settings file holds
        value = int(stored)
    except (TypeError, ValueError):
        return default
    if lo is not None and value < lo or hi is not None and value > hi:
        return default
    return value


def get_str(key: str, default: str = "") -> str:
    value = _value(key, default)
    return value if isinstance(value, str) else default


def set_value(key: str, value) -> None:
    _unwritten.pop(key, None)
    s = app_settings()
    s.setValue(key, value)
    s.sync()


#: Values set by :func:`set_value_soon` and not written yet (read from here until they are).
_unwritten: dict[str, Any] = {}


def set_value_soon(key: str, value) -> None:
    """Set ``key`` now (the readers below see it at once) and write it to the settings file on the
    next turn of the event loop (at once when there is none), so that opening a file at start-up
    does not wait for the settings file before the window paints. (Kept here, not in a QSettings:
    any QSettings made meanwhile would write it out when it first reads the file.)"""
    from PySide6.QtCore import QCoreApplication, QTimer

    if QCoreApplication.instance() is None:
        set_value(key, value)
        return
    if not _unwritten and not _writes_held:
        QTimer.singleShot(0, write_now)
    _unwritten[key] = value


_writes_held = False


def hold_writes() -> None:
    """Keep what :func:`set_value_soon` sets from the disk until :func:`release_writes` (at start-up:
    until the window has painted; a 0 ms timer would run before the first paint)."""
    global _writes_held
    _writes_held = True


def release_writes() -> None:
    """End :func:`hold_writes`: what was held is written on the next turn of the event loop."""
    global _writes_held
    if not _writes_held:
        return
    _writes_held = False
    if _unwritten:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, write_now)


def write_now() -> None:
    """Write what :func:`set_value_soon` set and has not written yet."""
    if not _unwritten:
        return
    s = app_settings()
    for key, value in _unwritten.items():
        s.setValue(key, value)
    _unwritten.clear()
    s.sync()


def _value(key: str, default: Any) -> Any:
    if key in _unwritten:
        return _unwritten[key]
    return app_settings().value(key, default)


# ------------------------------------------------------------- recent files
def recent_files() -> list[str]:
    raw: Any = _value("recent_files", [])  # a list, one string or junk
    if isinstance(raw, str):
        raw = [raw]
    return [_path_from_setting(p) for p in (raw or []) if isinstance(p, str) and p][:MAX_RECENT]


_BYTES_PREFIX = "\x00path-bytes:"  # a path whose bytes are not UTF-8, kept whole as hex


def _path_to_setting(path: str) -> str:
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:  # undecodable bytes (surrogate escapes): the settings file would drop them
        return _BYTES_PREFIX + os.fsencode(path).hex()


def _path_from_setting(text: str) -> str:
    if text.startswith(_BYTES_PREFIX):
        try:
            return os.fsdecode(bytes.fromhex(text[len(_BYTES_PREFIX):]))
        except ValueError:
            return text
    return text


def add_recent_file(path: str | os.PathLike) -> list[str]:
    p = str(Path(path).resolve())
    files = [f for f in recent_files() if f != p]
    files.insert(0, p)
    files = files[:MAX_RECENT]
    set_value_soon("recent_files", [_path_to_setting(f) for f in files])
    return files


def remove_recent_file(path: str) -> list[str]:
    files = [f for f in recent_files() if f != path]
    set_value("recent_files", [_path_to_setting(f) for f in files])
    return files


def clear_recent_files() -> None:
    set_value("recent_files", [])
