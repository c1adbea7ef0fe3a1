"""``roundtrip export`` and ``roundtrip convert``: file in, file out, one line of output.

Errors are raised as InputError/ModelError/OSError; :mod:`editor.cli.main` turns them
into one ``error:`` line and exit status 2. No Qt here (images are exported by
:mod:`editor.canvas.export.image`, imported only when an image is asked for).
"""
from __future__ import annotations

import sys
from pathlib import Path

from editor.io.errors import InputError
from editor.io.formats import format_for

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


def _summary(d) -> str:
    n, m = len(d.companies()), len(d.flows())
    return f"{n} compan{'y' if n == 1 else 'ies'}, {m} flow{'' if m == 1 else 's'}"


def _read(path: str):
    p = Path(path)
    fmt = format_for(p, "read")
    if not p.exists():
        raise InputError(f"{p}: no such file")
    return fmt.reader(p)  # type: ignore[misc]


def run_convert(args) -> int:
    src, out = Path(args.input), Path(args.out)
    out_fmt = format_for(out, "write", images=False) if not format_for(out, "write").image else None
    if out_fmt is None:
        raise InputError(f"{out.name}: convert writes data files; use 'roundtrip export' for images")
    format_for(src, "read")
    if _same_file(src, out):
        raise InputError(f"{out}: the output would overwrite the input; choose another file name")
    d, notes = _read(args.input)
    written, write_notes = out_fmt.writer(d, out)  # type: ignore[misc]
    _report(written, notes + write_notes, f"{out_fmt.name}, {_summary(d)}")
    return 0


def run_export(args) -> int:
    src, out = Path(args.diagram), Path(args.out)
    out_fmt = format_for(out, "write")
    format_for(src, "read")
    if _same_file(src, out):
        raise InputError(f"{out}: the output would overwrite the input; choose another file name")
    if args.width is not None and not 16 <= args.width <= 20000:
        raise InputError(f"--width: expected 16 to 20000 pixels, got {args.width}")
    d, notes = _read(args.diagram)
    if out_fmt.image:
        options = dict(title=args.title, subtitle=args.subtitle, width=args.width, legend=not args.no_legend,
                       sources=args.sources, transparent=args.transparent)
        written, write_notes = out_fmt.writer(d, out, **options)  # type: ignore[misc]
    else:
        used = [o for o in _IMAGE_OPTIONS if getattr(args, o, None) not in (None, False)]
        if used:
            notes = notes + [f"--{', --'.join(o.replace('_', '-') for o in used)} only appl"
                             f"{'ies' if len(used) == 1 else 'y'} to images; ignored for {out.suffix}"]
        written, write_notes = out_fmt.writer(d, out)  # type: ignore[misc]
    _report(written, notes + write_notes, f"{out_fmt.name}, {_summary(d)}")
    return 0
