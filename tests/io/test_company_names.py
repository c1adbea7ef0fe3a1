"""Companies named by a column of names get the same ids whether named at once or one by one."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.io.tablerows import RecordBuilder

PARTS = ["Acme", "acme", "ACME", "Beta", "beta corp", "Ωmega", "ǅ", "ß", "SS", "x-y", "x y", "x_y", "revenue",
         "company", "a_2", "f1", "--", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "é", "E\u0301", "1", "",
         "\u200b", "\x1c", "Zeta 9"]


def builder(existing: list[str]) -> RecordBuilder:
    b = RecordBuilder(None, None, None, None)
    b.named = []
    if existing:
        b.companies_for(existing)
    return b


def outcome(b: RecordBuilder, names: list[str]) -> tuple[object, ...]:
    ids = b.companies_for(names)
    return ids, b.named, b.by_key, b.taken


@settings(max_examples=400, deadline=None)
@given(names=st.lists(st.lists(st.sampled_from(PARTS), min_size=1, max_size=3).map("".join), unique=True,
                      max_size=12),
       existing=st.lists(st.sampled_from(["Acme", "a 2", "Beta", "x y", "revenue"]), unique=True, max_size=2))
def test_names_at_once_give_what_name_by_name_gives(names, existing):
    names = [n for n in names if n.strip()]  # (a flows table with an empty end is read row by row)
    at_once = outcome(builder(existing), names)
    one_by_one = builder(existing)
    one_by_one._plain_companies = lambda names: None  # type: ignore[method-assign]
    assert at_once == outcome(one_by_one, names)


def test_plain_names_are_named_at_once():
    b = builder([])
    assert b._plain_companies(["Acme Corp", "Beta", "Ωmega 2"]) == ["acme_corp", "beta", "mega_2"]
    assert b.named == [("acme_corp", "Acme Corp"), ("beta", "Beta"), ("mega_2", "Ωmega 2")]
    odd_names = (["Acme", "acme"], ["a b", "a-b"], [" Acme"], ["A  B"], ["A\tB"], ["A\nB"], ["Beta"],
                 ["x"] * 2)
    for odd in odd_names:
        assert builder(["Beta"])._plain_companies(odd) is None, odd


@settings(max_examples=300, deadline=None)
@given(names=st.lists(st.lists(st.sampled_from(PARTS), min_size=1, max_size=3).map("".join), max_size=8))
def test_name_keys_at_once_are_the_keys_name_by_name(names):
    from editor.io.companycolumns import _keys
    from editor.io.tablerows import name_key

    assert _keys(names) == [name_key(name) for name in names]
