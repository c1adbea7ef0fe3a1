"""Make docs/screenshot.png: the AI sample with its top loop highlighted.

    python docs/make_screenshot.py [OUT.png]

Run it on a real display (or under Xvfb); it opens the app, waits for the
analysis, selects the first loop in the Loops panel and saves the window.
"""
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from editor.app import start as app_module
from editor.app.samples import sample_path

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("screenshot.png")


def main() -> int:
    qapp = QApplication([sys.argv[0]])
    qapp.setApplicationDisplayName("Roundtrip")
    window = app_module.start_windows([str(sample_path())])[-1]
    window.resize(1400, 900)
    window.show()

    def select_loop() -> None:
        if window.worker.is_busy() or window.loops.model.rowCount() == 0:
            QTimer.singleShot(200, select_loop)
            return
        window.loops.view.selectRow(0)
        QTimer.singleShot(800, save)

    def save() -> None:
        window.grab().save(str(OUT))
        window.document.undo_stack.setClean()
        qapp.quit()

    QTimer.singleShot(1500, select_loop)
    return qapp.exec()


if __name__ == "__main__":
    sys.exit(main())
