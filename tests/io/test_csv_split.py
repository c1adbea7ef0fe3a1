"""The quote-free CSV split gives exactly the records csv.reader gives, or leaves the text to it."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.io import tables
from editor.io.csvsplit import split_plain
from editor.io.errors import InputError

CHARS = st.sampled_from(list("ab ,;\t|\"\r\n'=-é\x00\u2028\x0b") + ["x"] * 6)


def reader_records(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))


def split_records(text: str, delimiter: str, max_line: int = 1000) -> list[list[str]] | None:
    split = split_plain(text, delimiter, max_records=1000, max_line=max_line)
    if split is None:
        return None
    header, columns = split
    return [header, *map(list, zip(*columns, strict=True))]


@st.composite
def grids(draw: st.DrawFn) -> str:
    """Mostly regular tables (so the split is taken), joined by random line ends, with odd cells at times."""
    width = draw(st.integers(1, 4))
    cell = st.text(CHARS, max_size=4) if draw(st.booleans()) else st.text(st.sampled_from("abx =é"),
                                                                          max_size=4)
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=6))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return delimiter, end.join(delimiter.join(r) for r in rows) + draw(st.sampled_from(["", end]))


@settings(max_examples=400, deadline=None)
@given(case=grids())
def test_split_is_what_csv_reader_reads(case):
    delimiter, text = case
    records = split_records(text, delimiter)
    if records is not None:
        assert records == reader_records(text, delimiter)


@settings(max_examples=300, deadline=None)
@given(text=st.text(CHARS, max_size=40), delimiter=st.sampled_from([",", ";", "\t"]))
def test_any_text_splits_as_csv_reader_reads_it_or_not_at_all(text, delimiter):
    records = split_records(text, delimiter)
    if records is not None:
        assert records == reader_records(text, delimiter)


@st.composite
def ragged(draw: st.DrawFn) -> tuple[str, str, bool]:
    """Tables whose lines are at times one cell narrower or wider than the header (a line break now
    and then inside a cell, a blank line), and whether every line is as wide as the header."""
    width = draw(st.integers(2, 4))
    widths = draw(st.lists(st.sampled_from([width - 1, width, width, width + 1]), min_size=1, max_size=8))
    cell = st.text(st.sampled_from("ab ") if draw(st.booleans()) else st.sampled_from("ab \n"), max_size=3)
    rows = [[draw(cell) for _ in range(w)] for w in [width, *widths]]
    delimiter = draw(st.sampled_from([",", ";"]))
    text = "\n".join(delimiter.join(r) for r in rows) + draw(st.sampled_from(["", "\n", "\n\n"]))
    even = (set(widths) == {width} and not any("\n" in c for r in rows for c in r)
            and not text.endswith("\n\n") and rows[0][-1].strip() != ""
            and all("".join(r).strip() for r in rows[1:]))
    return delimiter, text, even


@settings(max_examples=400, deadline=None)
@given(case=ragged())
def test_lines_of_other_widths_are_left_to_csv_reader_and_even_ones_split(case):
    delimiter, text, even = case
    records = split_records(text, delimiter)
    if even:
        assert records is not None
    if records is not None:
        assert records == reader_records(text, delimiter)


@settings(max_examples=300, deadline=None)
@given(case=grids(), limit=st.integers(1, 6))
def test_the_cell_length_limit_refuses_exactly_the_longer_cells(case, limit):
    delimiter, text = case
    records = split_records(text, delimiter)
    if records is not None:
        longest = max(len(c) for r in records for c in r)
        assert (split_records(text, delimiter, max_line=limit) is not None) == (longest <= limit)


@pytest.mark.parametrize("long_at", [0, 1, 2, 5, 39, 40, 41, 80])
def test_a_cell_longer_than_the_limit_is_left_to_csv_reader_wherever_it_is(long_at):
    """Long cells are found by blocks of the text: a cell one character too long is found at any offset."""
    head = "a,b\n" + "x,y\n" * long_at
    for length, taken in ((40, True), (41, False)):
        for column in (0, 1):
            row = ["1", "2"]
            row[column] = "z" * length
            text = head + ",".join(row) + "\n" + "x,y\n" * 3
            assert (split_records(text, ",", max_line=40) is not None) == taken, (long_at, length, column)


def test_plain_table_is_split_and_odd_ones_are_left_to_csv_reader():
    assert split_records("a,b\r\n1,2\r\n3, 4 \r\n", ",") == [["a", "b"], ["1", "2"], ["3", " 4 "]]
    assert split_records("a;b\n", ";") == [["a", "b"]]
    assert split_records("a,b\r\n1,2\n3,4\r\n", ",") == [["a", "b"], ["1", "2"], ["3", "4"]]  # mixed ends
    assert split_records("a,b\r\n1,\r\n,4", ",") == [["a", "b"], ["1", ""], ["", "4"]]
    for text in ('a,b\n"1",2\n', "a,b\n\n1,2\n", "a,b\n1,2,3\n", "a,b\r1,2\n", "a,b\n , \n", "a,\n1,2\n",
                 "a\n1\n", "a,b\n1\x00,2\n", "a,b,c\n1,2,3,4\n5,6\n", "a,b\n1,2\n\n", "a,b\n1\n2,3,4\n",
                 "a,b\n\n", "a,b,c\n1,2\n3,4\n5,6\n"):
        assert split_records(text, ",") is None, text
    assert split_records("a,b\n" + "x" * 50 + ",1\n", ",", max_line=40) is None


def write_table(tmp_path: Path, text: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=grids(), bom=st.booleans())
def test_file_read_split_or_by_csv_reader_gives_the_same_table(case, bom, tmp_path, monkeypatch):
    delimiter, text = case
    path = write_table(tmp_path, ("\ufeff" if bom else "") + text, "t.tsv" if delimiter == "\t" else "t.csv")

    def read() -> tuple[str, object]:
        try:
            t = tables.read_text_table(path)
        except InputError as e:
            return ("error", str(e))
        return ("ok", t.headers, t.numbers, t.rows, t.notes, t.text)

    fast = read()
    with monkeypatch.context() as m:
        m.setattr(tables, "split_plain", lambda *a, **k: None)
        slow = read()
    assert fast == slow


def test_a_large_plain_file_is_split(tmp_path, monkeypatch):
    rows = "".join(f"Payer {i % 97},Payee {i % 89},{i}.5\n" for i in range(3000))
    path = write_table(tmp_path, "source,target,amount\n" + rows)
    calls = []
    split = tables.split_plain
    monkeypatch.setattr(tables, "split_plain", lambda *a, **k: calls.append(split(*a, **k)) or calls[-1])
    t = tables.read_text_table(path)
    assert calls and calls[0] is not None
    assert t.text and t.numbers[:2] == [2, 3] and len(t.numbers) == 3000
    assert t.column("amount")[2999] == "2999.5"
    assert t.rows[0].cells == {"source": "Payer 0", "target": "Payee 0", "amount": "0.5"}


@pytest.mark.parametrize("text", ["a,a\n1,2\n", "a,b,c\n" + "1,2,3\n" * 5])
def test_split_table_messages_are_those_of_the_grid(text, tmp_path, monkeypatch):
    path = write_table(tmp_path, text)
    try:
        fast = ("ok", tables.read_text_table(path).rows)
    except InputError as e:
        fast = ("error", str(e))
    monkeypatch.setattr(tables, "split_plain", lambda *a, **k: None)
    try:
        slow = ("ok", tables.read_text_table(path).rows)
    except InputError as e:
        slow = ("error", str(e))
    assert fast == slow
