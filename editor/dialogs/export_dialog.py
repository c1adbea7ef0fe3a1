"""The Export Image dialog: file and format, size, background, extent, title, legend, sources,
and the stress test's marks when the Stress panel shows them (``stress=overlay``).

    dialog = ExportImageDialog(diagram, parent, selection=scene.selected_ids(), directory=folder)
    if dialog.exec():            # the image was written to dialog.path()
        ...

A live thumbnail shows the page as it will be exported (redrawn shortly after
each change; on large diagrams only when asked, since each preview builds a
scene). Export errors (bad options, a folder that cannot be written) are shown
in a message box and the dialog stays open.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.analysis.stress import StressOverlay
from editor.canvas.export.image import (
    DEFAULT_PNG_WIDTH,
    MAX_WIDTH,
    MIN_WIDTH,
    ExportOptions,
    ExportPage,
    export_image,
    render_png,
)
from editor.dialogs.messages import warn
from editor.i18n import error_text, format_name, locale_number
from editor.io.errors import InputError
from editor.io.formats import formats_where

FORMATS = tuple((f.name, f.extensions[0]) for f in formats_where("write", image=True))
#: above this many companies + flows, the preview is drawn only on request
LIVE_PREVIEW_LIMIT = 1500
PREVIEW_SIZE = 340


def _safe_name(title: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_" else " " for ch in title).split()
    return "-".join(keep).lower()[:60] or "diagram"


class ExportImageDialog(QDialog):
    def __init__(self, diagram, parent: QWidget | None = None, *, selection=None, directory: str | Path = "",
                 stress: StressOverlay | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Image"))
        self._diagram = diagram
        companies, flows = selection or ((), ())
        self._selection = (list(companies), list(flows))
        self._stress_overlay = stress
        meta = diagram.metadata
        self._build(meta, Path(directory) if directory else Path.home())
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh_preview)
        self._live = len(diagram.companies()) + len(diagram.flows()) <= LIVE_PREVIEW_LIMIT
        self._refresh_button.setVisible(not self._live)
        self._update_enabled()
        self._schedule_preview()

    # ------------------------------------------------------------- widgets
    def _build(self, meta, folder: Path) -> None:
        form = QFormLayout()
        self._path = QLineEdit(str(folder / f"{_safe_name(meta.title)}.png"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self._path, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File:"), row)
        self._format = QComboBox()
        for name, ext in FORMATS:
            self._format.addItem(f"{format_name(name)} ({ext})", ext)
        self._format.currentIndexChanged.connect(self._format_changed)
        form.addRow(self.tr("Format:"), self._format)

        self._by_width, self._by_scale = QRadioButton(self.tr("Width")), QRadioButton(self.tr("Scale"))
        self._by_width.setChecked(True)
        self._width = QSpinBox(minimum=MIN_WIDTH, maximum=MAX_WIDTH, value=DEFAULT_PNG_WIDTH, suffix=" px",
                               singleStep=100)
        self._scale = QDoubleSpinBox(minimum=0.1, maximum=20.0, value=2.0, singleStep=0.5, suffix=" ×")
        size_row = QHBoxLayout()
        for w in (self._by_width, self._width, self._by_scale, self._scale):
            size_row.addWidget(w)
        size_row.addStretch(1)
        form.addRow(self.tr("PNG size:"), size_row)
        self._size_note = QLabel()
        self._size_note.setStyleSheet("color: #5f6368")
        form.addRow("", self._size_note)

        self._white, self._transparent = QRadioButton(self.tr("White")), QRadioButton(self.tr("Transparent"))
        self._white.setChecked(True)
        bg_row = QHBoxLayout()
        bg_row.addWidget(self._white)
        bg_row.addWidget(self._transparent)
        bg_row.addStretch(1)
        form.addRow(self.tr("Background:"), bg_row)
        self._colours = QComboBox()   # the image's own colours, whatever the canvas shows
        self._colours.addItem(self.tr("Light"), "light")
        self._colours.addItem(self.tr("Dark"), "dark")
        self._colours.currentIndexChanged.connect(self._changed)
        form.addRow(self.tr("Colours:"), self._colours)

        self._whole = QRadioButton(self.tr("Whole diagram"))
        self._only_selection = QRadioButton(self.tr("Selection only"))
        self._whole.setChecked(True)
        has_selection = any(self._selection)
        self._only_selection.setEnabled(has_selection)
        if not has_selection:
            self._only_selection.setToolTip(self.tr("Select companies or flows on the canvas first"))
        extent_row = QHBoxLayout()
        extent_row.addWidget(self._whole)
        extent_row.addWidget(self._only_selection)
        extent_row.addStretch(1)
        form.addRow(self.tr("Draw:"), extent_row)
        for a, b in ((self._by_width, self._by_scale), (self._white, self._transparent),
                     (self._whole, self._only_selection)):
            group = QButtonGroup(self)
            group.addButton(a)
            group.addButton(b)

        self._title = QLineEdit(meta.title)
        self._title.setPlaceholderText(self.tr("No title"))
        self._subtitle = QLineEdit(meta.subtitle)
        self._subtitle.setPlaceholderText(self.tr("No subtitle"))
        form.addRow(self.tr("Title:"), self._title)
        form.addRow(self.tr("Subtitle:"), self._subtitle)
        self._legend = QCheckBox(self.tr("Legend of flow types and company categories"))
        self._legend.setChecked(True)
        self._sources = QCheckBox(self.tr("Numbered sources in a footnote (flows with a link)"))
        form.addRow("", self._legend)
        form.addRow("", self._sources)
        self._stress = QCheckBox(self.tr("Stress test marks: defaults, domino rounds, unpaid parts"))
        self._stress.setChecked(stress_on := self._stress_overlay is not None)
        self._stress.setEnabled(stress_on)
        if not stress_on:
            self._stress.setToolTip(self.tr("Open the Stress Test panel to draw its marks"))
        form.addRow("", self._stress)
        self._language = QComboBox()
        self._language.setObjectName("export_language")
        self._language.addItem(self.tr("Interface language"), None)
        self._language.addItem("English", "en")
        self._language.addItem("日本語", "ja")
        self._language.setToolTip(self.tr("Language of the legend, the sources note and the credit"))
        self._language.currentIndexChanged.connect(self._changed)
        form.addRow(self.tr("Captions:"), self._language)

        self._preview = QLabel(self.tr("Preview"))
        self._preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._preview.setMinimumSize(PREVIEW_SIZE, PREVIEW_SIZE)
        self._preview.setStyleSheet("background: #eceef1; border: 1px solid #c9ccd1")
        self._refresh_button = QPushButton(self.tr("Refresh preview"))
        self._refresh_button.clicked.connect(self.refresh_preview)
        side = QVBoxLayout()
        side.addWidget(self._preview, 1)
        side.addWidget(self._refresh_button)

        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self._export_button = self._buttons.addButton(self.tr("Export"),
                                                      QDialogButtonBox.ButtonRole.AcceptRole)
        self._export_button.setDefault(True)
        self._buttons.accepted.connect(self.export)
        self._buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addLayout(side)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self._buttons)

        for box in (self._by_width, self._by_scale, self._white, self._transparent, self._whole,
                    self._only_selection, self._legend, self._sources, self._stress):
            box.toggled.connect(self._changed)
        for spin in (self._width, self._scale):
            spin.valueChanged.connect(self._changed)
        for line in (self._title, self._subtitle):
            line.textChanged.connect(self._changed)
        self._path.textEdited.connect(self._path_edited)

    # -------------------------------------------------------------- state
    def path(self) -> Path:
        return Path(self._path.text().strip()).expanduser()

    def suffix(self) -> str:
        return self._format.currentData()

    def options(self) -> dict:
        """Keyword arguments of :func:`editor.canvas.export.image.export_image` for the current choices."""
        png = self.suffix() == ".png"
        opts = dict(title=self._title.text(), subtitle=self._subtitle.text(), legend=self._legend.isChecked(),
                    sources=self._sources.isChecked(), transparent=self._transparent.isChecked(),
                    selection=self._selection if self._only_selection.isChecked() else None,
                    theme=self._colours.currentData(), language=self._language.currentData())
        if self._stress.isChecked() and self._stress_overlay is not None:
            opts["stress"] = self._stress_overlay
        if png and self._by_width.isChecked():
            opts["width"] = self._width.value()
        elif png:
            opts["scale"] = self._scale.value()
        return opts

    def _page(self) -> ExportPage:
        o = self.options()
        return ExportPage(self._diagram, ExportOptions(
            title=o["title"], subtitle=o["subtitle"], legend=o["legend"], sources=o["sources"],
            transparent=o["transparent"], selection=o["selection"], stress=o.get("stress"),
            theme=o["theme"], language=o["language"]))

    def _format_changed(self) -> None:
        p = self.path()
        if p.name:
            self._path.setText(str(p.with_suffix(self.suffix())))
        self._update_enabled()
        self._changed()

    def _path_edited(self) -> None:
        ext = self.path().suffix.lower()
        i = self._format.findData(ext)
        if i >= 0 and i != self._format.currentIndex():
            self._format.blockSignals(True)
            self._format.setCurrentIndex(i)
            self._format.blockSignals(False)
            self._update_enabled()

    def _update_enabled(self) -> None:
        png = self.suffix() == ".png"
        for w in (self._by_width, self._by_scale):
            w.setEnabled(png)
        self._width.setEnabled(png and self._by_width.isChecked())
        self._scale.setEnabled(png and self._by_scale.isChecked())
        self._transparent.setEnabled(self.suffix() != ".pdf")
        if self.suffix() == ".pdf":
            self._white.setChecked(True)

    def _changed(self, *_) -> None:
        self._update_enabled()
        self._schedule_preview()

    def _schedule_preview(self) -> None:
        if self._live:
            self._timer.start()
        else:
            self._preview.setText(self.tr("Preview: press Refresh"))

    def _browse(self) -> None:
        filters = ";;".join(f"{format_name(name)} (*{ext})" for name, ext in FORMATS)
        current = next(f"{format_name(n)} (*{e})" for n, e in FORMATS if e == self.suffix())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export Image"), str(self.path()), filters,
                                              current)
        if name:
            self._path.setText(name)
            self._path_edited()
            if not self.path().suffix:
                self._path.setText(str(self.path().with_suffix(self.suffix())))

    # ------------------------------------------------------------ actions
    def refresh_preview(self) -> None:
        """Draw the thumbnail; a wrong option shows its message instead."""
        try:
            page = self._page()
        except InputError as e:
            self._preview.setText(error_text(e))
            return
        try:
            w, h = page.size.width(), page.size.height()
            k = PREVIEW_SIZE / max(w, h)
            img = render_png(page, width=max(16, round(w * k)))
            self._preview.setPixmap(QPixmap.fromImage(img))
            o = self.options()
            if self.suffix() == ".png":
                pw = o.get("width") or round(w * o["scale"])
                self._size_note.setText(self.tr("{width} × {height} pixels").format(
                    width=locale_number(pw), height=locale_number(round(h * pw / w))))
            else:
                self._size_note.setText(self.tr("Vector, {width} × {height} cm").format(
                    width=locale_number(w * 0.75 / 72 * 2.54, 1),
                    height=locale_number(h * 0.75 / 72 * 2.54, 1)))
        finally:
            page.close()

    def export(self) -> bool:
        """Write the image; on success close the dialog (True), else show why (False)."""
        path = self.path()
        if not path.name:
            QMessageBox.warning(self, self.tr("Export Image"), self.tr("Choose a file name for the image."))
            return False
        if path.suffix.lower() != self.suffix():
            path = path.with_suffix(self.suffix())
            self._path.setText(str(path))
        try:
            export_image(self._diagram, path, **self.options())
        except InputError as e:
            warn(self, self.tr("Export Image"), error_text(e))
            return False
        except OSError as e:
            warn(self, self.tr("Export Image"),
                 self.tr("Could not write {path}:\n{reason}").format(path=path, reason=e.strerror or e))
            return False
        self.accept()
        return True


class TableCellsDialog(QDialog):
    """Asked before a CSV export when text cells start like formulas (``=``, ``+``, ``-``, ``@``, tab, CR).

    By default they are written with a leading ``'`` so spreadsheet programs show
    the text instead of running it (Roundtrip reads them back unchanged); the
    *Write cells untouched* box writes them as they are, for pipelines.
    """

    def __init__(self, cells: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Table"))
        layout = QVBoxLayout(self)
        if cells == 1:
            message = self.tr(
                "1 text cell starts with =, +, -, @, a tab or a line break. Spreadsheet programs could run "
                "such cells as formulas, so they are written with a leading ' (Roundtrip reads them back "
                "unchanged)."
            )
        else:
            message = self.tr(
                "{count} text cells start with =, +, -, @, a tab or a line break. Spreadsheet programs could "
                "run such cells as formulas, so they are written with a leading ' (Roundtrip reads them back "
                "unchanged)."
            ).format(count=cells)
        text = QLabel(message)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.raw_cells = QCheckBox(
            self.tr("Write cells untouched (for scripts and pipelines, not spreadsheets)")
        )
        layout.addWidget(self.raw_cells)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        export = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        export.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def ask_table_cells(diagram, path: str | Path, parent: QWidget | None = None) -> bool | None:
    """For a CSV export: True to write cells untouched, False to neutralise formula-like ones, None: cancel.

    Asks only when the diagram has such cells (other formats and plain diagrams: False, no question).
    """
    from editor.io.tableexport import formula_like_cells
    from editor.io.tables import TEXT_EXTENSIONS

    if Path(path).suffix.lower() not in TEXT_EXTENSIONS:
        return False
    cells = formula_like_cells(diagram)
    if not cells:
        return False
    dialog = TableCellsDialog(cells, parent)
    if not dialog.exec():
        return None
    return dialog.raw_cells.isChecked()
