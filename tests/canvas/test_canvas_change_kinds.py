"""The canvas follows every kind of model change (moved here from tests/model: it needs Qt)."""
from editor.canvas.scene import DiagramScene
from editor.model import ChangeKind


def test_every_change_kind_has_a_canvas_handler():
    assert set(DiagramScene._CHANGE_HANDLERS) == set(ChangeKind)
