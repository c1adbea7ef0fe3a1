"""Adding amounts up one by one, in order, on every Python.

Python 3.12's ``sum()`` of floats compensates its rounding errors (Neumaier's method); 3.11's adds
them one after the other. The analysis gives the same figures to the last bit on a small map
(added up in Python) and on a large one (``numpy.bincount``, which adds its weights one by one in
order), and on every Python: it adds up with :func:`add_up`, never with ``sum()``.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import reduce
from operator import add


def add_up(values: Iterable[float]) -> float:
    """``values`` added one after the other from 0 (the int 0 when there are none, as ``sum()``)."""
    return reduce(add, values, 0)
