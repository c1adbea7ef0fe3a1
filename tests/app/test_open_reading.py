"""File → Open reads off the GUI thread: progress, Cancel, failures, and a second Open or Close meanwhile."""
from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from editor import settings
from editor.app import files as files_module
from editor.background import reading
from editor.dialogs import messages
from editor.dialogs.import_dialog import ImportDialog
from editor.editing.document import Document
from editor.io import native, safe_read
from editor.model import Company, Diagram, Flow
from tests.helpers import seed_diagram


@pytest.fixture(autouse=True)
def dialogs(tmp_path, monkeypatch):
    """No real modal dialogs: record errors; the unsaved-changes prompt answers Discard."""
    monkeypatch.setenv("ROUNDTRIP_RECOVERY_DIR", str(tmp_path / "recovery"))
    settings.clear_all()
    rec = SimpleNamespace(errors=[], asked=[])

    def ask(parent, name):
        rec.asked.append(name)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(messages, "ask_save_changes", ask)
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text, problems=(): rec.errors.append(
        (title, text, list(problems))))
    return rec


@pytest.fixture
def window(shown_window):
    return shown_window


def big_diagram_file(folder: Path, name: str = "big.roundtrip", companies: int = 120) -> Path:
    """A valid diagram file over the inline-read size (long notes), cheap to show."""
    d = Diagram()
    for i in range(companies):
        d.add_company(Company(f"c{i}", f"Company {i}", notes="n" * 3000, x=i * 40.0, y=(i % 7) * 60.0))
    for i in range(companies - 1):
        d.add_flow(Flow(f"f{i}", f"c{i}", f"c{i + 1}", "equity", float(i + 1)))
    path = folder / name
    native.save(d, path)
    assert path.stat().st_size > files_module.READ_INLINE_BYTES
    return path


@pytest.fixture
def slow_load(monkeypatch):
    """native.load of a file that is not small made slow (``steps`` pauses of 50 ms, each reported
    as bytes read); records its threads."""
    real = native.load
    rec = SimpleNamespace(threads=[], steps=40, finished=[], stopped=[])

    def load(path):
        size = Path(path).stat().st_size
        if size <= files_module.READ_INLINE_BYTES:
            return real(path)
        rec.threads.append(threading.current_thread())
        try:
            for i in range(rec.steps):
                time.sleep(0.05)
                safe_read.progress(size * (i + 1) // (rec.steps + 1), size, "bytes")
        except reading.Cancelled:
            rec.stopped.append(path)
            raise
        result = real(path)
        rec.finished.append(path)
        return result

    monkeypatch.setattr(native, "load", load)
    return rec


def visible_progress() -> QProgressDialog | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QProgressDialog) and w.isVisible()), None)


def when_progress_shows(action, seen: list) -> None:
    """Call ``action(dialog)`` once a progress window is visible (after its label got a figure)."""
    def look():
        dialog = visible_progress()
        if dialog is not None and "\n" in dialog.labelText():
            seen.append((dialog.labelText(), dialog.maximum(), dialog.value(), dialog.windowModality(),
                         dialog.windowTitle()))
            action(dialog)
        else:
            QTimer.singleShot(20, look)
    QTimer.singleShot(20, look)


def press_cancel(dialog: QProgressDialog) -> None:
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel").click()


def undo_state(doc: Document) -> tuple:
    stack = doc.undo_stack
    return (stack.count(), stack.index(), stack.isClean(), [stack.text(i) for i in range(stack.count())],
            doc.diagram.state(), doc.is_modified(), doc.path)


# ---------------------------------------------------------------------- tests
def test_a_big_diagram_is_read_in_a_worker_behind_a_progress_window(window, tmp_path, slow_load):
    path = big_diagram_file(tmp_path)
    ticks, seen = [], []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(bool(slow_load.threads) and not slow_load.finished))
    timer.start()
    when_progress_shows(lambda _d: None, seen)
    assert window.files.open_path(path)
    timer.stop()
    assert slow_load.threads and slow_load.threads[0] is not threading.main_thread()
    assert sum(ticks) > 20  # the GUI thread kept handling events (timer ticks) while the file was read
    label, maximum, value, modality, title = seen[0]
    assert label.startswith("Reading big.roundtrip…\n") and "MB read" in label
    assert maximum == reading.STEPS and 0 < value < reading.STEPS
    assert modality.name == "WindowModal" and title == "Open"
    assert window.document.path == path and len(window.document.diagram.companies()) == 120
    assert not window.document.is_modified() and window.document.undo_stack.count() == 0
    assert visible_progress() is None


