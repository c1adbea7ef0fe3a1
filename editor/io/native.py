"""The native ``.roundtrip`` format: versioned, validated, human-diffable JSON.

Reading goes through plain intermediate values: the whole file is checked
and every problem is reported with its location (``flows[3].amount: expected
a number, got 'lots'``) before any model object is built, so a bad file never
half-loads. No Qt here.
"""
from __future__ import annotations

import json
import math
import os
from collections.abc import Sequence
from dataclasses import fields
from operator import attrgetter
from typing import Any

from editor.io import view as view_settings
from editor.io.atomic import SaveError, write_atomic
from editor.io.errors import InputError
from editor.io.fields import (
    CATEGORY_SPECS,
    COMPANY_SPECS,
    FLOW_SPECS,
    FLOW_TYPE_SPECS,
    NUMBER,
    OPTIONAL_NUMBER,
    TEXT,
)
from editor.io.safe_read import UnsafeInput, megabytes, read_limited
from editor.model import (
    DEFAULT_CATEGORIES,
    DEFAULT_FLOW_TYPES,
    Category,
    Company,
    Diagram,
    Flow,
    FlowType,
    Metadata,
    ModelError,
)
from editor.model.entities import shown_number
from editor.model.texts import message_of, msg, split_field

FORMAT_NAME = "roundtrip"
#: The version written for a diagram without view settings (readable by every release).
FORMAT_VERSION = 1
#: The version written when the file has a ``view`` section (older releases refuse it with a
#: message asking to update, instead of failing on an unknown section).
VIEW_FORMAT_VERSION = 2
#: The newest version this release reads.
LATEST_VERSION = VIEW_FORMAT_VERSION
EXTENSION = ".roundtrip"
#: Files larger than this are refused before parsing (bytes).
MAX_FILE_SIZE = 64 * 1024 * 1024
#: How many problems a FormatError lists at most.
MAX_PROBLEMS = 10


class FormatError(InputError):
    """A file cannot be read; ``problems`` lists what and where."""

    def __init__(self, problems: list[str], path: str | os.PathLike | None = None) -> None:
        self.problems = list(problems)
        self.path = None if path is None else str(path)
        text = problems[0] if problems else msg("unreadable file")
        if len(problems) > 1:
            text = msg("{problem} (and {count} more problem(s))", problem=text, count=len(problems) - 1)
        super().__init__(msg("{path}: {problem}", path=self.path, problem=text) if self.path else text)

    def details(self) -> str:
        return "\n".join(self.problems)


# --------------------------------------------------------------------- writing
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _record(obj: Any) -> dict[str, Any]:
    names = _FIELD_NAMES.get(type(obj))
    if names is None:
        names = _FIELD_NAMES[type(obj)] = tuple(f.name for f in fields(obj))
    return {n: getattr(obj, n) for n in names}


def to_dict(diagram: Diagram) -> dict[str, Any]:
    """The document as plain JSON-ready values, in a stable key order."""
    view = view_settings.view_of(diagram)
    out = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION if view.is_empty() else VIEW_FORMAT_VERSION,
        "metadata": _record(diagram.metadata),
        "flow_types": [_record(t) for t in diagram.flow_types()],
        "categories": [_record(c) for c in diagram.categories()],
        "companies": [_record(c) for c in diagram.companies()],
        "flows": [_record(f) for f in diagram.flows()],
    }
    if not view.is_empty():
        out["view"] = view_settings.to_json(view)
    return out


def _clean_floats(value: Any) -> Any:
    # Whole numbers are written without ".0" so files read naturally.
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, dict):
        return {k: _clean_floats(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_floats(v) for v in value]
    return value


# json's C encoder only runs without ``indent``. Records are flat, so an item
# separator carrying the newline and indentation, plus a fix-up between
# records, gives exactly the ``indent=2`` text several times faster.
_LIST_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",\n      ", ": "))


def _section_text(section: str, records: list[dict[str, Any]]) -> str:
    """A non-empty list of flat records as ``json.dumps(indent=2)`` writes it at depth 1."""
    numeric = [k for k, (kind, _) in _SPECS[section].items() if kind != _TEXT]
    for r in records:
        for k in numeric:
            v = r.get(k)
            if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
                r[k] = int(v)
    text = _LIST_ENCODER.encode(records)  # '[{"id": "a",\n      "x": 1},\n      {"id": ...}]'
    # Values are scalars, so "},\n      {" only occurs between two records.
    return "[\n    {\n      " + text[2:-2].replace("},\n      {", "\n    },\n    {\n      ") + "\n    }\n  ]"


