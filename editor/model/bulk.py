"""Records made from whole columns: each column checked once, as a whole. No Qt.

A file read as columns (a 100,000-row edge list) makes its records here: every column is
checked at once against what the record's own checks (``__post_init__`` of
:class:`~editor.model.entities.Flow` and :class:`~editor.model.entities.Company`) demand
(text columns by string methods over all their cells, the others over their distinct values),
and the records are then made without checking each one again, a field at a time.
Whole-number amounts become floats, as ``Flow`` makes them. When a column holds anything
those checks would refuse (a negative amount, ``True``, a lone surrogate, an unknown status, a
blank id...), nothing is guessed: the records are made one by one the ordinary way, so the
record refused first raises its own message. Either way every record comes out exactly as the
ordinary constructor makes it (``tests/model/test_bulk.py`` compares both on random columns).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from itertools import compress, repeat
from math import isnan
from types import MemberDescriptorType
from typing import Any

from editor.model.entities import (
    _SURROGATE,
    MAX_AMOUNT,
    QUALIFIERS,
    STATUSES,
    Company,
    Flow,
    check_amount,
    check_date,
    date_key,
)
from editor.model.errors import ModelError

FLOW_FIELDS = tuple(f.name for f in fields(Flow))
COMPANY_FIELDS = tuple(f.name for f in fields(Company))
_REQUIRED_FLOW_TEXTS = ("id", "source", "target", "type")
_OPTIONAL_FLOW_TEXTS = ("unit", "url", "note")
_QUALIFIERS = frozenset(QUALIFIERS)
_STATUSES = frozenset(STATUSES)


def _distinct(column: Sequence[Any]) -> set[Any] | None:
    """The column's distinct values, or None when one cannot be hashed."""
    try:
        return set(column)
    except TypeError:
        return None


