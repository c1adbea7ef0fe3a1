"""Modules imported on first use: numpy, scipy, igraph and highspy cost a tenth of a second or more
to import, which neither the window's first paint nor ``roundtrip analyze`` of a small map should pay.

    np = lazy_module("numpy")     # a stand-in: numpy is imported at the first ``np.something``

Type checkers see the real modules (import them under ``TYPE_CHECKING`` beside the stand-in).
"""
from __future__ import annotations

import importlib
import threading
from types import ModuleType
from typing import Any

_lock = threading.Lock()


class LazyModule:
    """Stands for module ``name`` and imports it at the first attribute read."""

    __slots__ = ("_name", "_module")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        module = self._module
        if module is None:
            with _lock:  # two threads may meet here; the import system is safe, this keeps it tidy
                module = self._module = importlib.import_module(self._name)
        return getattr(module, attr)

    def __repr__(self) -> str:
        state = "imported" if self._module is not None else "not imported yet"
        return f"<lazy module {self._name!r} ({state})>"


def lazy_module(name: str) -> Any:
    """A stand-in for module ``name`` that imports it on first use."""
    return LazyModule(name)
