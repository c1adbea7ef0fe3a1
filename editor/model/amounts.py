"""The one place amounts are read and written: "$1,200", "up to 100", "~$500M", "$?".

Reading (the canvas's amount editor, the Inspector, CSV/XLSX and GraphML/GEXF import):

* ``parse_amount(cell, unit)`` returns ``(amount, qualifier)`` where ``amount`` is a
float in the document's unit (or None when the cell says the amount is unknown)
and ``qualifier`` is one of ``exact``, ``up_to``, ``estimated``. Anything it cannot
read raises :class:`AmountError` with a message saying what was wrong; it never
turns text into 0.
* ``parse_amount_text(text, unit)`` is the same for typed text, but tells apart a
  qualifier the text states (``up to 100``) from none (``100``): the Inspector keeps
  the qualifier field as it is when the text states none.
* ``parse_number(text, what)`` reads the plain numbers of the other fields
  (valuation, revenue, size...): ``1,500.5``; errors are ModelErrors.

Writing:

* ``amount_label(amount, qualifier, unit)``: the short label of the canvas and the
  panels ("$100B", "up to $100B", "~$300B", "$?", "$135M", "100 EUR m").
* ``report_amount(amount)``: the command line's report ("1,234", "12.5", "unknown").
* ``format_amount(amount)``: a plain text that reads back to exactly the same float
  (CSV cells); ``number_text(value)``: a number in an editable field.

Reading rules (also in docs/formats.md):

* Unknown: an empty cell, ``?``, ``unknown``, ``n/a``, ``na``, ``-``, ``tbd``, ``undisclosed``.
* Qualifiers: ``up to 100``, ``<= 100``, ``max 100``, ``as much as 100`` give ``up_to``;
  ``~100``, ``about 100``, ``approx. 100``, ``around 100``, ``c. 100``, ``100 (est.)``,
  ``100 est``, ``est. 100`` give ``estimated``; the Japanese labels' ``最大 100`` and ``約 100``
  read the same way (an amount label always reads back).
* Currency signs and codes ($, US$, USD, €, EUR, £, GBP) are dropped: amounts are
  taken to be in the document's currency.
* Scale words: ``k``/``thousand``, ``m``/``mn``/``million``, ``b``/``bn``/``billion``,
  ``t``/``tn``/``trillion``. They are converted to the scale of the document unit:
  with the unit ``USD bn``, ``$100B`` is 100 and ``$500M`` is 0.5; with ``EUR m``,
  ``1.2bn`` is 1200. A plain number is taken as already in the document unit.
* Separators: ``1,200`` and ``1,200.5`` (comma thousands), ``1 200`` and ``1'200``
  (space or apostrophe thousands), ``1.200,5`` (dot thousands, comma decimals)
  and ``1,5`` (a decimal comma, since a thousands group has three digits).
* Negative amounts (``-5`` or ``(5)``), percentages, NaN and infinity are errors:
  a flow's direction says who pays, so its amount is never negative.
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from editor.model.entities import MAX_AMOUNT
from editor.model.errors import ModelError
from editor.model.texts import msg


class AmountError(ValueError):
    """A cell cannot be read as an amount; the message says why."""


UNKNOWN_WORDS = {"", "?", "??", "unknown", "n/a", "na", "n.a.", "-", "--", "\u2013", "\u2014",
                 "tbd", "undisclosed", "none", "not disclosed"}

_UP_TO = re.compile(r"^(?:up\s*to|upto|<=|\u2264|<|max\.?|maximum|as much as|at most|最大)\s*", re.I)
_EST_PREFIX = re.compile(
    r"^(?:~|\u2248|about|approx\.?|approximately|around|circa|ca\.|c\.|est\.?|estimated|roughly|some|約)\s*",
    re.I)
_EST_SUFFIX = re.compile(r"\s*(?:\((?:est\.?|estimated|e)\)|est\.?|estimated|\(approx\.?\))$", re.I)
_CURRENCY = re.compile(r"(?:US\$|\$|USD|EUR|GBP|\u20ac|\u00a3)", re.I)
_SCALES = {
    "k": 1e3, "thousand": 1e3, "thousands": 1e3,
    "m": 1e6, "mn": 1e6, "mm": 1e6, "mio": 1e6, "million": 1e6, "millions": 1e6,
    "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "billions": 1e9,
    "t": 1e12, "tn": 1e12, "trillion": 1e12, "trillions": 1e12,
}
_SCALE_SUFFIX = re.compile(r"\s*(" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\.?$", re.I)
_PLAIN = re.compile(r"^\d+(?:\.\d+)?(?:e[+-]?\d+)?$|^\.\d+(?:e[+-]?\d+)?$", re.I)
_COMMA_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d+$")


def unit_scale(unit: str) -> float:
    """The multiplier of a unit like ``USD bn`` (1e9) or ``EUR m`` (1e6); 1 when none."""
    words = unit.replace(".", " ").split()
    for word in reversed(words):
        scale = _SCALES.get(word.casefold())
        if scale is not None:
            return scale
    return 1.0


def _number(text: str, original: str) -> float:
    t = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if re.fullmatch(r"\d{1,3}(?:[ ']\d{3})+(?:[.,]\d+)?", t):
        t = t.replace(" ", "").replace("'", "")
    if _PLAIN.match(t):
        return float(t)
    if _COMMA_THOUSANDS.match(t):
        return float(t.replace(",", ""))
    if _DOT_THOUSANDS.match(t):
        return float(t.replace(".", "").replace(",", "."))
    if _DECIMAL_COMMA.match(t):
        return float(t.replace(",", "."))
    raise AmountError(msg("cannot read {value} as an amount", value=repr(original)))


def parse_amount(cell: Any, unit: str = "USD bn") -> tuple[float | None, str]:
    """Read one cell; see the module notes for what is understood."""
    amount, qualifier = parse_amount_text(cell, unit)
    return amount, qualifier or "exact"


def parse_amount_text(cell: Any, unit: str = "USD bn") -> tuple[float | None, str | None]:
    """:func:`parse_amount`, with None for the qualifier when the text states none."""
    if cell is None:
        return None, None
    if isinstance(cell, bool):
        raise AmountError(msg("cannot read {value} as an amount", value=repr(cell)))
    if isinstance(cell, (int, float)):
        return _check(float(cell), repr(cell)), None
    if not isinstance(cell, str):
        raise AmountError(msg("cannot read {value} as an amount", value=repr(cell)))
    original = cell
    text = " ".join(cell.split())
    if text.casefold() in UNKNOWN_WORDS:
        return None, None
    low = text.casefold()
    if low in ("nan", "inf", "-inf", "+inf", "infinity", "-infinity"):
        raise AmountError(msg("{value} is not a usable amount (it must be a finite number)",
                              value=repr(original)))
    if text.endswith("%"):
        raise AmountError(msg("{value} is a percentage, not an amount", value=repr(original)))
    if text.startswith("-") or (text.startswith("(") and text.endswith(")") and _looks_numeric(text[1:-1])):
        raise AmountError(_negative(repr(original)))
    qualifier = None
    m = _UP_TO.match(text)
    if m:
        qualifier, text = "up_to", text[m.end():]
    else:
        m = _EST_PREFIX.match(text)
        if m:
            qualifier, text = "estimated", text[m.end():]
        m = _EST_SUFFIX.search(text)
        if m:
            qualifier, text = "estimated", text[:m.start()]
    text = _CURRENCY.sub("", text).strip()
    if text.startswith("-"):
        raise AmountError(_negative(repr(original)))
    scale = None
    m = _SCALE_SUFFIX.search(text)
    if m and m.start() > 0:
        scale = _SCALES[m.group(1).casefold()]
        text = text[:m.start()].strip()
    if not text:
        raise AmountError(msg("cannot read {value} as an amount", value=repr(original)))
    value = _number(text, original)
    if scale is not None:
        value = value * scale / unit_scale(unit)
    return _check(value, repr(original)), qualifier


def _looks_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[\s$\u20ac\u00a3\d.,']+", text)) and any(ch.isdigit() for ch in text)


def _negative(shown: str) -> str:
    return msg("{value} is negative; amounts must not be negative (draw the flow the other way round)",
               value=shown)


def _check(value: float, shown: str) -> float:
    if not math.isfinite(value):
        raise AmountError(msg("{value} is not a usable amount (it must be a finite number)", value=shown))
    if value < 0:
        raise AmountError(_negative(shown))
    if value > MAX_AMOUNT:
        raise AmountError(msg("{value} is larger than the largest allowed amount ({largest})",
                              value=shown, largest=f"{MAX_AMOUNT:g}"))
    return value


def format_amount(value: float | None) -> str:
    """A plain text form that reads back to exactly the same float ('' when unknown)."""
    if value is None:
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def parse_number(text: str, what: str, allow_negative: bool = False) -> float | None:
    """'' -> None; '1,500.5' -> 1500.5; anything else not a number -> ModelError."""
    t = text.strip().replace(",", "").replace("_", "")
    if not t:
        return None
    try:
        v = float(t)
    except ValueError:
        raise ModelError(msg("{what}: expected a number like 40 or 1.5, got {value}",
                             what=what, value=repr(text.strip()))) from None
    if not math.isfinite(v):
        raise ModelError(msg("{what}: must be a finite number", what=what))
    if v < 0 and not allow_negative:
        raise ModelError(msg("{what}: must not be negative", what=what))
    return v


def number_text(value: float | None) -> str:
    """A number as an editable field shows it ('' when there is none)."""
    return "" if value is None else f"{value:g}" if abs(value) < 1e15 else repr(value)


def report_amount(x: float | None) -> str:
    """An amount in the command line's report: "1,234", "12.5", "unknown"."""
    if x is None:
        return "unknown"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.4g}"


