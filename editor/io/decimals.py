"""The decimal mark of a table's number columns: ``1.500`` is 1.5 or 1500 depending on the file. No Qt.

Each number column is read as a whole: a cell such as ``1,5`` or ``1.500,25`` shows
the decimal comma, ``1.5`` or ``1,500.25`` the decimal point. A column whose cells
are all like ``1.500`` or ``1,500`` (three digits after one mark) stays ambiguous;
the reader then refuses it and asks for the decimal mark instead of guessing.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from editor.model.texts import msg

COMMA, POINT = ",", "."
DECIMAL_MARKS = (COMMA, POINT)
_NUMBER = re.compile(r"[-+]?\d[\d.,\u00a0\u202f' ]*")


class DecimalMarkError(ValueError):
    """A column whose decimal mark cannot be told from its cells."""


def _evidence(text: str) -> str | None:
    """',' or '.' when this one cell shows the decimal mark, '?' when it could be either, None for no mark."""
    m = _NUMBER.search(text)
    if m is None:
        return None
    num = m.group(0).rstrip(".,' \u00a0\u202f")
    has_c, has_p = "," in num, "." in num
    if has_c and has_p:
        return COMMA if num.rfind(",") > num.rfind(".") else POINT
    if not (has_c or has_p):
        return None
    mark = "," if has_c else "."
    parts = num.split(mark)
    if len(parts) > 2:      # 1.500.000: the mark groups thousands, so the other one is the decimal mark
        return POINT if mark == COMMA else COMMA
    if len(parts[1]) != 3 or not parts[0].lstrip("+-") or parts[0].lstrip("+-") == "0":
        return mark         # 1,5 / 0.500 / ,5: only a decimal mark reads this way
    return "?"


def column_mark(cells: Iterable[Any]) -> str | None:
    """The decimal mark the column's text cells show: ',' or '.', None when no cell has one.

    Raises :class:`DecimalMarkError` when the cells disagree or only ambiguous ones exist.
    """
    seen: dict[str, str] = {}
    for cell in cells:
        if not isinstance(cell, str):
            continue
        e = _evidence(cell)
        if e is not None:
            seen.setdefault(e, cell)
    if COMMA in seen and POINT in seen:
        raise DecimalMarkError(msg("some numbers use a decimal comma ({comma}), others a decimal point "
                                   "({point})", comma=repr(seen[COMMA]), point=repr(seen[POINT])))
    if COMMA in seen or POINT in seen:
        return COMMA if COMMA in seen else POINT
    if "?" in seen:
        raise DecimalMarkError(msg("numbers like {value} read as a decimal number with a decimal point or a "
                                   "whole number with a thousands point; the decimal mark cannot be told",
                                   value=repr(seen["?"])))
    return None


def normalize(cell: Any, mark: str | None) -> Any:
    """The cell with its numbers written with a decimal point and no thousands marks."""
    if mark is None or not isinstance(cell, str):
        return cell
    thousands = POINT if mark == COMMA else COMMA

    def fix(m: re.Match[str]) -> str:
        return m.group(0).replace(thousands, "").replace(mark, ".")

    return _NUMBER.sub(fix, cell, count=1)
