"""The ``roundtrip`` subcommands: analyze / export / convert (no Qt, no app).

:func:`editor.__main__.main` sends these subcommands here and anything else to the app:

    roundtrip [FILE]                 open the editor (the AI sample on first run)
    roundtrip analyze PATH [...]     print loops and metrics (text or --json)
    roundtrip export DIAGRAM OUT     image, table or graph file, by OUT's extension (.gif: a replay)
    roundtrip convert IN OUT         native, CSV/XLSX/Parquet, GraphML, GEXF (--aggregate: sum a ledger)
    roundtrip stress PATH [...]      who defaults when money falls short (text or --json)

Errors in input give exit status 2 and one line on stderr starting "error:".
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from editor import __version__
from editor.cli.errors import CliError, print_safely
from editor.io.errors import InputError
from editor.model import ModelError


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roundtrip",
        description="Roundtrip: draw money-flow diagrams and see which money comes back.")
    parser.add_argument("--version", action="version", version=f"Roundtrip {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser("analyze", help="print loops and metrics of a diagram or edge list")
    a.add_argument("path", metavar="PATH",
                   help="a .roundtrip diagram, a CSV/XLSX edge list, or a GraphML/GEXF file")
    a.add_argument("--json", action="store_true", help="print one JSON object instead of a report")
    a.add_argument("--max-loops", type=int, default=100, metavar="N", help="loops to list (0: no cap)")
    a.add_argument("--max-length", type=int, default=12, metavar="L", help="longest loop, in companies")
    a.add_argument("--through", metavar="COMPANY", help="only loops through this company")
    _period_arguments(a)
    a.add_argument("--date-ordered", action="store_true",
                   help="list only the loops whose deals can be read in date order")
    a.add_argument("--within", type=int, metavar="DAYS",
                   help="with --date-ordered: at most DAYS from the first to the last deal of a loop")

    e = sub.add_parser("export", help="export a diagram to png, svg, pdf, csv, xlsx, graphml or gexf")
    e.add_argument("diagram", metavar="DIAGRAM")
    e.add_argument("out", metavar="OUT")
    e.add_argument("--title", help="title printed above the image")
    e.add_argument("--subtitle", help="subtitle printed under the title")
    e.add_argument("--width", type=int, metavar="PX", help="PNG width in pixels")
    e.add_argument("--no-legend", action="store_true", help="leave the legend out")
    e.add_argument("--sources", action="store_true", help="add numbered source footnotes")
    e.add_argument("--transparent", action="store_true", help="PNG with a transparent background")
    _period_arguments(e)
    e.add_argument("--frames", metavar="DIR",
                   help="replay: also write the frames as numbered PNGs into DIR (OUT may then be DIR too)")
    e.add_argument("--step", choices=("deal", "month"), default="deal",
                   help="replay: one frame per deal (default) or per month")
    e.add_argument("--frame-ms", type=int, default=900, metavar="MS", help="replay: milliseconds per frame")
    e.add_argument("--raw", action="store_true",
                   help="CSV: write text cells untouched (no leading ' before =+-@)")

    c = sub.add_parser("convert", help="convert between .roundtrip, csv, xlsx, graphml and gexf")
    c.add_argument("input", metavar="IN")
    c.add_argument("out", metavar="OUT")
    c.add_argument("--aggregate", action="store_true",
                   help="IN is a ledger (one row per payment): sum its rows into company-to-company flows")
    c.add_argument("--by", metavar="type,month",
                   help="with --aggregate: group by type and/or one period (month, quarter, year); "
                        "default: type")
    c.add_argument("--raw", action="store_true",
                   help="CSV: write text cells untouched (no leading ' before =+-@)")
    for sp in (a, c):
        sp.add_argument("--decimal-mark", choices=(",", "."), metavar="MARK",
                        help="decimal mark of a table's numbers when the file leaves it open: ',' or '.'")

    s = sub.add_parser("stress", help="clear every obligation: who defaults when money falls short")
    s.add_argument("path", metavar="PATH", help="a .roundtrip diagram, or a CSV/XLSX edge list")
    s.add_argument("--obligations", choices=("due", "all"), default="due",
                   help="flows owed: still due (committed, announced, unconfirmed; default) or all")
    s.add_argument("--assets", action="append", metavar="NAME=AMOUNT",
                   help="outside money of a company (default: its revenue, else 0); repeatable")
    s.add_argument("--shock", action="append", metavar="NAME=FRACTION",
                   help="cut a company's outside money by FRACTION (0 to 1); repeatable")
    s.add_argument("--json", action="store_true", help="print one JSON object instead of a report")
    return parser


#: The longest ``error:`` line printed; a longer message (one quoting a huge cell) is cut.
MAX_ERROR_LENGTH = 400


def error_line(message: str) -> str:
    """The one ``error:`` line for ``message``: its first line, spaces collapsed, cut to a readable length."""
    first = " ".join(str(message)[: MAX_ERROR_LENGTH * 4].split("\n")[0].split())
    if len(first) > MAX_ERROR_LENGTH:
        first = first[: MAX_ERROR_LENGTH - 1] + "…"
    return f"error: {first}"


def _period_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="keep only flows dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   help="keep only flows dated on or before DATE (a partial date is its first day)")


def _error(message: str) -> int:
    print_safely(error_line(message), sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand (``argv`` without the program name); returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = _build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as e:  # argparse already printed "error: ..." (exit 2) or help (exit 0)
        return int(e.code or 0)

    try:
        # each command imports only what it needs (the stress test alone needs scipy, images need Qt)
        if args.command == "analyze":
            from editor.cli.analyze import run_analyze

            return run_analyze(args)
        if args.command == "export":
            from editor.cli.convert import run_export

            return run_export(args)
        if args.command == "convert":
            from editor.cli.convert import run_convert

            return run_convert(args)
        if args.command == "stress":
            from editor.cli.stress import run_stress_command

            return run_stress_command(args)
    except (CliError, InputError, ModelError) as e:
        return _error(str(e))
    except OSError as e:
        name = f" {e.filename}" if getattr(e, "filename", None) else ""
        return _error(f"cannot access{name}: {e.strerror or e}")
    parser.print_help()
    return 0
