"""Cells of a table, one at a time or a column at a time: column letters, blanks, distinct values. No Qt."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def distinct(values: Iterable[Any]) -> list[Any]:
    """The values in the order they first appear, each once (1, 1.0 and True kept apart);
    all of them, repeats too, when one cannot be hashed."""
    values = list(values) if not isinstance(values, (list, tuple)) else values
    if set(map(type, values)) <= {str}:  # text cells (all of a CSV file): equal means the same
        return list(dict.fromkeys(values))
    try:
        return [v for _, v in dict.fromkeys([(v.__class__, v) for v in values])]
    except TypeError:
        return list(values)
