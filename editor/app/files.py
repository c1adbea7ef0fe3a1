"""File commands of the main window: new, open, samples, recent files, save, revert, import, export.

A window holds one document. New and Open replace it after the unsaved-changes
prompt (Save / Discard / Cancel). Opening a file that cannot be read shows the
problems and leaves the current document exactly as it was. A failed save
says why and keeps the document open and modified.

Every open (File → Open, Open Recent, a file dropped onto the window, a sample,
Revert, the file named on the command line, and through the Import dialog every
table and graph file) reads files that are not small in a worker thread behind a
progress window with Cancel (:mod:`editor.background.reading`); Cancel leaves the
document as it was. A second Open or New while a read runs cancels it (the newer
request wins), and closing the window cancels it before the usual prompt.
"""
from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from editor import settings
from editor.app import file_export, file_guard
from editor.app.canvas_build import builds_in_steps, show_document
from editor.app.drops import FileDrops
from editor.app.file_export import dialog_filter_named
from editor.app.file_guard import FileGuard
from editor.app.samples import sample_paths
from editor.background.reading import Cancelled, cancel_reads, run_off_thread
from editor.editing.document import Document
from editor.i18n import file_filter, translate
from editor.io import native
from editor.io.errors import InputError
from editor.model import Diagram, ModelError

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow

# The file dialogs, the message boxes, the import and export dialogs and the format registry (with
# every table and graph format) are imported when first used, not before the window's first paint.

def _messages() -> ModuleType:
    """:mod:`editor.dialogs.messages` (tests replace its functions), imported at the first message,
    not before the first paint."""
    from editor.dialogs import messages

    return messages


#: Diagram files up to this size are read at once (a few ms); bigger ones in a worker thread.
READ_INLINE_BYTES = 256 * 1024


def read_at_once(path: str | Path) -> Diagram | None:
    """The diagram in file ``path`` when it opens at once (a small file, read without a progress
    window, of a map whose canvas is built at once); None otherwise, and when it cannot be read
    (:meth:`FileController.open_path` then reads it again, and says why).

    At start-up the window is given its document from the start (``roundtrip FILE``, the sample
    at the first start): one canvas is built, not an empty one first."""
    p = Path(path)
    if p.suffix and p.suffix.lower() != ".roundtrip":
        return None
    try:
        if p.stat().st_size > READ_INLINE_BYTES:
            return None
        diagram = native.load(p)
    except (InputError, ModelError, OSError):
        return None
    return None if builds_in_steps(diagram) else diagram


def sample_title(path: Path) -> str:
    """The sample's diagram title (its file name when the title cannot be read)."""
    try:
        with open(path, encoding="utf-8") as fh:
            title = json.load(fh).get("metadata", {}).get("title", "")
    except (OSError, ValueError, AttributeError):
        title = ""
    return title or path.stem.replace("-", " ").capitalize()


