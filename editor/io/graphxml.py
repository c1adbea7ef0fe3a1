"""What GraphML and GEXF share: safe XML parsing, escaping, the values written per record. No Qt."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from typing import Any

from editor.io.errors import InputError
from editor.io.fields import COMPANY_DETAILS, COMPANY_NUMBERS
from editor.io.fields import FLOW_TEXTS as _FLOW_TEXT
from editor.model import Company, Diagram, Flow
from editor.model.amounts import format_amount
from editor.model.texts import msg

MAX_XML_DEPTH = 100
MARKER = "roundtrip_document"  # graph attribute holding metadata and catalogues as JSON
_XML_ILLEGAL = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class Out:
    """An XML document being written: text escaping, and a count of characters XML cannot hold."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.dropped = 0

    def clean(self, text: str) -> str:
        if _XML_ILLEGAL.search(text):
            self.dropped += 1
            text = _XML_ILLEGAL.sub("", text)
        return text

    def text(self, value: str) -> str:
        return (self.clean(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", "&#13;"))

    def attr(self, value: Any) -> str:
        return ('"' + self.text(plain(value)).replace('"', "&quot;").replace("\n", "&#10;")
                .replace("\t", "&#9;") + '"')

    def notes(self) -> list[str]:
        if not self.dropped:
            return []
        return [msg("{count} text value(s) held control characters that XML cannot store; they were dropped",
                    count=self.dropped)]


def plain(value: Any) -> str:
    if isinstance(value, float):
        return format_amount(value)
    return str(value)


def rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def company_values(d: Diagram, c: Company) -> list[tuple[str, str, Any]]:
    cat = d.category(c.category)
    vals = [("label", "string", c.name), ("category", "string", c.category),
            ("category_name", "string", cat.name), ("category_color", "string", cat.color)]
    for name in COMPANY_DETAILS:
        v = getattr(c, name)
        if v is not None:
            vals.append((name, "double" if name in COMPANY_NUMBERS else "string", v))
    return vals


def flow_values(d: Diagram, f: Flow, type_key: str = "type") -> list[tuple[str, str, Any]]:
    """Every field of a flow; ``weight`` equals the amount where it is known (what other tools read)."""
    t = d.flow_type(f.type)
    label = t.name + ("" if f.amount is None else f" {plain(f.amount)}")
    vals: list[tuple[str, str, Any]] = [
        ("label", "string", label), (type_key, "string", f.type), ("type_name", "string", t.name),
        ("type_color", "string", t.color)]
    if f.amount is not None:
        vals.append(("amount", "double", f.amount))
    vals += [(n, "string", getattr(f, n)) for n in _FLOW_TEXT[1:]]
    return vals


def document_json(d: Diagram) -> str:
    return json.dumps({"metadata": {f.name: getattr(d.metadata, f.name) for f in fields(d.metadata)},
                       "flow_types": [t.to_dict() for t in d.flow_types()],
                       "categories": [c.to_dict() for c in d.categories()],
                       "company_order": [c.id for c in d.companies()]}, ensure_ascii=False)


# ===================================================================== reading
@dataclass
class Parsed:
    """A graph file read into plain records, before mapping to a diagram.

    ``nodes``: (id, values) of leaf nodes; a node inside groups has ``group`` set to
    the groups' labels joined by " / ". ``edges``: (id, source, target, directed, values).
    ``groups``: ids of group nodes (never companies) by id -> label.
    """

    graph: dict[str, str] = field(default_factory=dict)
    nodes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    edges: list[tuple[str | None, str, str, bool, dict[str, Any]]] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def text_of(el: Any) -> str:
    return "".join(el.itertext())


def parse_xml(data: bytes, name: str) -> Any:
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    if not data.strip():
        raise InputError(msg("{name}: the file is empty", name=name))
    try:
        root = DET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as e:
        raise InputError(msg("{name}: refused: the file uses XML features (DTDs, entities or external "
                             "references) that a graph file does not need ({reason})",
                             name=name, reason=type(e).__name__)) from None
    except ParseError as e:
        line, col = getattr(e, "position", (0, 0))
        reason = str(e).split(":")[0]
        raise InputError(msg("{name}: line {line}, column {column}: not valid XML ({reason})",
                             name=name, line=line, column=col + 1, reason=reason)) from None
    except RecursionError:
        raise InputError(msg("{name}: the XML is nested too deeply", name=name)) from None
    except (LookupError, ValueError, UnicodeError) as e:  # e.g. an unknown encoding in the declaration
        raise InputError(msg("{name}: not readable XML ({reason})", name=name, reason=e)) from None
    stack = [(root, 0)]
    while stack:
        el, depth = stack.pop()
        if depth > MAX_XML_DEPTH:
            raise InputError(msg("{name}: the XML is nested too deeply (more than {depth} "
                                 "levels); this is not a graph file Roundtrip can read",
                                 name=name, depth=MAX_XML_DEPTH))
        stack.extend((child, depth + 1) for child in el)
    return root
