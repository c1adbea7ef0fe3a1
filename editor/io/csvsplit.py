"""The columns of a CSV text without quotes, split at C speed: what ``csv.reader`` reads, without it. No Qt.

Most large tables (exports of databases, generated edge lists) quote nothing: each line is one
record and each delimiter ends a cell. Such a text is split by :func:`split_plain` with a few
``str`` methods over the whole text (no Python step per row): the lines, a count of delimiters
in each, then one split of all the cells, taken apart into columns by slicing. It gives exactly
the cells ``csv.reader(io.StringIO(text, newline=""), delimiter=..., strict=True)`` gives, and
gives None for any text where that is not certain (a quote, a NUL, a lone carriage return, a
blank line or row, a line with another count of cells, a long line, a header with blank cells at
its end), which is then read by ``csv.reader`` record by record. ``tests/io/test_csv_split.py``
compares both on random texts.
"""
from __future__ import annotations

from operator import methodcaller


def split_plain(text: str, delimiter: str, *, max_records: int, max_line: int
                ) -> tuple[list[str], list[list[str]]] | None:
    """The header's cells and the data columns of ``text``, or None when ``csv.reader`` must read it.

    ``max_records``: more lines than this (the header included) give None; ``max_line``: so does a
    line longer than this (no cell is longer than its line).
    """
    if (len(delimiter) != 1 or delimiter in '"\r\n' or '"' in text or "\x00" in text
            or text.count("\n") > max_records):
        return None  # (too many lines: left to csv.reader, which stops at the limit)
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None  # a lone carriage return ends a record too: csv.reader decides
        text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the end of the last line, not a record
    if not lines or len(lines) > max_records:
        return None
    seps = lines[0].count(delimiter)
    if seps == 0 or len(text) > max_line and max(map(len, lines)) > max_line:
        return None
    counts = set(map(methodcaller("count", delimiter), lines))
    if counts != {seps}:
        return None  # a blank line, or a row of another width
    header = lines[0].split(delimiter)
    if not header[-1].strip():
        return None  # a header whose last cells are blank: read as the grid is
    width = seps + 1
    cells = delimiter.join(lines[1:]).split(delimiter) if len(lines) > 1 else []
    columns = [cells[i::width] for i in range(width)]
    if not all(map(str.strip, columns[0])):  # a row starting with a blank cell: is all of it blank?
        rows = zip(*columns, strict=True)
        if not all(map(str.strip, map("".join, rows))):
            return None  # a blank row: read as the grid is
    return header, columns
