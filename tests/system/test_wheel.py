"""The wheel works on its own: built from the checkout, installed into a fresh venv outside it,
``roundtrip analyze`` runs on a bundled sample and the window opens with its icons and samples.

No network: the new venv sees this venv's site-packages through a ``.pth`` line for the
dependencies. A directory added by a ``.pth`` line does not have its own ``.pth`` files
processed, so this checkout's editable install stays invisible and ``editor`` can only come
from the wheel (checked).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What the build needs from the checkout (the rest -- tests, benchmarks, caches -- stays out).
BUILD_INPUTS = ["pyproject.toml", "setup.py", "README.md", "editor", "resources/translations"]


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{cmd} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result


def _clean_env(tmp_path: Path) -> dict[str, str]:
    """No PYTHONPATH (the suite runs with the checkout on it), a temporary HOME and test settings."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen", ROUNDTRIP_SETTINGS="wheel-test",
               XDG_RUNTIME_DIR=str(tmp_path / "run"))
    (tmp_path / "home").mkdir()
    (tmp_path / "run").mkdir(mode=0o700)
    return env


def _build_wheel(tmp_path: Path, env: dict[str, str]) -> Path:
    # Built from a copy so that a stale build/ folder in the checkout can never leak into the wheel.
    src = tmp_path / "src"
    src.mkdir()
    for name in BUILD_INPUTS:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm"))
        else:
            shutil.copy2(path, src / name)
    out = tmp_path / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
          "-q", "-w", str(out), str(src)], cwd=tmp_path, env=env)
    wheels = list(out.glob("roundtrip-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def _new_venv(tmp_path: Path, wheel: Path, env: dict[str, str]) -> Path:
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
          "-q", str(wheel)], cwd=tmp_path, env=env)
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     cwd=tmp_path, env=env).stdout.strip())
    (site / "_roundtrip_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", "utf-8")
    return target


WINDOW_SCRIPT = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    from editor.app import resources, samples
    from editor.app.start import open_window

    window = open_window()
    opened = window.files.open_sample(samples.sample_path())
    window.show()
    report = {}

    def check():
        icons = {name: resources.icon(name) for name in ("add-company", "draw-flow")}
        report.update(
            opened=opened,
            companies=len(window.document.diagram.companies()),
            icons_null={n: i.isNull() for n, i in icons.items()},
            pixmaps_null={n: i.pixmap(24, 24).isNull() for n, i in icons.items()},
            toolbar_icons_null={n: window.menu_actions.tools[n].icon().isNull()
                                for n in ("add_company", "draw_flow")},
            samples=[a.text() for a in window.files.samples_menu.actions() if a.isEnabled()],
            resources_file=resources.__file__,
        )
        window.shutdown()
        app.quit()

    QTimer.singleShot(0, check)
    app.exec()
    print(json.dumps(report))
""")


def test_wheel_installs_and_runs_outside_the_checkout(tmp_path):
    started = time.monotonic()
    env = _clean_env(tmp_path)
    wheel = _build_wheel(tmp_path, env)
    target = _new_venv(tmp_path, wheel, env)
    python = str(target / "bin" / "python")
    work = tmp_path / "elsewhere"
    work.mkdir()

    where = _run([python, "-c", (
        "import editor, importlib.resources as r;"
        "print(editor.__file__);"
        "print(r.files('editor.data') / 'samples' / 'ai-money-machine-2025.roundtrip')")],
        cwd=work, env=env).stdout.split("\n")
    package, sample = Path(where[0]), Path(where[1])
    assert package.is_relative_to(target), f"editor came from {package}, not the wheel"
    assert sample.is_relative_to(target) and sample.is_file(), sample

    # The console script of the wheel, from a folder that is not the checkout.
    out = _run([str(target / "bin" / "roundtrip"), "analyze", str(sample), "--json"], cwd=work, env=env)
    result = json.loads(out.stdout)
    assert result["companies"] > 10 and result["flows"] > 10
    assert any({"NVIDIA", "OpenAI", "Oracle"} <= set(loop["companies"]) for loop in result["loops"])

    # The window, offscreen, from the installed package only.
    (work / "window_check.py").write_text(WINDOW_SCRIPT, "utf-8")
    shown = json.loads(_run([python, "window_check.py"], cwd=work, env=env).stdout.strip().splitlines()[-1])
    assert shown["opened"] and shown["companies"] == result["companies"]
    assert shown["icons_null"] == {"add-company": False, "draw-flow": False}
    assert shown["pixmaps_null"] == {"add-company": False, "draw-flow": False}
    assert shown["toolbar_icons_null"] == {"add_company": False, "draw_flow": False}
    assert len(shown["samples"]) >= 4, shown["samples"]
    assert Path(shown["resources_file"]).is_relative_to(target)
    # The Japanese catalogue: built by the wheel's build step, shipped as package data, loaded.
    qm = json.loads(_run([python, "-c", (
        "import json, sys; from PySide6.QtCore import QCoreApplication, QTranslator;"
        "from editor import i18n; app = QCoreApplication(sys.argv);"
        "f = i18n.catalogue_file('ja'); t = QTranslator(); ok = t.load(str(f));"
        "print(json.dumps(dict(file=str(f), packaged=str(i18n.packaged_catalogue('ja')), loaded=ok,"
        "file_menu=t.translate('Menus', '&File'))))")], cwd=work, env=env).stdout.strip().splitlines()[-1])
    assert Path(qm["file"]).is_relative_to(target) and qm["file"] == qm["packaged"], qm
    assert qm["loaded"] and qm["file_menu"] == "ファイル(&F)", qm
    assert time.monotonic() - started < 90, "building, installing and running the wheel got slow"
