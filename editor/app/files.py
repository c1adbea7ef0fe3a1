"""File commands of the main window: new, open, samples, recent files, save, revert, import, export.

A window holds one document. New and Open replace it after the unsaved-changes
prompt (Save / Discard / Cancel). Opening a file that cannot be read shows the
problems and leaves the current document exactly as it was. A failed save
says why and keeps the document open and modified.
"""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from editor import settings
from editor.dialogs import messages
from editor.editing.document import Document
from editor.io import native
from editor.io.errors import InputError
from editor.io.formats import NATIVE, dialog_filter, formats_where
from editor.model import Diagram, ModelError
from editor.app.samples import sample_paths

NATIVE_FILTER = dialog_filter([NATIVE], "Roundtrip diagrams")
TABLE_FILTER = dialog_filter(formats_where("read", native_format=False), "Tables and graphs")
IMAGE_FILTER = dialog_filter(formats_where("write", image=True))
EXPORT_TABLE_FILTER = dialog_filter(formats_where("write", image=False, native_format=False),
                                    primary_only=True)


def sample_title(path: Path) -> str:
    """The sample's diagram title (its file name when the title cannot be read)."""
    try:
        with open(path, encoding="utf-8") as fh:
            title = json.load(fh).get("metadata", {}).get("title", "")
    except (OSError, ValueError, AttributeError):
        title = ""
    return title or path.stem.replace("-", " ").capitalize()


