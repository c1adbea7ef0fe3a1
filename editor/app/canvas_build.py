"""A big map's canvas, built from the event loop behind the progress window before it is shown.

Making the items of a dense map (300 companies, 89,700 flows: every arrow with its
head and amount label) takes seconds on the GUI thread. :func:`show_document`
builds the new document's scene a slice at a time (:meth:`DiagramScene.build_steps`
through :func:`editor.background.reading.run_in_steps`) while the window keeps
showing the previous document: the window stays responsive, a progress window with
Cancel appears after :data:`~editor.background.reading.SHOW_AFTER_MS`, and Cancel
abandons the new document, leaving the previous one as it was. Only then does the
window take the document, with the scene already built (``set_document(scene=...)``).
Small maps are built as before, at once, by the window.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from editor import settings
from editor.background.reading import Cancelled, run_in_steps
from editor.canvas.scene import DiagramScene
from editor.canvas.style import CanvasStyle
from editor.canvas.theme import apply_theme
from editor.editing.document import Document
from editor.i18n import translate
from editor.model import Diagram

if TYPE_CHECKING:
    from editor.app.mainwindow import MainWindow

# Maps with more companies and flows than this are built in steps. Measured with their labels
# (benchmarks/bench_build.py, 2 shared cores): 300/1,500 0.15 s, 60/3,540 0.34 s, 2,000/10,000
# 2.8 s, 300/89,700 14 s. Below, a build is short, and built at once as before.
BUILD_IN_STEPS_ABOVE = 2000


def builds_in_steps(diagram: Diagram) -> bool:
    return len(diagram.companies()) + len(diagram.flows()) > BUILD_IN_STEPS_ABOVE


def build_scene(window: MainWindow, diagram: Diagram, name: str, title: str = "") -> DiagramScene | None:
    """The scene of ``diagram`` for ``window``, built in steps behind the progress window; None
    for a small map (the window builds it at once). Raises :class:`Cancelled`: nothing is kept."""
    if not builds_in_steps(diagram):
        return None
    # built as the window shows it (its theme and sizes), so that nothing is built twice
    style = CanvasStyle()
    apply_theme(style, window.canvas_theme)
    scene = DiagramScene(diagram, style=style, build=False)
    from editor.app.mainwindow import SIZE_BY  # (the window's module imports this one's users)

    size_by = settings.get_str("view/size_by", "valuation")
    scene.set_size_by(size_by if size_by in SIZE_BY else "valuation")
    if not window.isVisible():   # (at start-up: the window under the progress window)
        window.show()
    label = translate("Drawing", "Drawing {file}…").format(file=name)
    try:
        run_in_steps(window, label, scene.build_steps(labels=True), title=title)
    except BaseException:
        scene.dispose()   # no longer follows the abandoned diagram, and goes
        raise
    scene.keep_items()   # (its objects are left out of the collector's walks while it is shown)
    return scene


def show_document(window: MainWindow, document: Document, name: str, title: str = "",
                  **options: Any) -> bool:
    """``window.set_document(document, **options)`` with its canvas built first (in steps for a
    big map); False when Cancel was pressed: the window keeps its document, ``document`` is dropped."""
    try:
        scene = build_scene(window, document.diagram, name, title)
    except Cancelled:
        document.deleteLater()
        return False
    window.set_document(document, scene=scene, **options)
    return True
