"""The one list of file formats Roundtrip reads and writes, and the one way to read a file. No Qt.

Used by ``roundtrip analyze``/``convert``/``export`` and by the app's Open,
Import and Export menus and dialogs. Readers return ``(diagram, notes)``; data
writers take ``(diagram, path, analysis)`` and return ``(paths written, notes)``.

Image formats (PNG, SVG, PDF) are only *described* here (name, extensions,
``image=True``): drawing them needs Qt, so the layer above passes its image
writer in (``write_any(..., image_writer=editor.canvas.export.image.export_image)``).
The CSV/XLSX writers also write the loops and metrics tables: the caller passes
the analysis function (``analyze=editor.analysis.analyze_for_export``), which is
only run for those formats.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.io import graphformats, kumu, ledger, native, tableexport, tables
from editor.io.edgelist import load_table_with_notes
from editor.io.errors import InputError
from editor.model import Diagram, Snapshot
from editor.model.texts import msg

Reader = Callable[[Path], tuple[Diagram, list[str]]]
#: ``writer(diagram, path, analysis)``: ``analysis`` is the diagram's analysis result, or None.
Writer = Callable[[Diagram, Path, Any], tuple[list[Path], list[str]]]
ImageWriter = Callable[..., None]
Analyze = Callable[[Snapshot], Any]


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    reader: Reader | None
    writer: Writer | None
    image: bool = False
    #: A table format: its writer also writes the analysis (loops and metrics tables).
    needs_analysis: bool = False
    #: A spreadsheet the import dialog previews row by row (and lets the user map columns).
    table: bool = False


def _read_native(path: Path) -> tuple[Diagram, list[str]]:
    return native.load(path), []


def _write_native(d: Diagram, path: Path, _analysis: Any) -> tuple[list[Path], list[str]]:
    native.save(d, path)
    return [path], []


def _write_table(d: Diagram, path: Path, analysis: Any) -> tuple[list[Path], list[str]]:
    if analysis is None:
        raise ValueError("a table export needs the diagram's analysis (pass analyze=...)")
    return tableexport.export_tables(d, path, analysis)


def _write_graph(d: Diagram, path: Path, _analysis: Any) -> tuple[list[Path], list[str]]:
    return [path], graphformats.save_graph(d, path)


def _write_yed(d: Diagram, path: Path, _analysis: Any) -> tuple[list[Path], list[str]]:
    return [path], graphformats.save_graph(d, path, yed=True)


def _write_kumu(d: Diagram, path: Path, _analysis: Any) -> tuple[list[Path], list[str]]:
    return [path], kumu.save_kumu(d, path)


FORMATS: tuple[Format, ...] = (
    Format("Roundtrip diagram", (".roundtrip",), _read_native, _write_native),
    Format("CSV edge list", tables.TEXT_EXTENSIONS, load_table_with_notes, _write_table,
           needs_analysis=True, table=True),
    Format("Excel workbook", tables.XLSX_EXTENSIONS, load_table_with_notes, _write_table,
           needs_analysis=True, table=True),
    # Parquet is read as a ledger: rows summed per payer, payee and type (see editor.io.ledger).
    Format("Parquet table", ledger.PARQUET_EXTENSIONS, ledger.read_parquet, None),
    # Two-part extensions name a variant for another tool; format_for prefers the longest match.
    Format("Kumu workbook", (".kumu.xlsx",), load_table_with_notes, _write_kumu, table=True),
    Format("GraphML", (".graphml",), graphformats.load_graph, _write_graph),
    Format("GraphML for yEd", (".yed.graphml",), graphformats.load_graph, _write_yed),
    Format("GEXF (Gephi)", (".gexf",), graphformats.load_graph, _write_graph),
    Format("PNG image", (".png",), None, None, image=True),
    Format("SVG image", (".svg",), None, None, image=True),
    Format("PDF document", (".pdf",), None, None, image=True),
)

NATIVE = FORMATS[0]
#: Extensions of the spreadsheets (CSV/TSV/text and Excel) that are imported row by row.
TABLE_EXTENSIONS: tuple[str, ...] = tuple(e for f in FORMATS if f.table for e in f.extensions)


def _writes(f: Format, images: bool) -> bool:
    return bool(f.writer) or (images and f.image)


def readable_extensions() -> list[str]:
    return [e for f in FORMATS if f.reader for e in f.extensions]


def writable_extensions(images: bool = True) -> list[str]:
    return [e for f in FORMATS if _writes(f, images) for e in f.extensions]


def is_table(path: str | os.PathLike) -> bool:
    """A spreadsheet (CSV/TSV/XLSX...) by its extension."""
    return Path(path).suffix.lower() in TABLE_EXTENSIONS


def _matches(name: str, extension: str) -> bool:
    return name.endswith(extension) and len(name) > len(extension)


def format_for(path: str | os.PathLike, mode: str, images: bool = True) -> Format:
    """The format of ``path`` for ``mode`` 'read' or 'write', or InputError listing the supported ones.

    The longest matching extension wins: ``deals.yed.graphml`` is GraphML for yEd.
    """
    name = Path(path).name.lower()
    suffix = Path(path).suffix.lower()
    found = [(len(e), i) for i, f in enumerate(FORMATS) for e in f.extensions
             if _matches(name, e) and (f.reader if mode == "read" else _writes(f, images))]
    if found:
        return FORMATS[max(found, key=lambda t: (t[0], -t[1]))[1]]
    allowed = readable_extensions() if mode == "read" else writable_extensions(images)
    what = f"'{suffix}'" if suffix else msg("no extension")
    verb = msg("read") if mode == "read" else msg("write")
    raise InputError(msg("{name}: cannot {verb} files with {what}; supported: {allowed}",
                         name=Path(path).name, verb=verb, what=what, allowed=", ".join(allowed)))


def read_any(path: str | os.PathLike, *, place: bool = True,
             decimal_mark: str | None = None) -> tuple[Diagram, list[str]]:
    """Read any readable file by its extension: ``(diagram, notes)``; InputError when it cannot.

    ``place=False``: a table's new companies get no automatic layout (for commands that do not draw).
    ``decimal_mark`` (',' or '.') settles the number columns of a table whose cells leave it open.
    """
    p = Path(path)
    fmt = format_for(p, "read")
    if not p.exists():
        raise InputError(msg("{path}: no such file", path=p))
    assert fmt.reader is not None  # format_for(.., "read") only returns readable formats
    if fmt.reader is load_table_with_notes and (decimal_mark is not None or not place):
        return load_table_with_notes(p, decimal_mark=decimal_mark, place=place)
    return fmt.reader(p)


def write_any(d: Diagram, path: str | os.PathLike, *, analyze: Analyze | None = None,
              image_writer: ImageWriter | None = None, **image_options: Any) -> tuple[list[Path], list[str]]:
    """Write ``d`` in the format of ``path``'s extension: ``(paths written, notes)``.

    ``analyze(snapshot)`` gives the analysis written by the table formats (run only
    for them); ``image_writer(diagram, path, **image_options)`` draws the image formats.
    """
    p = Path(path)
    fmt = format_for(p, "write")
    if fmt.image:
        if image_writer is None:
            raise InputError(msg("{name}: images are written by the image export, not here", name=p.name))
        image_writer(d, p, **image_options)
        return [p], []
    assert fmt.writer is not None
    analysis = None
    if fmt.needs_analysis:
        if analyze is None:
            raise ValueError(f"{fmt.name}: writing it needs the analysis (pass analyze=...)")
        analysis = analyze(d.snapshot())
    return fmt.writer(d, p, analysis)


def formats_where(mode: str, *, image: bool | None = None, native_format: bool | None = None) -> list[Format]:
    """The formats that can be read ('read') or written ('write'), narrowed by kind."""
    out = []
    for f in FORMATS:
        if not (f.reader if mode == "read" else _writes(f, True)):
            continue
        if image is not None and f.image != image:
            continue
        if native_format is not None and (f is NATIVE) != native_format:
            continue
        out.append(f)
    return out


def dialog_filter(formats: list[Format], label: str | None = None, primary_only: bool = False) -> str:
    """A file-dialog filter: one per format ("PNG image (*.png);;SVG image (*.svg)"), or with
    ``label`` one for them all ("Tables and graphs (*.csv ... *.gexf)"). ``primary_only``:
    each format's first extension only (what a save dialog appends when none is typed)."""
    def patterns(f: Format) -> str:
        return " ".join(f"*{e}" for e in (f.extensions[:1] if primary_only else f.extensions))

    if label is not None:
        return f"{label} ({' '.join(patterns(f) for f in formats)})"
    return ";;".join(f"{f.name} ({patterns(f)})" for f in formats)