def test_cancel_leaves_the_document_and_its_undo_history_untouched(window, tmp_path, slow_load, dialogs):
    doc = window.document
    doc.add_company("Intel", 5, 5)
    before = undo_state(doc)
    slow_load.steps = 200  # 10 s unless cancelled
    path = big_diagram_file(tmp_path)
    seen = []
    when_progress_shows(press_cancel, seen)
    start = time.perf_counter()
    assert not window.files.open_path(path)
    assert time.perf_counter() - start < 5 and seen
    assert window.document is doc and undo_state(doc) == before
    assert dialogs.errors == [] and dialogs.asked == []  # no message and no prompt: nothing happened
    slow_load.threads[0].join(5)
    assert not slow_load.threads[0].is_alive() and slow_load.stopped == [path] and not slow_load.finished
    assert settings.recent_files() == []


def test_a_file_that_cannot_be_read_leaves_the_document_intact(window, tmp_path, dialogs, monkeypatch):
    real, threads = native.load, []
    monkeypatch.setattr(native, "load", lambda p: threads.append(threading.current_thread()) or real(p))
    doc = window.document
    doc.add_company("Intel", 5, 5)
    before = undo_state(doc)
    broken = tmp_path / "broken.roundtrip"
    broken.write_text('{"format": "roundtrip", "companies": [' + '{"id": "a"},' * 30000)
    assert broken.stat().st_size > files_module.READ_INLINE_BYTES
    assert not window.files.open_path(broken)
    assert threads and threads[0] is not threading.main_thread()
    assert [e[0] for e in dialogs.errors] == ["Cannot Open File"]
    assert "broken.roundtrip" in dialogs.errors[0][1] and "not valid JSON" in dialogs.errors[0][2][0]
    assert window.document is doc and undo_state(doc) == before


def test_a_big_table_shows_the_rows_read_and_opens(window, tmp_path, monkeypatch, dialogs):
    from openpyxl import Workbook

    from editor.dialogs import import_reading
    from editor.io import workbook

    monkeypatch.setattr(reading, "SHOW_AFTER_MS", 0)  # show at once: the figure is what is checked
    rows = 12_000
    table = tmp_path / "ledger.xlsx"  # a workbook is read row by row: its reader reports rows
    book = Workbook(write_only=True)
    sheet = book.create_sheet("flows")
    sheet.append(["source", "target", "amount"])
    for i in range(rows):
        sheet.append([f"C{i % 5}", f"C{(i + 1) % 5}", i + 1])
    book.save(table)
    threads, labels, read = [], [], []
    real_load_source, real_progress = import_reading.load_source, workbook.progress

    def load_source(p):
        threads.append(threading.current_thread())
        return real_load_source(p)

    def slow_progress(done, total, unit):  # each report of 1,000 rows takes 100 ms more
        time.sleep(0.1)
        real_progress(done, total, unit)

    monkeypatch.setattr(import_reading, "load_source", load_source)
    monkeypatch.setattr(workbook, "progress", slow_progress)

    def look():
        dialog = visible_progress()
        if dialog is not None:
            labels.append(dialog.labelText())
        if not read:
            QTimer.singleShot(10, look)
    QTimer.singleShot(0, look)

    def accept(self):
        read.append(len(self.source.flows.rows))
        self.accept()
        return self.result()

    monkeypatch.setattr(ImportDialog, "exec", accept)
    assert window.files.open_path(table)
    assert threads and threads[0] is not threading.main_thread()
    assert read == [rows]
    assert any(text.startswith("Reading ledger.xlsx…\n") and "rows read" in text for text in labels)
    assert len(window.document.diagram.flows()) == rows and window.document.is_modified()


