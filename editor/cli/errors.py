"""The command line's own error (bad input on the command line), and printing that never fails."""
from __future__ import annotations

import sys
from typing import TextIO


class CliError(Exception):
    """Bad input on the command line: reported as one ``error:`` line, exit 2."""


def print_safely(text: str, stream: TextIO | None = None) -> None:
    """Print ``text`` even when the stream's encoding cannot show all of it.

    A path whose bytes are not UTF-8 arrives as lone surrogates (``\\udcff``); with a
    strict stdout encoding printing it would raise after the files are written. Such
    characters are shown as ``\\xff`` escapes instead.
    """
    out = sys.stdout if stream is None else stream
    try:
        print(text, file=out)
    except UnicodeEncodeError:
        encoding = getattr(out, "encoding", None) or "utf-8"
        print(text.encode(encoding, "backslashreplace").decode(encoding, "replace"), file=out)