def dumps(diagram: Diagram) -> str:
    """The file text: ``json.dumps(indent=2)`` layout, whole numbers without ".0"."""
    parts = []
    for key, value in to_dict(diagram).items():
        if key in _SPECS and value:
            text = _section_text(key, value)
        else:
            text = json.dumps(_clean_floats(value), indent=2, ensure_ascii=False,
                              allow_nan=False).replace("\n", "\n  ")
        parts.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def encoded(text: str, path: str | os.PathLike, limit: int, what: str = msg("diagram")) -> bytes:
    """``text`` as UTF-8, or a SaveError when it cannot be encoded or the readers would refuse its size.

    Roundtrip never writes a file it cannot read back: the same limit applies on both sides.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise SaveError(msg("cannot save {path}: character {position} of the {what} text is a lone surrogate "
                            "(\\u{code}), which cannot be written",
                            path=path, position=e.start + 1, what=what,
                            code=f"{ord(text[e.start]):04x}")) from None
    if len(data) > limit:
        raise SaveError(msg("cannot save {path}: the {what} would be {data}, and Roundtrip reads {what}s "
                            "up to {limit}; export it as a CSV table instead, or split it",
                            path=path, what=what, data=megabytes(len(data)), limit=megabytes(limit)))
    return data


def save(diagram: Diagram, path: str | os.PathLike) -> None:
    """Save atomically: a failure leaves the old file as it was (and nothing unreadable is written)."""
    write_atomic(path, encoded(dumps(diagram), path, MAX_FILE_SIZE))


# --------------------------------------------------------------------- reading
_NUM = NUMBER
_OPT_NUM = OPTIONAL_NUMBER
_TEXT = TEXT

#: section -> {field: (kind, required)}, from the record classes.
_SPECS: dict[str, dict[str, tuple[str, bool]]] = {
    "flow_types": FLOW_TYPE_SPECS, "categories": CATEGORY_SPECS,
    "companies": COMPANY_SPECS, "flows": FLOW_SPECS,
}
_RECORD_CLASS = {"flow_types": FlowType, "categories": Category, "companies": Company, "flows": Flow}


#: Whole numbers written with more digits than this are read as "too large" without converting them.
MAX_NUMBER_DIGITS = 300


class _HugeNumber:
    """The digits of a whole number too long to convert (Python refuses past 4,300 digits)."""

    __slots__ = ("digits",)

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"{self.digits[:12]}… ({len(self.digits.lstrip('-'))} digits)"


def _parse_int(digits: str) -> int | _HugeNumber:
    return _HugeNumber(digits) if len(digits) > MAX_NUMBER_DIGITS else int(digits)


def _describe(value: Any) -> str:
    if isinstance(value, _HugeNumber):
        return repr(value)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
        return shown_number(value)
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, float) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_value(value: Any, kind: str) -> str | None:
    """None when ``value`` fits ``kind``, else what was expected."""
    if isinstance(value, _HugeNumber):
        return "is too large" if kind != _TEXT else msg("expected text")
    if kind == _TEXT:
        return None if isinstance(value, str) else msg("expected text")
    if kind == _OPT_NUM and value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return msg("expected a number")
    if isinstance(value, int) and abs(value) > 1e300:
        return "is too large"
    if not math.isfinite(value):
        return msg("expected a finite number")
    return None


def _records(section: str, items: Any, problems: list[str]) -> list[Any]:
    out: list[Any] = []
    if not isinstance(items, list):
        problems.append(msg("{section}: expected a list, got {value}",
                            section=section, value=_describe(items)))
        return out
    spec = _SPECS[section]
    cls = _RECORD_CLASS[section]
    known = spec.keys()
    must_have = {k for k, (_, req) in spec.items() if req}
    for i, item in enumerate(items):
        # Fast path: the record classes check every value themselves; only a record
        # they refuse goes through the field-by-field checks below for precise messages.
        if type(item) is dict and item.keys() <= known and must_have <= item.keys():
            try:
                out.append(cls(**item))
                continue
            except ModelError:
                pass
        where = f"{section}[{i}]"
        if not isinstance(item, dict):
            problems.append(msg("{where}: expected an object, got {value}",
                                where=where, value=_describe(item)))
            continue
        ok = True
        for key in item:
            if key not in spec:
                problems.append(msg("{where}.{key}: unknown field", where=where, key=key))
                ok = False
        for key, (kind, required) in spec.items():
            if key not in item:
                if required:
                    problems.append(msg("{where}.{key}: missing", where=where, key=key))
                    ok = False
                continue
            expected = _check_value(item[key], kind)
            if expected == "is too large":
                problems.append(msg("{where}.{key}: {value} is too large",
                                    where=where, key=key, value=_describe(item[key])))
                ok = False
            elif expected:
                problems.append(msg("{where}.{key}: {expected}, got {value}",
                                    where=where, key=key, expected=expected, value=_describe(item[key])))
                ok = False
        if not ok:
            continue
        try:
            out.append(cls(**item))
        except ModelError as e:
            problem = message_of(e)
            problems.append(msg("{where}.{problem}", where=where, problem=problem)
                            if split_field(problem)[0] in spec else
                            msg("{where}: {problem}", where=where, problem=problem))
        except TypeError as e:  # pragma: no cover - spec and class disagree
            problems.append(msg("{where}: {problem}", where=where, problem=e))
    return out


def from_dict(data: Any, path: str | os.PathLike | None = None) -> Diagram:
    """Validate plain values and build a diagram, or raise FormatError."""
    if not isinstance(data, dict):
        raise FormatError([msg("expected a Roundtrip document (a JSON object), got {value}",
                               value=_describe(data)[:20])],
                          path)
    if data.get("format") != FORMAT_NAME:
        found = _describe(data.get("format"))
        raise FormatError([msg("format: this is not a Roundtrip diagram (format is {found})",
                               found=found)], path)
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FormatError([msg("version: expected a whole number, got {value}",
                               value=_describe(version))], path)
    if version > LATEST_VERSION:
        raise FormatError([msg("version: this file was written by a newer Roundtrip (format version "
                               "{version}); this version reads up to {latest}. Please update "
                               "Roundtrip.",
                               version=version, latest=LATEST_VERSION)], path)
    if version < 1:
        raise FormatError([msg("version: {version} is not a valid format version", version=version)], path)

    problems: list[str] = []
    known = {"format", "version", "metadata", "flow_types", "categories", "companies", "flows"}
    if version >= VIEW_FORMAT_VERSION:
        known.add("view")
    for key in data:
        if key not in known:
            problems.append(msg("{key}: unknown section", key=key) if key != "view" else
                            msg("view: needs format version {needed} or later (the file says "
                                "{version})",
                                needed=VIEW_FORMAT_VERSION, version=version))
    view = view_settings.from_json(data["view"], problems) if "view" in known and "view" in data else None

    meta_raw = data.get("metadata", {})
    metadata = None
    if not isinstance(meta_raw, dict):
        problems.append(msg("metadata: expected an object, got {value}", value=_describe(meta_raw)))
    else:
        allowed = {f.name for f in fields(Metadata)}
        bad = False
        for k, v in meta_raw.items():
            if k not in allowed:
                problems.append(msg("metadata.{key}: unknown field", key=k))
                bad = True
            elif not isinstance(v, str):
                problems.append(msg("metadata.{key}: expected text, got {value}", key=k, value=_describe(v)))
                bad = True
        if not bad:
            try:
                metadata = Metadata(**meta_raw)
            except ModelError as e:
                problems.append(message_of(e))

    sections: dict[str, list[Any] | None] = {}
    for section in ("flow_types", "categories", "companies", "flows"):
        if section not in data:
            if section in ("companies", "flows"):
                problems.append(msg("{section}: missing", section=section))
            sections[section] = None
            continue
        sections[section] = _records(section, data[section], problems)

    if not problems:
        _check_references(sections, problems)
    if problems:
        raise FormatError(problems[:MAX_PROBLEMS] + (
            [msg("... {count} more", count=len(problems) - MAX_PROBLEMS)]
            if len(problems) > MAX_PROBLEMS else []), path)
    try:
        # "companies" and "flows" are lists here: a missing one is a problem, raised above
        diagram = Diagram.build(companies=sections["companies"] or [], flows=sections["flows"] or [],
                                flow_types=sections["flow_types"], categories=sections["categories"],
                                metadata=metadata)
    except ModelError as e:  # pragma: no cover - _check_references catches these first
        raise FormatError([message_of(e)], path) from None
    view_settings.set_view(diagram, view)
    return diagram


def _check_references(sections: dict[str, Any], problems: list[str]) -> None:
    seen: dict[str, str] = {}
    types = sections["flow_types"] if sections["flow_types"] is not None else DEFAULT_FLOW_TYPES
    cats = sections["categories"] if sections["categories"] is not None else DEFAULT_CATEGORIES
    if _references_pass(types, cats, sections["companies"], sections["flows"]):
        return  # (found by sets; the records are looked at one by one only for the messages)
    for section, records in (("flow_types", types), ("categories", cats),
                             ("companies", sections["companies"]), ("flows", sections["flows"])):
        for i, r in enumerate(records):
            if r.id in seen:
                problems.append(msg("{section}[{i}].id: {id} is already used by {seen}",
                                    section=section, i=i, id=repr(r.id), seen=seen[r.id]))
            else:
                seen[r.id] = f"{section}[{i}]"
    type_ids = {t.id for t in types}
    cat_ids = {c.id for c in cats}
    company_ids = {c.id for c in sections["companies"]}
    for i, c in enumerate(sections["companies"]):
        if c.category not in cat_ids:
            problems.append(msg("companies[{i}].category: {category} is not a category of this file",
                                i=i, category=repr(c.category)))
    for i, f in enumerate(sections["flows"]):
        for end in ("source", "target"):
            if getattr(f, end) not in company_ids:
                problems.append(msg("flows[{i}].{end}: {company} is not a company of this file",
                                    i=i, end=end, company=repr(getattr(f, end))))
        if f.type not in type_ids:
            problems.append(msg("flows[{i}].type: {type} is not a flow type of this file",
                                i=i, type=repr(f.type)))


def _references_pass(types: Sequence[FlowType], cats: Sequence[Category], companies: Sequence[Company],
                     flows: Sequence[Flow]) -> bool:
    """Whether :func:`_check_references` finds nothing: every id used once, every reference known."""
    get = attrgetter
    ids = [*map(get("id"), types), *map(get("id"), cats), *map(get("id"), companies), *map(get("id"), flows)]
    company_ids = set(map(get("id"), companies))
    return (len(set(ids)) == len(ids)
            and set(map(get("category"), companies)) <= set(map(get("id"), cats))
            and set(map(get("source"), flows)) <= company_ids
            and set(map(get("target"), flows)) <= company_ids
            and set(map(get("type"), flows)) <= set(map(get("id"), types)))


_UNPARSED = object()
#: Files up to this size are parsed by the json module alone: importing orjson (with datetime, uuid
#: and platform) costs more than it saves on them, and the window's first paint waits for the file.
ORJSON_FROM_BYTES = 256 * 1024
_TOO_DEEP = msg("the file is nested too deeply to be a Roundtrip diagram")


def _fast_parse(raw: bytes) -> Any:
    """The JSON values of ``raw`` by orjson, or _UNPARSED: then the json module parses it
    again, for its messages (orjson refuses everything json does, and NaN and huge numbers).
    orjson parses large files 2.5x faster than json (22 against 54 ms at 2,000/10,000)."""
    if len(raw) < ORJSON_FROM_BYTES:
        return _UNPARSED
    import orjson

    try:
        return orjson.loads(raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw)
    except Exception:
        return _UNPARSED


def loads(text: str | bytes, path: str | os.PathLike | None = None) -> Diagram:
    if isinstance(text, bytes):
        data = _fast_parse(text)
        if data is not _UNPARSED:
            try:
                return from_dict(data, path)
            except RecursionError:   # orjson reads deeper nesting than json; describing it fails
                raise FormatError([_TOO_DEEP], path) from None
        if not text.strip():
            raise FormatError([msg("the file is empty")], path)
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise FormatError([msg("byte {start}: the file is not UTF-8 text (is it a Roundtrip diagram?)",
                                   start=e.start)],
                              path) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise FormatError([msg("the file is empty")], path)
    try:
        data = json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)
    except json.JSONDecodeError as e:
        raise FormatError([msg("line {lineno}, column {colno}: not valid JSON ({reason})",
                               lineno=e.lineno, colno=e.colno, reason=e.msg)], path) from None
    except ValueError as e:
        raise FormatError([message_of(e)], path) from None
    except RecursionError:
        raise FormatError([_TOO_DEEP], path) from None
    return from_dict(data, path)


def _reject_constant(name: str) -> Any:
    raise ValueError(msg("{name} is not allowed in a Roundtrip file (amounts must be finite numbers)",
                         name=name))


def load(path: str | os.PathLike) -> Diagram:
    """Read and validate a diagram file; raises FormatError.

    Never blocks on a FIFO, never reads a device, never reads past the limit."""
    try:
        data = read_limited(path, MAX_FILE_SIZE, msg("opens diagrams"))
    except UnsafeInput as e:
        raise FormatError([e.reason], path) from None
    return loads(data, path)
