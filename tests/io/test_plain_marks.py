"""A number column of plain numbers gets the decimal mark column_mark gives it, found at once."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.io import tableshapes
from editor.io.decimals import DecimalMarkError, column_mark
from editor.io.tables import Table

CELLS = st.sampled_from(["12", "0", "0.5", "0.500", "1.500", "00.500", "12.25", "3.141", "1,5", "1,500",
                         "1.500.000", " 1.5", "1.5\n", "1.", ".5", "٣.٥", "", "n/a", "7.000", "10.0000",
                         "-0.500", "+2.500", "-1737.88", "--1.5", "-", "+0.5"])


def outcome(make):
    try:
        return ("ok", make())
    except DecimalMarkError as e:
        return ("error", str(e))


@settings(max_examples=400, deadline=None)
@given(cells=st.lists(CELLS, unique=True, max_size=6))
def test_a_column_gets_the_mark_column_mark_gives(cells):
    table = Table("t.csv", ["amount"], None, numbers=range(2, len(cells) + 2), columns={"amount": cells},
                  text=True)
    assert outcome(lambda: tableshapes._column_mark(table, "amount")) == outcome(lambda: column_mark(cells))
    if tableshapes._plain_point(cells):
        assert column_mark(cells) == "."


def test_plain_numbers_with_a_point_beyond_doubt_are_found_at_once():
    assert tableshapes._plain_point(["12", "0.0548", "801"])
    assert tableshapes._plain_point(["1.500", "0.500"])
    assert not tableshapes._plain_point(["1.500", "12"])  # (a thousands point, perhaps: column_mark decides)
    assert not tableshapes._plain_point(["1,5", "0.5"]) and not tableshapes._plain_point([])
