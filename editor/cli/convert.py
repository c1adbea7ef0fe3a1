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
from editor.io.errors import InputError
from editor.io.formats import format_for, read_any, write_any
from editor.model import Diagram

_IMAGE_OPTIONS = ("title", "subtitle", "width", "no_legend", "sources", "transparent")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _report(written: list[Path], notes: list[str], what: str) -> None:
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    extra = f" (and {', '.join(p.name for p in written[1:])})" if len(written) > 1 else ""
    print(f"wrote {written[0]}{extra}: {what}")


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
    d, notes = read_any(src, place=out_fmt.table)  # tables keep no positions: no layout to compute
    written, write_notes = write_any(d, out, analyze=analyze_for_export)
    _report(written, notes + write_notes, f"{out_fmt.name}, {_summary(d)}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    src, out = Path(args.diagram), Path(args.out)
    out_fmt = format_for(out, "write")
    format_for(src, "read")
    if _same_file(src, out):
        raise InputError(f"{out}: the output would overwrite the input; choose another file name")
    if args.width is not None and not 16 <= args.width <= 20000:
        raise InputError(f"--width: expected 16 to 20000 pixels, got {args.width}")
    d, notes = read_any(src)
    if out_fmt.image:
        options = dict(title=args.title, subtitle=args.subtitle, width=args.width, legend=not args.no_legend,
                       sources=args.sources, transparent=args.transparent)
        written, write_notes = write_any(d, out, image_writer=write_image, **options)
    else:
        used = [o for o in _IMAGE_OPTIONS if getattr(args, o, None) not in (None, False)]
        if used:
            notes = notes + [f"--{', --'.join(o.replace('_', '-') for o in used)} only appl"
                             f"{'ies' if len(used) == 1 else 'y'} to images; ignored for {out.suffix}"]
        written, write_notes = write_any(d, out, analyze=analyze_for_export)
    _report(written, notes + write_notes, f"{out_fmt.name}, {_summary(d)}")
    return 0
