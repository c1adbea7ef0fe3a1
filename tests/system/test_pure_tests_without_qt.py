"""The Qt-free layers' tests (tests/model, tests/analysis, tests/io) pass where PySide6 cannot be imported."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# pytest-qt (plugin name "pytest-qt") imports Qt when it starts, so it is left out of this run.
PURE_TEST_FOLDERS = ["tests/model", "tests/analysis", "tests/io"]
BLOCKER = 'raise ImportError("PySide6 is blocked for this test run")\n'


def _env_without_qt(tmp_path: Path) -> dict[str, str]:
    blocked = tmp_path / "blocked"
    for name in ("PySide6", "shiboken6"):
        (blocked / name).mkdir(parents=True)
        (blocked / name / "__init__.py").write_text(BLOCKER, "utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(blocked), str(ROOT)])
    return env


def test_the_blocker_blocks(tmp_path):
    result = subprocess.run([sys.executable, "-c", "import PySide6.QtCore"], cwd=ROOT,
                            env=_env_without_qt(tmp_path), capture_output=True, text=True)
    assert result.returncode != 0 and "PySide6 is blocked" in result.stderr


def test_model_analysis_and_io_tests_pass_without_pyside6(tmp_path):
    cmd = [sys.executable, "-m", "pytest", *PURE_TEST_FOLDERS, "-p", "no:pytest-qt", "-p", "no:cacheprovider",
           "-q", "-x", "--no-header"]
    result = subprocess.run(cmd, cwd=ROOT, env=_env_without_qt(tmp_path), capture_output=True, text=True,
                            timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert " passed" in output and "error" not in output.splitlines()[-1], output[-2000:]
