"""Names of loop patterns, from the flow types met going round a loop.

Every flow type falls in a *class* (investment, stock, purchase, revenue,
guarantee, other). A loop is read as the cyclic sequence of the classes of
its steps; the first rule of :data:`PATTERN_RULES` (or of the extra rules
given first) that matches the sequence, starting at any company of the
loop, names it. A rule's sequence is a tuple of tokens: ``"investment"``,
``"purchase|revenue"`` (either class), a ``+`` suffix for one or more, and
``"*"`` for any number of steps of any class.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from editor.model.texts import msg

#: Class of the flow type ids of a new diagram (editor/model/catalogue.py).
TYPE_CLASSES = {
    "venture": "investment",
    "equity": "investment",
    "warrants": "stock",
    "purchase": "purchase",
    "service": "purchase",
    "revenue": "revenue",
    "backstop": "guarantee",
}

#: Words that classify user-defined types by their id or name (first match wins).
_KEYWORDS = (
    ("stock", ("warrant", "stock", "share", "option")),
    ("investment", ("invest", "equity", "venture", "stake", "fund", "loan", "financ", "capital")),
    ("guarantee", ("guarant", "backstop", "insur")),
    ("purchase", ("purchas", "buy", "chip", "hardware", "gpu", "compute", "service", "cloud",
                  "contract", "lease", "licen", "supply")),
    ("revenue", ("revenue", "payment", "sale", "customer", "fee", "royalt")),
)


def classify_type(type_id: str, name: str = "") -> str:
    """The class of a flow type; unknown types are classified by keywords, else "other"."""
    if type_id in TYPE_CLASSES:
        return TYPE_CLASSES[type_id]
    text = f"{type_id} {name}".casefold()
    for cls, words in _KEYWORDS:
        if any(w in text for w in words):
            return cls
    return "other"


@dataclass(frozen=True)
class PatternRule:
    name: str
    sequence: tuple[str, ...]
    same_type: bool = False     # every step of the loop has the same flow type
    length: int | None = None   # only loops of this many companies
    description: str = ""


#: The one table of loop patterns, tried in order.
PATTERN_RULES: tuple[PatternRule, ...] = (
    PatternRule("round-trip trade", ("*",), same_type=True, length=2,
                description="two companies paying each other for the same kind of thing"),
    PatternRule("circular financing", ("investment|stock+",),
                description="investments only: money invested comes back as investment"),
    PatternRule("compute-for-equity", ("stock+", "purchase+"),
                description="stock or warrants handed out, then spent on compute or chips from the giver"),
    PatternRule("vendor financing", ("investment|stock+", "purchase+"),
                description="an investment that comes back to the investor as purchases"),
    PatternRule("investment-for-revenue", ("investment|stock+", "purchase|revenue+"),
                description="an investment that comes back to the investor as revenue"),
    PatternRule("revenue round trip", ("purchase|revenue+",),
                description="customer payments only, going round"),
    PatternRule("guaranteed loop", ("*", "guarantee", "*"),
                description="a loop held together by a capacity backstop or guarantee"),
)

FALLBACK = "mixed loop"


def _regex(rule: PatternRule) -> re.Pattern:
    parts = []
    for token in rule.sequence:
        if token == "*":
            parts.append(r"(?:\w+ )*")
            continue
        plus = token.endswith("+")
        alts = "|".join(re.escape(t) for t in token.rstrip("+").split("|"))
        parts.append(f"(?:(?:{alts}) )" + ("+" if plus else ""))
    return re.compile("".join(parts) + r"\Z")


_COMPILED: dict[PatternRule, re.Pattern] = {}


def _rotations(classes: Sequence[str]) -> list[str]:
    """Every rotation of the loop's classes, as 'class class ... ' strings."""
    text = "".join(c + " " for c in classes)
    cuts = [0]
    for c in classes[:-1]:
        cuts.append(cuts[-1] + len(c) + 1)
    return [text[i:] + text[:i] for i in cuts]


def _matches(rule: PatternRule, rotations: Sequence[str], n: int, same_type: bool) -> bool:
    if rule.length is not None and n != rule.length:
        return False
    if rule.same_type and not same_type:
        return False
    rx = _COMPILED.get(rule) or _COMPILED.setdefault(rule, _regex(rule))
    return any(rx.match(text) for text in rotations)


def pattern_name(types: Sequence[str], names: Sequence[str] | None = None,
                 extra_rules: Iterable[PatternRule] = ()) -> str:
    """Name of a loop whose steps have these flow type ids (with optional type names).

    ``extra_rules`` are tried before the built-in table. A loop of one
    user-defined type that no rule names is called "<type name> loop".
    """
    names = list(names) if names is not None else list(types)
    types = list(types)
    classes = [classify_type(t, n) for t, n in zip(types, names, strict=True)]
    rotations = _rotations(classes) if classes else []
    same_type = len(set(types)) == 1
    for rule in (*extra_rules, *PATTERN_RULES):
        if _matches(rule, rotations, len(classes), same_type):
            return rule.name
    if types and len(set(types)) == 1:
        return msg("{name} loop", name=names[0])
    return FALLBACK
