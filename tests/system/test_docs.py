"""The documentation's examples and commands stay true."""
import re
from pathlib import Path

from editor.io import native

ROOT = Path(__file__).resolve().parents[2]


def test_format_doc_example_loads():
    text = (ROOT / "docs" / "format.md").read_text("utf-8")
    example = text.split("## Example", 1)[1]
    block = re.search(r"```json\n(.*?)```", example, re.S).group(1)
    d = native.loads(block)
    assert [c.name for c in d.companies()] == ["NVIDIA", "OpenAI"]
    assert d.flow("f1").qualifier == "up_to" and d.flow("f1").amount == 100


def _readme_commands():
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("## Install and run", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def test_readme_has_two_commands_and_ci_runs_the_same():
    install, test = _readme_commands()
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    readme_packages = set(install.split("apt-get install -y", 1)[1].split("&&", 1)[0].split())
    ci_packages = set(ci.split("apt-get install", 1)[1].split(">/dev/null", 1)[0].replace("\\", " ").split())
    assert readme_packages - ci_packages == set()
    for xcb in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0",
                "libxcb-xinerama0", "libxcb-shape0", "libxcb-randr0", "libxcb-xkb1", "libxkbcommon-x11-0"):
        assert xcb in readme_packages
    assert "pip install -e '.[test]'" in install and "pip install -q -e '.[test]'" in ci
    assert install.rstrip().endswith("samples/ai-money-machine-2025.roundtrip")
    assert (ROOT / "samples" / "ai-money-machine-2025.roundtrip").is_file()
    assert test.strip() in ci.splitlines()


def test_bundled_icons_load(qapp):
    from editor.app import resources

    for name in ("select", "add-company", "draw-flow", "layout", "roundtrip"):
        icon = resources.icon(name)
        assert not icon.isNull(), name
        assert not icon.pixmap(24, 24).toImage().isNull()
