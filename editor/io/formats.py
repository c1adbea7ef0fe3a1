"""Which file extensions Roundtrip reads and writes, and with what. No Qt.

Used by ``roundtrip convert``/``export`` and by the app's Open/Import/Export
menus. Readers return ``(diagram, notes)``; writers take ``(diagram, path,
**options)`` and return ``(paths written, notes)``. Image writers import Qt
lazily (through :mod:`editor.canvas.export.image`) only when called.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from editor.model import Diagram
from editor.io.errors import InputError

Reader = Callable[[Path], "tuple[Diagram, list[str]]"]
Writer = Callable[..., "tuple[list[Path], list[str]]"]


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    reader: Reader | None
    writer: Writer | None
    image: bool = False


def _read_native(path: Path):
    from editor.io import native
    return native.load(path), []


def _write_native(d: Diagram, path: Path, **_: Any):
    from editor.io import native
    native.save(d, path)
    return [path], []


def _read_table(path: Path):
    from editor.io.edgelist import build_diagram, guess_columns, read_tables, summarize

    flows, companies, extra = read_tables(path)
    d, problems = build_diagram(flows, guess_columns(flows.headers), companies=companies, extra=extra)
    if problems:
        raise InputError(summarize(problems))
    return d, list(flows.notes) + (list(companies.notes) if companies else [])


def _write_table(d: Diagram, path: Path, **_: Any):
    from editor.io.tables import export_tables
    return export_tables(d, path)


def _read_graph(path: Path):
    from editor.io.graphformats import load_graph
    return load_graph(path)


def _write_graph(d: Diagram, path: Path, **_: Any):
    from editor.io.graphformats import save_graph
    return [path], save_graph(d, path)


def _write_image(d: Diagram, path: Path, **options: Any):
    try:
        from editor.canvas.export.image import export_image  # needs Qt: imported only for images
    except ImportError as e:
        raise InputError(f"{path.name}: image export is not available ({e})") from None
    export_image(d, path, **options)
    return [path], []


FORMATS: tuple[Format, ...] = (
    Format("Roundtrip diagram", (".roundtrip",), _read_native, _write_native),
    Format("CSV edge list", (".csv", ".tsv", ".tab", ".txt"), _read_table, _write_table),
    Format("Excel workbook", (".xlsx", ".xlsm"), _read_table, _write_table),
    Format("GraphML", (".graphml",), _read_graph, _write_graph),
    Format("GEXF (Gephi)", (".gexf",), _read_graph, _write_graph),
    Format("PNG image", (".png",), None, _write_image, image=True),
    Format("SVG image", (".svg",), None, _write_image, image=True),
    Format("PDF document", (".pdf",), None, _write_image, image=True),
)


def readable_extensions() -> list[str]:
    return [e for f in FORMATS if f.reader for e in f.extensions]


def writable_extensions(images: bool = True) -> list[str]:
    return [e for f in FORMATS if f.writer and (images or not f.image) for e in f.extensions]


def format_for(path: str | os.PathLike, mode: str, images: bool = True) -> Format:
    """The format of ``path`` for ``mode`` 'read' or 'write', or InputError listing the supported ones."""
    suffix = Path(path).suffix.lower()
    for f in FORMATS:
        if suffix in f.extensions and (f.reader if mode == "read" else f.writer) and (images or not f.image):
            return f
    allowed = readable_extensions() if mode == "read" else writable_extensions(images)
    what = f"'{suffix}'" if suffix else "no extension"
    verb = "read" if mode == "read" else "write"
    raise InputError(f"{Path(path).name}: cannot {verb} files with {what}; supported: {', '.join(allowed)}")


def read_any(path: str | os.PathLike) -> tuple[Diagram, list[str]]:
    p = Path(path)
    return format_for(p, "read").reader(p)  # type: ignore[misc]


def write_any(d: Diagram, path: str | os.PathLike, **options: Any) -> tuple[list[Path], list[str]]:
    p = Path(path)
    return format_for(p, "write").writer(d, p, **options)  # type: ignore[misc]
