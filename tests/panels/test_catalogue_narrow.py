"""The Flow Types & Categories panel lets its dock (tabbed with the Inspector) be narrow."""
from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout

from editor.editing.document import Document
from editor.panels.catalogue import CataloguePanel
from tests.helpers import seed_diagram


def test_the_panel_is_as_narrow_as_one_list_and_stacks_there(qtbot):
    panel = CataloguePanel(Document(seed_diagram()))
    qtbot.addWidget(panel)
    one_list = max(panel.types.minimumSizeHint().width(), panel.categories.minimumSizeHint().width())
    assert panel.minimumSizeHint().width() <= one_list + 8
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.box.direction() == QBoxLayout.Direction.LeftToRight
    panel.resize(panel.minimumSizeHint().width(), 400)
    qtbot.waitUntil(lambda: panel.box.direction() == QBoxLayout.Direction.TopToBottom)
    qtbot.waitUntil(lambda: panel.types.geometry().bottom() < panel.categories.geometry().top())
    assert panel.categories.geometry().left() == panel.types.geometry().left()