def test_closing_the_window_while_reading_cancels_the_read_then_closes(window, tmp_path, slow_load, dialogs):
    slow_load.steps = 200
    path = big_diagram_file(tmp_path)
    doc = window.document
    closed = []
    QTimer.singleShot(100, lambda: closed.append(window.close()))  # Close or Quit, before the window shows
    start = time.perf_counter()
    assert not window.files.open_path(path)
    assert time.perf_counter() - start < 5
    assert closed == [True] and not window.isVisible()
    assert window.document is doc
    slow_load.threads[0].join(5)
    assert slow_load.stopped == [path] and not slow_load.finished


def test_a_second_open_while_reading_wins(window, tmp_path, slow_load):
    slow_load.steps = 200
    first = big_diagram_file(tmp_path, "first.roundtrip")
    second = tmp_path / "second.roundtrip"
    d = Diagram()
    d.add_company(Company("a", "A"))
    d.add_company(Company("b", "B", x=200))
    native.save(d, second)
    opened = []
    QTimer.singleShot(100, lambda: opened.append(window.files.open_path(second)))
    assert not window.files.open_path(first)
    assert opened == [True]
    assert window.document.path == second and len(window.document.diagram.companies()) == 2
    slow_load.threads[0].join(5)
    assert slow_load.stopped == [first]


def test_small_files_are_read_at_once(window, tmp_path, monkeypatch):
    small = tmp_path / "small.roundtrip"
    native.save(seed_diagram(), small)
    monkeypatch.setattr(reading, "run_off_thread", lambda *a, **k: pytest.fail("no thread for a small file"))
    assert window.files.open_path(small) and window.document.path == small


def test_revert_reads_off_the_gui_thread_too(window, tmp_path, slow_load, monkeypatch):
    path = big_diagram_file(tmp_path)
    slow_load.steps = 2
    assert window.files.open_path(path)
    window.document.add_company("Intel", 5, 5)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.files.revert()
    assert len(slow_load.threads) == 2 and slow_load.threads[1] is not threading.main_thread()
    assert not window.document.is_modified() and len(window.document.diagram.companies()) == 120


def test_progress_figures():
    assert reading.describe(None) == ""
    assert reading.describe((12_000, 0, "rows")) == "12,000 rows read"
    mib = 1024 * 1024
    assert reading.describe((3 * mib, 12 * mib, "bytes")) == "3.0 of 12.0 MB read"
    assert reading.describe((5 * mib, 0, "bytes")) == "5.0 MB read"


def _drag_enter(action, data, buttons, keys):
    """A drag entering at (50, 50): PySide6 6.12 takes the point as a QPointF (its QPoint form is
    deprecated there), 6.11 only as a QPoint."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QDragEnterEvent

    try:
        return QDragEnterEvent(QPointF(50, 50), action, data, buttons, keys)
    except TypeError:
        return QDragEnterEvent(QPoint(50, 50), action, data, buttons, keys)


def test_a_file_dropped_onto_the_window_opens_like_open(window, tmp_path, qtbot):
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    path = tmp_path / "dropped.roundtrip"
    native.save(seed_diagram(), path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    action, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    keys = Qt.KeyboardModifier.NoModifier
    for where in ("window", "canvas"):  # the canvas is where Qt delivers most drops
        window.files.new_document()  # a new canvas each time
        target = window if where == "window" else window.view.viewport()
        enter = _drag_enter(action, mime, buttons, keys)
        QApplication.sendEvent(target, enter)
        assert enter.isAccepted()
        drop = QDropEvent(QPoint(50, 50), action, mime, buttons, keys)
        QApplication.sendEvent(target, drop)
        assert drop.isAccepted()
        qtbot.waitUntil(lambda: window.document.path == path, timeout=5000)

    text = QMimeData()
    text.setText("not a file")
    other = _drag_enter(action, text, buttons, keys)
    other.ignore()
    QApplication.sendEvent(window, other)
    assert not other.isAccepted()
