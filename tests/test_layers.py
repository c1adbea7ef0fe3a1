"""The model, analysis and file-format layers import no Qt."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_FREE = ["editor/model", "editor/analysis", "editor/io/native.py", "editor/io/atomic.py",
           "editor/io/errors.py"]


def _imports(path: Path):
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_no_qt_import_in_pure_layers():
    offenders = []
    for entry in QT_FREE:
        p = ROOT / entry
        for f in ([p] if p.is_file() else sorted(p.rglob("*.py"))):
            for name in _imports(f):
                if name.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6", "qtpy"):
                    offenders.append(f"{f.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_pure_layers_load_without_qt_in_a_fresh_interpreter():
    code = ("import sys, editor.model, editor.io.native, editor.analysis;"
            "import pkgutil, importlib, editor.analysis as a;"
            "[importlib.import_module('editor.analysis.' + m.name) for m in pkgutil.iter_modules(a.__path__)];"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
