"""Regression: PySide6 6.12.0 on Python 3.11 leaks references to None on void calls.

After a few thousand such calls the interpreter aborts (``none_dealloc``).
The project pins PySide6 so this pair cannot be installed; this test makes
~100,000 void calls and checks that None's reference count has not fallen.
"""
import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene


def test_void_calls_keep_none_alive(qapp):
    scene = QGraphicsScene()
    item = QGraphicsRectItem(0, 0, 10, 10)
    scene.addItem(item)
    image = QImage(4, 4, QImage.Format_ARGB32)
    before = sys.getrefcount(None)
    for i in range(50_000):
        item.setPos(QPointF(i % 100, 0))
    for _ in range(49_000):
        image.fill(QColor("white"))
    for _ in range(1_000):
        from PySide6.QtGui import QPainter

        painter = QPainter(image)
        scene.render(painter)
        painter.end()
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references over 100,000 void calls"


def test_installed_pair_is_not_the_broken_one():
    import PySide6

    broken = sys.version_info[:2] == (3, 11) and PySide6.__version__.startswith("6.12.0")
    assert not broken, "PySide6 6.12.0 on Python 3.11 aborts the interpreter; see pyproject.toml"
