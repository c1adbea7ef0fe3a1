"""PySide6 reads the source of each module imported after it (for its opt-in ``__feature__``);
the app notes its modules beforehand (editor.app.pyside_checks), which is sound only while no
module of the app opts into a feature."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: Imports the window's modules after marking them, and prints the modules PySide6 still read.
CHECKED = """
import sys
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
read = []
real = feature._mod_uses_pyside
feature._mod_uses_pyside = lambda module: read.append(module.__name__) or real(module)
from editor.app.pyside_checks import skip_pyside_source_checks
marked = skip_pyside_source_checks()
read.clear()
import editor.app.mainwindow, editor.app.start, editor.io.recovery, orjson
table = feature.pyside_feature_dict
print("marked", marked > 150)
print("read", ",".join(sorted(n for n in read if not n.startswith("PySide6."))) or "-")
print("editor", sorted({table[n] for n in sys.modules if n.startswith("editor.")}))
print("json", table.get("json"), table.get("json.decoder"), table.get("orjson"))
"""


def test_no_module_of_the_app_opts_into_a_pyside_feature() -> None:
    uses = [str(p.relative_to(ROOT)) for p in (ROOT / "editor").rglob("*.py")
            if "__feature__" in p.read_text(encoding="utf-8") and p.name != "pyside_checks.py"]
    assert uses == []


def test_the_window_modules_are_marked_before_pyside_reads_them() -> None:
    out = subprocess.run([sys.executable, "-c", CHECKED], env=dict(os.environ, PYTHONPATH=str(ROOT)),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    # (the standard library's submodules and the libraries' modules too, as they are first imported)
    assert out.stdout.splitlines() == ["marked True", "read -", "editor [0]", "json -1 -1 -1"], out.stdout
