"""The layer contracts (pyproject.toml's [tool.importlinter]) hold, and the pure layers load without Qt."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _lint_imports() -> list[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("lint-imports")
    if found:
        return [found]
    pytest.skip("import-linter is not installed (pip install -e '.[test]' installs it)")


def test_import_contracts_are_kept():
    cmd = [*_lint_imports(), "--no-cache", "--no-logo"]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_pure_layers_load_without_qt_in_a_fresh_interpreter():
    code = ("import sys, editor.model, editor.io.native, editor.analysis;"
            "import pkgutil, importlib, editor.analysis as a;"
            "[importlib.import_module('editor.analysis.' + m.name)"
            " for m in pkgutil.iter_modules(a.__path__)];"
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