#: The ASCII characters ``str.strip`` strips (an ASCII text without them is not blank unless empty).
_ASCII_SPACES = (" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def texts_pass(column: Sequence[Any], required: bool) -> bool:
    """Every cell is a ``str`` (not a subclass) that ``_check_text`` accepts: no lone surrogate,
    and not blank when ``required``. (The cells are looked at as they are, with no set of them: a
    column of ids or addresses holds as many values as cells.)"""
    if len(column) > 1 and column[0] is column[-1] and column.count(column[0]) == len(column):
        column = column[:1]  # (the same value in every cell)
    if not set(map(type, column)) <= {str}:
        return False
    joined = "".join(column)
    ascii_ = joined.isascii()
    if required and not (all(column) and (ascii_ and not any(map(joined.__contains__, _ASCII_SPACES))
                                          or all(map(str.strip, column)))):
        return False
    return ascii_ or _SURROGATE.search(joined) is None


def _amount_column(column: Sequence[Any]) -> Sequence[Any] | None:
    """The column as :func:`check_amount` leaves it (ints as floats), or None when it refuses a cell."""
    kinds = set(map(type, column))
    if not kinds <= {float, int, type(None)}:  # (True and 1 are told apart here, not below)
        return None
    values = _distinct(column)
    if values is None:
        return None
    values.discard(None)
    if int not in kinds:  # floats: all of them at once, as check_amount takes each
        if values and (any(map(isnan, values)) or min(values) < 0 or max(values) > MAX_AMOUNT):
            return None
        return column
    whole = False
    for v in values:
        try:
            if check_amount(v) is not v:
                whole = True
        except ModelError:
            return None
    return [float(v) if type(v) is int else v for v in column] if whole else column


def _dates_pass(dates: Sequence[Any], end_dates: Sequence[Any]) -> bool:
    """Both columns hold dates :func:`check_date` accepts, and no end date is before its start date."""
    for column in (dates, end_dates):
        values = _distinct(column)
        if values is None or not set(map(type, values)) <= {str}:
            return False
        try:
            for v in values:
                check_date(v)
        except ModelError:
            return False
    if not any(end_dates):
        return True
    both = set(compress(zip(dates, end_dates, strict=True), map(all, zip(dates, end_dates, strict=True))))
    return all(date_key(end) >= date_key(start) for start, end in both)  # type: ignore[operator]


def flow_columns_pass(columns: dict[str, Sequence[Any]]) -> bool:
    """Whether every row of ``columns`` (one per field of :class:`Flow`) makes a Flow."""
    return _checked(columns) is not None


def _checked(columns: dict[str, Sequence[Any]]) -> dict[str, Sequence[Any]] | None:
    """The columns as the flows would hold them (amounts as floats), or None if a flow would refuse a cell."""
    c = columns
    amounts = _amount_column(c["amount"])
    if (amounts is None or not all(texts_pass(c[f], True) for f in _REQUIRED_FLOW_TEXTS)
            or not all(texts_pass(c[f], False) for f in _OPTIONAL_FLOW_TEXTS)
            or not _members(c["qualifier"], _QUALIFIERS) or not _members(c["status"], _STATUSES)
            or not _dates_pass(c["date"], c["end_date"])):
        return None
    return {**c, "amount": amounts}


def _members(column: Sequence[Any], allowed: frozenset[str]) -> bool:
    values = _distinct(column)
    return values is not None and values <= allowed


def flows_from_columns(columns: dict[str, Sequence[Any]]) -> list[Flow]:
    """The flows of whole columns (``{field: cells}``, a column for every field of :class:`Flow`,
    all as long): equal to ``[Flow(**row) for row in rows]``, and raising its first ModelError.

    The columns are checked at once (:func:`flow_columns_pass`); when they pass, each flow is made
    without its per-record checks, else they are made one by one by ``Flow``.
    """
    made = flows_if_clean(columns)
    if made is None:
        return [Flow(*row) for row in zip(*(columns[f] for f in FLOW_FIELDS), strict=True)]
    return made


def flows_if_clean(columns: dict[str, Sequence[Any]]) -> list[Flow] | None:
    """:func:`flows_from_columns` when every column passes its checks, else None (nothing made)."""
    if set(columns) != set(FLOW_FIELDS):
        raise ValueError(f"flow columns expected: {', '.join(FLOW_FIELDS)}")
    if len(set(map(len, columns.values()))) > 1:
        raise ValueError("flow columns of different lengths")
    checked = _checked(columns)
    if checked is None:
        return None
    return _unchecked(Flow, FLOW_FIELDS, [checked[f] for f in FLOW_FIELDS], len(columns["id"]))


def companies_named(ids: Sequence[str], names: Sequence[str]) -> list[Company]:
    """``[Company(i, n) for i, n in zip(ids, names)]``: companies of every other field's default,
    the two columns checked at once (made one by one by ``Company`` when they do not pass)."""
    if len(ids) != len(names):
        raise ValueError("as many ids as names expected")
    if not (texts_pass(ids, True) and texts_pass(names, True)):
        return [Company(i, n) for i, n in zip(ids, names, strict=True)]
    others = [f for f in fields(Company) if f.name not in ("id", "name")]
    return _unchecked(Company, ["id", "name", *(f.name for f in others)],
                      [ids, names, *(repeat(f.default, len(ids)) for f in others)], len(ids))


_COMPANY_TEXTS = {"id": True, "name": True, "category": True, "valuation_date": False,
                  "revenue_period": False, "profit_period": False, "notes": False}  # field: required
_COMPANY_NUMBERS = {"valuation": False, "revenue": False, "profit": True, "size": False}  # field: signed


def _floats(column: Sequence[Any], optional: bool, low: float, high: float) -> bool:
    """Every cell is a float (or None when ``optional``) from ``low`` to ``high``: what the checks of
    :class:`Company` leave as it is (a whole number, a NaN or an infinity is left to them)."""
    kinds = set(map(type, column))
    if not kinds <= ({float, type(None)} if optional else {float}):
        return False
    values = [v for v in column if v is not None] if type(None) in kinds else column
    return not values or (not any(map(isnan, values)) and low <= min(values) and max(values) <= high)


def company_columns_pass(columns: Mapping[str, Sequence[Any]]) -> bool:
    """Whether every row of ``columns`` (one per field of :class:`Company`) makes a Company as it is."""
    c = columns
    return (all(texts_pass(c[f], required) for f, required in _COMPANY_TEXTS.items())
            and all(_floats(c[f], True, -MAX_AMOUNT if signed else 0.0, MAX_AMOUNT)
                    for f, signed in _COMPANY_NUMBERS.items() if f != "size")
            and _floats(c["size"], True, 1.0, 1000.0)
            and _floats(c["x"], False, -1e7, 1e7) and _floats(c["y"], False, -1e7, 1e7))


def companies_from_columns(columns: Mapping[str, Sequence[Any]]) -> list[Company]:
    """The companies of whole columns (a column for every field of :class:`Company`, all as long):
    equal to ``[Company(**row) for row in rows]``, and raising its first ModelError."""
    if set(columns) != set(COMPANY_FIELDS) or len(set(map(len, columns.values()))) > 1:
        raise ValueError(f"company columns of as many cells expected: {', '.join(COMPANY_FIELDS)}")
    ordered = [columns[f] for f in COMPANY_FIELDS]
    if not company_columns_pass(columns):
        return [Company(*row) for row in zip(*ordered, strict=True)]
    return _unchecked(Company, COMPANY_FIELDS, ordered, len(ordered[0]))


def _unchecked(cls: type, names: Sequence[str], columns: Sequence[Iterable[Any]], n: int) -> list[Any]:
    """``n`` records of ``cls`` made from columns already checked: the fields set, ``__post_init__`` not run.

    The records are made first, then each field is set a column at a time by the slot's own setter
    (as the dataclass's ``__init__`` sets it, past the frozen ``__setattr__``), with no Python step
    per record. A record class without slots has each field set by ``object.__setattr__``.
    """
    if len(names) != len(columns):
        raise ValueError("a column for each field expected")
    made: list[Any] = list(map(object.__new__, repeat(cls, n)))
    for name, column in zip(names, columns, strict=True):
        slot = cls.__dict__.get(name)
        if isinstance(slot, MemberDescriptorType):
            deque(map(slot.__set__, made, column), maxlen=0)
        else:
            deque(map(object.__setattr__, made, repeat(name), column), maxlen=0)
    return made
