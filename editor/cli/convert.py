"""``roundtrip export`` and ``roundtrip convert``: file in, file out, one line of output.

Errors are raised as InputError/ModelError/OSError; :mod:`editor.cli.main` turns them
into one ``error:`` line and exit status 2. No Qt here: images are drawn by
:mod:`editor.canvas.export.image`, imported only when an image is asked for.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any

from editor.analysis import analyze_for_export
from editor.analysis.temporal import period_filter
from editor.analysis.timed import period_text
from editor.cli.analyze import check_period
from editor.cli.errors import print_safely
from editor.io import ledger, tableexport
from editor.io.errors import InputError
from editor.io.formats import Format, format_for, read_any, write_any
from editor.model import Diagram

_IMAGE_OPTIONS = ("title", "subtitle", "width", "no_legend", "sources", "transparent")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _report(written: list[Path], notes: list[str], what: str) -> None:
    for note in notes:
        print_safely(f"note: {note}", sys.stderr)
    extra = f" (and {', '.join(p.name for p in written[1:])})" if len(written) > 1 else ""
    print_safely(f"wrote {written[0]}{extra}: {what}")


def _summary(d: Diagram) -> str:
    n, m = len(d.companies()), len(d.flows())
    return f"{n} compan{'y' if n == 1 else 'ies'}, {m} flow{'' if m == 1 else 's'}"


def write_image(d: Diagram, path: Path, **options: Any) -> None:
    """Draw ``d`` as a PNG, SVG or PDF; Qt is imported only here, when an image is asked for."""
    # Loaded by name: the command line's data commands (and its type checks) stay free of Qt and the canvas.
    try:
        image = importlib.import_module("editor.canvas.export.image")
    except ImportError as e:
        raise InputError(f"{path.name}: image export is not available ({e})") from None
    image.export_image(d, path, **options)


def run_convert(args: argparse.Namespace) -> int:
    src, out = Path(args.input), Path(args.out)
    out_fmt = format_for(out, "write")
    if out_fmt.image:
        raise InputError(f"{out.name}: convert writes data files; use 'roundtrip export' for images")
    format_for(src, "read")
    if _same_file(src, out):
        raise InputError(f"{out}: the output would overwrite the input; choose another file name")
    if args.by and not args.aggregate:
        raise InputError("--by only applies with --aggregate")
    if args.aggregate:
        d, notes = ledger.load_ledger(src, ledger.parse_by(args.by) if args.by else ("type",))
    else:
        # tables keep no positions: no layout to compute
        d, notes = read_any(src, place=not out_fmt.table, decimal_mark=args.decimal_mark)
    written, write_notes = _write_data(d, out, out_fmt, raw=args.raw)
    _report(written, notes + write_notes, f"{out_fmt.name}, {_summary(d)}")
    return 0


def _in_period(d: Diagram, args: argparse.Namespace) -> tuple[Diagram, str | None]:
    """The diagram with only the flows of --from/--to (as a new diagram), and the caption line."""
    if getattr(args, "date_from", None) is None and getattr(args, "date_to", None) is None:
        return d, None
    s, info = period_filter(d.snapshot(), args.date_from, args.date_to)
    kept = Diagram.build(companies=s.companies, flows=s.flows, flow_types=s.flow_types,
                         categories=s.categories, metadata=s.metadata)
    left = f"; {info.flows_left_out} undated left out" if info.flows_left_out else ""
    return kept, f"Period {period_text(info)}: {info.flows_kept} of {len(d.flows())} flows{left}"


def write_replay(d: Diagram, out: Path | None, args: argparse.Namespace) -> int:
    """The animated replay (GIF) and/or its PNG frames; Qt and Pillow are imported only here."""
    try:
        replay = importlib.import_module("editor.canvas.export.replay")
    except ImportError as e:
        raise InputError(f"replay export is not available ({e})") from None
    count: int = replay.export_replay(d, out, step=args.step, frames_dir=args.frames, frame_ms=args.frame_ms,
                                      width=args.width, title=args.title, subtitle=args.subtitle,
                                      legend=not args.no_legend)
    return count


def _write_data(d: Diagram, out: Path, fmt: Format, *, raw: bool) -> tuple[list[Path], list[str]]:
    """A data file; ``raw`` writes CSV text cells untouched (no leading ' before formula characters)."""
    if raw and fmt.needs_analysis:
        return tableexport.export_tables(d, out, analyze_for_export(d.snapshot()), raw=True)
    return write_any(d, out, analyze=analyze_for_export)


def run_export(args: argparse.Namespace) -> int:
    src, out = Path(args.diagram), Path(args.out)
    check_period(args)
    replay = out.suffix.lower() == ".gif" or args.frames is not None
    if replay and out.suffix.lower() != ".gif" and not _same_file(out, Path(args.frames)):
        raise InputError(f"{out.name}: a replay is written as a .gif; "
                         "with --frames DIR only, give DIR as OUT too")
    out_fmt = None if replay else format_for(out, "write")
    format_for(src, "read")
    if _same_file(src, out):
        raise InputError(f"{out}: the output would overwrite the input; choose another file name")
    if args.width is not None and not 16 <= args.width <= 20000:
        raise InputError(f"--width: expected 16 to 20000 pixels, got {args.width}")
    d, notes = read_any(src)
    d, caption = _in_period(d, args)
    if caption is not None:
        args.subtitle = caption if not (args.subtitle or d.metadata.subtitle) else \
            f"{args.subtitle if args.subtitle is not None else d.metadata.subtitle} · {caption}"
    if replay:
        gif = out if out.suffix.lower() == ".gif" else None
        count = write_replay(d, gif, args)
        for note in notes:
            print(f"note: {note}", file=sys.stderr)
        where = [str(p) for p in (gif, args.frames) if p is not None]
        print(f"wrote {' and '.join(where)}: replay, {count} frame{'s' if count != 1 else ''} "
              f"(one per {args.step}), {_summary(d)}")
        return 0
    assert out_fmt is not None
    if out_fmt.image:
        options = dict(title=args.title, subtitle=args.subtitle, width=args.width, legend=not args.no_legend,
                       sources=args.sources, transparent=args.transparent)
        written, write_notes = write_any(d, out, image_writer=write_image, **options)
    else:
        used = [o for o in _IMAGE_OPTIONS if getattr(args, o, None) not in (None, False)]
        if used:
            notes = notes + [f"--{', --'.join(o.replace('_', '-') for o in used)} only appl"
                             f"{'ies' if len(used) == 1 else 'y'} to images; ignored for {out.suffix}"]
        written, write_notes = _write_data(d, out, out_fmt, raw=args.raw)
    _report(written, notes + write_notes, f"{out_fmt.name}, {_summary(d)}")
    return 0
