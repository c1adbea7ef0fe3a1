"""Small builders shared by tests."""
from __future__ import annotations

from editor.model import Company, Diagram, Flow


def seed_diagram() -> Diagram:
    """NVIDIA -> OpenAI -> Oracle -> NVIDIA, the seed of the AI map."""
    d = Diagram()
    d.add_company(Company("nvidia", "NVIDIA", "chipmaker", valuation=4500, revenue=130.5, x=0, y=0))
    d.add_company(Company("openai", "OpenAI", "ai_lab", valuation=500, revenue=13, x=300, y=0))
    d.add_company(Company("oracle", "Oracle", "cloud", valuation=946, revenue=57.4, x=150, y=250))
    d.add_flow(Flow("f1", "nvidia", "openai", "equity", 100, qualifier="up_to", date="2025-09",
                    url="https://example.com/a"))
    d.add_flow(Flow("f2", "openai", "oracle", "service", 300, qualifier="estimated", date="2025-09"))
    d.add_flow(Flow("f3", "oracle", "nvidia", "purchase", 40, date="2025-05"))
    return d


def shown_view(qtbot, diagram: Diagram | None, size: tuple[int, int] = (700, 500)):
    """A document, its scene and a shown view of ``size`` at 100 % (canvas tests)."""
    from editor.canvas import DiagramScene, DiagramView
    from editor.editing.document import Document

    doc = Document(diagram)
    scene = DiagramScene(doc.diagram)
    view = DiagramView(scene, doc)
    qtbot.addWidget(view)
    view.setFixedSize(*size)
    view.show()
    qtbot.waitExposed(view)
    view.resetTransform()
    return doc, scene, view
