"""A collaborator's reference to the Qt object that owns it, without a reference cycle."""
from __future__ import annotations

import weakref
from typing import Generic, TypeVar

T = TypeVar("T")


class Backref(Generic[T]):
    """A weak reference to an owner (a scene or view): ``ref()`` is the owner. The owner holds its
    collaborators; they hold it weakly, so a dropped scene is freed at once by reference
    counting, as before it had collaborators, not by a later pass of the cycle collector."""

    __slots__ = ("_ref",)

    def __init__(self, owner: T) -> None:
        self._ref = weakref.ref(owner)

    def __call__(self) -> T:
        owner = self._ref()
        if owner is None:
            raise RuntimeError("the owner of this object is gone")
        return owner
