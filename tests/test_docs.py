"""The documentation's examples and commands stay true."""
import re
from pathlib import Path

from editor.io import native

ROOT = Path(__file__).resolve().parent.parent


def test_format_doc_example_loads():
    text = (ROOT / "docs" / "format.md").read_text("utf-8")
    example = text.split("## Example", 1)[1]
    block = re.search(r"```json\n(.*?)```", example, re.S).group(1)
    d = native.loads(block)
    assert [c.name for c in d.companies()] == ["NVIDIA", "OpenAI"]
    assert d.flow("f1").qualifier == "up_to" and d.flow("f1").amount == 100