class FileMixin:
    """File commands; mixed into MainWindow (needs ``document``, ``set_document``, ``statusBar``)."""

    # ------------------------------------------------------------ prompting
    def maybe_save(self) -> bool:
        """Before the document goes away: True when it may (saved, discarded or unchanged)."""
        if not self.document.is_modified():
            return True
        answer = messages.ask_save_changes(self, self.document.display_name())
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    # ----------------------------------------------------------------- new
    def new_document(self) -> bool:
        if not self.maybe_save():
            return False
        self.set_document(Document())
        self.statusBar().showMessage("New diagram", 3000)
        return True

    # ---------------------------------------------------------------- open
    def open_dialog(self) -> bool:
        start = str(self.document.path.parent) if self.document.path else ""
        path, _ = QFileDialog.getOpenFileName(
            self, "Open Diagram", start, f"{NATIVE_FILTER};;{TABLE_FILTER};;All files (*)")
        return self.open_path(path) if path else False

    def open_path(self, path: str | Path, *, prompt: bool = True) -> bool:
        """Open ``path`` in this window; on any failure the current document stays as it was."""
        p = Path(path)
        if p.suffix.lower() != ".roundtrip" and p.suffix:
            return self.import_path(p, prompt=prompt)
        try:
            doc = Document.open(p)
        except (InputError, ModelError) as e:
            problems = getattr(e, "problems", None) or [str(e)]
            messages.show_error(self, "Cannot Open File", f"“{p.name}” cannot be opened.", problems)
            return False
        except OSError as e:
            messages.show_error(self, "Cannot Open File", f"“{p.name}” cannot be opened: {e.strerror or e}.")
            return False
        if prompt and not self.maybe_save():
            return False
        self.set_document(doc)
        settings.add_recent_file(p)
        self.update_recent_menu()
        self.statusBar().showMessage(f"Opened {p}", 4000)
        return True

    def open_sample(self, path: str | Path) -> bool:
        """Open a bundled sample as an untitled copy (Save asks where to put it)."""
        try:
            diagram = native.load(path)
        except (InputError, OSError) as e:
            messages.show_error(self, "Cannot Open Sample", str(e), getattr(e, "problems", []))
            return False
        if not self.maybe_save():
            return False
        self.set_document(Document(diagram))
        return True

    def import_path(self, path: str | Path, *, prompt: bool = True) -> bool:
        """Tables and graph files: through the Import dialog when present, else read directly."""
        try:
            from editor.dialogs.import_dialog import ImportDialog
        except ImportError:
            ImportDialog = None
        if ImportDialog is not None:
            result = ImportDialog.run(self, str(path), self.document)
            if result is None:
                return False
            if getattr(result, "diagram", None) is not None:
                if prompt and not self.maybe_save():
                    return False
                self._open_unsaved(result.diagram)
            if getattr(result, "summary", ""):
                self.statusBar().showMessage(result.summary, 6000)
            return True
        from editor.io.formats import read_any
        try:
            diagram, notes = read_any(path)
        except (InputError, ModelError, OSError) as e:
            messages.show_error(self, "Cannot Import File", f"“{Path(path).name}” cannot be read.",
                                getattr(e, "problems", None) or [str(e)])
            return False
        if prompt and not self.maybe_save():
            return False
        self._open_unsaved(diagram)
        if notes:
            self.statusBar().showMessage("; ".join(notes), 6000)
        return True

    def import_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, "Import", "", f"{TABLE_FILTER};;All files (*)")
        return self.import_path(path) if path else False

    def _open_unsaved(self, diagram: Diagram) -> None:
        doc = Document(diagram)
        doc.undo_stack.resetClean()  # nothing of it is saved yet
        self.set_document(doc)

    # ---------------------------------------------------------------- save
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        if getattr(self, "confirm_overwrite", False) and self.document.path.exists():
            if not messages.confirm(self, "Replace File?",
                                    f"Replace “{self.document.path}” with the recovered diagram?"):
                return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        doc = self.document
        start = str(doc.path) if doc.path else (doc.diagram.metadata.title or "Untitled") + ".roundtrip"
        path, _ = QFileDialog.getSaveFileName(self, "Save Diagram As", start, NATIVE_FILTER)
        if not path:
            return False
        if not path.lower().endswith(".roundtrip"):
            path += ".roundtrip"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except OSError as e:  # SaveError: the old file is intact, the document stays modified
            messages.show_error(self, "Cannot Save", str(e) if str(e) else f"cannot save {path}",
                                ["Your diagram is still open with its changes. Free some space or "
                                 "choose File → Save As… to save it somewhere else."])
            return False
        self.confirm_overwrite = False
        settings.add_recent_file(path)
        self.update_recent_menu()
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def revert(self) -> bool:
        doc = self.document
        if doc.path is None or not doc.is_modified():
            return False
        answer = QMessageBox.question(self, "Revert", f"Discard your changes and reload “{doc.path.name}”?",
                                      QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Discard:
            return False
        try:
            doc.revert()
        except (InputError, OSError) as e:
            messages.show_error(self, "Cannot Revert", str(e), getattr(e, "problems", []))
            return False
        return True

    # --------------------------------------------------------------- menus
    def fill_samples_menu(self, menu) -> None:
        menu.clear()
        for path in sample_paths():
            action = menu.addAction(sample_title(path))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_sample(p))
        if menu.isEmpty():
            menu.addAction("No samples installed").setEnabled(False)

    def update_recent_menu(self) -> None:
        menu = getattr(self, "recent_menu", None)
        if menu is None:
            return
        menu.clear()
        files = settings.recent_files()
        for i, f in enumerate(files):
            text = f"&{i + 1} {Path(f).name}" if i < 9 else Path(f).name
            action = menu.addAction(text)
            action.setToolTip(f)
            action.setStatusTip(f)
            action.triggered.connect(lambda _c=False, f=f: self._open_recent(f))
        if files:
            menu.addSeparator()
        clear = menu.addAction("Clear Menu")
        clear.setEnabled(bool(files))
        clear.triggered.connect(self._clear_recent)

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            messages.show_error(self, "Cannot Open File", f"“{path}” no longer exists.")
            settings.remove_recent_file(path)
            self.update_recent_menu()
            return
        self.open_path(path)

    def _clear_recent(self) -> None:
        settings.clear_recent_files()
        self.update_recent_menu()

    # -------------------------------------------------------------- export
    def export_image(self) -> bool:
        try:
            from editor.dialogs.export_dialog import ExportImageDialog
        except ImportError:  # the rich dialog is not installed: a plain file dialog
            ExportImageDialog = None
        if ExportImageDialog is not None:
            folder = self.document.path.parent if self.document.path else ""
            cids, fids = self.selected_ids()
            dialog = ExportImageDialog(self.document.diagram, self, selection=(cids, fids) if cids or fids else None,
                                       directory=folder)
            if not dialog.exec():
                return False
            self.statusBar().showMessage(f"Exported {dialog.path()}", 6000)
            return True
        base = self.document.path.with_suffix(".png") if self.document.path else Path(
            (self.document.diagram.metadata.title or "diagram") + ".png")
        path, chosen = QFileDialog.getSaveFileName(self, "Export Image", str(base), IMAGE_FILTER)
        if not path:
            return False
        if not Path(path).suffix:
            path += "." + chosen.split("*.")[-1].rstrip(")")
        return self._write(path, "Export Image")

    def export_table(self) -> bool:
        base = self.document.path.with_suffix(".csv") if self.document.path else Path("diagram.csv")
        path, chosen = QFileDialog.getSaveFileName(self, "Export Table", str(base), EXPORT_TABLE_FILTER)
        if not path:
            return False
        if not Path(path).suffix:
            path += "." + chosen.split("*.")[-1].rstrip(")")
        return self._write(path, "Export Table")

    def _write(self, path: str, title: str) -> bool:
        from editor.analysis import analyze_for_export
        from editor.canvas.export.image import export_image
        from editor.io.formats import write_any
        try:
            written, notes = write_any(self.document.diagram, path, analyze=analyze_for_export,
                                       image_writer=export_image)
        except (InputError, ModelError, OSError) as e:
            messages.show_error(self, f"Cannot {title.split()[0]}", str(e))
            return False
        names = ", ".join(Path(p).name for p in written)
        self.statusBar().showMessage(f"Exported {names}" + (f" ({'; '.join(notes)})" if notes else ""), 6000)
        return True
