"""Plain, immutable records of the diagram: companies, money flows, types.

Records are frozen dataclasses, so handing them to readers, undo commands
or the analysis thread never lets anyone change the model behind its back;
changes go through :class:`editor.model.diagram.Diagram` methods. Companies and
flows (read by the hundred thousand from a table) keep their fields in slots:
no ``__dict__`` each, about a quarter less memory, and made a column at a time by
:mod:`editor.model.bulk`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields, replace
from typing import Any

from editor.model.errors import ModelError
from editor.model.texts import msg

#: Largest amount accepted, in the document's unit (a trillion billions).
MAX_AMOUNT = 1e12

QUALIFIERS = ("exact", "up_to", "estimated")
QUALIFIER_LABELS = {"exact": "exact", "up_to": "up to", "estimated": "estimated"}

STATUSES = ("announced", "committed", "paid", "unconfirmed")

DEFAULT_UNIT = "USD bn"

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


#: Dates already found valid (a file repeats few dates over thousands of flows).
_VALID_DATES: dict[str, None] = {}


def check_date(value: str, what: str = "date") -> str:
    """Accept '', 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' with a real month/day."""
    if value == "" or (type(value) is str and value in _VALID_DATES):
        return value
    if not isinstance(value, str):
        raise ModelError(msg("{what}: expected a date like 2025-09-22, got {value}",
                             what=what, value=repr(value)))
    m = _DATE_RE.match(value)
    if not m:
        raise ModelError(msg("{what}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value}",
                             what=what, value=repr(value)))
    year, month, day = m.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise ModelError(msg("{what}: month {month} is out of range in {value}",
                             what=what, month=month, value=repr(value)))
    if day is not None:
        import datetime

        try:
            datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ModelError(msg("{what}: {value} is not a calendar date",
                                 what=what, value=repr(value))) from None
    if len(_VALID_DATES) < 20000:
        _VALID_DATES[value] = None
    return value


def date_key(value: str) -> tuple[int, int, int] | None:
    """Sort key of a partial date: the first day of the period it names."""
    if not value:
        return None
    m = _DATE_RE.match(value)
    if not m:
        return None
    y, mo, d = m.groups()
    return (int(y), int(mo or 1), int(d or 1))


def shown_number(value: int | float) -> str:
    """A number as a message quotes it: a huge whole number by its first digits and its length."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 60:
        digits = value.bit_length() * 30103 // 100000 + 1  # about log10(2) per bit
        sign = "-" if value < 0 else ""
        return f"{sign}{str(abs(value) >> (value.bit_length() - 60))[:12]}… (about {digits} digits)"
    return repr(value)


def _to_float(value: int | float, what: str) -> float:
    """``float(value)``, or a ModelError saying the number is too large (never OverflowError)."""
    try:
        return float(value)
    except OverflowError:
        raise ModelError(msg("{what}: {value} is too large", what=what, value=shown_number(value))) from None


def check_amount(value: Any, what: str = "amount", allow_none: bool = True) -> float | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ModelError(msg("{what}: expected a number, got {value}", what=what, value=_shown(value)))
    v = _to_float(value, what)
    if not math.isfinite(v):
        raise ModelError(msg("{what}: must be a finite number, got {value}", what=what, value=repr(value)))
    if v < 0:
        raise ModelError(msg("{what}: must not be negative, got {value}", what=what, value=repr(value)))
    if v > MAX_AMOUNT:
        raise ModelError(msg("{what}: {value} is too large (larger than the largest allowed, {largest})",
                             what=what, value=shown_number(value), largest=f"{MAX_AMOUNT:g}"))
    return v


def check_color(value: str, what: str = "color") -> str:
    if not isinstance(value, str) or not _COLOR_RE.match(value):
        raise ModelError(msg("{what}: expected a colour like #1f77b4, got {value}",
                             what=what, value=repr(value)))
    return value.lower()


_SURROGATE = re.compile("[\ud800-\udfff]")
#: How many characters of a refused value a message quotes.
QUOTE_LENGTH = 60


def _shown(value: Any) -> str:
    """``repr(value)`` cut to a readable length, for messages."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return shown_number(value)
    cut = value[:QUOTE_LENGTH] if isinstance(value, str) else value
    text = repr(cut)
    return text if len(text) <= QUOTE_LENGTH + 20 else text[:QUOTE_LENGTH] + "…"


def _check_text(value: Any, what: str, required: bool = False) -> str:
    if not isinstance(value, str):
        raise ModelError(msg("{what}: expected text, got {value}", what=what, value=_shown(value)))
    if required and not value.strip():
        raise ModelError(msg("{what}: must not be empty", what=what))
    if not value.isascii():
        bad = _SURROGATE.search(value)
        if bad is not None:
            raise ModelError(msg("{what}: character {position} is a lone surrogate (\\u{code}), which is not "
                                 "text; fix it in the file",
                                 what=what, position=bad.start() + 1, code=f"{ord(bad.group()):04x}"))
    return value


