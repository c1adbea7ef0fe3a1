"""View settings saved with a diagram: the ``view`` section of a ``.roundtrip`` file.

A view setting changes how a diagram is looked at, never the diagram: undo
does not record it, and a file without a ``view`` section opens as before.
Today there are two, the timeline's **period** and the flow types hidden on the canvas::

    "view": {"period": {"from": "2025-09", "to": "2025-12", "outside": "fade"},
             "hidden_types": ["service"]}

``from`` / ``to``: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``""`` (open);
``outside``: ``"hide"`` or ``"fade"``, what the canvas does with the flows
outside the period. The settings of a diagram are kept beside it (by
identity, for as long as the diagram lives): :func:`view_of` / :func:`set_view`.
No Qt.
"""
from __future__ import annotations

import datetime
import weakref
from dataclasses import dataclass
from typing import Any

from editor.model import Diagram, ModelError, check_date, date_key
from editor.model.texts import message_of, msg

OUTSIDE_MODES = ("hide", "fade")


@dataclass(frozen=True)
class PeriodView:
    start: str = ""          # "" : open
    end: str = ""
    outside: str = "hide"

    def __post_init__(self) -> None:
        check_date(self.start, "view.period.from")
        check_date(self.end, "view.period.to")
        if self.outside not in OUTSIDE_MODES:
            raise ModelError(msg('view.period.outside: expected "hide" or "fade", got {outside}',
                                 outside=repr(self.outside)))
        if self.start and self.end:
            a, b = date_key(self.start), date_key(self.end)
            assert a is not None and b is not None
            if datetime.date(*a) > datetime.date(*b):
                raise ModelError(msg("view.period: from {start} is after to {end}",
                                     start=self.start, end=self.end))

    @property
    def is_open(self) -> bool:
        """No bound at all: every flow is in range."""
        return not self.start and not self.end


@dataclass(frozen=True)
class ViewSettings:
    period: PeriodView | None = None
    hidden_types: tuple[str, ...] = ()      # flow type ids hidden on the canvas (sorted)

    def is_empty(self) -> bool:
        return self.period is None and not self.hidden_types


# By identity (a diagram compares by value, so it cannot be a key itself); an entry goes with its diagram.
_VIEWS: dict[int, tuple[weakref.ref[Diagram], ViewSettings]] = {}


def view_of(diagram: Diagram) -> ViewSettings:
    entry = _VIEWS.get(id(diagram))
    if entry is None or entry[0]() is not diagram:
        return ViewSettings()
    return entry[1]


def set_view(diagram: Diagram, view: ViewSettings | None) -> None:
    key = id(diagram)
    if view is None or view.is_empty():
        _VIEWS.pop(key, None)
        return
    entry = _VIEWS.get(key)
    if entry is not None and entry[0]() is diagram:
        _VIEWS[key] = (entry[0], view)
        return
    _VIEWS[key] = (weakref.ref(diagram, _Forget(key)), view)


class _Forget:
    """Drops a diagram's entry when the diagram goes (unless the id was reused meanwhile)."""

    def __init__(self, key: int) -> None:
        self.key = key

    def __call__(self, ref: weakref.ref[Diagram]) -> None:
        entry = _VIEWS.get(self.key)
        if entry is not None and entry[0] is ref:
            del _VIEWS[self.key]


def to_json(view: ViewSettings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if view.period is not None:
        p = view.period
        out["period"] = {"from": p.start, "to": p.end, "outside": p.outside}
    if view.hidden_types:
        out["hidden_types"] = list(view.hidden_types)
    return out


def from_json(raw: Any, problems: list[str]) -> ViewSettings | None:
    """The view settings of a file's ``view`` section; problems are appended with their place.
    Settings this release does not know are ignored (they never change the diagram)."""
    if not isinstance(raw, dict):
        problems.append(msg("view: expected an object, got {kind}", kind=type(raw).__name__))
        return None
    period = None
    p = raw.get("period")
    if p is not None:
        if not isinstance(p, dict):
            problems.append(msg("view.period: expected an object, got {kind}", kind=type(p).__name__))
            return None
        values = {}
        for key, field in (("from", "start"), ("to", "end"), ("outside", "outside")):
            if key in p:
                if not isinstance(p[key], str):
                    problems.append(msg("view.period.{key}: expected text, got {kind}",
                                        key=key, kind=type(p[key]).__name__))
                    return None
                values[field] = p[key]
        try:
            period = PeriodView(**values)
        except ModelError as e:
            problems.append(message_of(e) if str(e).startswith("view")
                            else msg("view.period: {problem}", problem=e))
            return None
    hidden = raw.get("hidden_types", [])
    if not isinstance(hidden, list) or not all(isinstance(t, str) for t in hidden):
        problems.append(msg("view.hidden_types: expected a list of flow type ids"))
        return None
    return ViewSettings(period=period, hidden_types=tuple(sorted(set(hidden))))