class FileController:
    """The File menu's commands for one main window.

    State: the window it works for (its document, status bar and selection), the
    "Open Sample" and "Open Recent" menus it keeps filled, and whether the next
    Save must confirm replacing the file (a recovered diagram whose file may
    have changed since).
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.confirm_overwrite = False
        #: Lock, stamp and watch of the document's file (the window makes it follow each document).
        self.guard = FileGuard(window, warn=lambda message: self.show_status(message, 15000))
        self.guard.changedOutside.connect(lambda message: self.show_status(message, 15000))
        #: Files dropped onto the window open like File → Open.
        self.drops = FileDrops(window, self.open_path)
        #: File → Open Sample and Open Recent, filled by :meth:`fill_menus` (with the window's other
        #: menus: at start-up right after the first paint).
        self.samples_menu = QMenu(translate("Files", "Open &Sample"), window)
        self.recent_menu = QMenu(translate("Files", "Open &Recent"), window)
        self._menus_filled = False

    @property
    def document(self) -> Document:
        return self.window.document

    def show_status(self, message: str, ms: int) -> None:
        self.window.statusBar().showMessage(message, ms)

    # -------------------------------------------------------------- reading
    def cancel_read(self) -> bool:
        """Cancel the file being read for this window (Close, Quit); True when there was one."""
        return cancel_reads(self.window)

    def _read_native(self, path: Path, title: str) -> Diagram:
        """The diagram in ``path``; read in a worker thread behind a progress window unless small.

        Raises Cancelled, or what :func:`native.load` raises. A read already running for this
        window is cancelled first: the newer request wins.
        """
        self.cancel_read()
        try:
            small = path.stat().st_size <= READ_INLINE_BYTES
        except OSError:
            small = True  # native.load says why
        if small:
            return native.load(path)
        self._show_window()
        label = translate("Files", "Reading {file}…").format(file=path.name)
        return run_off_thread(self.window, label, lambda: native.load(path), title=title)

    def _show_window(self) -> None:
        """At start-up (``roundtrip FILE``) the window is not shown yet: show it under the progress window."""
        if not self.window.isVisible():
            self.window.show()

    # ------------------------------------------------------------ prompting
    def maybe_save(self) -> bool:
        """Before the document goes away: True when it may (saved, discarded or unchanged)."""
        if not self.document.is_modified():
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = _messages().ask_save_changes(self.window, self.document.display_name())
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # ----------------------------------------------------------------- new
    def new_document(self) -> bool:
        self.cancel_read()
        if not self.maybe_save():
            return False
        self.window.set_document(Document())
        self.show_status(translate("Files", "New diagram"), 3000)
        return True

    # ---------------------------------------------------------------- open
    def open_dialog(self) -> bool:
        start = str(self.document.path.parent) if self.document.path else ""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self.window,
            translate("Files", "Open Diagram"),
            start,
            f"{file_filter(dialog_filter_named('native'))};;{file_filter(dialog_filter_named('table'))};;"
            f"{translate('Files', 'All files (*)')}",
        )
        return self.open_path(path) if path else False

    def open_path(self, path: str | Path, *, prompt: bool = True) -> bool:
        """Open ``path`` in this window; on any failure the current document stays as it was."""
        p = Path(path)
        if p.suffix.lower() != ".roundtrip" and p.suffix:
            return self.import_path(p, prompt=prompt)
        try:
            diagram = self._read_native(p, translate("Files", "Open"))
        except Cancelled:
            return False  # the document stays as it was
        except (InputError, ModelError) as e:
            problems = getattr(e, "problems", None) or [str(e)]
            _messages().show_error(
                self.window,
                translate("Files", "Cannot Open File"),
                translate("Files", "“{file}” cannot be opened.").format(file=p.name),
                problems,
            )
            return False
        except OSError as e:
            _messages().show_error(
                self.window,
                translate("Files", "Cannot Open File"),
                translate("Files", "“{file}” cannot be opened: {reason}.").format(
                    file=p.name, reason=e.strerror or e
                ),
            )
            return False
        if prompt and not self.maybe_save():
            return False
        if not show_document(self.window, Document(diagram, p), p.name, translate("Files", "Open")):
            return False  # the document stays as it was
        self.opened(p)
        return True

    def opened(self, path: Path) -> None:
        """``path`` was opened in the window: in the recent files, and said in the status bar."""
        settings.add_recent_file(path)
        self.update_recent_menu()
        self.show_status(translate("Files", "Opened {path}").format(path=path), 4000)

    def new_at_path(self, path: str | Path) -> bool:
        """Start an empty diagram that Save writes to ``path`` (``roundtrip new.roundtrip``)."""
        p = Path(path)
        if p.suffix.lower() != ".roundtrip":
            p = p.with_name(p.name + ".roundtrip")
        if not p.parent.is_dir():
            _messages().show_error(
                self.window,
                translate("Files", "Cannot Create File"),
                translate("Files", "“{file}” cannot be created: the folder {folder} does not exist.").format(
                    file=p.name, folder=p.parent
                ),
            )
            return False
        self.window.set_document(Document(None, p.resolve()))
        self.show_status(translate("Files", "New diagram: Save writes {path}").format(path=p), 6000)
        return True

    def open_sample(self, path: str | Path) -> bool:
        """Open a bundled sample as an untitled copy (Save asks where to put it)."""
        try:
            diagram = self._read_native(Path(path), translate("Files", "Open"))
        except Cancelled:
            return False
        except (InputError, OSError) as e:
            _messages().show_error(self.window, translate("Files", "Cannot Open Sample"), str(e),
                                getattr(e, "problems", []))
            return False
        if not self.maybe_save():
            return False
        return show_document(self.window, Document(diagram), Path(path).name, translate("Files", "Open"))

    def import_path(self, path: str | Path, *, prompt: bool = True) -> bool:
        """Tables and graph files, through the Import dialog (which reads them in a worker thread)."""
        self.cancel_read()
        self._show_window()
        from editor.dialogs.import_dialog import ImportDialog

        result = ImportDialog.run(self.window, str(path), self.document)
        if result is None:
            return False
        if result.diagram is not None:
            if prompt and not self.maybe_save():
                return False
            self._open_unsaved(result.diagram)
            self._warn_if_too_large_to_save(Path(path), result.diagram)
        if result.summary:
            self.show_status(result.summary, 6000)
        return True

    def import_dialog(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        filters = f"{file_filter(dialog_filter_named('table'))};;{translate('Files', 'All files (*)')}"
        path, _ = QFileDialog.getOpenFileName(self.window, translate("Files", "Import"), "", filters)
        return self.import_path(path) if path else False

    def _warn_if_too_large_to_save(self, source: Path, diagram: Diagram) -> None:
        """Say at import time when the diagram could not be saved as a Roundtrip file (with the numbers)."""
        try:
            small = source.stat().st_size * 8 < native.MAX_FILE_SIZE  # text grows at most ~6x in JSON
        except OSError:
            small = False
        if small:
            return
        size = len(native.dumps(diagram).encode("utf-8", "replace"))
        if size > native.MAX_FILE_SIZE:
            mib = 1024 * 1024
            _messages().show_error(
                self.window,
                translate("Files", "Too Large for a Roundtrip File"),
                translate(
                    "Files",
                    "As a Roundtrip diagram this would be {size} MB; Roundtrip opens diagrams up to "
                    "{limit} MB, so Save will refuse it.",
                ).format(size=f"{size / mib:.0f}", limit=native.MAX_FILE_SIZE // mib),
                [
                    translate(
                        "Files",
                        "Export it as a CSV or Excel table instead (File → Export), or import fewer rows.",
                    ),
                    translate("Files", "Autosave still keeps a recovery copy while you work."),
                ],
            )

    def _open_unsaved(self, diagram: Diagram) -> None:
        doc = Document(diagram)
        doc.mark_unsaved()  # nothing of it is saved yet
        show_document(self.window, doc, doc.display_name())

    # ---------------------------------------------------------------- save
    def save(self) -> bool:
        path = self.document.path
        if path is None:
            return self.save_as()
        if (
            self.confirm_overwrite
            and path.exists()
            and not _messages().confirm(
                self.window,
                translate("Files", "Replace File?"),
                translate("Files", "Replace “{path}” with the recovered diagram?").format(path=path),
            )
        ):
            return self.save_as()
        reason = self.guard.conflict(path)
        if reason is not None:
            choice = file_guard.ask_conflict(self.window, path.name, reason)
            if choice == file_guard.SAVE_AS:
                return self.save_as()
            if choice == file_guard.RELOAD:
                self.open_path(path, prompt=False)
                return False
            if choice != file_guard.OVERWRITE:
                return False
        return self._save_to(path)

    def save_as(self) -> bool:
        doc = self.document
        start = (
            str(doc.path)
            if doc.path
            else (doc.diagram.metadata.title or translate("Files", "Untitled")) + ".roundtrip"
        )
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self.window, translate("Files", "Save Diagram As"), start,
            file_filter(dialog_filter_named("native")),
        )
        if not path:
            return False
        if not path.lower().endswith(".roundtrip"):
            path += ".roundtrip"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        if path != self.guard.path and (reason := self.guard.conflict_elsewhere(path)) is not None:
            choice = file_guard.ask_conflict(self.window, path.name, reason)
            if choice == file_guard.SAVE_AS:
                return self.save_as()
            if choice != file_guard.OVERWRITE:
                return False
        try:
            self.document.save(path)
        except OSError as e:  # SaveError: the old file is intact, the document stays modified
            _messages().show_error(
                self.window,
                translate("Files", "Cannot Save"),
                str(e) if str(e) else f"cannot save {path}",
                [
                    translate(
                        "Files",
                        "Your diagram is still open with its changes. Free some space "
                        "or choose File → Save As… to save it somewhere else.",
                    )
                ],
            )
            return False
        except Exception as e:  # noqa: BLE001 - any other failure: say so, keep the window and the work
            _messages().show_error(
                self.window,
                translate("Files", "Cannot Save"),
                translate("Files", "Saving “{file}” failed: {error}").format(
                    file=path.name, error=f"{type(e).__name__}: {str(e)[:300]}"
                ),
                [
                    translate(
                        "Files",
                        "Your diagram is still open with its changes, and autosave "
                        "keeps a recovery copy. Try File → Save As…, or export it as a table.",
                    )
                ],
            )
            return False
        self.guard.follow(path)
        self.guard.restamp()
        self.confirm_overwrite = False
        settings.add_recent_file(path)
        self.update_recent_menu()
        self.show_status(translate("Files", "Saved {path}").format(path=path), 4000)
        return True

    def revert(self) -> bool:
        doc = self.document
        if doc.path is None or not doc.is_modified():
            return False
        from PySide6.QtWidgets import QMessageBox

        Button = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            translate("Files", "Revert"),
            translate("Files", "Discard your changes and reload “{file}”?").format(file=doc.path.name),
            Button.Discard | Button.Cancel,
            Button.Cancel,
        )
        if answer != Button.Discard:
            return False
        try:
            doc.revert(self._read_native(doc.path, translate("Files", "Revert")))
        except Cancelled:
            return False
        except (InputError, OSError) as e:
            _messages().show_error(self.window, translate("Files", "Cannot Revert"), str(e),
                                getattr(e, "problems", []))
            return False
        return True

    # --------------------------------------------------------------- menus
    def fill_menus(self) -> None:
        """Open Sample and Open Recent (the recent files then follow every open and save)."""
        self._menus_filled = True
        self.fill_samples_menu()
        self.update_recent_menu()

    def fill_samples_menu(self) -> None:
        from editor.model.plain import plain_tip

        menu = self.samples_menu
        menu.clear()
        for path in sample_paths():
            action = menu.addAction(translate("Samples", sample_title(path)))  # titles: update.py
            action.setToolTip(plain_tip(str(path)))
            action.triggered.connect(lambda _c=False, p=path: self.open_sample(p))
        if menu.isEmpty():
            menu.addAction(translate("Files", "No samples installed")).setEnabled(False)

    def update_recent_menu(self) -> None:
        if not self._menus_filled:
            return   # (filled with the other menus)
        from editor.model.plain import plain_tip

        menu = self.recent_menu
        menu.clear()
        files = settings.recent_files()
        for i, f in enumerate(files):
            text = f"&{i + 1} {Path(f).name}" if i < 9 else Path(f).name
            action = menu.addAction(text)
            action.setToolTip(plain_tip(f))
            action.setStatusTip(f)
            action.triggered.connect(lambda _c=False, f=f: self._open_recent(f))
        if files:
            menu.addSeparator()
        clear = menu.addAction(translate("Files", "Clear Menu"))
        clear.setEnabled(bool(files))
        clear.triggered.connect(self._clear_recent)

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            _messages().show_error(
                self.window,
                translate("Files", "Cannot Open File"),
                translate("Files", "“{path}” no longer exists.").format(path=path),
            )
            settings.remove_recent_file(path)
            self.update_recent_menu()
            return
        self.open_path(path)

    def _clear_recent(self) -> None:
        settings.clear_recent_files()
        self.update_recent_menu()

    # -------------------------------------------------------------- export
    def export_image(self) -> bool:
        return file_export.export_image(self)

    def export_table(self) -> bool:
        return file_export.export_table(self)