def _check_optional_number(value: Any, what: str, signed: bool = False) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ModelError(msg("{what}: expected a number, got {value}", what=what, value=_shown(value)))
    v = _to_float(value, what)
    if not math.isfinite(v):
        raise ModelError(msg("{what}: must be a finite number, got {value}", what=what, value=repr(value)))
    if not signed and v < 0:
        raise ModelError(msg("{what}: must not be negative, got {value}", what=what, value=repr(value)))
    if abs(v) > MAX_AMOUNT:
        raise ModelError(msg("{what}: {value} is too large", what=what, value=shown_number(value)))
    return v


def _check_coord(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ModelError(msg("{what}: expected a number, got {value}", what=what, value=_shown(value)))
    v = _to_float(value, what)
    if not math.isfinite(v) or abs(v) > 1e7:
        raise ModelError(msg("{what}: {value} is not a usable canvas position",
                             what=what, value=shown_number(value)))
    return v


class _Record:
    """Shared helpers of the frozen records."""

    __slots__ = ()  # (Company and Flow keep their fields in slots: no ``__dict__`` each)

    def with_changes(self, **changes: Any) -> Any:
        unknown = set(changes) - {f.name for f in fields(self)}  # type: ignore[arg-type]
        if unknown:
            raise ModelError(msg("unknown field(s): {unknown}", unknown=", ".join(sorted(unknown))))
        if "id" in changes and changes["id"] != self.id:  # type: ignore[attr-defined]
            raise ModelError(msg("an id cannot be changed"))
        return replace(self, **changes)  # type: ignore[type-var]

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]


class _CatalogueEntry(_Record):
    """An (id, name, colour) entry of a catalogue."""

    _what = "entry"

    def __post_init__(self) -> None:
        _check_text(self.id, f"{self._what} id", required=True)  # type: ignore[attr-defined]
        _check_text(self.name, f"{self._what} name", required=True)  # type: ignore[attr-defined]
        object.__setattr__(self, "color", check_color(self.color, f"{self._what} color"))  # type: ignore


@dataclass(frozen=True)
class FlowType(_CatalogueEntry):
    """A kind of money arrow with its colour on the canvas."""

    _what = "flow type"
    id: str
    name: str
    color: str


@dataclass(frozen=True)
class Category(_CatalogueEntry):
    """A kind of company (chipmaker, AI lab, ...) with its colour."""

    _what = "category"
    id: str
    name: str
    color: str


@dataclass(frozen=True, slots=True)
class Company(_Record):
    """A node of the diagram."""

    id: str
    name: str
    category: str = "other"
    valuation: float | None = None
    valuation_date: str = ""
    revenue: float | None = None
    revenue_period: str = ""
    profit: float | None = None
    profit_period: str = ""
    notes: str = ""
    x: float = 0.0
    y: float = 0.0
    size: float | None = None

    def __post_init__(self) -> None:
        _check_text(self.id, "company id", required=True)
        _check_text(self.name, "company name", required=True)
        _check_text(self.category, "company category", required=True)
        object.__setattr__(self, "valuation", _check_optional_number(self.valuation, "valuation"))
        object.__setattr__(self, "revenue", _check_optional_number(self.revenue, "revenue"))
        object.__setattr__(self, "profit", _check_optional_number(self.profit, "profit", signed=True))
        for name in ("valuation_date", "revenue_period", "profit_period", "notes"):
            _check_text(getattr(self, name), name)
        object.__setattr__(self, "x", _check_coord(self.x, "x"))
        object.__setattr__(self, "y", _check_coord(self.y, "y"))
        if self.size is not None:
            s = _check_optional_number(self.size, "size")
            if s is not None and not 1 <= s <= 1000:
                raise ModelError(msg("size: expected 1 to 1000, got {size}", size=repr(self.size)))
            object.__setattr__(self, "size", s)


@dataclass(frozen=True, slots=True)
class Flow(_Record):
    """A money arrow: ``source`` pays, commits or hands equity to ``target``."""

    id: str
    source: str
    target: str
    type: str
    amount: float | None = None
    qualifier: str = "exact"
    unit: str = ""
    date: str = ""
    end_date: str = ""
    status: str = "announced"
    url: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        _check_text(self.id, "flow id", required=True)
        _check_text(self.source, "flow source", required=True)
        _check_text(self.target, "flow target", required=True)
        _check_text(self.type, "flow type", required=True)
        object.__setattr__(self, "amount", check_amount(self.amount))
        if self.qualifier not in QUALIFIERS:
            raise ModelError(msg("qualifier: expected one of {choices}, got {qualifier}",
                                 choices=", ".join(QUALIFIERS), qualifier=repr(self.qualifier)))
        if self.status not in STATUSES:
            raise ModelError(msg("status: expected one of {choices}, got {status}",
                                 choices=", ".join(STATUSES), status=repr(self.status)))
        _check_text(self.unit, "unit")
        check_date(self.date, "date")
        check_date(self.end_date, "end_date")
        if self.end_date and self.date and date_key(self.end_date) < date_key(self.date):  # type: ignore[operator]
            raise ModelError(msg("end_date: {end_date} is before the start date {date}",
                                 end_date=repr(self.end_date), date=repr(self.date)))
        _check_text(self.url, "url")
        _check_text(self.note, "note")

    @property
    def known(self) -> bool:
        return self.amount is not None
