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


def dense_diagram(n: int = 12) -> Diagram:
    """``n`` companies on a grid with an equity flow between every ordered pair."""
    d = Diagram()
    for i in range(n):
        d.add_company(Company(f"c{i}", f"Company {i}", x=(i % 4) * 200.0, y=(i // 4) * 160.0))
    for i in range(n):
        for j in range(n):
            if i != j:
                d.add_flow(Flow(f"f{i}-{j}", f"c{i}", f"c{j}", "equity", float(1 + i + j)))
    return d