# ------------------------------------------------------------------ labels
_LABEL_SCALES = {"bn": "B", "b": "B", "billion": "B", "m": "M", "mn": "M", "million": "M",
                 "k": "K", "thousand": "K", "tn": "T", "t": "T", "trillion": "T"}
_STEPS = ("K", "M", "B", "T")
_SIGNS = {"usd": "$"}


def _label_number(v: float) -> str:
    if v >= 100 or float(v).is_integer():
        return f"{v:,.0f}"
    return f"{v:.3g}"  # three significant digits: 12.3, 1.5, 0.135


#: How a label writes its qualifier around the amount: English, which the command line and the
#: files use; the interface passes its language's forms (``editor.i18n.amount_forms``).
QUALIFIER_FORMS: dict[str, str] = {"up_to": "up to {amount}", "estimated": "~{amount}"}


def amount_label(amount: float | None, qualifier: str = "exact", unit: str = "USD bn",
                 forms: Mapping[str, str] | None = None) -> str:
    """A short label: "$100B", "up to $100B", "~$300B", "$?", "$1.5B", "$135M".

    US dollar units with a scale word (``USD bn``, ``USD m``) get the compact
    form; other units are written after the number ("100 EUR m"). ``forms``:
    the qualifier forms to use instead of :data:`QUALIFIER_FORMS`."""
    words = unit.split()
    sign = _SIGNS.get(words[0].casefold()) if words else None
    scale = _LABEL_SCALES.get(words[1].casefold()) if len(words) == 2 else None
    if amount is None:
        text = f"{sign}?" if sign else "?"
    elif sign and scale:
        step = _STEPS.index(scale)
        v = float(amount)
        while v >= 1000 and step < len(_STEPS) - 1:
            v, step = v / 1000, step + 1
        while 0 < v < 1 and step > 0:
            v, step = v * 1000, step - 1
        text = f"{sign}{_label_number(v)}{_STEPS[step]}"
    else:
        text = f"{_label_number(float(amount))} {unit}".strip()
    if amount is not None and qualifier in QUALIFIER_FORMS:
        form = (forms or QUALIFIER_FORMS).get(qualifier) or QUALIFIER_FORMS[qualifier]
        text = form.replace("{amount}", text)
    return text
