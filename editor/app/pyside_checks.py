"""PySide6's look at the source of every module imported after it, spared for the app's modules.

No Qt import here: :mod:`editor.__main__` calls :func:`skip_pyside_source_checks` right after
loading PySide6, before the window's modules are imported.
"""
from __future__ import annotations

import sys


def skip_pyside_source_checks() -> int:
    """Spare PySide6 reading the source of modules as the app imports them; returns how many
    modules were marked.

    For its opt-in ``from __feature__ import ...``, PySide6 reads the whole source of every module
    named in an import statement after it is loaded (the first time each), looking for "PySide6",
    and notes the answer in a table (0: uses PySide, without feature; -1: does not): 25 ms or
    more before the window's first paint, for some 180 modules. No module of the app opts into a
    feature, and with none anywhere both answers mean the same (every module runs without
    features); so the app's own modules are noted 0, and the standard library's and those
    already loaded -1, before their first import statement; so are the modules imported later
    that are not the app's (a standard library package's submodules such as ``json.decoder``,
    the libraries'), as each is first imported (:class:`_NoteOnImport`). If PySide6 keeps no
    such table, nothing is done (a module opting into a feature sets its entry itself when it does)."""
    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return 0
    if any(isinstance(finder, _NoteOnImport) for finder in sys.meta_path):
        return 0   # done already: every module imported since was noted as it came
    size = len(table)
    for name in (*sys.stdlib_module_names, *list(sys.modules)):
        if not name.startswith(_PYSIDE):
            table.setdefault(name, _mark(name))
    sys.meta_path.insert(0, _NoteOnImport(table))
    return len(table) - size


def _mark(name: str) -> int:
    """0 for the app's own modules (PySide without features), -1 for the others (not PySide)."""
    return 0 if name == "editor" or name.startswith("editor.") else -1


_PYSIDE = ("PySide6", "shiboken6", "__feature__")


class _NoteOnImport:
    """A finder that finds nothing: it notes each module about to be imported for the first time
    in PySide6's table (-1, or 0 for the app's own), so PySide6 does not read its source."""

    def __init__(self, table: dict[str, int]) -> None:
        self.table = table

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if not fullname.startswith(_PYSIDE):
            self.table.setdefault(fullname, _mark(fullname))
        return None
