"""The columns of a CSV text without quotes, split at C speed: what ``csv.reader`` reads, without it. No Qt.

Most large tables (exports of databases, generated edge lists) quote nothing: each line is one
record and each delimiter ends a cell. Such a text is split by :func:`split_plain` with a few
``str`` methods over the whole text (no Python step per row): one split of the whole text at
its delimiters. When every line has as many delimiters as the header, the pieces holding a line
break are exactly every ``width - 1``-th, each holding one: the last cell of a line and the first of
the next, split apart in one go; the other columns are taken by slicing. It gives exactly the cells
``csv.reader(io.StringIO(text, newline=""), delimiter=..., strict=True)`` gives, and gives None for
any text where that is not certain (a quote, a NUL, a lone carriage return, a blank line or row, a
line with another count of cells, a long cell, a header with blank cells at its end), which is then
read by ``csv.reader`` record by record. ``tests/io/test_csv_split.py`` compares both on random texts.
"""
from __future__ import annotations

from itertools import chain, repeat
from operator import contains


def _short_cells(text: str, delimiter: str, longest: int) -> bool:
    """True when no cell of ``text`` can be longer than ``longest``: a cell of ``2 * block - 1`` characters
    or more holds one of the text's blocks of ``block`` characters (from the start), so each of those
    holding a delimiter or a line break is enough. (False: not known.)"""
    block = (longest + 2) // 2
    find = text.find
    return all(find(delimiter, start, start + block) >= 0 or find("\n", start, start + block) >= 0
               for start in range(0, len(text) - block + 1, block))


def split_plain(text: str, delimiter: str, *, max_records: int, max_line: int
                ) -> tuple[list[str], list[list[str]]] | None:
    """The header's cells and the data columns of ``text``, or None when ``csv.reader`` must read it.

    ``max_records``: more lines than this (the header included) give None; ``max_line``: so does a
    cell longer than this (:func:`_short_cells`, else every cell is measured).
    """
    breaks = text.count("\n")
    if len(delimiter) != 1 or delimiter in '"\r\n' or '"' in text or "\x00" in text or breaks > max_records:
        return None  # (too many lines: left to csv.reader, which stops at the limit)
    end = "\n"  # how the lines end
    if "\r" in text:
        returns = text.count("\r")
        if returns != text.count("\r\n"):
            return None  # a lone carriage return ends a record too: csv.reader decides
        if returns == breaks:
            end = "\r\n"  # (every line: the text is split as it is)
        else:
            text = text.replace("\r\n", "\n")
    if not text:
        return None
    first_end = text.find("\n")
    seps = text.count(delimiter, 0, len(text) if first_end < 0 else first_end)
    lines = breaks + (not text.endswith("\n"))  # (the end of the last line is not a record)
    if seps == 0 or lines > max_records:
        return None
    pieces = text.split(delimiter)
    if text.endswith("\n"):
        pieces[-1] = pieces[-1][:-len(end)]
    if len(pieces) != lines * seps + 1:
        return None  # a line of another width somewhere
    # As many delimiters as lines of the header's width; the lines, but for the header alone, each
    # end in a piece between two delimiters (every seps-th piece). Every line is that wide when each
    # of those pieces holds a line break and they hold all the text's line breaks, one each.
    between = pieces[seps:-1:seps]
    ends: list[str] = []
    if between:
        if not all(map(contains, between, repeat("\n"))):
            return None
        ends = end.join(between).split(end)  # the last cell of a line, the first of the next, ...
        if len(ends) != 2 * len(between):
            return None  # a line break inside another piece: a blank line, or lines of other widths
    header = [*pieces[:seps], ends[0] if between else pieces[-1]]
    if not header[-1].strip():
        return None  # a header whose last cells are blank: read as the grid is
    columns = ([ends[1::2], *(pieces[seps + j::seps] for j in range(1, seps)), [*ends[2::2], pieces[-1]]]
               if between else [[] for _ in header])  # (the header alone)
    if not _short_cells(text, delimiter, max_line) and max(map(len, [*header, *chain(*columns)])) > max_line:
        return None  # a cell longer than max_line
    if not all(map(str.strip, columns[0])):  # a row starting with a blank cell: is all of it blank?
        rows = zip(*columns, strict=True)
        if not all(map(str.strip, map("".join, rows))):
            return None  # a blank row: read as the grid is
    return header, columns
