"""File → Export Image… and Export Table… of the main window, and the file dialogs' filters.

The export dialogs, the format registry and the writers are imported when first used,
not before the window's first paint.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from editor.i18n import error_texts, file_filter, translate
from editor.io.errors import InputError
from editor.model import ModelError

if TYPE_CHECKING:
    from editor.app.files import FileController

#: The file dialogs' filters, by name (see :func:`dialog_filter_named`).
_FILTERS: dict[str, str] = {}


def dialog_filter_named(name: str) -> str:
    """The file dialog filter ``name`` ("native", "table" or "export table"), made on first use."""
    if not _FILTERS:
        from editor.io.formats import NATIVE, dialog_filter, formats_where

        _FILTERS["native"] = dialog_filter([NATIVE], "Roundtrip diagrams")
        _FILTERS["table"] = dialog_filter(formats_where("read", native_format=False), "Tables and graphs")
        _FILTERS["export table"] = dialog_filter(formats_where("write", image=False, native_format=False),
                                                 primary_only=True)
    return _FILTERS[name]


def export_image(files: FileController) -> bool:
    """File → Export Image…: the export dialog for the document (or its selection)."""
    from editor.dialogs.export_dialog import ExportImageDialog

    folder = files.document.path.parent if files.document.path else ""
    cids, fids = files.window.selected_ids()
    dialog = ExportImageDialog(
        files.document.diagram,
        files.window,
        selection=(cids, fids) if cids or fids else None,
        directory=folder,
        stress=files.window.stress.overlay_for_export(),
    )
    if not dialog.exec():
        return False
    files.show_status(translate("Files", "Exported {path}").format(path=dialog.path()), 6000)
    return True

def export_table(files: FileController) -> bool:
    """File → Export Table…: a file name, how to write text cells, then the tables."""
    base = files.document.path.with_suffix(".csv") if files.document.path else Path("diagram.csv")
    from PySide6.QtWidgets import QFileDialog

    path, chosen = QFileDialog.getSaveFileName(
        files.window, translate("Files", "Export Table"), str(base),
        file_filter(dialog_filter_named("export table")),
    )
    if not path:
        return False
    if not Path(path).suffix:
        path += "." + chosen.split("*.")[-1].rstrip(")")
    from editor.dialogs.export_dialog import ask_table_cells

    raw = ask_table_cells(files.document.diagram, path, files.window)
    if raw is None:
        return False
    return _write(files, path, raw=raw)

def _write(files: FileController, path: str, *, raw: bool = False) -> bool:
    from editor.analysis import analyze_for_export
    from editor.canvas.export.image import export_image
    from editor.io.formats import write_any
    from editor.io.tableexport import export_tables

    try:
        if raw:  # CSV text cells untouched (asked in the Export Table dialog)
            d = files.document.diagram
            written, notes = export_tables(d, path, analyze_for_export(d.snapshot()), raw=True)
        else:
            written, notes = write_any(
                files.document.diagram, path, analyze=analyze_for_export, image_writer=export_image
            )
    except (InputError, ModelError, OSError) as e:
        from editor.dialogs import messages

        messages.show_error(files.window, translate("Files", "Cannot Export"), str(e))
        return False
    names = ", ".join(Path(p).name for p in written)
    files.show_status(
        translate("Files", "Exported {files}").format(files=names)
        + (f" ({'; '.join(error_texts(notes))})" if notes else ""),
        6000,
    )
    return True
